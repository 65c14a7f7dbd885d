/** Limits shared by DTOs, services and the web forms. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;
export const ORGANISATION_NAME_MAX_LENGTH = 160;
export const CITY_MAX_LENGTH = 100;
export const NETWORK_NAME_MAX_LENGTH = 120;
export const NETWORK_DESCRIPTION_MAX_LENGTH = 2000;
export const NETWORK_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/;
export const NETWORK_SLUG_RULE =
  '3 to 50 lowercase letters, digits or hyphens, not starting or ending with a hyphen';
/** Invitations stay valid this long unless accepted or revoked. */
export const INVITATION_TTL_DAYS = 14;
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 100;
export const CHANNEL_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
export const CHANNEL_NAME_MAX_LENGTH = 80;
export const CHANNEL_DESCRIPTION_MAX_LENGTH = 1000;
export const THREAD_TITLE_MAX_LENGTH = 200;
export const MESSAGE_MAX_LENGTH = 20_000;
export const CLIENT_ID_MAX_LENGTH = 64;
export const TOPICS_MAX = 5;
/** How many missed messages `thread:join` returns before telling the client to page over HTTP. */
export const CATCH_UP_LIMIT = 200;
