import type {
  ErrorBody,
  FlagView,
  MessageView,
  ModerationQueueItem,
  Page,
  SuspensionView,
} from '@tandem/domain';
import type { TestApp } from './app';
import { sql } from './discussions';
import type { TestUser } from './factories';
import type { HttpResponse } from './http';

/**
 * Moderation calls as a client makes them, answering the raw response (status and body); bodies
 * are loosely typed because tests read refusals (`message`, `details`) from them as well.
 */
export function moderationApi(t: TestApp) {
  return {
    flag: (user: TestUser, messageId: string, body: unknown = { reason: 'abuse' }) =>
      t.http.post<FlagView & Partial<ErrorBody>>(`/api/messages/${messageId}/flags`, body, {
        token: user.token,
      }),
    queue: (user: TestUser, slug: string, query = '') =>
      t.http.get<Page<ModerationQueueItem>>(`/api/networks/${slug}/moderation/queue${query}`, {
        token: user.token,
      }),
    hide: (user: TestUser, messageId: string, body?: unknown) =>
      t.http.post<MessageView & Partial<ErrorBody>>(`/api/messages/${messageId}/hide`, body, {
        token: user.token,
      }),
    unhide: (user: TestUser, messageId: string) =>
      t.http.post<MessageView>(`/api/messages/${messageId}/unhide`, undefined, {
        token: user.token,
      }),
    close: (user: TestUser, messageId: string, how: 'resolve' | 'dismiss', body?: unknown) =>
      t.http.post(`/api/messages/${messageId}/flags/${how}`, body, { token: user.token }),
    slowMode: (user: TestUser, channelId: string, seconds: unknown) =>
      t.http.post(`/api/channels/${channelId}/slow-mode`, { seconds }, { token: user.token }),
    suspend: (user: TestUser, slug: string, target: TestUser | string, body: unknown) =>
      t.http.post<SuspensionView & Partial<ErrorBody>>(
        `/api/networks/${slug}/members/${typeof target === 'string' ? target : target.user.id}/suspend`,
        body,
        { token: user.token },
      ),
    unsuspend: (user: TestUser, slug: string, target: TestUser) =>
      t.http.post(`/api/networks/${slug}/members/${target.user.id}/unsuspend`, undefined, {
        token: user.token,
      }),
  };
}

/** Asserts a 2xx and returns the body, with the failing answer in the message otherwise. */
export function ok<T>(response: HttpResponse<T>): T {
  if (response.status < 200 || response.status >= 300)
    throw new Error(`expected success, got ${response.status} ${response.text}`);
  return response.body;
}

/** Row counts of the moderation tables, to check that a refused request wrote nothing. */
export async function moderationCounts(t: TestApp): Promise<Record<string, number>> {
  const rows = await sql<{ name: string; n: number }>(
    t,
    `SELECT 'flags' AS name, count(*)::int AS n FROM message_flags
     UNION ALL SELECT 'suspensions', count(*)::int FROM network_suspensions
     UNION ALL SELECT 'audit', count(*)::int FROM audit_log
     UNION ALL SELECT 'notifications', count(*)::int FROM notifications
     UNION ALL SELECT 'hidden', count(*)::int FROM messages WHERE hidden_at IS NOT NULL
     UNION ALL SELECT 'slow', count(*)::int FROM channels WHERE slow_mode_seconds > 0`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

/** The audit entries about one subject, oldest first, straight from the table. */
export async function auditAbout(t: TestApp, subjectId: string) {
  return sql<{ action: string; actor_id: string; details: Record<string, any> }>(
    t,
    `SELECT action, actor_id, details FROM audit_log WHERE subject_id = $1 ORDER BY seq`,
    [subjectId],
  );
}
