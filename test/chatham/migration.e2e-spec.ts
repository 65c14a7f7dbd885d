import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/server/src/data-source';
import { ChathamSmallCircles1764800000000 } from '../../apps/server/src/platform/database/migrations/1764800000000-chatham-small-circles';
import { startTestApp, TestApp } from '../support/app';
import { joinOrganisation, makeChannel, makeThread, post } from '../support/discussions';
import { addMember, makeNetwork, makeUser } from '../support/factories';

/**
 * The migration that brought label codes: down and up again, and on the way up it relabels the
 * Chatham House posts written before labels had to hold (here: what the old code stored, the
 * author's own organisation type, restored by hand after going down).
 */
let t: TestApp;
let dataSource: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  dataSource = await new DataSource(dataSourceOptions(t.db.url)).initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await t.close();
});

it('goes down cleanly, and up again relabels Chatham posts by the network as it is', async () => {
  const admin = await makeUser(t.http);
  const lone = await makeUser(t.http);
  const locals = [await makeUser(t.http), await makeUser(t.http), await makeUser(t.http)];
  await joinOrganisation(t.http, lone, { sector: 'government', level: 'regional' });
  for (const user of locals)
    await joinOrganisation(t.http, user, { sector: 'ngo', level: 'local' });
  const network = await makeNetwork(t.http, admin, { visibility: 'invite' });
  for (const user of [lone, ...locals]) await addMember(t.http, admin, network.slug, user);
  const channel = await makeChannel(t.http, admin, network.slug);
  const chatham = await makeThread(t.http, locals[0], channel.id, { attribution: 'chatham' });
  const named = await makeThread(t.http, lone, channel.id, { attribution: 'named' });
  const lonePost = await post(t.http, lone, chatham.id, 'Before the rule');
  const localPost = await post(t.http, locals[1], chatham.id, 'Also before');

  const migration = new ChathamSmallCircles1764800000000();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    await migration.down(runner);
    await runner.commitTransaction();
    // What the code before codes stored: the author's own type, for everyone to see.
    await dataSource.query(
      `UPDATE messages SET author_label = 'Regional government' WHERE id = $1`,
      [lonePost.id],
    );
    await runner.startTransaction();
    await migration.up(runner);
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }

  const labels = async (ids: string[]) =>
    dataSource.query<{ id: string; author_label: string; author_label_code: string }[]>(
      `SELECT id, author_label, author_label_code FROM messages WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  const byId = new Map((await labels([lonePost.id, localPost.id])).map((r) => [r.id, r]));
  // The lone regional official and the admin (no organisation) are too few for any label, so
  // "A member" takes in the smallest other group too: five people, none singled out.
  expect(byId.get(lonePost.id)).toMatchObject({
    author_label_code: 'member',
    author_label: 'A member',
  });
  expect(byId.get(localPost.id)?.author_label_code).toBe('member');
  // Named threads keep the author's own type.
  const [namedRow] = await dataSource.query<{ author_label_code: string }[]>(
    `SELECT author_label_code FROM threads WHERE id = $1`,
    [named.id],
  );
  expect(namedRow.author_label_code).toBe('government.regional');
  // The code is required, and raw inserts that give only the English text get one.
  const [column] = await dataSource.query<{ is_nullable: string }[]>(
    `SELECT is_nullable FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'author_label_code'`,
  );
  expect(column.is_nullable).toBe('NO');
  await dataSource.query(
    `INSERT INTO messages (thread_id, seq, author_id, author_label, client_id, body)
     VALUES ($1, 99, $2, 'National NGO', 'raw-insert', 'raw')`,
    [named.id, admin.user.id],
  );
  const [raw] = await dataSource.query<{ author_label_code: string }[]>(
    `SELECT author_label_code FROM messages WHERE client_id = 'raw-insert'`,
  );
  expect(raw.author_label_code).toBe('ngo.national');
});
