import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * This migration carries its own copy of the label codes, their English texts and the
 * coarsening rule (libs/domain/src/chatham.ts and organisation-labels.ts as they stood when it
 * was written): a migration is frozen once merged, and it runs where path aliases do not
 * resolve (the test suite's global setup, the CLI).
 */
const SECTORS = ['government', 'ngo', 'migrant_led', 'research', 'foundation', 'international'];
const LEVELS = ['local', 'regional', 'national', 'eu'];
const SECTOR_NOUN: Record<string, string> = {
  government: 'government',
  ngo: 'NGO',
  migrant_led: 'migrant-led organisation',
  research: 'research institute',
  foundation: 'foundation',
  international: 'international organisation',
};
const LEVEL_ADJECTIVE: Record<string, string> = {
  local: 'Local',
  regional: 'Regional',
  national: 'National',
  eu: 'EU-level',
};
const FINE_LABEL_CODES = [
  ...SECTORS.flatMap((sector) => LEVELS.map((level) => `${sector}.${level}`)),
  'independent',
];
const LABEL_CODES = [...FINE_LABEL_CODES, ...SECTORS, 'member'];

function renderLabel(code: string): string {
  if (code === 'independent') return 'Independent practitioner';
  if (code === 'member') return 'A member';
  const [sector, level] = code.split('.');
  const noun = SECTOR_NOUN[sector];
  if (!level) return noun.charAt(0).toUpperCase() + noun.slice(1);
  return `${LEVEL_ADJECTIVE[level]} ${noun}`;
}

type Composition = Record<string, number>;

/** The shown label of each fine label present: every shown label carried by at least k. */
function assignChathamLabels(composition: Composition, k: number): Map<string, string> {
  const count = (code: string) => composition[code] ?? 0;
  const sectorOf = (code: string) => (code === 'independent' ? null : code.split('.')[0]);
  const present = FINE_LABEL_CODES.filter((code) => count(code) > 0);
  const shown = new Map<string, string>();
  const pools = new Map<string, string[]>();
  for (const code of present) {
    const sector = sectorOf(code);
    if (count(code) >= k) shown.set(code, code);
    else if (sector === null) shown.set(code, 'member');
    else pools.set(sector, [...(pools.get(sector) ?? []), code]);
  }
  for (const [sector, codes] of pools) {
    const pooled = codes.reduce((sum, code) => sum + count(code), 0);
    for (const code of codes) shown.set(code, pooled >= k ? sector : 'member');
  }
  const carriers = (label: string) =>
    present.filter((code) => shown.get(code) === label).reduce((sum, c) => sum + count(c), 0);
  for (;;) {
    const members = carriers('member');
    if (members === 0 || members >= k) break;
    const merge = present
      .filter((code) => shown.get(code) === code && sectorOf(code) !== null)
      .filter((code) =>
        present.some((o) => shown.get(o) === 'member' && sectorOf(o) === sectorOf(code)),
      )
      .sort((a, b) => count(a) - count(b))[0];
    if (merge) {
      const sector = sectorOf(merge) as string;
      for (const code of present)
        if (sectorOf(code) === sector && (code === merge || shown.get(code) === 'member'))
          shown.set(code, sector);
      continue;
    }
    const labels = [...new Set(present.map((code) => shown.get(code) as string))].filter(
      (label) => label !== 'member',
    );
    if (labels.length === 0) break;
    const smallest = labels.sort((a, b) => carriers(a) - carriers(b))[0];
    for (const code of present) if (shown.get(code) === smallest) shown.set(code, 'member');
  }
  return shown;
}

const CODES = `(${LABEL_CODES.map((code) => `'${code}'`).join(',')})`;

/**
 * Chatham House labels that hold in small circles, and consent before a quote travels.
 *
 * - `author_label_code` on threads and messages: the label a post carries, as a code rendered
 *   in the reader's language (`author_label` keeps its English text for SQL readers). Filled
 *   from the English text posts were stored with.
 * - Existing Chatham House posts were labelled before labels had to stand for at least
 *   `minGroup` people, so this relabels them once, by the network as it is now and the
 *   default group size of 3: the rule as it stood when this migration ran (it runs once per
 *   database, so later changes to the rule do not rewrite history). From here on, a label is
 *   decided at posting time and never changes.
 * - `networks.chatham_min_group`: a network's own, larger group size (null: the instance's).
 * - `quote_consents` and `quote_consent_settings`: an author's consent to a quote of theirs
 *   in an entry shared beyond its network, and their standing choice.
 */
export class ChathamSmallCircles1764800000000 implements MigrationInterface {
  name = 'ChathamSmallCircles1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['threads', 'messages']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN author_label_code text`);
      for (const code of LABEL_CODES) {
        await q.query(`UPDATE ${table} SET author_label_code = $1 WHERE author_label = $2`, [
          code,
          renderLabel(code),
        ]);
      }
      // A text no code renders (hand-made rows) reveals least as "A member".
      await q.query(
        `UPDATE ${table} SET author_label_code = 'member', author_label = 'A member' WHERE author_label_code IS NULL`,
      );
      await q.query(`ALTER TABLE ${table} ALTER COLUMN author_label_code SET NOT NULL`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_author_label_code_check CHECK (author_label_code IN ${CODES})`,
      );
    }

    // Writers that predate codes (raw inserts in seeds and tests, code on other branches) give
    // only the English text: derive the code from it, "A member" when no code renders it.
    const cases = LABEL_CODES.map(
      (code) => `WHEN '${renderLabel(code).replace(/'/g, "''")}' THEN '${code}'`,
    ).join(' ');
    await q.query(`
      CREATE FUNCTION author_label_code_from_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.author_label_code IS NULL THEN
          NEW.author_label_code := CASE NEW.author_label ${cases} ELSE 'member' END;
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['threads', 'messages']) {
      await q.query(`
        CREATE TRIGGER ${table}_author_label_code BEFORE INSERT ON ${table}
          FOR EACH ROW EXECUTE FUNCTION author_label_code_from_text()`);
    }

    await q.query(`
      ALTER TABLE networks ADD COLUMN chatham_min_group integer
        CHECK (chatham_min_group IS NULL OR chatham_min_group BETWEEN 2 AND 50)`);

    await this.relabelChathamPosts(q);

    await q.query(`
      CREATE TABLE quote_consent_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('ask','always','never')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE quote_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','granted','refused')),
        -- 'person': the author answered; 'setting': their standing choice answered for them.
        decided_by text CHECK (decided_by IN ('person','setting')),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entry_id, message_id),
        CONSTRAINT quote_consents_decided CHECK ((state = 'pending') = (decided_at IS NULL)),
        CONSTRAINT quote_consents_decided_by CHECK ((state = 'pending') = (decided_by IS NULL))
      )`);
    await q.query(
      `CREATE INDEX quote_consents_author_idx ON quote_consents (author_id, created_at DESC)`,
    );
    await q.query(
      `INSERT INTO notification_kinds (kind, subject_type) VALUES ('quote_consent_requested', 'entry')`,
    );
  }

  /** Relabels every Chatham House thread and message by its network's present composition. */
  private async relabelChathamPosts(q: QueryRunner): Promise<void> {
    const rows = (await q.query(`
      SELECT nm.network_id,
             CASE WHEN o.id IS NULL THEN 'independent' ELSE o.sector || '.' || o.level END AS code,
             count(*)::int AS members
        FROM network_memberships nm
        JOIN users u ON u.id = nm.user_id
        LEFT JOIN organisations o ON o.id = u.organisation_id
       GROUP BY 1, 2`)) as { network_id: string; code: string; members: number }[];
    const compositions = new Map<string, Composition>();
    for (const row of rows) {
      const composition = compositions.get(row.network_id) ?? {};
      composition[row.code] = row.members;
      compositions.set(row.network_id, composition);
    }
    for (const [networkId, composition] of compositions) {
      const assignment = assignChathamLabels(composition, 3);
      for (const fine of FINE_LABEL_CODES) {
        const shown = assignment.get(fine) ?? 'member';
        if (shown === fine) continue;
        const text = renderLabel(shown);
        await q.query(
          `UPDATE threads SET author_label_code = $3, author_label = $4
            WHERE network_id = $1 AND attribution = 'chatham' AND author_label_code = $2`,
          [networkId, fine, shown, text],
        );
        await q.query(
          `UPDATE messages m SET author_label_code = $3, author_label = $4
             FROM threads t
            WHERE t.id = m.thread_id AND t.network_id = $1 AND t.attribution = 'chatham'
              AND m.author_label_code = $2`,
          [networkId, fine, shown, text],
        );
      }
    }
    // Fine labels nobody in the network carries any more (the author left or changed
    // organisation): a group of no present members cannot be shown.
    for (const table of ['threads', 'messages']) {
      const threadJoin = table === 'messages' ? 'JOIN threads t ON t.id = x.thread_id' : '';
      const networkOf = table === 'messages' ? 't.network_id' : 'x.network_id';
      const attributionOf = table === 'messages' ? 't.attribution' : 'x.attribution';
      const stale = (await q.query(
        `SELECT x.id, ${networkOf} AS network_id, x.author_label_code AS code
           FROM ${table} x ${threadJoin}
          WHERE ${attributionOf} = 'chatham' AND x.author_label_code LIKE '%.%'`,
      )) as { id: string; network_id: string; code: string }[];
      for (const row of stale) {
        const composition = compositions.get(row.network_id) ?? {};
        if ((composition[row.code] ?? 0) > 0) continue;
        await q.query(
          `UPDATE ${table} SET author_label_code = 'member', author_label = $2 WHERE id = $1`,
          [row.id, renderLabel('member')],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'quote_consent_requested'`);
    await q.query(`DELETE FROM notification_kinds WHERE kind = 'quote_consent_requested'`);
    await q.query(`DROP TABLE quote_consents`);
    await q.query(`DROP TABLE quote_consent_settings`);
    await q.query(`ALTER TABLE networks DROP COLUMN chatham_min_group`);
    await q.query(`DROP TRIGGER messages_author_label_code ON messages`);
    await q.query(`DROP TRIGGER threads_author_label_code ON threads`);
    await q.query(`DROP FUNCTION author_label_code_from_text()`);
    await q.query(`ALTER TABLE messages DROP COLUMN author_label_code`);
    await q.query(`ALTER TABLE threads DROP COLUMN author_label_code`);
  }
}
