import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module';
import { LibraryModule } from '../library/library.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CurationExportService } from './curation-export.service';
import { CurationController } from './curation.controller';
import { CurationThreadAnnex } from './curation-thread-annex';
import { EntryLinkTarget } from './entry-link-target';
import { CurationRepository } from './curation.repository';
import { CurationService } from './curation.service';
import { EntryEvidenceRepository } from './entry-evidence.repository';
import { EntryWorkflowService } from './entry-workflow.service';
import { QuoteConsentsController } from './quote-consents.controller';
import { QuoteConsentsRepository } from './quote-consents.repository';
import { QuoteConsentsService } from './quote-consents.service';
import { ThreadEntriesRepository } from './thread-entries.repository';

@Module({
  imports: [NotificationsModule, DiscussionsModule, LibraryModule],
  controllers: [CurationController, QuoteConsentsController],
  providers: [
    CurationService,
    EntryWorkflowService,
    CurationExportService,
    CurationRepository,
    EntryEvidenceRepository,
    ThreadEntriesRepository,
    CurationThreadAnnex,
    EntryLinkTarget,
    QuoteConsentsService,
    QuoteConsentsRepository,
  ],
  exports: [CurationService],
})
export class CurationModule {}
