/**
 * Response shapes of the HTTP API, shared by the server's mappers and the web client, and the
 * sign-in request bodies (other bodies sit beside their feature's rules). Dates travel as ISO
 * 8601 strings.
 */
import type { CuratedIntoView } from './curation';
import type { Attribution, ChannelVisibility } from './discussions';
import type {
  ContentLanguage,
  FundingSource,
  LibraryScope,
  LibraryStatus,
  Phase,
  ResearchQuestion,
} from './library';
import type { NetworkRole, NetworkVisibility } from './networks';
import type { Level, Sector } from './organisations';
import type { LabelCode } from './organisation-labels';
import type { Topic } from './topics';
import type { UiLocale } from './locales';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

export interface OrganisationView {
  id: string;
  name: string;
  sector: Sector;
  level: Level;
  country: string;
  city: string | null;
  /** The Chatham House attribution label, e.g. "Local government". */
  label: string;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  /** For @mentions, e.g. "amira-haddad". */
  handle: string;
  organisation: OrganisationView | null;
  createdAt: string;
  /** One of the UI locales; the language of the app and of every mail to this person. */
  locale: UiLocale;
  /** ISO 639-1 codes of the languages this person reads. */
  readingLanguages: string[];
  /** Whether `email` has been confirmed from a mail sent to it. */
  emailVerified: boolean;
  /** A new address waiting for its verification; `email` stays until then. */
  pendingEmail: string | null;
}

export interface AuthResponse {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working; refresh before then. */
  accessTokenExpiresAt: string;
  user: UserView;
}

/** `POST /api/auth/register`. */
export interface RegisterBody {
  email: string;
  password: string;
  displayName: string;
  /** The UI language chosen while signing up; else the browser's Accept-Language, else en. */
  locale?: UiLocale;
}

/** `POST /api/auth/login`. */
export interface LoginBody {
  email: string;
  password: string;
}

/** `POST /api/auth/refresh` and `POST /api/auth/logout`. */
export interface RefreshBody {
  refreshToken: string;
}

export interface NetworkView {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: NetworkVisibility;
  memberCount: number;
  /** The caller's role, or null when they are not a member. */
  myRole: NetworkRole | null;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  displayName: string;
  handle: string;
  organisation: OrganisationView | null;
  role: NetworkRole;
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: NetworkRole;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** `POST /api/networks/:slug/invitations`: the token is shown once, to the inviter. */
export interface InvitationCreated {
  token: string;
  /** Path of the web page that accepts it, e.g. `/invitations/<token>`. */
  acceptPath: string;
  invitation: InvitationView;
}

/** `GET /api/invitations/:token`: what the invitee sees before accepting. */
export interface InvitationPreview {
  network: { slug: string; name: string; description: string; visibility: NetworkVisibility };
  role: NetworkRole;
  email: string;
  expiresAt: string;
  invitedBy: string;
}

export interface HealthView {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  version: string;
}

/** `GET /api/health/live`: the process answers; nothing else is asked. */
export interface LivenessView {
  status: 'ok';
  version: string;
}

export type ReadinessCheck = 'database' | 'redis' | 'migrations';

/** `GET /api/health/ready`: 200 when every check passes, 503 naming the ones that failed. */
export interface ReadinessView {
  status: 'ready' | 'not_ready';
  checks: {
    database: 'up' | 'down';
    /** `not_configured` without REDIS_URL (one process needs no Redis). */
    redis: 'up' | 'down' | 'not_configured';
    /** `unknown` while the database cannot be asked. */
    migrations: 'applied' | 'pending' | 'unknown';
  };
  failing: ReadinessCheck[];
  version: string;
}

// ---------------------------------------------------------------------------------------------
// Discussions
// ---------------------------------------------------------------------------------------------

/**
 * Who wrote something, as the viewer may see it. In a Chatham House thread it is only the
 * organisation's type and level; no id, name or email, for anyone, moderators included.
 */
export type AuthorView =
  | {
      kind: 'named';
      userId: string;
      displayName: string;
      handle: string;
      organisationLabel: string | null;
      /** The code of `organisationLabel`, for clients that render labels in their own language. */
      organisationLabelCode: LabelCode | null;
    }
  | {
      kind: 'chatham';
      /** Shared by at least the network's Chatham group size when posted (see chatham.ts). */
      label: string;
      labelCode: LabelCode;
    };

export interface ChannelView {
  id: string;
  networkId: string;
  networkSlug: string;
  slug: string;
  name: string;
  description: string;
  topics: Topic[];
  visibility: ChannelVisibility;
  archived: boolean;
  /** Slow mode: members may post once per this many seconds here (0: off; moderators exempt). */
  slowModeSeconds: number;
  threadCount: number;
  /** Messages in the channel's threads the caller has not read. */
  unreadCount: number;
  createdAt: string;
}

export interface ThreadView {
  id: string;
  channelId: string;
  networkId: string;
  title: string;
  attribution: Attribution;
  topics: Topic[];
  author: AuthorView;
  /** True only for the caller's own thread; the one hint of authorship a Chatham thread gives. */
  isMine: boolean;
  locked: boolean;
  lastSeq: number;
  /** The thread's latest change stamp (edits, deletions): pass it as `afterChange` to catch up. */
  lastChange: number;
  messageCount: number;
  lastReadSeq: number;
  unreadCount: number;
  lastActivityAt: string;
  createdAt: string;
  /** Library items the thread cites; present on a single thread and in `thread:updated`. */
  links?: ThreadLinkView[];
  /** Best-practice entries curated from the thread; present on a single thread and in `thread:updated`. */
  curatedInto?: CuratedIntoView[];
}

export interface MessageView {
  id: string;
  threadId: string;
  seq: number;
  /** Deleted messages have an empty body and `deleted: true`. */
  body: string;
  replyToId: string | null;
  author: AuthorView;
  isMine: boolean;
  /** Only on the caller's own messages, so a client can match its pending sends. */
  clientId: string | null;
  edited: boolean;
  deleted: boolean;
  /**
   * Hidden by a moderator. Members then get an empty body (a placeholder); the author and the
   * network's moderators and admins still get the text, marked hidden.
   */
  hidden: boolean;
  /** 0 until edited, deleted or hidden; then the thread's change stamp of its latest change. */
  changeSeq: number;
  createdAt: string;
  editedAt: string | null;
}

export interface MessageRevisionView {
  body: string;
  /** When this text was replaced. */
  replacedAt: string;
}

export interface ThreadPage {
  thread: ThreadView;
  messages: MessageView[];
  /** True when more messages follow the last one returned. */
  hasMore: boolean;
}

export interface PresenceView {
  channelId: string;
  /**
   * Members with at least one connected client in the channel; empty when the channel holds a
   * Chatham House thread (then only `count` is told: names online beside an anonymous post
   * would narrow down who wrote it).
   */
  online: { userId: string; displayName: string }[];
  /** How many members are connected, the viewer included. */
  count: number;
  /** True when names are withheld (a channel with a Chatham House thread). */
  countOnly: boolean;
}

/*
 * Request bodies of the channel and discussion routes. The server's DTO classes implement them
 * and add the validation rules (lengths, patterns: see limits.ts); clients build them.
 */

/** `POST /api/networks/:slug/channels`. */
export interface CreateChannelBody {
  slug: string;
  name: string;
  description?: string;
  topics?: Topic[];
  visibility: ChannelVisibility;
}

/** `PATCH /api/channels/:id`: only the fields given change. */
export interface UpdateChannelBody {
  name?: string;
  description?: string;
  topics?: Topic[];
  /** A private channel never becomes a network one. */
  visibility?: ChannelVisibility;
  /** True archives the channel (read-only), false restores it. */
  archived?: boolean;
}

/** `POST /api/channels/:id/members`: a member of the network onto a private channel's list. */
export interface AddChannelMemberBody {
  userId: string;
}

/** `POST /api/channels/:id/threads`: the thread and its first message. */
export interface CreateThreadBody {
  title: string;
  /** The first message, in Markdown. */
  body: string;
  attribution: Attribution;
  topics?: Topic[];
  /** Chosen by the client; a retry with the same value returns the same thread. */
  clientId: string;
}

/** `POST /api/threads/:id/messages` (and `message:send`, with the thread). */
export interface PostMessageBody {
  /** Markdown; rendered without raw HTML. */
  body: string;
  /** Chosen by the client; a retry with the same value returns the same message. */
  clientId: string;
  /** A message of the same thread. */
  replyToId?: string;
}

/** `PATCH /api/messages/:id`: the text it replaces is kept as a revision. */
export interface EditMessageBody {
  body: string;
}

/** `POST /api/threads/:id/read`: read up to this seq (read state only moves forward). */
export interface MarkReadBody {
  seq: number;
}

// ---------------------------------------------------------------------------------------------
// Evidence library
// ---------------------------------------------------------------------------------------------

export interface SourceLinkView {
  url: string;
  citation: string;
}

interface LibraryItemViewBase {
  id: string;
  /** The owning network; null when it is private and the caller is not a member. */
  networkId: string | null;
  networkSlug: string | null;
  organisation: OrganisationView | null;
  topics: Topic[];
  language: ContentLanguage;
  status: LibraryStatus;
  scope: LibraryScope;
  /** Threads the caller may read that link to this item. */
  discussionCount: number;
  /** Whether the caller may edit and publish it. */
  canEdit: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ResearchSummaryView extends LibraryItemViewBase {
  title: string;
  summary: string;
  wordCount: number;
  keyFinding: string;
  practiceImplications: string;
  question: ResearchQuestion;
  phase: Phase;
  sources: SourceLinkView[];
}

export interface CaseStudyView extends LibraryItemViewBase {
  programmeName: string;
  city: string;
  country: string;
  summary: string;
  targetGroups: string[];
  /** How the receiving community takes part; null when it does not. */
  twoWay: string | null;
  resources: {
    annualBudgetEur: number;
    staffFte: number;
    volunteers: number;
    durationMonths: number;
  };
  fundingSources: FundingSource[];
  outcomes: string;
  evaluation: string;
  adaptation: string;
  contact: string;
}

export type LinkTargetType = 'research' | 'case_study' | 'entry';

export interface ThreadLinkView {
  id: string;
  threadId: string;
  targetType: LinkTargetType;
  targetId: string;
  /** The linked item's title (programme name for a case study). */
  title: string;
  note: string;
  createdAt: string;
}

/** A thread that cites a library item, as listed on the item's page. */
export interface DiscussedInView {
  threadId: string;
  threadTitle: string;
  channelId: string;
  networkId: string;
  note: string;
  linkedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export const SEARCH_TYPES = ['thread', 'message', 'research', 'case_study', 'entry'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Highlighted words in a snippet are wrapped in these markers (never HTML). */
export const HIGHLIGHT_START = '⟦';
export const HIGHLIGHT_END = '⟧';

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  /** Plain text with highlights between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: string;
  /** Null for a public library item whose network is private and not the caller's. */
  networkId: string | null;
  /** For threads and messages. */
  threadId: string | null;
  channelId: string | null;
  /** For threads and messages; a Chatham House author appears as their label only. */
  author: AuthorView | null;
  rank: number;
  createdAt: string;
}

export interface SearchResults {
  query: string;
  hits: SearchHit[];
}

/** `GET /api/search` parameters. */
export interface SearchQueryParams {
  /** Words, "a phrase", -excluded, or (websearch syntax). */
  q: string;
  /** A network's slug: search only there. */
  network?: string;
  /** Sent comma-separated (`types=thread,message`); every type when absent. */
  types?: SearchType[];
  limit?: number;
}
