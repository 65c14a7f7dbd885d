import { toAuthorFacts, toAuthorView } from '@tandem/domain';
import type {
  Attribution,
  LabelCode,
  FlaggedMessageView,
  FlagReason,
  FlagView,
  ModerationQueueItem,
  SuspensionView,
} from '@tandem/domain';
import type { MessageFlagEntity } from './moderation.entities';

export function toFlagView(flag: MessageFlagEntity): FlagView {
  return {
    id: flag.id,
    messageId: flag.messageId,
    reason: flag.reason,
    note: flag.note,
    status: flag.status,
    createdAt: flag.createdAt.toISOString(),
  };
}

/** One row of the queue query (moderation.repository.ts). */
export interface QueueRow {
  message_id: string;
  flag_count: number;
  first_flagged_at: Date;
  last_flagged_at: Date;
  cursor_key: string;
  seq: number;
  body: string;
  author_id: string | null;
  author_label: string;
  author_label_code: LabelCode;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  created_at: Date;
  thread_id: string;
  thread_title: string;
  attribution: Attribution;
  channel_id: string;
  channel_name: string;
  /** Whether the moderator reading the queue may read the message's channel. */
  readable: boolean;
  author_display_name: string | null;
  author_handle: string | null;
  reasons: Partial<Record<FlagReason, number>> | null;
  flags: { id: string; reason: FlagReason; note: string | null; createdAt: string }[] | null;
}

export function toFlaggedMessageView(row: QueueRow): FlaggedMessageView {
  return {
    id: row.message_id,
    seq: row.seq,
    body: row.body,
    // The thread's own rule: a Chatham House post shows its label here too, never the name.
    author: toAuthorView(
      row.attribution,
      row.author_label_code,
      toAuthorFacts(row.author_id, row.author_display_name, row.author_handle),
    ),
    hidden: row.hidden_at !== null,
    deleted: row.deleted_at !== null,
    edited: row.edited_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * A queue item. In a private channel the moderator is not on, the item carries the message alone:
 * no thread title, no channel name, nothing of the conversation around it.
 */
export function toQueueItem(row: QueueRow): ModerationQueueItem {
  return {
    message: toFlaggedMessageView(row),
    context: row.readable
      ? {
          threadId: row.thread_id,
          threadTitle: row.thread_title,
          channelId: row.channel_id,
          channelName: row.channel_name,
        }
      : null,
    flagCount: row.flag_count,
    reasons: row.reasons ?? {},
    flags: (row.flags ?? []).map((flag) => ({
      id: flag.id,
      reason: flag.reason,
      note: flag.note,
      createdAt: new Date(flag.createdAt).toISOString(),
    })),
    firstFlaggedAt: row.first_flagged_at.toISOString(),
    lastFlaggedAt: row.last_flagged_at.toISOString(),
  };
}

export interface SuspensionRow {
  network_id: string;
  user_id: string;
  display_name: string;
  ends_at: Date;
  reason: string;
  suspended_by: string | null;
  suspended_by_name: string | null;
  created_at: Date;
  cursor_key: string;
}

export function toSuspensionView(row: SuspensionRow): SuspensionView {
  return {
    networkId: row.network_id,
    userId: row.user_id,
    displayName: row.display_name,
    endsAt: row.ends_at.toISOString(),
    reason: row.reason,
    suspendedBy:
      row.suspended_by && row.suspended_by_name !== null
        ? { userId: row.suspended_by, displayName: row.suspended_by_name }
        : null,
    createdAt: row.created_at.toISOString(),
  };
}
