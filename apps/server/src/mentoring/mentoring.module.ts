import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { MentoringFollowUpJob } from './follow-up.job';
import { MentoringController } from './mentoring.controller';
import { MentoringExportService } from './mentoring-export.service';
import { MentoringRepository } from './mentoring.repository';
import { MentoringService } from './mentoring.service';

@Module({
  imports: [NotificationsModule],
  controllers: [MentoringController],
  providers: [MentoringService, MentoringRepository, MentoringExportService, MentoringFollowUpJob],
  exports: [MentoringFollowUpJob],
})
export class MentoringModule {}
