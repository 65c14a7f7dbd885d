import type {
  FollowUpMilestone,
  GoalStatus,
  MentoringMode,
  PairingSide,
  PairingState,
  SessionFormat,
  Topic,
} from '@tandem/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** One member's mentoring profile in one network (gone when they leave the network). */
@Entity('mentoring_profiles')
export class MentoringProfileEntity {
  @PrimaryColumn('uuid', { name: 'network_id' })
  networkId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  mode: MentoringMode;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: Topic[];

  @Column('text', { array: true })
  languages: string[];

  @Column('smallint', { default: 1 })
  capacity: number;

  @Column('text', { default: '' })
  about: string;

  @Column('boolean', { default: true })
  available: boolean;

  @Column('text', { name: 'availability_note', default: '' })
  availabilityNote: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('pairings')
export class PairingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'mentor_id' })
  mentorId: string;

  @Column('uuid', { name: 'mentee_id' })
  menteeId: string;

  @Column('uuid', { name: 'proposed_by', nullable: true })
  proposedBy: string | null;

  @Column('boolean', { name: 'on_behalf_of_organisations', default: false })
  onBehalfOfOrganisations: boolean;

  /** The organisations the pairing is made on behalf of, as they were when it was proposed. */
  @Column('uuid', { name: 'mentor_organisation_id', nullable: true })
  mentorOrganisationId: string | null;

  @Column('uuid', { name: 'mentee_organisation_id', nullable: true })
  menteeOrganisationId: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: Topic[];

  @Column('text', { default: 'proposed' })
  state: PairingState;

  @Column('timestamptz', { name: 'mentor_accepted_at', nullable: true })
  mentorAcceptedAt: Date | null;

  @Column('timestamptz', { name: 'mentee_accepted_at', nullable: true })
  menteeAcceptedAt: Date | null;

  @Column('timestamptz', { name: 'activated_at', nullable: true })
  activatedAt: Date | null;

  @Column('timestamptz', { name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column('uuid', { name: 'ended_by', nullable: true })
  endedBy: string | null;

  /** The pair's private channel, made when the pairing becomes active. */
  @Column('uuid', { name: 'channel_id', nullable: true })
  channelId: string | null;

  /** The conversation thread inside that channel. */
  @Column('uuid', { name: 'thread_id', nullable: true })
  threadId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('pairing_goals')
export class PairingGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'pairing_id' })
  pairingId: string;

  /** 1 to PAIRING_GOALS_MAX, unique per pairing: the schema's own cap on goals. */
  @Column('smallint')
  position: number;

  @Column('text')
  title: string;

  @Column('text', { default: 'not_started' })
  status: GoalStatus;

  @Column('text', { default: '' })
  note: string;

  @Column('timestamptz', { name: 'achieved_at', nullable: true })
  achievedAt: Date | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('pairing_sessions')
export class PairingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'pairing_id' })
  pairingId: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes: number;

  @Column('text')
  format: SessionFormat;

  @Column('text', { default: '' })
  location: string;

  @Column('text', { default: '' })
  agenda: string;

  @Column('text', { default: '' })
  notes: string;

  @Column('uuid', { name: 'participant_ids', array: true, default: () => `'{}'` })
  participantIds: string[];

  @Column('text', { name: 'other_participants', default: '' })
  otherParticipants: string;

  /** The iCalendar SEQUENCE: bumped by every edit, so calendars update the event. */
  @Column('integer', { default: 0 })
  revision: number;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('pairing_feedback')
export class PairingFeedbackEntity {
  @PrimaryColumn('uuid', { name: 'pairing_id' })
  pairingId: string;

  @PrimaryColumn('text')
  side: PairingSide;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('smallint')
  usefulness: number;

  @Column('text', { name: 'programme_changes', default: '' })
  programmeChanges: string;

  @Column('boolean', { name: 'would_recommend' })
  wouldRecommend: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('pairing_follow_ups')
export class PairingFollowUpEntity {
  @PrimaryColumn('uuid', { name: 'pairing_id' })
  pairingId: string;

  @PrimaryColumn('text')
  side: PairingSide;

  @PrimaryColumn('smallint')
  milestone: FollowUpMilestone;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId: string | null;

  @Column('text', { default: '' })
  lasting: string;

  @Column('boolean', { name: 'still_in_contact' })
  stillInContact: boolean;

  @Column('smallint')
  usefulness: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const MENTORING_ENTITIES = [
  MentoringProfileEntity,
  PairingEntity,
  PairingGoalEntity,
  PairingSessionEntity,
  PairingFeedbackEntity,
  PairingFollowUpEntity,
];
