import type { AuditEntryView, Page } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { allPages, Cast, makeCast, makeChannel, makeThread, sql } from '../support/discussions';
import { addMember, makeNetwork, makeUser, TestUser } from '../support/factories';

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await startTestApp();
  cast = await makeCast(t.http);
});
afterAll(async () => {
  await t.close();
});

const log = (user: TestUser, query = '', slug = cast.network.slug) =>
  t.http.get<Page<AuditEntryView>>(`/api/networks/${slug}/audit-log${query}`, {
    token: user.token,
  });

async function sqlError(text: string): Promise<string> {
  try {
    await sql(t, text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted: ${text}`);
}

describe('what the audit log records', () => {
  it('records role changes, removals, locks and private-channel lists, newest first, by whom', async () => {
    const extra = await makeUser(t.http);
    await addMember(t.http, cast.admin, cast.network.slug, extra);
    const member = (path: string, body?: unknown) =>
      body === undefined
        ? t.http.delete(path, { token: cast.admin.token })
        : t.http.patch(path, body, { token: cast.admin.token });
    expect(
      (
        await member(`/api/networks/${cast.network.slug}/members/${extra.user.id}`, {
          role: 'moderator',
        })
      ).status,
    ).toBe(200);
    // The same role again changes nothing and records nothing.
    await member(`/api/networks/${cast.network.slug}/members/${extra.user.id}`, {
      role: 'moderator',
    });

    const room = await makeChannel(t.http, cast.admin, cast.network.slug, {
      visibility: 'private',
    });
    await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: extra.user.id },
      { token: cast.admin.token },
    );
    await t.http.post(
      `/api/channels/${room.id}/members`,
      { userId: extra.user.id },
      { token: cast.admin.token },
    );
    await t.http.delete(`/api/channels/${room.id}/members/${extra.user.id}`, {
      token: cast.admin.token,
    });

    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.member, channel.id);
    for (const path of ['lock', 'lock', 'unlock']) {
      const answer = await t.http.post(`/api/threads/${thread.id}/${path}`, undefined, {
        token: cast.moderator.token,
      });
      expect(answer.status).toBe(200);
    }
    expect(
      (await member(`/api/networks/${cast.network.slug}/members/${extra.user.id}`)).status,
    ).toBe(204);

    const response = await log(cast.admin);
    expect(response.status).toBe(200);
    expect(response.body.items.map((entry) => entry.action)).toEqual([
      'member.removed',
      'thread.unlocked',
      'thread.locked',
      'channel.member_removed',
      'channel.member_added',
      'member.role_changed',
    ]);
    const [removed, unlocked, locked, , added, changed] = response.body.items;
    expect(changed).toEqual({
      id: expect.any(String),
      networkId: cast.network.id,
      action: 'member.role_changed',
      actor: { userId: cast.admin.user.id, displayName: cast.admin.user.displayName },
      subject: { type: 'user', id: extra.user.id },
      details: { from: 'member', to: 'moderator' },
      createdAt: expect.any(String),
    });
    expect(added).toMatchObject({
      subject: { type: 'channel', id: room.id },
      details: { userId: extra.user.id },
    });
    expect(locked).toMatchObject({
      actor: { userId: cast.moderator.user.id },
      subject: { type: 'thread', id: thread.id },
    });
    expect(unlocked.actor?.userId).toBe(cast.moderator.user.id);
    expect(removed).toMatchObject({
      subject: { type: 'user', id: extra.user.id },
      details: { role: 'moderator' },
    });
  });

  it('does not record a member leaving of their own accord', async () => {
    const leaver = await makeUser(t.http);
    await addMember(t.http, cast.admin, cast.network.slug, leaver);
    const before = (await sql(t, 'SELECT count(*)::int AS n FROM audit_log'))[0].n;
    expect(
      (
        await t.http.post(`/api/networks/${cast.network.slug}/leave`, undefined, {
          token: leaver.token,
        })
      ).status,
    ).toBe(204);
    expect((await sql(t, 'SELECT count(*)::int AS n FROM audit_log'))[0].n).toBe(before);
  });
});

describe('reading the audit log', () => {
  it('is for admins: moderators and members get 403, outsiders of a private network 404', async () => {
    expect((await log(cast.moderator)).status).toBe(403);
    expect((await log(cast.member)).status).toBe(403);
    const hidden = await log(cast.outsider);
    expect(hidden.status).toBe(404);
    const missing = await log(cast.outsider, '', 'no-such-network');
    expect(hidden.body).toEqual(missing.body);
  });

  it('answers 403 to an outsider of an open network, whose existence is public', async () => {
    const open = await makeNetwork(t.http, cast.admin, { visibility: 'open' });
    expect((await log(cast.outsider, '', open.slug)).status).toBe(403);
  });

  it('keeps each network’s entries to itself', async () => {
    const other = await makeNetwork(t.http, cast.outsider, { visibility: 'private' });
    const response = await log(cast.outsider, '', other.slug);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
    expect(response.body.nextCursor).toBeNull();
  });

  it('pages by cursor without gaps or repeats, and filters by action and subject', async () => {
    const channel = await makeChannel(t.http, cast.admin, cast.network.slug);
    const thread = await makeThread(t.http, cast.member, channel.id);
    for (let i = 0; i < 3; i += 1) {
      await t.http.post(`/api/threads/${thread.id}/lock`, undefined, { token: cast.admin.token });
      await t.http.post(`/api/threads/${thread.id}/unlock`, undefined, { token: cast.admin.token });
    }
    const all = await log(cast.admin, '?limit=100');
    const paged = await allPages<AuditEntryView>(
      t.http,
      cast.admin.token,
      `/api/networks/${cast.network.slug}/audit-log`,
      2,
    );
    expect(paged.items.map((entry) => entry.id)).toEqual(all.body.items.map((entry) => entry.id));
    expect(paged.pages).toBeGreaterThan(2);

    const about = await log(cast.admin, `?subjectId=${thread.id}&action=thread.locked`);
    expect(about.body.items).toHaveLength(3);
    expect(about.body.items.every((entry) => entry.subject.id === thread.id)).toBe(true);
  });

  it('refuses an unknown action, a malformed subject id and a forged cursor with 400', async () => {
    for (const query of ['?action=thread.deleted', '?subjectId=nope', '?cursor=abc', '?limit=0']) {
      const response = await log(cast.admin, query);
      expect(response.status).toBe(400);
    }
  });
});

describe('the log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    const [{ n }] = await sql(t, 'SELECT count(*)::int AS n FROM audit_log');
    expect(n).toBeGreaterThan(0);
    expect(await sqlError(`UPDATE audit_log SET details = '{"rewritten": true}'`)).toMatch(
      /append-only/,
    );
    expect(await sqlError('DELETE FROM audit_log')).toMatch(/append-only/);
    expect(await sqlError('TRUNCATE audit_log')).toMatch(/append-only/);
    expect((await sql(t, 'SELECT count(*)::int AS n FROM audit_log'))[0].n).toBe(n);
    expect(await sql(t, `SELECT 1 FROM audit_log WHERE details ? 'rewritten'`)).toEqual([]);
  });
});
