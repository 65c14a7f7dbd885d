import { camelCaseRow, PersonalDataPart } from '../platform/personal-data/personal-data';

/** Research summaries and case studies the member wrote, in full. */
export const libraryPart: PersonalDataPart = {
  name: 'library',
  async export(manager, userId) {
    const research: Record<string, unknown>[] = await manager.query(
      `SELECT id, network_id, title, summary, key_finding, practice_implications, question, phase,
              sources, topics, language, status, scope, published_at, created_at, updated_at
         FROM research_summaries WHERE author_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    const caseStudies: Record<string, unknown>[] = await manager.query(
      `SELECT id, network_id, programme_name, city, country, summary, target_groups, two_way,
              annual_budget_eur, staff_fte::float8 AS staff_fte, volunteers, duration_months,
              funding_sources, outcomes, evaluation, adaptation, contact, topics, language,
              status, scope, published_at, created_at, updated_at
         FROM case_studies WHERE author_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return {
      researchSummaries: research.map(camelCaseRow),
      caseStudies: caseStudies.map(camelCaseRow),
    };
  },
  /** The items stay with their network and organisation; they no longer name an author. */
  async erase(manager, userId) {
    await manager.query(`UPDATE research_summaries SET author_id = NULL WHERE author_id = $1`, [
      userId,
    ]);
    await manager.query(`UPDATE case_studies SET author_id = NULL WHERE author_id = $1`, [userId]);
  },
};
