import type {
  NotificationKind,
  NotificationPayload,
  NotificationRecord,
  NotificationSubjectType,
} from '@tandem/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('notifications')
export class NotificationEntity implements NotificationRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  kind: NotificationKind;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text', { name: 'subject_type' })
  subjectType: NotificationSubjectType;

  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  /** Set for thread subjects (the database checks it equals subject_id). */
  @Column('uuid', { name: 'thread_id', nullable: true })
  threadId: string | null;

  @Column('uuid', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('text', { name: 'dedupe_key', nullable: true })
  dedupeKey: string | null;

  @Column('jsonb', { default: {} })
  /** What it shows, frozen when it is made (a later rename does not rewrite it). */
  payload: NotificationPayload;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
