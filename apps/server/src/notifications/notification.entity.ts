import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface MentionPayload {
  threadTitle: string;
  excerpt: string;
  /** The mentioning author as the thread's attribution rule shows them. */
  actor:
    | {
        kind: 'named';
        userId: string;
        displayName: string;
        handle: string;
        organisationLabel: string | null;
      }
    | { kind: 'chatham'; label: string };
}

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  kind: 'mention';

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'thread_id', nullable: true })
  threadId: string | null;

  @Column('uuid', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('jsonb', { default: {} })
  payload: MentionPayload;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
