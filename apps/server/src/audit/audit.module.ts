import { Module } from '@nestjs/common';
import { AuditLogReader } from './audit-log-reader.service';
import { AuditLogController } from './audit-log.controller';

/** Network admins read their network's audit log here; writing it is platform/audit's. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLogReader],
})
export class AuditModule {}
