import { Injectable } from '@nestjs/common';
import { handleFrom, notFound } from '@tandem/domain';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  existsByEmail(email: string): Promise<boolean> {
    return this.users.existsByEmail(email);
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
    const taken = await this.users.handlesLike(base);
    for (let n = 1; ; n++) {
      const handle = n === 1 ? base : `${base}-${n}`;
      if (taken.has(handle)) continue;
      try {
        return this.getById(await this.users.insert({ ...input, handle }));
      } catch (error) {
        const constraint = (error as { driverError?: { constraint?: string } }).driverError
          ?.constraint;
        if (constraint !== 'users_handle_key' || n > 50) throw error;
        taken.add(handle);
      }
    }
  }

  /** For sign-in only: see UsersRepository.findWithPasswordHash. */
  findWithPasswordHash(email: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    return this.users.findWithPasswordHash(email);
  }

  /** Loads a user with their organisation; the id must be defined (TypeORM drops undefined keys). */
  async getById(id: string): Promise<UserEntity> {
    if (typeof id !== 'string') throw notFound('User');
    const user = await this.users.findWithOrganisation(id);
    if (!user) throw notFound('User');
    return user;
  }

  async setOrganisation(userId: string, organisationId: string | null): Promise<UserEntity> {
    await this.users.setOrganisation(userId, organisationId);
    return this.getById(userId);
  }
}
