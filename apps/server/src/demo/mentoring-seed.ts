import { attributionLabel, fineLabelCode, type MentoringMode, type Topic } from '@tandem/domain';
import type { EntityManager } from 'typeorm';
import { ChannelEntity, ChannelMemberEntity } from '../channels/channel.entity';
import { MessageEntity } from '../discussions/message.entity';
import { ThreadEntity } from '../discussions/thread.entity';
import {
  MentoringProfileEntity,
  PairingEntity,
  PairingGoalEntity,
  PairingSessionEntity,
} from '../mentoring/mentoring.entities';
import { UserEntity } from '../users/user.entity';
import type { DemoIds } from './library-seed';

const NETWORK = 'city-mentoring-exchange';
const DAY = 86_400_000;

const PROFILES: {
  email: string;
  mode: MentoringMode;
  topics: Topic[];
  languages: string[];
  capacity: number;
  about: string;
  availabilityNote: string;
}[] = [
  {
    email: 'demo@tandem.example',
    mode: 'offering',
    topics: ['housing', 'volunteers', 'evaluation'],
    languages: ['nl', 'en', 'fr'],
    capacity: 2,
    about:
      'Ghent has paired newcomer families with housing buddies since 2018; happy to share the volunteer handbook, the landlord charter and what the scheme costs.',
    availabilityNote: 'Two calls a month; study visits in spring and autumn',
  },
  {
    email: 'katrin@tandem.example',
    mode: 'both',
    topics: ['employment', 'partnerships', 'funding'],
    languages: ['de', 'en'],
    capacity: 1,
    about:
      'Regional job-market integration with the employment agency and chambers; looking for a city that evaluates language courses well.',
    availabilityNote: 'Video calls on Tuesdays',
  },
  {
    email: 'mikko@tandem.example',
    mode: 'seeking',
    topics: ['housing', 'volunteers', 'long_term_support'],
    languages: ['fi', 'en', 'sv'],
    capacity: 1,
    about:
      'Tampere is starting a volunteer housing programme for people leaving reception centres and wants to avoid the usual first-year mistakes.',
    availabilityNote: '',
  },
];

/**
 * The mentoring part of the demo, in the city mentoring exchange: three profiles and one active
 * pairing — Ghent (Dana) mentoring Tampere (Mikko), proposed by the moderator — with goals, a
 * study visit already held, a call planned, and the pair's private channel with a short
 * conversation. Runs inside the demo transaction, after accounts and networks exist.
 */
export async function seedDemoMentoring(manager: EntityManager, ids: DemoIds): Promise<void> {
  const networkId = ids.networks.get(NETWORK);
  const user = (email: string) => {
    const id = ids.users.get(email);
    if (!id) throw new Error(`Demo mentoring names unknown user ${email}`);
    return id;
  };
  if (!networkId) throw new Error(`Demo mentoring needs the network ${NETWORK}`);

  for (const profile of PROFILES) {
    const { email, ...fields } = profile;
    await manager.insert(MentoringProfileEntity, { networkId, userId: user(email), ...fields });
  }

  const mentorId = user('demo@tandem.example');
  const menteeId = user('mikko@tandem.example');
  const now = Date.now();
  const activatedAt = new Date(now - 40 * DAY);
  const topics: Topic[] = ['housing', 'volunteers'];
  const pairing = await manager.save(
    manager.create(PairingEntity, {
      networkId,
      mentorId,
      menteeId,
      proposedBy: user('lucia@tandem.example'),
      topics,
      state: 'active',
      mentorAcceptedAt: new Date(now - 42 * DAY),
      menteeAcceptedAt: activatedAt,
      activatedAt,
    }),
  );

  const mentee = await manager.findOneOrFail(UserEntity, {
    where: { id: menteeId },
    relations: { organisation: true },
  });
  const mentor = await manager.findOneOrFail(UserEntity, {
    where: { id: mentorId },
    relations: { organisation: true },
  });
  const title = `${mentor.displayName} & ${mentee.displayName}`;
  const channel = await manager.save(
    manager.create(ChannelEntity, {
      networkId,
      slug: `pairing-${pairing.id.replace(/-/g, '').slice(0, 24)}`,
      name: title,
      description: '',
      topics,
      visibility: 'private',
      createdBy: menteeId,
    }),
  );
  await manager.insert(ChannelMemberEntity, [
    { channelId: channel.id, userId: mentorId, addedBy: menteeId },
    { channelId: channel.id, userId: menteeId, addedBy: menteeId },
  ]);
  const conversation: { authorId: string; body: string; daysAgo: number }[] = [
    {
      authorId: menteeId,
      body: 'Thank you for taking us on! Our first question: how did you find the first landlords willing to rent to families with a housing buddy?',
      daysAgo: 39,
    },
    {
      authorId: mentorId,
      body: 'Through the social rental agency first, then word of mouth. I will bring our landlord charter to the visit — it fits on one page.',
      daysAgo: 38,
    },
    {
      authorId: menteeId,
      body: 'The visit was very useful. We are now drafting our own volunteer handbook from yours.',
      daysAgo: 12,
    },
  ];
  const thread = await manager.save(
    manager.create(ThreadEntity, {
      channelId: channel.id,
      networkId,
      title,
      attribution: 'named',
      topics,
      authorId: menteeId,
      authorLabel: attributionLabel(mentee.organisation),
      authorLabelCode: fineLabelCode(mentee.organisation),
      clientId: `pairing-${pairing.id}`,
      lastSeq: conversation.length,
      messageCount: conversation.length,
      lastActivityAt: new Date(now - conversation[conversation.length - 1].daysAgo * DAY),
    }),
  );
  for (const [index, message] of conversation.entries()) {
    const author = message.authorId === mentorId ? mentor : mentee;
    await manager.insert(MessageEntity, {
      threadId: thread.id,
      seq: index + 1,
      authorId: message.authorId,
      authorLabel: attributionLabel(author.organisation),
      authorLabelCode: fineLabelCode(author.organisation),
      clientId: `demo-pairing-${index + 1}`,
      body: message.body,
      replyToId: null,
      createdAt: new Date(now - message.daysAgo * DAY),
    });
  }
  await manager.update(
    PairingEntity,
    { id: pairing.id },
    { channelId: channel.id, threadId: thread.id },
  );

  const goals: {
    title: string;
    status: 'achieved' | 'in_progress' | 'not_started';
    note: string;
  }[] = [
    {
      title: 'Adapt the housing buddy handbook for Tampere',
      status: 'in_progress',
      note: 'First draft in Finnish; the volunteer code of conduct is still open.',
    },
    {
      title: 'Sign up the first five landlords',
      status: 'achieved',
      note: 'Five landlords through the city housing company.',
    },
    {
      title: 'Agree how to evaluate the scheme after 12 months',
      status: 'not_started',
      note: '',
    },
  ];
  for (const [index, goal] of goals.entries()) {
    await manager.insert(PairingGoalEntity, {
      pairingId: pairing.id,
      position: index + 1,
      title: goal.title,
      status: goal.status,
      note: goal.note,
      achievedAt: goal.status === 'achieved' ? new Date(now - 5 * DAY) : null,
      createdBy: menteeId,
    });
  }
  await manager.insert(PairingSessionEntity, [
    {
      pairingId: pairing.id,
      startsAt: new Date(now - 20 * DAY),
      durationMinutes: 2 * 8 * 60,
      format: 'visit',
      location: 'Ghent: city hall and two buddy families',
      agenda:
        'Day 1: the buddy scheme and its volunteers. Day 2: landlords and the social rental agency.',
      notes: 'Bring the landlord charter to the Tampere housing board.',
      participantIds: [mentorId, menteeId],
      otherParticipants: 'Two housing officers from Tampere',
      createdBy: menteeId,
    },
    {
      pairingId: pairing.id,
      startsAt: new Date(now + 14 * DAY),
      durationMinutes: 60,
      format: 'video_call',
      agenda: 'Volunteer code of conduct; first evaluation questions.',
      participantIds: [mentorId, menteeId],
      createdBy: mentorId,
    },
  ]);
}
