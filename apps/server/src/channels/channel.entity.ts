import type { ChannelRecord, ChannelVisibility, Topic } from '@tandem/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('channels')
export class ChannelEntity implements ChannelRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: Topic[];

  @Column('text')
  visibility: ChannelVisibility;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  /** Slow mode: members post at most once per this many seconds here; 0 is off. */
  @Column('integer', { name: 'slow_mode_seconds', default: 0 })
  slowModeSeconds: number;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('channel_members')
export class ChannelMemberEntity {
  @Column('uuid', { name: 'channel_id', primary: true })
  channelId: string;

  @Column('uuid', { name: 'user_id', primary: true })
  userId: string;

  @Column('uuid', { name: 'added_by', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
