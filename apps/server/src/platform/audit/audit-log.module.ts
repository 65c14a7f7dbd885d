import { Global, Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service';

/** Global: every feature that lets moderators or admins act records into the same log. */
@Global()
@Module({
  providers: [AuditLogService],
  exports: [AuditLogService],
})
export class AuditLogModule {}
