import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';

/** Mail through the outbox and the job queue; a feature imports it to queue mail. */
@Module({
  imports: [JobsModule],
  providers: [MailService, MailOutboxRepository, MailTransport],
  exports: [MailService],
})
export class MailModule {}
