import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MentoringFollowUpJob } from './follow-up.job';
import { MentoringController } from './mentoring.controller';
import { MentoringOverviewRepository } from './mentoring-overview.repository';
import { MentoringOverviewService } from './mentoring-overview.service';
import { MentoringRepository } from './mentoring.repository';
import { PairingClosingRepository } from './pairing-closing.repository';
import { PairingClosingService } from './pairing-closing.service';
import { PairingPublisher } from './pairing-publisher.service';
import { PairingViewService } from './pairing-view.service';
import { PairingWorkRepository } from './pairing-work.repository';
import { PairingWorkService } from './pairing-work.service';
import { PairingsRepository } from './pairings.repository';
import { PairingsService } from './pairings.service';
import { ProfilesRepository } from './profiles.repository';
import { MentoringProfilesService } from './profiles.service';

@Module({
  imports: [ChannelsModule, DiscussionsModule, NotificationsModule],
  controllers: [MentoringController],
  providers: [
    MentoringRepository,
    ProfilesRepository,
    PairingsRepository,
    PairingWorkRepository,
    PairingClosingRepository,
    MentoringOverviewRepository,
    PairingViewService,
    PairingPublisher,
    MentoringProfilesService,
    PairingsService,
    PairingWorkService,
    PairingClosingService,
    MentoringOverviewService,
    MentoringFollowUpJob,
  ],
  exports: [MentoringFollowUpJob],
})
export class MentoringModule {}
