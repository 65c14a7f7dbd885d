import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module';
import { LibraryThreadAnnex } from './library-thread-annex';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';
import { ThreadLinks } from './thread-links';

@Module({
  imports: [DiscussionsModule],
  controllers: [LibraryController],
  providers: [LibraryService, LibraryThreadAnnex, ThreadLinks],
  exports: [LibraryService, ThreadLinks],
})
export class LibraryModule {}
