import type { FlagReason, FlagStatus } from '@tandem/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One person's flag on one message (unique per pair in the schema). */
@Entity('message_flags')
export class MessageFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'message_id' })
  messageId: string;

  /** The network of the message's thread, for the per-network queue. */
  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'flagger_id' })
  flaggerId: string;

  @Column('text')
  reason: FlagReason;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { default: 'open' })
  status: FlagStatus;

  @Column('uuid', { name: 'closed_by', nullable: true })
  closedBy: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A member's suspension from a network; `liftedAt` ends it early (or marks it replaced). */
@Entity('network_suspensions')
export class NetworkSuspensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  reason: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt: Date;

  @Column('uuid', { name: 'suspended_by', nullable: true })
  suspendedBy: string | null;

  @Column('timestamptz', { name: 'lifted_at', nullable: true })
  liftedAt: Date | null;

  @Column('uuid', { name: 'lifted_by', nullable: true })
  liftedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
