import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CurationExportService } from './curation-export.service';
import { CurationController } from './curation.controller';
import { CurationRepository } from './curation.repository';
import { CurationService } from './curation.service';

@Module({
  imports: [NotificationsModule],
  controllers: [CurationController],
  providers: [CurationService, CurationExportService, CurationRepository],
  exports: [CurationService],
})
export class CurationModule {}
