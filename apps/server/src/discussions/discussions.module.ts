import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DiscussionsController } from './discussions.controller';
import { DiscussionsService } from './discussions.service';
import { ThreadAnnexRegistry } from './thread-annex';

@Module({
  imports: [NotificationsModule],
  controllers: [DiscussionsController],
  providers: [DiscussionsService, ThreadAnnexRegistry],
  exports: [DiscussionsService, ThreadAnnexRegistry],
})
export class DiscussionsModule {}
