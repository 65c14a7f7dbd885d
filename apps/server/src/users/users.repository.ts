import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** Accounts. The password hash is read by findWithPasswordHash only. */
@Injectable()
export class UsersRepository {
  private readonly users: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.users.existsBy({ email });
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
  }): Promise<string> {
    const { identifiers } = await this.users.insert(fields);
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

  /** The user with their organisation; the id must be a string (TypeORM drops undefined keys). */
  findWithOrganisation(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id }, relations: { organisation: true } });
  }

  async setOrganisation(userId: string, organisationId: string | null): Promise<void> {
    await this.users.update({ id: userId }, { organisationId });
  }
}
