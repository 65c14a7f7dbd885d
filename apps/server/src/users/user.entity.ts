import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { UiLocale } from '@tandem/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored normalised (trimmed, lower case); unique. */
  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  /** For @mentions: unique, lower case, derived from the display name at sign-up. */
  @Column('text')
  handle: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation: OrganisationEntity | null;

  /** The UI locale; every mail to this person is written in it. */
  @Column('text')
  locale: UiLocale;

  /** ISO 639-1 codes, lower case, each once. */
  @Column('text', { name: 'reading_languages', array: true })
  readingLanguages: string[];

  /** When `email` was confirmed from a mail sent to it; null until then. */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;

  /**
   * Not a column: the new address waiting for verification, filled in by UsersRepository when
   * it loads an account for its owner (account_tokens), else undefined.
   */
  pendingEmail?: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Set when the account was deleted: it is anonymised, never row-deleted (see account/). */
  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}
