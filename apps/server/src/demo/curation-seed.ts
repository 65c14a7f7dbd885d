import { SEARCH_CONFIG_FOR } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import {
  EntryEntity,
  EntryLinkEntity,
  EntryQuoteEntity,
  EntryVersionEntity,
} from '../curation/curation.entities';
import { snapshotOf } from '../curation/entry-content';
import { loadSharedLibraryLinks } from '../library/library-links.repository';
import type { DemoIds } from './library-seed';

const SOURCE_THREAD =
  'Resident volunteers drop out after the second meeting – what keeps them involved?';

/**
 * One published best-practice entry, curated from the NGO network's thread on resident
 * volunteers: drafted by its moderator (Sofie Holm), published by its admin (Ana Marques), with
 * three replies quoted as evidence and the thread's case studies and research as sources. The
 * figures are illustrative, like the case studies they come from, and say so. Runs inside the
 * demo transaction, after the library and its discussions exist.
 */
export async function seedDemoCuration(manager: EntityManager, ids: DemoIds): Promise<void> {
  const networkId = required(ids.networks, 'ngo-practice-network');
  const drafter = required(ids.users, 'sofie@tandem.example');
  const publisher = required(ids.users, 'ana@tandem.example');
  const [thread] = await manager.query<{ id: string }[]>(
    `SELECT id FROM threads WHERE network_id = $1 AND title = $2`,
    [networkId, SOURCE_THREAD],
  );
  if (!thread) throw new Error(`Demo content lacks the thread "${SOURCE_THREAD}"`);
  const replies = await manager.query<{ id: string }[]>(
    `SELECT id FROM messages WHERE thread_id = $1 AND seq > 1 ORDER BY seq`,
    [thread.id],
  );

  const entry = await manager.save(
    manager.create(EntryEntity, {
      networkId,
      sourceThreadId: thread.id,
      createdBy: drafter,
      status: 'draft',
      scope: 'network',
      title: 'Keeping resident volunteers involved in neighbour pairs',
      summary:
        'Residents stay when they join as participants with a reason of their own, not as helpers: recruit them to "meet your new neighbour and do something together", phone every volunteer after week three, and let both members of a pair have something to offer.',
      contextWho:
        'Local NGOs running neighbour pairs between recently arrived refugees and residents, with a part-time volunteer coordinator (illustrative example).',
      contextWhere: 'Lyon (France), with similar practice reported from Denmark',
      whatWasDone:
        'Pairs of one newcomer and one resident meet at least twice a month for six months. Recruitment texts were rewritten from "help a refugee" to "meet your new neighbour and do something together" (cooking, cycling, football). Every volunteer gets a phone call after the third week. Micro-grants went to existing residents’ groups such as sports clubs and parent associations so that residents arrive with their own reason to be there.',
      whatWorked:
        '- Fewer sign-ups after the new recruitment text, but far fewer drop-outs.\n- The call after week three catches people before they quietly disappear.\n- Pairs in which both members teach something (a recipe, a language, a skill) last longer.',
      whatDidNot:
        'A half-day training and a monthly group meeting alone did not keep residents involved: they still saw integration as the institutions’ job.',
      adaptation:
        'Works wherever the organisation already has local contacts. Budget at least 0.5 FTE of coordination for 25 pairs. In rural areas, recruit through existing clubs rather than open calls, and consider online meetings between visits.',
      evaluation:
        'Count the pairs still meeting at six and twelve months; ask both members the same three questions at entry, exit and 12 months (work or training, contact with locals, knowing where to go for help), with recontact consent collected at registration.',
      budgetEur: 46000,
      staffFte: 0.8,
      volunteers: 40,
      durationMonths: 24,
      resourcesNote:
        'Illustrative figures from the Lyon case study. Plus meeting rooms lent by the city and a small fund for shared activities.',
      topics: ['volunteers', 'two_way_integration'],
      phase: 'implementation',
      language: 'en',
      searchConfig: SEARCH_CONFIG_FOR.en,
    }),
  );
  await manager.insert(
    EntryQuoteEntity,
    replies.map((reply, position) => ({ entryId: entry.id, messageId: reply.id, position })),
  );
  const cited = (await loadSharedLibraryLinks(manager, thread.id)).filter(
    (link) => link.targetType === 'research' || link.targetType === 'case_study',
  );
  await manager.insert(
    EntryLinkEntity,
    cited.map((link, position) => ({
      entryId: entry.id,
      targetType: link.targetType,
      targetId: link.targetId,
      position,
    })),
  );
  const content = await snapshotOf(manager, entry, { id: thread.id, title: SOURCE_THREAD });
  await manager.insert(EntryVersionEntity, {
    entryId: entry.id,
    version: 1,
    title: content.title,
    topics: content.topics,
    phase: content.phase,
    language: content.language,
    searchConfig: entry.searchConfig,
    content,
    note: 'First version, curated from the network’s discussion.',
    publishedBy: publisher,
  });
  await manager.update(
    EntryEntity,
    { id: entry.id },
    { status: 'published', currentVersion: 1, submittedBy: drafter, submittedAt: new Date() },
  );
}

function required(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Demo content refers to unknown "${key}"`);
  return value;
}
