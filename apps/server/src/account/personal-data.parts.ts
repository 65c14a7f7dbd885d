import { sessionsPart } from '../auth/auth.personal-data';
import { curationPart } from '../curation/curation.personal-data';
import { discussionsPart } from '../discussions/discussions.personal-data';
import { libraryPart } from '../library/library.personal-data';
import { mentoringPart } from '../mentoring/mentoring.personal-data';
import { moderationPart } from '../moderation/moderation.personal-data';
import { membershipsPart } from '../networks/networks.personal-data';
import { notificationsPart } from '../notifications/notifications.personal-data';
import type { PersonalDataPart } from '../platform/personal-data/personal-data';
import { accountTokensPart, profilePart } from '../users/users.personal-data';

/**
 * Every module's personal data, in download order: the one place that lists them. A feature
 * with personal data of its own writes its part in its own folder and adds it here (see
 * PersonalDataPart); the download and the account deletion pick it up.
 */
export const PERSONAL_DATA_PARTS: readonly PersonalDataPart[] = [
  profilePart,
  accountTokensPart,
  sessionsPart,
  membershipsPart,
  discussionsPart,
  notificationsPart,
  moderationPart,
  libraryPart,
  mentoringPart,
  curationPart,
];
