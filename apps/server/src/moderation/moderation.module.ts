import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';
import { SuspensionsController } from './suspensions.controller';
import { SuspensionsRepository } from './suspensions.repository';
import { SuspensionsService } from './suspensions.service';

/** Flags, the queue, hiding, slow mode and suspensions (the audit log is AuditModule's). */
@Module({
  imports: [NotificationsModule, DiscussionsModule],
  controllers: [ModerationController, SuspensionsController],
  providers: [ModerationService, SuspensionsService, ModerationRepository, SuspensionsRepository],
  exports: [SuspensionsService],
})
export class ModerationModule {}
