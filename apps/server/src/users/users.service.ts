import { Injectable } from '@nestjs/common';
import { handleFrom, notFound, type UiLocale } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';
import { MailRecipient, UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  existsByEmail(email: string, manager?: EntityManager): Promise<boolean> {
    return this.users.existsByEmail(email, manager);
  }

  /**
   * Creates the account with a unique handle: the display name's, or with a number after it
   * when taken. The unique index decides races; a collision just tries the next number.
   */
  async create(input: {
    email: string;
    displayName: string;
    passwordHash: string;
    locale: UiLocale;
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

  /** The live account's password hash (null when gone or deleted), to confirm a change. */
  passwordHash(userId: string): Promise<string | null> {
    return this.users.passwordHash(userId);
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

  async updateProfile(
    userId: string,
    fields: { displayName?: string; locale?: UiLocale; readingLanguages?: string[] },
  ): Promise<UserEntity> {
    await this.users.updateProfile(userId, fields);
    return this.getById(userId);
  }

  recipientByEmail(manager: EntityManager, email: string): Promise<MailRecipient | null> {
    return this.users.recipientByEmail(manager, email);
  }

  /** Locks the live account's row until the transaction ends; null when gone or deleted. */
  lockRecipient(manager: EntityManager, userId: string): Promise<MailRecipient | null> {
    return this.users.lockRecipient(manager, userId);
  }

  setPasswordHash(manager: EntityManager, userId: string, hash: string): Promise<void> {
    return this.users.setPasswordHash(manager, userId, hash);
  }

  setVerifiedEmail(manager: EntityManager, userId: string, email: string): Promise<void> {
    return this.users.setVerifiedEmail(manager, userId, email);
  }

  /**
   * A mail sent to `email` was answered (a reset or invitation link): if that is the account's
   * current, unverified address, it is verified now.
   */
  markVerifiedIfUnverified(manager: EntityManager, userId: string, email: string): Promise<void> {
    return this.users.markVerifiedIfUnverified(manager, userId, email);
  }
}
