import type {
  ContentLanguage,
  EntryLinkType,
  EntryScope,
  EntryStatus,
  Phase,
  StoredQuoteAuthor,
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

/** numeric comes back from pg as a string; keep it a number (or null). */
const nullableNumeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** The working copy of a best-practice entry and its place in the workflow. */
@Entity('entries')
export class EntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'source_thread_id', nullable: true })
  sourceThreadId: string | null;

  /** The moderator who curated it (the drafter); they may not publish it themselves. */
  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('text', { default: 'draft' })
  status: EntryStatus;

  @Column('text', { default: 'network' })
  scope: EntryScope;

  @Column('integer', { name: 'current_version', nullable: true })
  currentVersion: number | null;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  summary: string;

  @Column('text', { name: 'context_who', default: '' })
  contextWho: string;

  @Column('text', { name: 'context_where', default: '' })
  contextWhere: string;

  @Column('text', { name: 'what_was_done', default: '' })
  whatWasDone: string;

  @Column('text', { name: 'what_worked', default: '' })
  whatWorked: string;

  @Column('text', { name: 'what_did_not', default: '' })
  whatDidNot: string;

  @Column('text', { default: '' })
  adaptation: string;

  @Column('text', { default: '' })
  evaluation: string;

  @Column('integer', { name: 'budget_eur', nullable: true })
  budgetEur: number | null;

  @Column('numeric', {
    name: 'staff_fte',
    precision: 6,
    scale: 1,
    nullable: true,
    transformer: nullableNumeric,
  })
  staffFte: number | null;

  @Column('integer', { nullable: true })
  volunteers: number | null;

  @Column('integer', { name: 'duration_months', nullable: true })
  durationMonths: number | null;

  @Column('text', { name: 'resources_note', default: '' })
  resourcesNote: string;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: Topic[];

  @Column('text')
  phase: Phase;

  @Column('text')
  language: ContentLanguage;

  @Column('text', { name: 'search_config' })
  searchConfig: string;

  @Column('text', { name: 'review_note', nullable: true })
  reviewNote: string | null;

  @Column('uuid', { name: 'review_note_by', nullable: true })
  reviewNoteBy: string | null;

  @Column('timestamptz', { name: 'review_note_at', nullable: true })
  reviewNoteAt: Date | null;

  @Column('uuid', { name: 'submitted_by', nullable: true })
  submittedBy: string | null;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One message quoted as evidence in a working copy; its text is read from the message. */
@Entity('entry_quotes')
export class EntryQuoteEntity {
  @PrimaryColumn('uuid', { name: 'entry_id' })
  entryId: string;

  @PrimaryColumn('uuid', { name: 'message_id' })
  messageId: string;

  @Column('integer')
  position: number;
}

/** A research summary or case study a working copy rests on. */
@Entity('entry_links')
export class EntryLinkEntity {
  @PrimaryColumn('uuid', { name: 'entry_id' })
  entryId: string;

  @PrimaryColumn('text', { name: 'target_type' })
  targetType: EntryLinkType;

  @PrimaryColumn('uuid', { name: 'target_id' })
  targetId: string;

  @Column('integer')
  position: number;
}

/** A quote as a version keeps it: frozen text and the attribution the thread's rule allows. */
export interface StoredQuote {
  messageId: string;
  seq: number;
  body: string;
  author: StoredQuoteAuthor;
  postedAt: string;
}

/** The content of one published version, frozen (see EntryContent for the mapped form). */
export interface VersionContent {
  title: string;
  summary: string;
  context: { who: string; where: string };
  whatWasDone: string;
  whatWorked: string;
  whatDidNot: string;
  resources: {
    budgetEur: number | null;
    staffFte: number | null;
    volunteers: number | null;
    durationMonths: number | null;
    note: string;
  };
  adaptation: string;
  evaluation: string;
  topics: Topic[];
  phase: Phase;
  language: ContentLanguage;
  evidence: StoredQuote[];
  links: { type: EntryLinkType; id: string; title: string }[];
  sourceThread: { id: string; title: string } | null;
}

/** One published version. Inserted once; the database refuses any UPDATE. */
@Entity('entry_versions')
export class EntryVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'entry_id' })
  entryId: string;

  @Column('integer')
  version: number;

  @Column('text')
  title: string;

  @Column('text', { array: true })
  topics: Topic[];

  @Column('text')
  phase: Phase;

  @Column('text')
  language: ContentLanguage;

  @Column('text', { name: 'search_config' })
  searchConfig: string;

  @Column('jsonb')
  content: VersionContent;

  @Column('text', { default: '' })
  note: string;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', name: 'published_at', insert: false, update: false })
  publishedAt: Date;
}

@Entity('network_entry_settings')
export class NetworkEntrySettingsEntity {
  @PrimaryColumn('uuid', { name: 'network_id' })
  networkId: string;

  @Column('boolean', { name: 'allow_public_entries', default: false })
  allowPublicEntries: boolean;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
