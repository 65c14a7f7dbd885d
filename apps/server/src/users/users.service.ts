import { Injectable } from '@nestjs/common';
import { handleFrom, notFound } from '@tandem/domain';
import { DataSource, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  private readonly users: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.users = dataSource.getRepository(UserEntity);
  }

  existsByEmail(email: string): Promise<boolean> {
    return this.users.existsBy({ email });
  }

  /**
   * Creates the account with a unique handle: the display name's, or with a number after it
   * when taken. The unique index decides races; a collision just tries the next number.
   */
  async create(input: {
    email: string;
    displayName: string;
    passwordHash: string;
  }): Promise<UserEntity> {
    const base = handleFrom(input.displayName);
    const rows = await this.users
      .createQueryBuilder('u')
      .select('u.handle', 'handle')
      .where('u.handle = :base OR u.handle LIKE :pattern', { base, pattern: `${base}-%` })
      .getRawMany<{ handle: string }>();
    const taken = new Set(rows.map((row) => row.handle));
    for (let n = 1; ; n++) {
      const handle = n === 1 ? base : `${base}-${n}`;
      if (taken.has(handle)) continue;
      try {
        const { identifiers } = await this.users.insert({ ...input, handle });
        return this.getById(identifiers[0].id as string);
      } catch (error) {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError
          ?.constraint;
        if (constraint !== 'users_handle_key' || n > 50) throw error;
        taken.add(handle);
      }
    }
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

  /** Loads a user with their organisation; the id must be defined (TypeORM drops undefined keys). */
  async getById(id: string): Promise<UserEntity> {
    if (typeof id !== 'string') throw notFound('User');
    const user = await this.users.findOne({ where: { id }, relations: { organisation: true } });
    if (!user) throw notFound('User');
    return user;
  }

  async setOrganisation(userId: string, organisationId: string | null): Promise<UserEntity> {
    await this.users.update({ id: userId }, { organisationId });
    return this.getById(userId);
  }
}
