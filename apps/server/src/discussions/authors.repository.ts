import { Injectable } from '@nestjs/common';
import type { AuthorFacts } from '@tandem/domain';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * Who wrote a thread or message: the one place discussions and moderation read an author's
 * public facts (never an email) for events, views and audit details.
 */
@Injectable()
export class AuthorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Public facts about an author, or null when there is none (or the account is gone). */
  async factsOf(
    authorId: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AuthorFacts | null> {
    if (!authorId) return null;
    const author = await manager.findOneBy(UserEntity, { id: authorId });
    return author ? factsOfUser(author) : null;
  }

  /**
   * The author with their organisation (for the Chatham label their posts keep) and their
   * public facts, or null when the account is gone.
   */
  async withOrganisation(userId: string): Promise<{ user: UserEntity; facts: AuthorFacts } | null> {
    const user = await this.dataSource.manager.findOne(UserEntity, {
      where: { id: userId },
      relations: { organisation: true },
    });
    return user ? { user, facts: factsOfUser(user) } : null;
  }
}

function factsOfUser(user: UserEntity): AuthorFacts {
  return { userId: user.id, displayName: user.displayName, handle: user.handle };
}
