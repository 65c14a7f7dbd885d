import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module';
import { LibraryThreadAnnex } from './library-thread-annex';
import { LibraryLinksRepository } from './library-links.repository';
import { LibraryController } from './library.controller';
import { LibraryRepository } from './library.repository';
import { LibraryService } from './library.service';
import { ThreadLinks } from './thread-links';

@Module({
  imports: [DiscussionsModule],
  controllers: [LibraryController],
  providers: [
    LibraryService,
    LibraryRepository,
    LibraryLinksRepository,
    LibraryThreadAnnex,
    ThreadLinks,
  ],
  exports: [LibraryService, LibraryLinksRepository, ThreadLinks],
})
export class LibraryModule {}
