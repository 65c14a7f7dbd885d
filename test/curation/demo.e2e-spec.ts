import type { EntryView, Page } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { DEMO_SIGN_IN, seedDemoContent } from '../../apps/server/src/demo/demo-seed';
import { startTestApp, TestApp } from '../support/app';
import { download, pdfText, squash } from '../support/curation';

/** The demo shows a published entry: curated from a demo thread, with quotes and resources. */
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoContent(t.app.get(DataSource))).toBe(true);
  const login = await t.http.post('/api/auth/login', DEMO_SIGN_IN);
  token = login.body.accessToken;
});
afterAll(async () => {
  await t.close();
});

it('has one published entry in the NGO network, readable and exportable by the demo account', async () => {
  const list = await t.http.get<Page<{ id: string; status: string; title: string }>>(
    '/api/networks/ngo-practice-network/entries',
    { token },
  );
  expect(list.status).toBe(200);
  expect(list.body.items.map((i) => [i.status, i.title])).toEqual([
    ['published', 'Keeping resident volunteers involved in neighbour pairs'],
  ]);
  const entry = await t.http.get<EntryView>(`/api/entries/${list.body.items[0].id}`, { token });
  expect(entry.body).toMatchObject({
    currentVersion: 1,
    isWorkingCopy: false,
    sourceThread: { title: expect.stringContaining('Resident volunteers drop out') },
    content: { resources: { budgetEur: 46000, staffFte: 0.8, volunteers: 40, durationMonths: 24 } },
  });
  expect(
    entry.body.content.evidence.map((q) => q.author.kind === 'named' && q.author.displayName),
  ).toEqual(['Sofie Holm', 'Claire Dubois', 'Rahel Tesfaye']);
  expect(entry.body.content.links.length).toBeGreaterThan(0);
  const pdf = await download(t, `/api/entries/${entry.body.id}/export?format=pdf`, { token });
  expect(pdf.status).toBe(200);
  expect(squash((await pdfText(pdf.bytes)).pages.join(' '))).toContain('€46,000');
});
