import { Injectable } from '@nestjs/common';
import type { UiLocale } from '@tandem/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** What mail to an account needs: where, in which language, and how to greet. */
export interface MailRecipient {
  id: string;
  email: string;
  displayName: string;
  locale: UiLocale;
}

/** Accounts. The password hash is read by findWithPasswordHash and passwordHash only. */
@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  existsByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(UserEntity, { email });
  }

  /** The handles taken among `base` and `base-<anything>`, to pick a free one. */
  async handlesLike(base: string): Promise<Set<string>> {
    const rows = await this.users
      .createQueryBuilder('u')
      .select('u.handle', 'handle')
      .where('u.handle = :base OR u.handle LIKE :pattern', { base, pattern: `${base}-%` })
      .getRawMany<{ handle: string }>();
    return new Set(rows.map((row) => row.handle));
  }

  /** Inserts the account; a taken handle fails on the unique index `users_handle_key`. */
  async insert(fields: {
    email: string;
    displayName: string;
    passwordHash: string;
    handle: string;
    locale: UiLocale;
  }): Promise<string> {
    const { identifiers } = await this.users.insert({ ...fields, readingLanguages: [] });
    return identifiers[0].id as string;
  }

  /**
   * The only query that reads the password hash (the column is `select: false`) for sign-in. A
   * deleted (anonymised) account has no password and never signs in.
   */
  findWithPasswordHash(email: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.deleted_at IS NULL', { email })
      .getOne();
  }

  /** The live account's password hash, or null when it is gone or deleted. */
  async passwordHash(userId: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1 AND deleted_at IS NULL`,
      [userId],
    );
    return rows[0]?.password_hash ?? null;
  }

  /**
   * The user with their organisation and the address waiting for verification; the id must be
   * a string (TypeORM drops undefined keys).
   */
  async findWithOrganisation(id: string): Promise<UserEntity | null> {
    const user = await this.users.findOne({ where: { id }, relations: { organisation: true } });
    if (!user) return null;
    const pending: { email: string }[] = await this.dataSource.query(
      `SELECT email FROM account_tokens
        WHERE user_id = $1 AND purpose = 'verify_email' AND used_at IS NULL
          AND revoked_at IS NULL AND expires_at > now() AND email <> $2
        ORDER BY created_at DESC LIMIT 1`,
      [id, user.email],
    );
    user.pendingEmail = pending[0]?.email ?? null;
    return user;
  }

  /** A live (not deleted) account by its address, for mail about it. */
  async recipientByEmail(manager: EntityManager, email: string): Promise<MailRecipient | null> {
    const rows: { id: string; email: string; display_name: string; locale: UiLocale }[] =
      await manager.query(
        `SELECT id, email, display_name, locale FROM users WHERE email = $1 AND deleted_at IS NULL`,
        [email],
      );
    return rows[0] ? toRecipient(rows[0]) : null;
  }

  /** The live account, its row locked FOR UPDATE until the transaction ends (call it in one). */
  async lockRecipient(manager: EntityManager, userId: string): Promise<MailRecipient | null> {
    const rows: { id: string; email: string; display_name: string; locale: UiLocale }[] =
      await manager.query(
        `SELECT id, email, display_name, locale FROM users
          WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [userId],
      );
    return rows[0] ? toRecipient(rows[0]) : null;
  }

  async setOrganisation(userId: string, organisationId: string | null): Promise<void> {
    await this.users.update({ id: userId }, { organisationId });
  }

  /** Changes only the fields given; undefined ones are left as they are. */
  async updateProfile(
    userId: string,
    fields: { displayName?: string; locale?: UiLocale; readingLanguages?: string[] },
  ): Promise<void> {
    const changes: Partial<UserEntity> = {};
    if (fields.displayName !== undefined) changes.displayName = fields.displayName;
    if (fields.locale !== undefined) changes.locale = fields.locale;
    if (fields.readingLanguages !== undefined) changes.readingLanguages = fields.readingLanguages;
    if (Object.keys(changes).length === 0) return;
    await this.users.update({ id: userId }, changes);
  }

  async setPasswordHash(manager: EntityManager, userId: string, hash: string): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND deleted_at IS NULL`,
      [userId, hash],
    );
  }

  /** The address is now verified (and becomes the account's address when it is a new one). */
  async setVerifiedEmail(manager: EntityManager, userId: string, email: string): Promise<void> {
    await manager.query(
      `UPDATE users SET email = $2, email_verified_at = now(), updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL`,
      [userId, email],
    );
  }

  /** Marks the current address verified when it is `email` and is not verified yet. */
  async markVerifiedIfUnverified(
    manager: EntityManager,
    userId: string,
    email: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET email_verified_at = now()
        WHERE id = $1 AND email = $2 AND email_verified_at IS NULL AND deleted_at IS NULL`,
      [userId, email],
    );
  }
}

function toRecipient(row: {
  id: string;
  email: string;
  display_name: string;
  locale: UiLocale;
}): MailRecipient {
  return { id: row.id, email: row.email, displayName: row.display_name, locale: row.locale };
}
