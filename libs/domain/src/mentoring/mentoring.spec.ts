import { DomainError } from '../errors';
import {
  actionsFor,
  actOnPairing,
  addGoals,
  addMonths,
  allowedPairingActions,
  answerFollowUp,
  coordinateMentoring,
  dueFollowUp,
  editPairingWork,
  giveFeedback,
  isFinalState,
  nextPairingState,
  PAIRING_ACTIONS,
  PAIRING_GOALS_MAX,
  PAIRING_STATES,
  PAIRING_TRANSITIONS,
  proposePairing,
  rankMentors,
  readPairing,
  scoreMentor,
  suggestMentors,
  SUGGESTION_WEIGHTS as W,
  type MentorCandidate,
  type MentoringFacts,
  type PairingAccess,
  type PairingAction,
  type PairingState,
  type SuggestionReason,
} from '.';
import { isLanguageCode, ISO_639_1_CODES } from '../languages';
import type { Standing } from '../networks';
import {
  changeChannelSettings,
  manageChannel,
  removeFromChannel,
  type ChannelAccess,
} from '../discussions';

const mentee: MentoringFacts = {
  userId: 'mentee',
  organisationId: 'org-turin',
  country: 'IT',
  level: 'local',
  sector: 'government',
  topics: ['housing', 'employment', 'language'],
  languages: ['it', 'en'],
};

function mentor(overrides: Partial<MentorCandidate> = {}): MentorCandidate {
  return {
    userId: 'mentor',
    organisationId: 'org-ghent',
    country: 'IT',
    level: 'eu',
    sector: 'ngo',
    topics: [],
    languages: ['en'],
    mode: 'offering',
    available: true,
    capacity: 1,
    activePairings: 0,
    alreadyPaired: false,
    ...overrides,
  };
}

function reasonsOf(candidate: MentorCandidate): SuggestionReason[] {
  const result = scoreMentor(mentee, candidate);
  if (!result.eligible) throw new Error(`excluded: ${result.exclusion}`);
  return result.reasons;
}

const reason = <C extends SuggestionReason['code']>(reasons: SuggestionReason[], code: C) =>
  reasons.find((r) => r.code === code) as Extract<SuggestionReason, { code: C }> | undefined;

describe('scoreMentor: requirements', () => {
  it.each<[string, Partial<MentorCandidate>, string]>([
    ['the mentee themselves', { userId: 'mentee' }, 'self'],
    ['someone only seeking', { mode: 'seeking' }, 'not_offering'],
    ['someone paused', { available: false }, 'unavailable'],
    ['a mentor already paired with the mentee', { alreadyPaired: true }, 'already_paired'],
    ['a mentor at capacity', { capacity: 2, activePairings: 2 }, 'no_capacity'],
    ['a mentor over capacity', { capacity: 1, activePairings: 3 }, 'no_capacity'],
    [
      'the same organisation',
      { organisationId: 'org-turin', topics: ['housing'] },
      'same_organisation',
    ],
    [
      'no shared language',
      { languages: ['de', 'fr'], topics: ['housing', 'employment'] },
      'no_shared_language',
    ],
    ['no language at all', { languages: [] }, 'no_shared_language'],
  ])('never suggests %s', (_what, overrides, exclusion) => {
    expect(scoreMentor(mentee, mentor(overrides))).toEqual({ eligible: false, exclusion });
  });

  it('excludes for no shared language even with every topic and the best fit otherwise', () => {
    const result = scoreMentor(
      mentee,
      mentor({
        topics: mentee.topics,
        languages: ['fr'],
        country: 'BE',
        level: 'local',
        sector: 'government',
        capacity: 10,
      }),
    );
    expect(result).toEqual({ eligible: false, exclusion: 'no_shared_language' });
  });

  it('accepts "both" as offering, and people without organisation are never "the same"', () => {
    expect(scoreMentor(mentee, mentor({ mode: 'both' })).eligible).toBe(true);
    const independent = { ...mentee, organisationId: null };
    expect(scoreMentor(independent, mentor({ organisationId: null })).eligible).toBe(true);
  });
});

describe('scoreMentor: reasons and points', () => {
  it('counts shared topics, naming them', () => {
    const topics = reason(
      reasonsOf(mentor({ topics: ['housing', 'language', 'funding'] })),
      'topic_overlap',
    );
    expect(topics).toEqual({
      code: 'topic_overlap',
      points: 2 * W.perSharedTopic,
      count: 2,
      topics: ['housing', 'language'],
    });
    expect(reason(reasonsOf(mentor({ topics: ['funding'] })), 'topic_overlap')).toBeUndefined();
  });

  it('always names the shared languages, with a little more for each extra one (capped)', () => {
    expect(reason(reasonsOf(mentor({ languages: ['en'] })), 'shared_language')).toEqual({
      code: 'shared_language',
      points: W.sharedLanguage,
      count: 1,
      languages: ['en'],
    });
    expect(reason(reasonsOf(mentor({ languages: ['en', 'it'] })), 'shared_language')?.points).toBe(
      W.sharedLanguage + W.perExtraSharedLanguage,
    );
    const many = { ...mentee, languages: ['it', 'en', 'fr', 'de', 'es'] };
    const result = scoreMentor(many, mentor({ languages: ['it', 'en', 'fr', 'de', 'es'] }));
    expect(result.eligible && reason(result.reasons, 'shared_language')?.points).toBe(
      W.sharedLanguage + W.extraSharedLanguagesCounted * W.perExtraSharedLanguage,
    );
  });

  it('values exchange across borders, only when both countries are known', () => {
    expect(reason(reasonsOf(mentor({ country: 'BE' })), 'cross_country')).toEqual({
      code: 'cross_country',
      points: W.crossCountry,
      menteeCountry: 'IT',
      mentorCountry: 'BE',
    });
    expect(reason(reasonsOf(mentor({ country: 'IT' })), 'cross_country')).toBeUndefined();
    expect(reason(reasonsOf(mentor({ country: null })), 'cross_country')).toBeUndefined();
  });

  it('values a similar level: the same most, a neighbouring one less, a distant one not', () => {
    expect(reason(reasonsOf(mentor({ level: 'local' })), 'similar_level')).toEqual({
      code: 'similar_level',
      points: W.sameLevel,
      distance: 0,
    });
    expect(reason(reasonsOf(mentor({ level: 'regional' })), 'similar_level')).toEqual({
      code: 'similar_level',
      points: W.adjacentLevel,
      distance: 1,
    });
    expect(reason(reasonsOf(mentor({ level: 'national' })), 'similar_level')).toBeUndefined();
    expect(reason(reasonsOf(mentor({ level: null })), 'similar_level')).toBeUndefined();
  });

  it('values the same sector', () => {
    expect(reason(reasonsOf(mentor({ sector: 'government' })), 'same_sector')).toEqual({
      code: 'same_sector',
      points: W.sameSector,
    });
    expect(reason(reasonsOf(mentor({ sector: 'ngo' })), 'same_sector')).toBeUndefined();
  });

  it('values room left, capped, and reports the free places', () => {
    expect(reason(reasonsOf(mentor({ capacity: 3, activePairings: 2 })), 'capacity_left')).toEqual({
      code: 'capacity_left',
      points: W.perFreePlace,
      free: 1,
    });
    expect(reason(reasonsOf(mentor({ capacity: 10 })), 'capacity_left')).toEqual({
      code: 'capacity_left',
      points: W.freePlacesCounted * W.perFreePlace,
      free: 10,
    });
  });

  it('scores exactly the sum of its reasons', () => {
    const result = scoreMentor(
      mentee,
      mentor({
        topics: ['housing'],
        country: 'BE',
        level: 'local',
        sector: 'government',
        capacity: 2,
      }),
    );
    if (!result.eligible) throw new Error('excluded');
    expect(result.score).toBe(result.reasons.reduce((sum, r) => sum + r.points, 0));
    expect(result.score).toBe(
      W.perSharedTopic +
        W.sharedLanguage +
        W.crossCountry +
        W.sameLevel +
        W.sameSector +
        2 * W.perFreePlace,
    );
    expect(result.reasons.map((r) => r.code)).toEqual([
      'topic_overlap',
      'shared_language',
      'cross_country',
      'similar_level',
      'same_sector',
      'capacity_left',
    ]);
  });
});

describe('rankMentors', () => {
  const candidates: MentorCandidate[] = [
    mentor({
      userId: 'c-no-language',
      languages: ['de'],
      topics: ['housing', 'employment', 'language'],
    }),
    mentor({ userId: 'b-one-topic', topics: ['housing'] }),
    mentor({ userId: 'a-two-topics', topics: ['housing', 'employment'] }),
    mentor({
      userId: 'd-same-org',
      organisationId: 'org-turin',
      topics: ['housing', 'employment'],
    }),
    mentor({ userId: 'e-full', capacity: 1, activePairings: 1, topics: mentee.topics }),
    mentor({ userId: 'f-two-topics-more-room', topics: ['housing', 'language'], capacity: 2 }),
  ];

  it('leaves out the excluded and orders by score', () => {
    const ranked = rankMentors(mentee, candidates);
    expect(ranked.map((r) => r.candidate.userId)).toEqual([
      'f-two-topics-more-room',
      'a-two-topics',
      'b-one-topic',
    ]);
    for (let i = 1; i < ranked.length; i++) {
      expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    }
  });

  it('breaks ties by shared topics, then room, then user id', () => {
    // 10 (housing) + 5 (en) + 2 (one free place) = 17
    const oneTopic = mentor({ userId: 'z-topic', topics: ['housing'] });
    // 5 + 1 (it as well) + 6 (BE) + 3 (regional) + 2 = 17, but no shared topic
    const noTopic = mentor({
      userId: 'a-no-topic',
      languages: ['en', 'it'],
      country: 'BE',
      level: 'regional',
    });
    expect(scoreMentor(mentee, oneTopic)).toMatchObject({ score: 17 });
    expect(scoreMentor(mentee, noTopic)).toMatchObject({ score: 17 });
    expect(rankMentors(mentee, [noTopic, oneTopic]).map((r) => r.candidate.userId)).toEqual([
      'z-topic',
      'a-no-topic',
    ]);

    // 10 + 5 + 6 (three free places) = 21
    const roomy = mentor({ userId: 'z-roomy', topics: ['housing'], capacity: 3 });
    // 10 + 5 + 1 + 3 + 2 = 21, one free place
    const tight = mentor({
      userId: 'a-tight',
      topics: ['housing'],
      languages: ['en', 'it'],
      level: 'regional',
    });
    expect(scoreMentor(mentee, roomy)).toMatchObject({ score: 21 });
    expect(scoreMentor(mentee, tight)).toMatchObject({ score: 21 });
    expect(rankMentors(mentee, [tight, roomy]).map((r) => r.candidate.userId)).toEqual([
      'z-roomy',
      'a-tight',
    ]);

    const twinB = mentor({ userId: 'b', topics: ['housing'] });
    const twinA = mentor({ userId: 'a', topics: ['language'] });
    expect(rankMentors(mentee, [twinB, twinA]).map((r) => r.candidate.userId)).toEqual(['a', 'b']);
  });

  it('respects the limit', () => {
    expect(rankMentors(mentee, candidates, 1)).toHaveLength(1);
    expect(rankMentors(mentee, candidates, 0)).toHaveLength(0);
  });
});

describe('the pairing state machine', () => {
  const legal: [PairingState, PairingAction, PairingState][] = [
    ['proposed', 'accept', 'active'],
    ['proposed', 'decline', 'declined'],
    ['proposed', 'cancel', 'cancelled'],
    ['active', 'complete', 'completed'],
    ['active', 'cancel', 'cancelled'],
  ];

  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(nextPairingState(from, action, { otherSideAccepted: true })).toBe(to);
  });

  it('stays proposed when only one side has accepted', () => {
    expect(nextPairingState('proposed', 'accept', { otherSideAccepted: false })).toBe('proposed');
  });

  const illegal = PAIRING_STATES.flatMap((state) =>
    PAIRING_ACTIONS.filter((action) => !legal.some(([s, a]) => s === state && a === action)).map(
      (action): [PairingState, PairingAction] => [state, action],
    ),
  );

  it('has exactly 5 legal and 15 illegal transitions', () => {
    expect(illegal).toHaveLength(PAIRING_STATES.length * PAIRING_ACTIONS.length - legal.length);
    expect(illegal).toHaveLength(15);
  });

  it.each(illegal)(
    'refuses %s --%s--> with invalid_transition naming what is allowed',
    (state, action) => {
      let error: unknown;
      try {
        nextPairingState(state, action, { otherSideAccepted: true });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      expect(domainError.code).toBe('invalid_transition');
      expect(domainError.details).toEqual({ state, action, allowed: allowedPairingActions(state) });
    },
  );

  it('lists the allowed actions and the final states', () => {
    expect(allowedPairingActions('proposed')).toEqual(['accept', 'decline', 'cancel']);
    expect(allowedPairingActions('active')).toEqual(['complete', 'cancel']);
    for (const state of ['completed', 'declined', 'cancelled'] as const) {
      expect(allowedPairingActions(state)).toEqual([]);
      expect(isFinalState(state)).toBe(true);
      expect(PAIRING_TRANSITIONS[state]).toEqual({});
    }
    expect(isFinalState('active')).toBe(false);
  });
});

describe('who sees and does what', () => {
  const standings: Standing[] = [null, 'member', 'moderator', 'admin'];
  const access = (standing: Standing, side: PairingAccess['side'] = null): PairingAccess => ({
    standing,
    side,
  });

  it('the pair and coordinators read; other members and outsiders get not_found', () => {
    expect(readPairing(access('member', 'mentor')).allowed).toBe(true);
    expect(readPairing(access('member', 'mentee')).allowed).toBe(true);
    expect(readPairing(access('moderator')).allowed).toBe(true);
    expect(readPairing(access('admin')).allowed).toBe(true);
    for (const denied of [access('member'), access(null), access(null, 'mentor')]) {
      const decision = readPairing(denied);
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(decision.error.code).toBe('not_found');
    }
  });

  it('only the sides accept and decline; coordinators complete and cancel too', () => {
    for (const standing of ['moderator', 'admin'] as const) {
      for (const action of ['accept', 'decline'] as const) {
        const decision = actOnPairing(access(standing), action);
        expect(decision.allowed).toBe(false);
        if (!decision.allowed) expect(decision.error.code).toBe('forbidden');
      }
      expect(actOnPairing(access(standing), 'complete').allowed).toBe(true);
      expect(actOnPairing(access(standing), 'cancel').allowed).toBe(true);
    }
    for (const action of PAIRING_ACTIONS) {
      expect(actOnPairing(access('member', 'mentee'), action).allowed).toBe(true);
      const other = actOnPairing(access('member'), action);
      expect(!other.allowed && other.error.code).toBe('not_found');
    }
    const twice = actOnPairing(access('member', 'mentor'), 'accept', true);
    expect(!twice.allowed && twice.error.code).toBe('conflict');
  });

  it('actionsFor combines the policy and the state', () => {
    expect(actionsFor(access('member', 'mentor'), 'proposed', false)).toEqual([
      'accept',
      'decline',
      'cancel',
    ]);
    expect(actionsFor(access('member', 'mentor'), 'proposed', true)).toEqual(['decline', 'cancel']);
    expect(actionsFor(access('admin'), 'proposed', false)).toEqual(['cancel']);
    expect(actionsFor(access('admin'), 'active', false)).toEqual(['complete', 'cancel']);
    expect(actionsFor(access('member', 'mentee'), 'completed', true)).toEqual([]);
  });

  it('goals are the pair’s while proposed or active; sessions while active', () => {
    expect(editPairingWork(access('member', 'mentor'), 'proposed', 'goals').allowed).toBe(true);
    expect(editPairingWork(access('member', 'mentor'), 'active', 'goals').allowed).toBe(true);
    expect(editPairingWork(access('member', 'mentor'), 'active', 'sessions').allowed).toBe(true);
    const early = editPairingWork(access('member', 'mentor'), 'proposed', 'sessions');
    expect(!early.allowed && early.error.code).toBe('conflict');
    for (const state of ['completed', 'declined', 'cancelled'] as const) {
      const late = editPairingWork(access('member', 'mentee'), state, 'goals');
      expect(!late.allowed && late.error.code).toBe('conflict');
    }
    const coordinator = editPairingWork(access('admin'), 'active', 'goals');
    expect(!coordinator.allowed && coordinator.error.code).toBe('forbidden');
    const outsider = editPairingWork(access('member'), 'active', 'goals');
    expect(!outsider.allowed && outsider.error.code).toBe('not_found');
  });

  it('limits goals to PAIRING_GOALS_MAX', () => {
    expect(PAIRING_GOALS_MAX).toBe(10);
    expect(addGoals(0, 10).allowed).toBe(true);
    expect(addGoals(9, 1).allowed).toBe(true);
    const over = addGoals(10, 1);
    expect(!over.allowed && over.error.code).toBe('conflict');
    expect(!over.allowed && over.error.details).toEqual({ max: 10, existing: 10 });
    expect(addGoals(5, 6).allowed).toBe(false);
  });

  it('coordinators propose for anyone; members only for themselves as mentee', () => {
    const base = { actorId: 'me', mentorId: 'm', menteeId: 'me' };
    expect(proposePairing({ ...base, standing: 'member' }).allowed).toBe(true);
    const forOthers = proposePairing({ ...base, standing: 'member', menteeId: 'x' });
    expect(!forOthers.allowed && forOthers.error.code).toBe('forbidden');
    expect(proposePairing({ ...base, standing: 'moderator', menteeId: 'x' }).allowed).toBe(true);
    const outsider = proposePairing({ ...base, standing: null });
    expect(!outsider.allowed && outsider.error.code).toBe('not_found');
    const self = proposePairing({ ...base, standing: 'admin', mentorId: 'x', menteeId: 'x' });
    expect(!self.allowed && self.error.code).toBe('bad_request');
  });

  it('suggestions for oneself, or for anyone as a coordinator', () => {
    for (const standing of standings) {
      const own = suggestMentors(standing, 'me', 'me');
      expect(own.allowed).toBe(standing !== null);
      const other = suggestMentors(standing, 'me', 'you');
      expect(other.allowed).toBe(standing === 'moderator' || standing === 'admin');
    }
    const coordinate = standings.map((s) => coordinateMentoring(s));
    expect(coordinate.map((d) => d.allowed)).toEqual([false, false, true, true]);
  });

  it('feedback once per side, only after completion', () => {
    const side = access('member', 'mentee');
    expect(giveFeedback(side, 'completed', false).allowed).toBe(true);
    expect(giveFeedback(side, 'completed', true).allowed).toBe(false);
    expect(giveFeedback(side, 'active', false).allowed).toBe(false);
    const coordinator = giveFeedback(access('admin'), 'completed', false);
    expect(!coordinator.allowed && coordinator.error.code).toBe('forbidden');
  });

  it('follow-up answers open at their milestone', () => {
    const side = access('member', 'mentor');
    const completed = new Date('2026-01-31T10:00:00Z');
    const before = new Date('2026-07-30T10:00:00Z');
    const at = new Date('2026-07-31T10:00:00Z');
    expect(answerFollowUp(side, 'completed', completed, 6, before, false).allowed).toBe(false);
    expect(answerFollowUp(side, 'completed', completed, 6, at, false).allowed).toBe(true);
    expect(answerFollowUp(side, 'completed', completed, 6, at, true).allowed).toBe(false);
    expect(answerFollowUp(side, 'completed', completed, 12, at, false).allowed).toBe(false);
    expect(answerFollowUp(side, 'active', null, 6, at, false).allowed).toBe(false);
  });
});

describe('follow-up calendar', () => {
  it('adds calendar months in UTC, clamping to the month’s last day', () => {
    expect(addMonths(new Date('2026-01-15T08:30:00Z'), 6).toISOString()).toBe(
      '2026-07-15T08:30:00.000Z',
    );
    expect(addMonths(new Date('2025-08-31T12:00:00Z'), 6).toISOString()).toBe(
      '2026-02-28T12:00:00.000Z',
    );
    expect(addMonths(new Date('2027-08-31T12:00:00Z'), 6).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
    expect(addMonths(new Date('2026-03-10T00:00:00Z'), 12).toISOString()).toBe(
      '2027-03-10T00:00:00.000Z',
    );
  });

  it('is due at 6 and at 12 months, and not before, between or long after', () => {
    const done = new Date('2026-01-10T09:00:00Z');
    expect(dueFollowUp(done, new Date('2026-07-10T08:59:59Z'))).toBeNull();
    expect(dueFollowUp(done, new Date('2026-07-10T09:00:00Z'))).toBe(6);
    expect(dueFollowUp(done, new Date('2026-12-31T00:00:00Z'))).toBe(6);
    expect(dueFollowUp(done, new Date('2027-01-10T09:00:00Z'))).toBe(12);
    expect(dueFollowUp(done, new Date('2027-07-10T08:59:59Z'))).toBe(12);
    expect(dueFollowUp(done, new Date('2027-07-10T09:00:00Z'))).toBeNull();
  });
});

describe('languages', () => {
  it('knows the ISO 639-1 codes, lower case, two letters, each once', () => {
    expect(new Set(ISO_639_1_CODES).size).toBe(ISO_639_1_CODES.length);
    expect(ISO_639_1_CODES.length).toBe(184);
    for (const code of ISO_639_1_CODES) expect(code).toMatch(/^[a-z]{2}$/);
    expect(isLanguageCode('de')).toBe(true);
    expect(isLanguageCode('DE')).toBe(false);
    expect(isLanguageCode('xx')).toBe(false);
    expect(isLanguageCode({})).toBe(false);
  });
});

describe('pairing channels', () => {
  const channel = (overrides: Partial<ChannelAccess>): ChannelAccess => ({
    visibility: 'private',
    archived: false,
    standing: 'member',
    listed: false,
    pairing: { isPartner: false },
    ...overrides,
  });

  it('are managed by the pair only; coordinators not on the list do not see them', () => {
    expect(manageChannel(channel({ listed: true, pairing: { isPartner: true } })).allowed).toBe(
      true,
    );
    for (const standing of ['moderator', 'admin'] as const) {
      const hidden = manageChannel(channel({ standing }));
      expect(!hidden.allowed && hidden.error.code).toBe('not_found');
      const added = manageChannel(channel({ standing, listed: true }));
      expect(!added.allowed && added.error.code).toBe('forbidden');
    }
    // An ordinary private channel stays manageable by moderators.
    expect(manageChannel(channel({ standing: 'moderator', pairing: null })).allowed).toBe(true);
  });

  it('follow their pairing: no one renames or archives them by hand', () => {
    const partner = changeChannelSettings(channel({ listed: true, pairing: { isPartner: true } }));
    expect(!partner.allowed && partner.error.code).toBe('conflict');
    const admin = changeChannelSettings(channel({ standing: 'admin' }));
    expect(!admin.allowed && admin.error.code).toBe('not_found');
  });

  it('keep the mentor and mentee on their list', () => {
    const partner = channel({ listed: true, pairing: { isPartner: true } });
    const leaving = removeFromChannel(partner, { self: true, isPairingPartner: true });
    expect(!leaving.allowed && leaving.error.code).toBe('conflict');
    expect(removeFromChannel(partner, { self: false, isPairingPartner: false }).allowed).toBe(true);
    const guest = channel({ listed: true });
    expect(removeFromChannel(guest, { self: true, isPairingPartner: false }).allowed).toBe(true);
    const guestRemoves = removeFromChannel(guest, { self: false, isPairingPartner: false });
    expect(!guestRemoves.allowed && guestRemoves.error.code).toBe('forbidden');
  });
});
