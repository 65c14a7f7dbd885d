import type { PairingView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { curate, curationSetup, publishEntry } from '../support/curation';
import { joinOrganisation, sql } from '../support/discussions';
import { act, activePairing, makeMentoringCast, propose, saveProfile } from '../mentoring/fixtures';

/**
 * The personal data of the later features: mentoring and curation join the download and the
 * account deletion through their parts (account/personal-data.parts.ts).
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const download = (token: string) =>
  t.http.get<{ parts: Record<string, any> }>('/api/me/data', { token });

describe('mentoring in the personal data', () => {
  it('downloads the member’s profile, pairings and own feedback, not the other side’s words', async () => {
    const cast = await makeMentoringCast(t.http);
    const pairing = await activePairing(t.http, cast);
    await act(t.http, cast.mentor, pairing.id, 'complete');
    for (const [who, words] of [
      [cast.mentor, 'Mentor side: we learnt to budget volunteers'],
      [cast.mentee, 'Mentee side: a buddy for every family'],
    ] as const) {
      const given = await t.http.post(
        `/api/pairings/${pairing.id}/feedback`,
        { usefulness: 5, programmeChanges: words, wouldRecommend: true },
        { token: who.token },
      );
      expect(given.status).toBe(201);
    }
    const response = await download(cast.mentee.token);
    expect(response.status).toBe(200);
    const mentoring = response.body.parts.mentoring;
    expect(mentoring.profiles).toHaveLength(1);
    expect(mentoring.profiles[0]).toMatchObject({ networkId: cast.network.id, mode: 'seeking' });
    expect(mentoring.pairings).toEqual([
      expect.objectContaining({ id: pairing.id, role: 'mentee', state: 'completed' }),
    ]);
    expect(mentoring.feedback).toEqual([
      expect.objectContaining({ programmeChanges: 'Mentee side: a buddy for every family' }),
    ]);
    expect(JSON.stringify(response.body)).not.toContain('Mentor side');
    expect(JSON.stringify(response.body)).not.toContain(cast.mentor.email);
  });

  it('deleting the account ends open pairings, archives their channel and keeps only ratings', async () => {
    const cast = await makeMentoringCast(t.http);
    const active = await activePairing(t.http, cast);
    await joinOrganisation(t.http, cast.other, { sector: 'ngo', level: 'national', country: 'FR' });
    await saveProfile(t.http, cast.other, cast.network.slug, { languages: ['en'], capacity: 3 });
    const finished = await propose(t.http, cast.admin, cast.network.slug, {
      mentorId: cast.other.user.id,
      menteeId: cast.mentee.user.id,
    });
    await sql(
      t,
      `UPDATE pairings SET state = 'completed', mentor_accepted_at = now(), mentee_accepted_at = now(),
              activated_at = now(), ended_at = now() WHERE id = $1`,
      [finished.id],
    );
    await sql(
      t,
      `INSERT INTO pairing_feedback (pairing_id, side, user_id, usefulness, programme_changes, would_recommend)
       VALUES ($1, 'mentee', $2, 4, 'Our own words about the programme', true)`,
      [finished.id, cast.mentee.user.id],
    );

    const deleted = await t.http.request(
      'DELETE',
      '/api/me',
      { password: cast.mentee.password },
      {
        token: cast.mentee.token,
      },
    );
    expect(deleted.status).toBe(204);

    const seen = await t.http.get<PairingView>(`/api/pairings/${active.id}`, {
      token: cast.mentor.token,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.state).toBe('cancelled');
    const [channel] = await sql<{ archived: boolean }>(
      t,
      `SELECT c.archived_at IS NOT NULL AS archived FROM pairings p JOIN channels c ON c.id = p.channel_id WHERE p.id = $1`,
      [active.id],
    );
    expect(channel.archived).toBe(true);
    const feedback = await sql(
      t,
      `SELECT user_id, usefulness, programme_changes FROM pairing_feedback WHERE pairing_id = $1`,
      [finished.id],
    );
    expect(feedback).toEqual([{ user_id: null, usefulness: 4, programme_changes: '' }]);
    expect(
      await sql(t, `SELECT 1 FROM mentoring_profiles WHERE user_id = $1`, [cast.mentee.user.id]),
    ).toEqual([]);
    // The completed pairing stays as the other side's history.
    const [{ state }] = await sql<{ state: string }>(
      t,
      `SELECT state FROM pairings WHERE id = $1`,
      [finished.id],
    );
    expect(state).toBe('completed');
  });
});

describe('curation in the personal data', () => {
  it('downloads the entries the member drafted; deleting the account leaves the entry readable', async () => {
    const setup = await curationSetup(t, 'named');
    const { cast } = setup;
    const entry = await curate(t, cast.moderator, setup.thread.id, {
      messageIds: [setup.messages.other],
    });
    await publishEntry(t, entry.id, cast.moderator, cast.admin);

    const forDrafter = await download(cast.moderator.token);
    expect(forDrafter.body.parts.curation.entriesDrafted).toEqual([
      expect.objectContaining({ id: entry.id, status: 'published' }),
    ]);
    const forOther = await download(cast.member.token);
    expect(forOther.body.parts.curation.entriesDrafted).toEqual([]);

    const deleted = await t.http.request(
      'DELETE',
      '/api/me',
      { password: cast.other.password },
      {
        token: cast.other.token,
      },
    );
    expect(deleted.status).toBe(204);
    const read = await t.http.get(`/api/entries/${entry.id}`, { token: cast.member.token });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(cast.other.user.displayName);
  });
});
