import type { AuditAction, AuditSubjectType } from '@tandem/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of the append-only audit log (see the AuditLog migration). Only ever inserted. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Assigned by the database: the exact order entries were written in. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text')
  action: AuditAction;

  @Column('text', { name: 'subject_type' })
  subjectType: AuditSubjectType;

  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  @Column('jsonb', { default: {} })
  details: Record<string, unknown>;

  /** Set by the database (clock_timestamp), so entries of one transaction keep their order. */
  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt: Date;
}
