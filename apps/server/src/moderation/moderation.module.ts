import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { SuspensionsController } from './suspensions.controller';
import { SuspensionsService } from './suspensions.service';

/** Flags, the queue, hiding, slow mode and suspensions (the audit log is AuditModule's). */
@Module({
  imports: [NotificationsModule],
  controllers: [ModerationController, SuspensionsController],
  providers: [ModerationService, SuspensionsService],
  exports: [SuspensionsService],
})
export class ModerationModule {}
