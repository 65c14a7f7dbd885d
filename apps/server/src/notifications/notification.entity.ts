import type { AuthorView, NotificationKind, NotificationSubjectType } from '@tandem/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a notification shows, frozen when it is made (a later rename does not rewrite it). */
export interface NotificationPayload {
  /** The subject's title: a thread's title, a pairing's or an entry's name. */
  title: string;
  excerpt: string;
  /** Who caused it, as the subject's attribution rule shows them; null for reminders. */
  actor: AuthorView | null;
}

@Entity('notifications')
export class NotificationEntity {
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
  payload: NotificationPayload;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
