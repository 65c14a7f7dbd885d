import { camelCaseRow, PersonalDataPart } from '../platform/personal-data/personal-data';

/**
 * Best-practice entries the member drafted (the working copy as it stands) and the review
 * notes they wrote. Quotes of their messages are part of the discussions they come from.
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
    return {
      entriesDrafted: drafted.map(camelCaseRow),
      reviewNotes: reviewNotes.map(camelCaseRow),
    };
  },
  /**
   * Entries belong to their network's guide and stay. Their drafter, reviewer and publisher are
   * the anonymised account, shown as a former member; no text in them is the member's own
   * beyond what the network curated.
   */
  async erase() {},
};
