import { curationPart } from './parts/curation.personal-data';
import { discussionsPart } from './parts/discussions.personal-data';
import { libraryPart } from './parts/library.personal-data';
import { moderationPart } from './parts/moderation.personal-data';
import { mentoringPart } from './parts/mentoring.personal-data';
import { membershipsPart } from './parts/networks.personal-data';
import { notificationsPart } from './parts/notifications.personal-data';
import { sessionsPart } from './parts/auth.personal-data';
import { profilePart } from './parts/users.personal-data';
import type { PersonalDataPart } from './personal-data';

/**
 * Every module's personal data, in download order: the one place that lists them. A feature
 * with personal data of its own adds its part here (see PersonalDataPart); the download and the
 * account deletion pick it up.
 */
export const PERSONAL_DATA_PARTS: readonly PersonalDataPart[] = [
  profilePart,
  sessionsPart,
  membershipsPart,
  discussionsPart,
  notificationsPart,
  moderationPart,
  libraryPart,
  mentoringPart,
  curationPart,
];
