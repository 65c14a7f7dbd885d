import { Module } from '@nestjs/common';
import { AuditLogReader } from './audit-log-reader.service';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';

/** Network admins read their network's audit log here; writing it is platform/audit's. */
@Module({
  controllers: [AuditLogController],
  providers: [AuditLogReader, AuditLogRepository],
})
export class AuditModule {}
