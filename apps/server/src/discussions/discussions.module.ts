import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AuthorsRepository } from './authors.repository';
import { DiscussionsController } from './discussions.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { PostingAllowance } from './posting-allowance';
import { ThreadAnnexRegistry } from './thread-annex';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

@Module({
  imports: [NotificationsModule, NetworksModule],
  controllers: [DiscussionsController],
  providers: [
    ThreadsService,
    MessagesService,
    ThreadsRepository,
    MessagesRepository,
    AuthorsRepository,
    PostingAllowance,
    ThreadAnnexRegistry,
  ],
  exports: [
    ThreadsService,
    MessagesService,
    ThreadsRepository,
    MessagesRepository,
    AuthorsRepository,
    ThreadAnnexRegistry,
  ],
})
export class DiscussionsModule {}
