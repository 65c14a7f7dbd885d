import { createLocalSessionStore } from '../auth/session-store';
import { listEntries } from '../curation/entry-api';
import { listAuditLog } from '../moderation/moderation-api';
import { createFakeFetch, reply } from '../test-support/fake-api';
import { ApiClient } from './api-client';

const emptyPage = { items: [], nextCursor: null };

function client(route: string) {
  const { fetch, calls } = createFakeFetch({ [route]: reply(200, emptyPage) });
  return { api: new ApiClient({ fetch, sessionStore: createLocalSessionStore() }), calls };
}

/** "Show more" on a filtered list keeps the filters and adds the cursor: one query string. */
describe('filtered, paged lists', () => {
  it('sends the entry filters and the cursor as one query string', async () => {
    const { api, calls } = client('GET /api/networks/ecre/entries');
    await listEntries(api, 'ecre', { status: 'published', topic: 'housing', q: 'rent' }, 'c1');
    const url = new URL(calls[0].url, 'http://localhost');
    expect(calls[0].url.split('?')).toHaveLength(2);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'published',
      topic: 'housing',
      q: 'rent',
      cursor: 'c1',
    });
  });

  it('leaves out empty filters', async () => {
    const { api, calls } = client('GET /api/networks/ecre/entries');
    await listEntries(api, 'ecre', { status: undefined, topic: undefined, q: '' });
    expect(calls[0].url).toMatch(/\/api\/networks\/ecre\/entries$/);
  });

  it('sends the audit action and the cursor as one query string', async () => {
    const { api, calls } = client('GET /api/networks/ecre/audit-log');
    await listAuditLog(api, 'ecre', 'thread.locked', 'c2');
    const url = new URL(calls[0].url, 'http://localhost');
    expect(calls[0].url.split('?')).toHaveLength(2);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'thread.locked',
      cursor: 'c2',
    });
  });

  it('refuses a path that carries its own query string', async () => {
    const { api } = client('GET /api/networks/ecre/entries');
    await expect(
      api.get('/networks/ecre/entries?status=draft', { query: { cursor: 'c' } }),
    ).rejects.toThrow(/query/);
  });
});
