import type {
  ContentLanguage,
  FundingSource,
  LibraryScope,
  LibraryStatus,
  Phase,
  ResearchQuestion,
  Topic,
} from '@tandem/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export interface SourceLink {
  url: string;
  citation: string;
}

/** Columns every library item has: its owning network, author, audience and workflow state. */
abstract class LibraryItemColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: Topic[];

  @Column('text')
  language: ContentLanguage;

  /** The Postgres text-search configuration for `language` (english, french, ... simple). */
  @Column('text', { name: 'search_config' })
  searchConfig: string;

  @Column('text', { default: 'draft' })
  status: LibraryStatus;

  @Column('text', { default: 'network' })
  scope: LibraryScope;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('research_summaries')
export class ResearchSummaryEntity extends LibraryItemColumns {
  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column('text', { name: 'key_finding' })
  keyFinding: string;

  @Column('text', { name: 'practice_implications' })
  practiceImplications: string;

  @Column('text')
  question: ResearchQuestion;

  @Column('text')
  phase: Phase;

  @Column('jsonb')
  sources: SourceLink[];
}

@Entity('case_studies')
export class CaseStudyEntity extends LibraryItemColumns {
  @Column('text', { name: 'programme_name' })
  programmeName: string;

  @Column('text', { default: '' })
  city: string;

  @Column('char', { length: 2 })
  country: string;

  @Column('text')
  summary: string;

  @Column('text', { name: 'target_groups', array: true, default: () => `'{}'` })
  targetGroups: string[];

  @Column('text', { name: 'two_way', nullable: true })
  twoWay: string | null;

  @Column('integer', { name: 'annual_budget_eur' })
  annualBudgetEur: number;

  /** numeric comes back from pg as a string; the transformer keeps it a number. */
  @Column('numeric', {
    name: 'staff_fte',
    precision: 6,
    scale: 1,
    transformer: {
      to: (value: number) => value,
      from: (value: string | null) => (value === null ? 0 : Number(value)),
    },
  })
  staffFte: number;

  @Column('integer')
  volunteers: number;

  @Column('integer', { name: 'duration_months' })
  durationMonths: number;

  @Column('text', { name: 'funding_sources', array: true, default: () => `'{}'` })
  fundingSources: FundingSource[];

  @Column('text', { default: '' })
  outcomes: string;

  @Column('text', { default: '' })
  evaluation: string;

  @Column('text', { default: '' })
  adaptation: string;

  @Column('text', { default: '' })
  contact: string;
}

export const LINK_TARGETS = ['research', 'case_study', 'entry'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

@Entity('thread_links')
export class ThreadLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'thread_id' })
  threadId: string;

  @Column('text', { name: 'target_type' })
  targetType: LinkTarget;

  @Column('uuid', { name: 'target_id' })
  targetId: string;

  @Column('text', { default: '' })
  note: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
