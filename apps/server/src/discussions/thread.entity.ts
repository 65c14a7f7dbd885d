import type { LabelCode } from '@tandem/domain';
import type { Attribution, ThreadRecord, Topic } from '@tandem/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('threads')
export class ThreadEntity implements ThreadRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'channel_id' })
  channelId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  title: string;

  @Column('text')
  attribution: Attribution;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: Topic[];

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  /** The author's attribution label when they posted; Chatham threads show only this. */
  @Column('text', { name: 'author_label' })
  authorLabel: string;

  /** The label's code, frozen at posting time; rendered in each reader's language. */
  @Column('text', { name: 'author_label_code' })
  authorLabelCode: LabelCode;

  @Column('text', { name: 'client_id' })
  clientId: string;

  /** The highest seq handed out in this thread; bumped under the row lock of each post. */
  @Column('integer', { name: 'last_seq', default: 0 })
  lastSeq: number;

  /** The highest change stamp given to an edit or delete in this thread (see message.changeSeq). */
  @Column('integer', { name: 'last_change', default: 0 })
  lastChange: number;

  @Column('integer', { name: 'message_count', default: 0 })
  messageCount: number;

  @Column('timestamptz', { name: 'locked_at', nullable: true })
  lockedAt: Date | null;

  @Column('uuid', { name: 'locked_by', nullable: true })
  lockedBy: string | null;

  @Column('timestamptz', { name: 'last_activity_at' })
  lastActivityAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
