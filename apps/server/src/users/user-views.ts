import type { UserView } from '@tandem/domain';
import { toOrganisationView } from '../organisations/organisation-views';
import type { UserEntity } from './user.entity';

/** Entities never leave the server; these mappers decide what each response may show. */
/** The caller's own account: the only place an email address is returned. */
export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    handle: user.handle,
    organisation: user.organisation ? toOrganisationView(user.organisation) : null,
    createdAt: user.createdAt.toISOString(),
    locale: user.locale,
    readingLanguages: user.readingLanguages,
    emailVerified: user.emailVerifiedAt !== null,
    pendingEmail: user.pendingEmail ?? null,
  };
}
