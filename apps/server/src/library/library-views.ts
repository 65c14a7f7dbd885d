import {
  countWords,
  editLibraryItem,
  type CaseStudyView,
  type LibraryItemAccess,
  type OrganisationView,
  type ResearchSummaryView,
  type Standing,
} from '@tandem/domain';
import type { CaseStudyEntity, ResearchSummaryEntity } from './library.entities';

/** What the viewer's query learnt about an item besides its own columns. */
export interface LibraryItemFacts {
  networkSlug: string;
  networkVisibility: string;
  myRole: Standing;
  discussionCount: number;
  organisation: OrganisationView | null;
}

/** What the library policies need to know about an item and the viewer. */
export function libraryItemAccess(
  item: ResearchSummaryEntity | CaseStudyEntity,
  standing: Standing,
  viewerId: string,
): LibraryItemAccess {
  return {
    scope: item.scope,
    status: item.status,
    standing,
    isAuthor: item.authorId === viewerId,
  };
}

function baseView(
  item: ResearchSummaryEntity | CaseStudyEntity,
  facts: LibraryItemFacts,
  viewerId: string,
) {
  return {
    id: item.id,
    // A public item from a private network must not reveal that network to outsiders.
    ...(facts.networkVisibility === 'private' && facts.myRole === null
      ? { networkId: null, networkSlug: null }
      : { networkId: item.networkId, networkSlug: facts.networkSlug }),
    organisation: facts.organisation,
    topics: item.topics,
    language: item.language,
    status: item.status,
    scope: item.scope,
    discussionCount: facts.discussionCount,
    canEdit: editLibraryItem(libraryItemAccess(item, facts.myRole, viewerId), 'item').allowed,
    publishedAt: item.publishedAt ? item.publishedAt.toISOString() : null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function toResearchSummaryView(
  item: ResearchSummaryEntity,
  facts: LibraryItemFacts,
  viewerId: string,
): ResearchSummaryView {
  return {
    ...baseView(item, facts, viewerId),
    title: item.title,
    summary: item.summary,
    wordCount: countWords(item.summary),
    keyFinding: item.keyFinding,
    practiceImplications: item.practiceImplications,
    question: item.question,
    phase: item.phase,
    sources: item.sources,
  };
}

/** The money and people a programme needs: the case study's resources box. */
export function caseStudyResources(item: CaseStudyEntity): CaseStudyView['resources'] {
  return {
    annualBudgetEur: item.annualBudgetEur,
    staffFte: item.staffFte,
    volunteers: item.volunteers,
    durationMonths: item.durationMonths,
  };
}

export function toCaseStudyView(
  item: CaseStudyEntity,
  facts: LibraryItemFacts,
  viewerId: string,
): CaseStudyView {
  return {
    ...baseView(item, facts, viewerId),
    programmeName: item.programmeName,
    city: item.city,
    country: item.country,
    summary: item.summary,
    targetGroups: item.targetGroups,
    twoWay: item.twoWay,
    resources: caseStudyResources(item),
    fundingSources: item.fundingSources,
    outcomes: item.outcomes,
    evaluation: item.evaluation,
    adaptation: item.adaptation,
    contact: item.contact,
  };
}
