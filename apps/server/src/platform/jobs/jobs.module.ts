import { Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The job queue; a feature imports this module to send jobs or to work a queue. */
@Module({
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
