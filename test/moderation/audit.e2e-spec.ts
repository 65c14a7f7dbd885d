import type { AuditEntryView, Page } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { Cast, makeCast, makeChannel, makeThread, post, sql } from '../support/discussions';
import { moderationApi, ok } from '../support/moderation';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const log = (query = '') =>
  t.http.get<Page<AuditEntryView>>(`/api/networks/${cast.network.slug}/audit-log${query}`, {
    token: cast.admin.token,
  });

async function refused(text: string, params: unknown[] = []): Promise<string> {
  try {
    await sql(t, text, params);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted: ${text}`);
}

describe('moderation in the audit log', () => {
  it('records every moderator action once, by whom, with the real author of a message', async () => {
    const api = moderationApi(t);
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.admin, channel.id, { attribution: 'chatham' });
    const first = await post(t.http, cast.member, thread.id, 'First');
    const second = await post(t.http, cast.member, thread.id, 'Second');
    const third = await post(t.http, cast.member, thread.id, 'Third');
    ok(await api.flag(cast.other, first.id));
    ok(await api.flag(cast.other, second.id));
    ok(await api.flag(cast.other, third.id));
    ok(await api.hide(cast.moderator, first.id, { reason: 'Abusive' }));
    ok(await api.unhide(cast.admin, first.id));
    ok(await api.close(cast.moderator, second.id, 'resolve'));
    ok(await api.close(cast.moderator, third.id, 'dismiss'));
    ok(await api.slowMode(cast.moderator, channel.id, 60));
    ok(await api.suspend(cast.moderator, cast.network.slug, cast.member, { days: 1, reason: 'x' }));
    expect((await api.unsuspend(cast.admin, cast.network.slug, cast.member)).status).toBe(204);

    const entries = ok(await log('?limit=100')).items;
    expect(entries.map((entry) => entry.action)).toEqual([
      'member.unsuspended',
      'member.suspended',
      'channel.slow_mode',
      'flag.dismissed',
      'flag.resolved',
      'message.unhidden',
      'flag.resolved',
      'message.hidden',
    ]);
    const byAction = (action: string) => entries.filter((entry) => entry.action === action);
    expect(byAction('message.hidden')[0]).toMatchObject({
      actor: { userId: cast.moderator.user.id, displayName: cast.moderator.user.displayName },
      subject: { type: 'message', id: first.id },
      details: {
        reason: 'Abusive',
        resolvedFlags: 1,
        attribution: 'chatham',
        author: { userId: cast.member.user.id, displayName: cast.member.user.displayName },
      },
    });
    expect(byAction('flag.dismissed')[0]).toMatchObject({
      subject: { type: 'message', id: third.id },
      details: { count: 1, author: { userId: cast.member.user.id } },
    });
    expect(byAction('member.suspended')[0]).toMatchObject({
      subject: { type: 'user', id: cast.member.user.id },
      details: { reason: 'x', role: 'member' },
    });
    expect(byAction('channel.slow_mode')[0]).toMatchObject({
      subject: { type: 'channel', id: channel.id },
      details: { from: 0, to: 60 },
    });
    // The filter by action.
    const hides = ok(await log('?action=message.hidden')).items;
    expect(hides.map((entry) => entry.subject.id)).toEqual([first.id]);
    // Moderators act but do not read the log.
    expect(
      (
        await t.http.get(`/api/networks/${cast.network.slug}/audit-log`, {
          token: cast.moderator.token,
        })
      ).status,
    ).toBe(403);
  });

  it('stays append-only: the database refuses to rewrite or delete a moderation entry', async () => {
    const [entry] = await sql(
      t,
      `SELECT id FROM audit_log WHERE action = 'message.hidden' LIMIT 1`,
    );
    expect(entry).toBeDefined();
    expect(await refused(`UPDATE audit_log SET details = '{}' WHERE id = $1`, [entry.id])).toMatch(
      /append-only/,
    );
    expect(await refused(`DELETE FROM audit_log WHERE id = $1`, [entry.id])).toMatch(/append-only/);
    expect(await sql(t, `SELECT id FROM audit_log WHERE id = $1`, [entry.id])).toHaveLength(1);
  });
});
