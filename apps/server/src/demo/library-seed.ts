import {
  CHATHAM_MIN_GROUP_DEFAULT,
  chathamLabelFor,
  type LabelCode,
  renderLabel,
  SEARCH_CONFIG_FOR,
} from '@tandem/domain';
import { ChathamRepository } from '../networks/chatham.repository';
import type { EntityManager } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { MessageEntity } from '../discussions/message.entity';
import { ThreadEntity } from '../discussions/thread.entity';
import {
  CaseStudyEntity,
  ResearchSummaryEntity,
  ThreadLinkEntity,
} from '../library/library.entities';
import { DEMO_CASE_STUDIES, DEMO_DISCUSSIONS, DEMO_SUMMARIES } from './library-content';

export interface DemoIds {
  organisations: Map<string, string>;
  users: Map<string, string>;
  networks: Map<string, string>;
}

/**
 * The library part of the demo: research summaries and illustrative case studies written from
 * the seed documents, and discussions in the demo networks that cite them. Runs inside the demo
 * transaction, after accounts and networks exist. Items without a network belong to the NGO
 * practice network and are public.
 */
const chatham = new ChathamRepository();

export async function seedDemoLibrary(manager: EntityManager, ids: DemoIds): Promise<void> {
  const fallbackNetwork = required(ids.networks, 'ngo-practice-network');
  const publishedAt = new Date();
  const itemIds = new Map<string, string>();

  for (const item of DEMO_SUMMARIES) {
    const saved = await manager.save(
      manager.create(ResearchSummaryEntity, {
        networkId: item.network ? required(ids.networks, item.network) : fallbackNetwork,
        authorId: null,
        organisationId: required(ids.organisations, item.organisation),
        title: item.title,
        summary: item.summary,
        keyFinding: item.keyFinding,
        practiceImplications: item.practiceImplications,
        question: item.question,
        phase: item.phase,
        topics: item.topics,
        language: item.language,
        searchConfig: SEARCH_CONFIG_FOR[item.language],
        sources: item.sources,
        status: 'published',
        scope: item.network ? 'network' : 'public',
        publishedAt,
      }),
    );
    itemIds.set(`research:${item.key}`, saved.id);
  }

  for (const item of DEMO_CASE_STUDIES) {
    const saved = await manager.save(
      manager.create(CaseStudyEntity, {
        networkId: item.network ? required(ids.networks, item.network) : fallbackNetwork,
        authorId: null,
        organisationId: required(ids.organisations, item.organisation),
        programmeName: item.programmeName,
        city: item.city,
        country: item.country,
        summary: item.summary,
        targetGroups: item.targetGroups,
        twoWay: item.twoWay,
        annualBudgetEur: item.annualBudgetEur,
        staffFte: item.staffFte,
        volunteers: item.volunteers,
        durationMonths: item.durationMonths,
        fundingSources: item.fundingSources,
        outcomes: item.outcomes,
        evaluation: item.evaluation,
        adaptation: item.adaptation,
        contact: item.contact,
        topics: item.topics,
        language: item.language,
        searchConfig: SEARCH_CONFIG_FOR[item.language],
        status: 'published',
        scope: item.network ? 'network' : 'public',
        publishedAt,
      }),
    );
    itemIds.set(`case_study:${item.key}`, saved.id);
  }

  const channels = new Map<string, string>();
  let clientSeq = 0;
  for (const discussion of DEMO_DISCUSSIONS) {
    const networkId = required(ids.networks, discussion.network);
    const channelKey = `${discussion.network}/${discussion.channel.slug}`;
    if (!channels.has(channelKey)) {
      const channel = await manager.save(
        manager.create(ChannelEntity, {
          networkId,
          slug: discussion.channel.slug,
          name: discussion.channel.name,
          description: '',
          topics: discussion.channel.topics,
          visibility: 'network',
        }),
      );
      channels.set(channelKey, channel.id);
    }
    const posts = [{ author: discussion.author, body: discussion.body }, ...discussion.replies];
    // One query at a time: the manager holds a single transaction connection.
    const labels: LabelCode[] = [];
    const composition =
      discussion.attribution === 'chatham' ? await chatham.composition(manager, networkId) : null;
    for (const post of posts) {
      const fine = await chatham.fineLabelOf(manager, required(ids.users, post.author));
      // Chatham House posts get the label the network's composition allows, as live posts do
      // (at the default group size: seeds run before any network raises it).
      labels.push(
        composition ? chathamLabelFor(composition, CHATHAM_MIN_GROUP_DEFAULT, fine).code : fine,
      );
    }
    const thread = await manager.save(
      manager.create(ThreadEntity, {
        channelId: required(channels, channelKey),
        networkId,
        title: discussion.title,
        attribution: discussion.attribution,
        topics: discussion.channel.topics,
        authorId: required(ids.users, discussion.author),
        authorLabel: renderLabel(labels[0]),
        authorLabelCode: labels[0],
        clientId: `demo-${++clientSeq}`,
        lastSeq: posts.length,
        messageCount: posts.length,
        lastActivityAt: new Date(),
      }),
    );
    for (const [index, post] of posts.entries()) {
      await manager.insert(MessageEntity, {
        threadId: thread.id,
        seq: index + 1,
        authorId: required(ids.users, post.author),
        authorLabel: renderLabel(labels[index]),
        authorLabelCode: labels[index],
        clientId: `demo-${++clientSeq}`,
        body: post.body,
        replyToId: null,
      });
    }
    for (const link of discussion.links) {
      await manager.insert(ThreadLinkEntity, {
        threadId: thread.id,
        targetType: link.type,
        targetId: required(itemIds, `${link.type}:${link.key}`),
        note: link.note,
        createdBy: required(ids.users, discussion.author),
      });
    }
  }
}

function required(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Demo content refers to unknown "${key}"`);
  return value;
}
