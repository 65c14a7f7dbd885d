import { camelCaseRow, PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * Best-practice entries the member drafted (the working copy as it stands), the review notes
 * they wrote, and the requests to quote their messages beyond their network with the answers
 * and dates. The quoted messages themselves are part of the discussions they come from.
 */
export const curationPart: PersonalDataPart = {
  name: 'curation',
  async export(manager, userId) {
    const drafted: Record<string, unknown>[] = await manager.query(
      `SELECT id, network_id, source_thread_id, status, scope, current_version, title, summary,
              context_who, context_where, what_was_done, what_worked, what_did_not, adaptation,
              evaluation, budget_eur, staff_fte::float8 AS staff_fte, volunteers, duration_months,
              resources_note, topics, phase, language, created_at, updated_at
         FROM entries WHERE created_by = $1 ORDER BY created_at, id`,
      [userId],
    );
    const reviewNotes: Record<string, unknown>[] = await manager.query(
      `SELECT id AS entry_id, review_note, review_note_at FROM entries
        WHERE review_note_by = $1 ORDER BY review_note_at`,
      [userId],
    );
    // Every request to quote the member's words beyond their network, with its answer and date.
    const quoteConsents: Record<string, unknown>[] = await manager.query(
      `SELECT c.id, c.entry_id, e.title AS entry_title, c.message_id, c.state, c.decided_by,
              c.decided_at, c.created_at AS asked_at
         FROM quote_consents c JOIN entries e ON e.id = c.entry_id
        WHERE c.author_id = $1 ORDER BY c.created_at, c.id`,
      [userId],
    );
    const setting: { choice: string }[] = await manager.query(
      `SELECT choice FROM quote_consent_settings WHERE user_id = $1`,
      [userId],
    );
    return {
      entriesDrafted: drafted.map(camelCaseRow),
      reviewNotes: reviewNotes.map(camelCaseRow),
      quoteConsents: quoteConsents.map(camelCaseRow),
      quoteConsentChoice: setting[0]?.choice ?? 'ask',
    };
  },
  /**
   * Entries belong to their network's guide and stay. Their drafter, reviewer and publisher are
   * the anonymised account, shown as a former member; no text in them is the member's own
   * beyond what the network curated.
   */
  async erase(manager, userId) {
    // The answers given stay with the entries they concern (a consent is a record of what was
    // allowed); the standing choice is the member's own and goes.
    await manager.query(`DELETE FROM quote_consent_settings WHERE user_id = $1`, [userId]);
  },
};
