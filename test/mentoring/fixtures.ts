import type { MentoringProfileView, PairingView } from '@tandem/domain';
import { Client } from 'pg';
import type { TestApp } from '../support/app';
import { joinOrganisation, makeCast, type Cast } from '../support/discussions';
import { addMember, makeUser, type TestUser } from '../support/factories';
import type { Http } from '../support/http';

export interface MentoringCast extends Cast {
  /** Offers mentoring: Ghent, local government, en + nl, capacity 1. */
  mentor: TestUser;
  /** Seeks mentoring: Turin, local government, it + en. */
  mentee: TestUser;
}

export interface ProfileInput {
  mode?: 'offering' | 'seeking' | 'both';
  topics?: string[];
  languages?: string[];
  capacity?: number;
  about?: string;
  available?: boolean;
  availabilityNote?: string;
}

export async function saveProfile(
  http: Http,
  user: TestUser,
  slug: string,
  input: ProfileInput = {},
): Promise<MentoringProfileView> {
  const response = await http.post<MentoringProfileView>(
    `/api/networks/${slug}/mentoring/profiles`,
    { mode: 'offering', topics: ['housing'], languages: ['en'], ...input },
    { token: user.token },
  );
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`saveProfile failed: ${response.status} ${response.text}`);
  return response.body;
}

/**
 * A private network (admin, moderator, two plain members, an outsider, from makeCast) plus a
 * mentor and a mentee with organisations and profiles.
 */
export async function makeMentoringCast(http: Http): Promise<MentoringCast> {
  const cast = await makeCast(http);
  const [mentor, mentee] = await Promise.all([
    makeUser(http, { displayName: 'Mentor Ghent' }),
    makeUser(http, { displayName: 'Mentee Turin' }),
  ]);
  await addMember(http, cast.admin, cast.network.slug, mentor);
  await addMember(http, cast.admin, cast.network.slug, mentee);
  await joinOrganisation(http, mentor, { sector: 'government', level: 'local', country: 'BE' });
  await joinOrganisation(http, mentee, { sector: 'government', level: 'local', country: 'IT' });
  await saveProfile(http, mentor, cast.network.slug, {
    mode: 'offering',
    topics: ['housing', 'employment', 'evaluation'],
    languages: ['en', 'nl'],
    capacity: 1,
  });
  await saveProfile(http, mentee, cast.network.slug, {
    mode: 'seeking',
    topics: ['housing', 'evaluation'],
    languages: ['it', 'en'],
  });
  return { ...cast, mentor, mentee };
}

export async function propose(
  http: Http,
  by: TestUser,
  slug: string,
  body: Partial<{
    mentorId: string;
    menteeId: string;
    topics: string[];
    goals: string[];
    onBehalfOfOrganisations: boolean;
  }>,
): Promise<PairingView> {
  const response = await http.post<PairingView>(
    `/api/networks/${slug}/pairings`,
    { topics: ['housing'], goals: ['Set up a housing buddy scheme'], ...body },
    { token: by.token },
  );
  if (response.status !== 201)
    throw new Error(`propose failed: ${response.status} ${response.text}`);
  return response.body;
}

export async function act(
  http: Http,
  user: TestUser,
  pairingId: string,
  action: 'accept' | 'decline' | 'complete' | 'cancel',
): Promise<PairingView> {
  const response = await http.post<PairingView>(`/api/pairings/${pairingId}/${action}`, undefined, {
    token: user.token,
  });
  if (response.status !== 200)
    throw new Error(`${action} failed: ${response.status} ${response.text}`);
  return response.body;
}

/** A pairing proposed by the admin and accepted by both: active, with its channel. */
export async function activePairing(http: Http, cast: MentoringCast): Promise<PairingView> {
  const proposed = await propose(http, cast.admin, cast.network.slug, {
    mentorId: cast.mentor.user.id,
    menteeId: cast.mentee.user.id,
    goals: ['Set up a housing buddy scheme', 'Agree an evaluation template'],
  });
  await act(http, cast.mentor, proposed.id, 'accept');
  return act(http, cast.mentee, proposed.id, 'accept');
}

/** Row counts of the mentoring tables and what they touch, to show a refusal wrote nothing. */
export async function mentoringCounts(t: TestApp): Promise<Record<string, number>> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    const result = await client.query<{ name: string; n: number }>(
      `SELECT 'profiles' AS name, count(*)::int AS n FROM mentoring_profiles
       UNION ALL SELECT 'pairings', count(*)::int FROM pairings
       UNION ALL SELECT 'goals', count(*)::int FROM pairing_goals
       UNION ALL SELECT 'sessions', count(*)::int FROM pairing_sessions
       UNION ALL SELECT 'feedback', count(*)::int FROM pairing_feedback
       UNION ALL SELECT 'follow_ups', count(*)::int FROM pairing_follow_ups
       UNION ALL SELECT 'channels', count(*)::int FROM channels
       UNION ALL SELECT 'threads', count(*)::int FROM threads
       UNION ALL SELECT 'notifications', count(*)::int FROM notifications
       UNION ALL SELECT 'audit', count(*)::int FROM audit_log`,
    );
    return Object.fromEntries(result.rows.map((row) => [row.name, row.n]));
  } finally {
    await client.end();
  }
}

/** A snapshot of one pairing's row and children, to show a refused action changed nothing. */
export async function pairingSnapshot(t: TestApp, pairingId: string): Promise<unknown> {
  const client = new Client({ connectionString: t.db.url });
  await client.connect();
  try {
    const pairing = await client.query('SELECT * FROM pairings WHERE id = $1', [pairingId]);
    const goals = await client.query(
      'SELECT * FROM pairing_goals WHERE pairing_id = $1 ORDER BY position',
      [pairingId],
    );
    const sessions = await client.query(
      'SELECT * FROM pairing_sessions WHERE pairing_id = $1 ORDER BY id',
      [pairingId],
    );
    const channel = pairing.rows[0]?.channel_id
      ? await client.query('SELECT * FROM channels WHERE id = $1', [pairing.rows[0].channel_id])
      : { rows: [] };
    return {
      pairing: pairing.rows,
      goals: goals.rows,
      sessions: sessions.rows,
      channel: channel.rows,
    };
  } finally {
    await client.end();
  }
}
