import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AuditModule } from './audit/audit.module';
import { EventsModule } from './platform/events/events.module';
import { AuditLogModule } from './platform/audit/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { ChannelsModule } from './channels/channels.module';
import { DiscussionsModule } from './discussions/discussions.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ConfigModule } from './platform/config/config.module';
import { CurationModule } from './curation/curation.module';
import type { AppConfig } from './platform/config/configuration';
import { dataSourceOptions } from './data-source';
import { HealthModule } from './platform/health/health.module';
import { MetricsModule } from './platform/metrics/metrics.module';
import { LibraryModule } from './library/library.module';
import { MentoringModule } from './mentoring/mentoring.module';
import { AccountModule } from './account/account.module';
import { ModerationModule } from './moderation/moderation.module';
import { SearchModule } from './search/search.module';
import { FeedsModule } from './feeds/feeds.module';
import { NetworksModule } from './networks/networks.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { RateLimitModule } from './platform/rate-limit/rate-limit.module';
import { RealtimeModule } from './realtime/realtime.module';
import { JobsModule } from './platform/jobs/jobs.module';
import { MailModule } from './platform/mail/mail.module';

const QUIET_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

@Module({})
export class AppModule {
  /** The database URL is resolved before the module is built (the embedded server starts first). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Never log credentials: tokens travel in headers and bodies.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Probes and scrapes arrive every few seconds from machines, not people.
            autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url ?? '') },
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : config.requestLogLevel,
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.database)),
        EventEmitterModule.forRoot(),
        RateLimitModule,
        EventsModule,
        JobsModule,
        MailModule,
        AuditLogModule,
        AuditModule,
        AuthModule,
        OrganisationsModule,
        NetworksModule,
        ChannelsModule,
        DiscussionsModule,
        NotificationsModule,
        LibraryModule,
        MentoringModule,
        CurationModule,
        SearchModule,
        FeedsModule,
        ModerationModule,
        AccountModule,
        RealtimeModule,
        HealthModule,
        MetricsModule,
      ],
    };
  }
}
