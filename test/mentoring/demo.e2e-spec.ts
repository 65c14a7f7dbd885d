import type { PairingView } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { DEMO_SIGN_IN, seedDemoContent } from '../../apps/server/src/demo/demo-seed';
import { startTestApp, TestApp } from '../support/app';

/** The demo shows mentoring: profiles and an active pairing with goals, sessions and a chat. */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoContent(t.app.get(DataSource))).toBe(true);
});
afterAll(async () => {
  await t.close();
});

it('has an active pairing in the city mentoring exchange that the demo user can open', async () => {
  const login = await t.http.post('/api/auth/login', DEMO_SIGN_IN);
  const token = login.body.accessToken as string;
  const list = await t.http.get('/api/networks/city-mentoring-exchange/pairings', { token });
  expect(list.status).toBe(200);
  expect(list.body.items).toHaveLength(1);
  const pairing = await t.http.get<PairingView>(`/api/pairings/${list.body.items[0].id}`, {
    token,
  });
  expect(pairing.body).toMatchObject({ state: 'active', mySide: 'mentor' });
  expect(pairing.body.goals).toHaveLength(3);
  expect(pairing.body.sessions).toHaveLength(2);
  const messages = await t.http.get(`/api/threads/${pairing.body.threadId}/messages`, { token });
  expect(messages.body.items).toHaveLength(3);
  const overview = await t.http.get('/api/networks/city-mentoring-exchange/mentoring/overview', {
    token,
  });
  expect(overview.body).toMatchObject({
    pairingsByState: { active: 1 },
    sessionsHeld: 1,
    profiles: { offering: 2, seeking: 2 },
  });
});
