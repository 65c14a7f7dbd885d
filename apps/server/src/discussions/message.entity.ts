import type { LabelCode } from '@tandem/domain';
import type { MessageRecord } from '@tandem/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('messages')
export class MessageEntity implements MessageRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'thread_id' })
  threadId: string;

  @Column('integer')
  seq: number;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('text', { name: 'author_label' })
  authorLabel: string;

  /** The label's code, frozen at posting time; rendered in each reader's language. */
  @Column('text', { name: 'author_label_code' })
  authorLabelCode: LabelCode;

  @Column('text', { name: 'client_id' })
  clientId: string;

  @Column('text')
  body: string;

  @Column('uuid', { name: 'reply_to_id', nullable: true })
  replyToId: string | null;

  /** 0 until edited or deleted; then the thread's change stamp of the latest such change. */
  @Column('integer', { name: 'change_seq', default: 0 })
  changeSeq: number;

  @Column('timestamptz', { name: 'edited_at', nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { name: 'deleted_by', nullable: true })
  deletedBy: string | null;

  /** Hidden by a moderator: members see a placeholder (see toMessageView). */
  @Column('timestamptz', { name: 'hidden_at', nullable: true })
  hiddenAt: Date | null;

  @Column('uuid', { name: 'hidden_by', nullable: true })
  hiddenBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('message_revisions')
export class MessageRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'message_id' })
  messageId: string;

  @Column('text')
  body: string;

  @CreateDateColumn({ name: 'replaced_at', type: 'timestamptz' })
  replacedAt: Date;
}

@Entity('thread_reads')
export class ThreadReadEntity {
  @Column('uuid', { name: 'user_id', primary: true })
  userId: string;

  @Column('uuid', { name: 'thread_id', primary: true })
  threadId: string;

  @Column('integer', { name: 'last_read_seq', default: 0 })
  lastReadSeq: number;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
