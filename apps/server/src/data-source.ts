import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseSettings } from './platform/config/configuration';
import { pgWithSeparateTimeouts } from './platform/database/pool';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { InvitationEntity } from './networks/invitation.entity';
import { MembershipEntity } from './networks/membership.entity';
import { NetworkEntity } from './networks/network.entity';
import { OrganisationEntity } from './organisations/organisation.entity';
import { UserEntity } from './users/user.entity';
import { Foundation1763800000000 } from './platform/database/migrations/1763800000000-foundation';
import { Discussions1763900000000 } from './platform/database/migrations/1763900000000-discussions';
import { Library1764000000000 } from './platform/database/migrations/1764000000000-library';
import { MessageChanges1764100000000 } from './platform/database/migrations/1764100000000-message-changes';
import { NotificationSubjects1764200000000 } from './platform/database/migrations/1764200000000-notification-subjects';
import { AuditLog1764300000000 } from './platform/database/migrations/1764300000000-audit-log';
import { SearchIndexes1764350000000 } from './platform/database/migrations/1764350000000-search-indexes';
import { Curation1764500000000 } from './platform/database/migrations/1764500000000-curation';
import { Moderation1764600000000 } from './platform/database/migrations/1764600000000-moderation';
import {
  CaseStudyEntity,
  ResearchSummaryEntity,
  ThreadLinkEntity,
} from './library/library.entities';
import { ChannelEntity, ChannelMemberEntity } from './channels/channel.entity';
import {
  MessageEntity,
  MessageRevisionEntity,
  ThreadReadEntity,
} from './discussions/message.entity';
import { ThreadEntity } from './discussions/thread.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { AuditEntryEntity } from './platform/audit/audit-entry.entity';
import { MENTORING_ENTITIES } from './mentoring/mentoring.entities';
import { Mentoring1764400000000 } from './platform/database/migrations/1764400000000-mentoring';
import {
  EntryEntity,
  EntryLinkEntity,
  EntryQuoteEntity,
  EntryVersionEntity,
  NetworkEntrySettingsEntity,
} from './curation/curation.entities';
import { MessageFlagEntity, NetworkSuspensionEntity } from './moderation/moderation.entities';
import { installJobQueueSchema } from './platform/jobs/job-queue-database';
import { ChathamSmallCircles1764800000000 } from './platform/database/migrations/1764800000000-chatham-small-circles';
import { MailOutbox1764730000000 } from './platform/database/migrations/1764730000000-mail-outbox';
import { AccountSettings1764810000000 } from './platform/database/migrations/1764810000000-account-settings';

export const ENTITIES = [
  AuditEntryEntity,
  UserEntity,
  OrganisationEntity,
  RefreshTokenEntity,
  NetworkEntity,
  MembershipEntity,
  InvitationEntity,
  ChannelEntity,
  ChannelMemberEntity,
  ThreadEntity,
  MessageEntity,
  MessageRevisionEntity,
  ThreadReadEntity,
  NotificationEntity,
  ResearchSummaryEntity,
  CaseStudyEntity,
  ThreadLinkEntity,
  ...MENTORING_ENTITIES,
  EntryEntity,
  EntryQuoteEntity,
  EntryLinkEntity,
  EntryVersionEntity,
  NetworkEntrySettingsEntity,
  MessageFlagEntity,
  NetworkSuspensionEntity,
];

/** In order; never edit one that has been merged, add a new one. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Discussions1763900000000,
  Library1764000000000,
  MessageChanges1764100000000,
  NotificationSubjects1764200000000,
  AuditLog1764300000000,
  SearchIndexes1764350000000,
  Mentoring1764400000000,
  Curation1764500000000,
  Moderation1764600000000,
  MailOutbox1764730000000,
  ChathamSmallCircles1764800000000,
  AccountSettings1764810000000,
];

/**
 * The pool as the server runs it. Without `settings` (the CLI, migrations, tests that open their
 * own DataSource), no session limits apply: a migration building an index may take minutes.
 *
 * The session limits travel as startup parameters, so every pooled connection has them from its
 * first statement; a pooler in transaction mode (PgBouncer) must be told to pass them on
 * (`ignore_startup_parameters` must not list them) or be configured with the same limits.
 */
export function dataSourceOptions(url: string, settings?: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // Waiting longer for a busy pool only lengthens the queue behind a saturated database; the
    // request answers 503 with Retry-After instead (see database-errors). Opening a connection
    // has its own, longer budget (see pool.ts).
    ...(settings && {
      driver: pgWithSeparateTimeouts(settings.acquireTimeoutMs, settings.connectTimeoutMs),
    }),
    extra: settings
      ? {
          max: settings.poolSize,
          connectionTimeoutMillis: settings.connectTimeoutMs,
          statement_timeout: settings.statementTimeoutMs,
          lock_timeout: settings.lockTimeoutMs,
          idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
          application_name: 'tandem',
        }
      : // A slow moment waits up to 10 s for a connection before the command gives up.
        { max: 20, connectionTimeoutMillis: 10_000 },
  };
}

/** Applies pending migrations, each in its own transaction, then the job queue's schema. */
export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource({
    ...dataSourceOptions(url),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await installJobQueueSchema(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
