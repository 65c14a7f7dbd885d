import {
  ATTRIBUTIONS,
  canReadChannel,
  CHANNEL_VISIBILITIES,
  changeChannelVisibility,
  createChannel,
  deleteMessage,
  editMessage,
  excerpt,
  extractMentions,
  handleFrom,
  lockThread,
  manageChannel,
  postMessage,
  readChannel,
  readRevisions,
  readThread,
  startThread,
  type ChannelAccess,
  type ChannelVisibility,
  type MessageAccess,
  type ThreadAccess,
} from './discussions';
import { DomainError, notFound, type ErrorCode } from './errors';
import type { Decision, Standing } from './networks';

const STANDINGS: Standing[] = [null, 'member', 'moderator', 'admin'];
const BOOLEANS = [false, true] as const;

/**
 * An expected outcome, written independently of the policies: allowed, or the exact error code
 * and message.
 */
type Outcome = { allowed: true } | { allowed: false; code: ErrorCode; message: string };

const ALLOW: Outcome = { allowed: true };
/** What a missing channel, thread or message answers; a hidden one must answer the same. */
const hidden = (what: 'Channel' | 'Thread' | 'Message' | 'Network'): Outcome => ({
  allowed: false,
  code: 'not_found',
  message: notFound(what).message,
});
const forbids = (message: string): Outcome => ({ allowed: false, code: 'forbidden', message });
const conflicts = (message: string): Outcome => ({ allowed: false, code: 'conflict', message });

const describeOutcome = (outcome: Outcome): string =>
  outcome.allowed ? 'allowed' : `${outcome.code} “${outcome.message}”`;

function expectOutcome(decision: Decision, outcome: Outcome): void {
  if (outcome.allowed) {
    expect(decision).toEqual({ allowed: true });
    return;
  }
  expect(decision.allowed).toBe(false);
  if (decision.allowed) throw new Error('expected a refusal');
  expect(decision.error).toBeInstanceOf(DomainError);
  expect(decision.error.code).toBe(outcome.code);
  expect(decision.error.message).toBe(outcome.message);
  expect(decision.error.details).toBeUndefined();
}

/**
 * The inputs, every combination of them. `listed` is generated for network channels too: it
 * must not matter there.
 */
const CHANNEL_CASES: ChannelAccess[] = CHANNEL_VISIBILITIES.flatMap((visibility) =>
  STANDINGS.flatMap((standing) =>
    BOOLEANS.flatMap((listed) =>
      BOOLEANS.map((archived): ChannelAccess => ({ visibility, standing, listed, archived })),
    ),
  ),
);
const THREAD_CASES: ThreadAccess[] = CHANNEL_CASES.flatMap((access) =>
  BOOLEANS.map((locked): ThreadAccess => ({ ...access, locked })),
);
const MESSAGE_CASES: MessageAccess[] = THREAD_CASES.flatMap((access) =>
  BOOLEANS.flatMap((isAuthor) =>
    BOOLEANS.map((deleted): MessageAccess => ({ ...access, isAuthor, deleted })),
  ),
);

function label(access: ChannelAccess | ThreadAccess | MessageAccess): string {
  const parts = [
    access.visibility,
    access.standing ?? 'non-member',
    access.listed ? 'listed' : 'unlisted',
    access.archived ? 'archived' : 'active',
  ];
  if ('locked' in access) parts.push(access.locked ? 'locked' : 'unlocked');
  if ('isAuthor' in access) {
    parts.push(access.isAuthor ? 'author' : 'not author');
    parts.push(access.deleted ? 'deleted' : 'not deleted');
  }
  return parts.join(' · ');
}

/**
 * Who reads a channel, written out in full: visibility × standing × listed. Archiving never
 * changes it (checked below for both values).
 */
const READ_TABLE: [ChannelVisibility, Standing, boolean, boolean][] = [
  // visibility, standing, listed → can read
  ['network', null, false, false],
  ['network', null, true, false],
  ['network', 'member', false, true],
  ['network', 'member', true, true],
  ['network', 'moderator', false, true],
  ['network', 'moderator', true, true],
  ['network', 'admin', false, true],
  ['network', 'admin', true, true],
  ['private', null, false, false],
  // Still on the list after leaving the network: the list alone does not admit.
  ['private', null, true, false],
  ['private', 'member', false, false],
  ['private', 'member', true, true],
  // A pairing's conversation stays the pair's: rank does not admit either.
  ['private', 'moderator', false, false],
  ['private', 'moderator', true, true],
  ['private', 'admin', false, false],
  ['private', 'admin', true, true],
];

function readable(access: ChannelAccess): boolean {
  const row = READ_TABLE.find(
    ([visibility, standing, listed]) =>
      visibility === access.visibility && standing === access.standing && listed === access.listed,
  );
  if (!row) throw new Error(`READ_TABLE has no row for ${label(access)}`);
  return row[3];
}

const isModerator = (access: ChannelAccess): boolean =>
  access.standing === 'moderator' || access.standing === 'admin';

/** An ordered rule table: the first rule that applies decides. */
type Rule<A> = [when: string, applies: (access: A) => boolean, outcome: Outcome];

function expectedBy<A>(rules: Rule<A>[], access: A): Outcome {
  const rule = rules.find(([, applies]) => applies(access));
  if (!rule) throw new Error('the rule table has a gap');
  return rule[2];
}

/** Runs one policy against every input combination and checks the rule table is all used. */
function walkMatrix<A extends ChannelAccess>(
  name: string,
  cases: A[],
  policy: (access: A) => Decision,
  rules: Rule<A>[],
): void {
  describe(`${name}: the full matrix`, () => {
    it.each(
      cases.map((access) => {
        const outcome = expectedBy(rules, access);
        return [label(access), describeOutcome(outcome), access, outcome] as const;
      }),
    )('%s → %s', (_label, _described, access, outcome) => {
      expectOutcome(policy(access), outcome);
    });

    it('every rule of the table decides at least one input (no dead rows)', () => {
      const deciding = new Set(
        cases.map((access) => rules.find(([, applies]) => applies(access))?.[0]),
      );
      expect(rules.map(([when]) => when).filter((when) => !deciding.has(when))).toEqual([]);
    });
  });
}

describe('constants', () => {
  it('has two channel visibilities and two attributions', () => {
    expect(CHANNEL_VISIBILITIES).toEqual(['network', 'private']);
    expect(ATTRIBUTIONS).toEqual(['named', 'chatham']);
  });

  it('generates every combination of the inputs', () => {
    expect(READ_TABLE).toHaveLength(2 * 4 * 2);
    expect(CHANNEL_CASES).toHaveLength(2 * 4 * 2 * 2);
    expect(THREAD_CASES).toHaveLength(2 * 4 * 2 * 2 * 2);
    expect(MESSAGE_CASES).toHaveLength(2 * 4 * 2 * 2 * 2 * 2 * 2);
    expect(new Set(MESSAGE_CASES.map(label)).size).toBe(MESSAGE_CASES.length);
  });
});

describe('canReadChannel and readChannel', () => {
  const cases = READ_TABLE.flatMap(([visibility, standing, listed, canRead]) =>
    BOOLEANS.map(
      (archived) =>
        [
          label({ visibility, standing, listed, archived }),
          { visibility, standing, listed, archived },
          canRead,
        ] as const,
    ),
  );

  it.each(cases)('%s: canReadChannel is %p', (_label, access, canRead) => {
    expect(canReadChannel(access)).toBe(canRead);
  });

  it.each(cases)('%s: readChannel allowed is %p', (_label, access, canRead) => {
    expectOutcome(readChannel(access), canRead ? ALLOW : hidden('Channel'));
  });

  it('reads archived channels exactly like active ones', () => {
    for (const access of CHANNEL_CASES) {
      expect(canReadChannel({ ...access, archived: true })).toBe(
        canReadChannel({ ...access, archived: false }),
      );
    }
  });

  it('ignores the list on network channels', () => {
    for (const standing of STANDINGS) {
      for (const archived of BOOLEANS) {
        const base: ChannelAccess = { visibility: 'network', standing, listed: false, archived };
        expect(canReadChannel({ ...base, listed: true })).toBe(canReadChannel(base));
      }
    }
  });

  it('never lets a non-member read, listed or not', () => {
    for (const access of CHANNEL_CASES.filter((a) => a.standing === null)) {
      expect(canReadChannel(access)).toBe(false);
    }
  });
});

describe('createChannel', () => {
  it.each([
    [null, hidden('Network')],
    ['member', forbids('Only moderators and admins can create channels')],
    ['moderator', ALLOW],
    ['admin', ALLOW],
  ] as [Standing, Outcome][])('standing %p → %o', (standing, outcome) => {
    expectOutcome(createChannel(standing), outcome);
  });

  it('answers a non-member exactly like a network that does not exist', () => {
    const decision = createChannel(null);
    if (decision.allowed) throw new Error('expected a refusal');
    expect(decision.error.message).toBe(notFound('Network').message);
  });
});

walkMatrix('manageChannel', CHANNEL_CASES, manageChannel, [
  ['the viewer is not in the network', (a) => a.standing === null, hidden('Channel')],
  [
    'a member who cannot read the channel learns nothing',
    (a) => a.standing === 'member' && !readable(a),
    hidden('Channel'),
  ],
  [
    'a member who can read it is told no',
    (a) => a.standing === 'member',
    forbids('Only moderators and admins can manage channels'),
  ],
  [
    'moderators and admins manage any channel of their network, on its list or not, archived or not',
    isModerator,
    ALLOW,
  ],
]);

describe('manageChannel: named cases', () => {
  it.each(CHANNEL_VISIBILITIES.flatMap((v) => BOOLEANS.map((archived) => [v, archived] as const)))(
    'an unlisted moderator and admin manage a %s channel (archived: %p) they cannot read',
    (visibility, archived) => {
      for (const standing of ['moderator', 'admin'] as const) {
        const access: ChannelAccess = { visibility, standing, listed: false, archived };
        expectOutcome(manageChannel(access), ALLOW);
      }
    },
  );

  it('an unlisted moderator may manage a private channel but not read it', () => {
    const access: ChannelAccess = {
      visibility: 'private',
      standing: 'moderator',
      listed: false,
      archived: false,
    };
    expectOutcome(manageChannel(access), ALLOW);
    expectOutcome(readChannel(access), hidden('Channel'));
  });
});

describe('changeChannelVisibility', () => {
  it.each([
    ['network', 'network', ALLOW],
    ['network', 'private', ALLOW],
    ['private', 'private', ALLOW],
    [
      'private',
      'network',
      conflicts(
        'A private channel cannot be opened to the whole network; create a new channel instead',
      ),
    ],
  ] as [ChannelVisibility, ChannelVisibility, Outcome][])('%s → %s', (from, to, outcome) => {
    expectOutcome(changeChannelVisibility(from, to), outcome);
  });
});

walkMatrix('startThread', CHANNEL_CASES, startThread, [
  ['the viewer cannot read the channel', (a) => !readable(a), hidden('Channel')],
  ['the channel is archived', (a) => a.archived, conflicts('This channel is archived')],
  ['anyone who reads an active channel starts threads in it', () => true, ALLOW],
]);

walkMatrix('postMessage', THREAD_CASES, postMessage, [
  ['the viewer cannot read the channel', (a) => !readable(a), hidden('Thread')],
  ['the channel is archived', (a) => a.archived, conflicts('This channel is archived')],
  ['the thread is locked', (a) => a.locked, conflicts('This thread is locked')],
  ['anyone who reads an open thread posts, whatever their rank', () => true, ALLOW],
]);

walkMatrix('lockThread', THREAD_CASES, lockThread, [
  ['the viewer cannot read the channel', (a) => !readable(a), hidden('Thread')],
  [
    'a member',
    (a) => a.standing === 'member',
    forbids('Only moderators and admins can lock threads'),
  ],
  [
    'moderators and admins who read the thread lock and unlock it, locked, archived or not',
    () => true,
    ALLOW,
  ],
]);

walkMatrix('editMessage', MESSAGE_CASES, editMessage, [
  ['the viewer cannot read the channel', (a) => !readable(a), hidden('Message')],
  [
    'someone else’s message, whatever the viewer’s rank',
    (a) => !a.isAuthor,
    forbids('Only the author can edit a message'),
  ],
  ['the message was deleted', (a) => a.deleted, conflicts('This message was deleted')],
  // An archived channel is read-only: its history is not rewritten either.
  ['the channel is archived', (a) => a.archived, conflicts('This channel is archived')],
  ['the thread is locked', (a) => a.locked, conflicts('This thread is locked')],
  ['the author edits a standing message in an open thread', () => true, ALLOW],
]);

walkMatrix('deleteMessage', MESSAGE_CASES, deleteMessage, [
  ['the viewer cannot read the channel', (a) => !readable(a), hidden('Message')],
  [
    'a member deleting someone else’s message',
    (a) => !a.isAuthor && a.standing === 'member',
    forbids('Only the author or a moderator can delete a message'),
  ],
  [
    'the message was already deleted',
    (a) => a.deleted,
    conflicts('This message was already deleted'),
  ],
  [
    'the author or a moderator deletes, even in a locked thread or an archived channel',
    () => true,
    ALLOW,
  ],
]);

walkMatrix('readRevisions', MESSAGE_CASES, readRevisions, [
  ['the viewer cannot read the channel', (a) => !readable(a), hidden('Message')],
  [
    'a member asking about someone else’s message',
    (a) => !a.isAuthor && a.standing === 'member',
    forbids('Only moderators can see edit history'),
  ],
  ['the author and moderators see the history, of deleted messages too', () => true, ALLOW],
]);

type AnyPolicy = [
  name: string,
  what: 'Channel' | 'Thread' | 'Message',
  decide: (access: MessageAccess) => Decision,
];
const POLICIES: AnyPolicy[] = [
  ['readChannel', 'Channel', readChannel],
  ['manageChannel', 'Channel', manageChannel],
  ['startThread', 'Channel', startThread],
  ['postMessage', 'Thread', postMessage],
  ['lockThread', 'Thread', lockThread],
  ['editMessage', 'Message', editMessage],
  ['deleteMessage', 'Message', deleteMessage],
  ['readRevisions', 'Message', readRevisions],
];

describe('hidden things answer exactly like missing ones', () => {
  const unreadable = MESSAGE_CASES.filter((access) => !readable(access));

  it('there are unreadable inputs of every kind to check', () => {
    // 2 visibilities × non-member × listed or not, and private × unlisted × 3 roles; × 16.
    expect(unreadable).toHaveLength((2 * 2 + 3) * 16);
  });

  it.each(POLICIES.filter(([name]) => name !== 'manageChannel'))(
    '%s answers every unreadable input with the missing %s’s own error',
    (_name, what, decide) => {
      const missing = notFound(what);
      for (const access of unreadable) {
        const decision = decide(access);
        if (decision.allowed) throw new Error(`${label(access)} was allowed`);
        expect({ access: label(access), code: decision.error.code }).toEqual({
          access: label(access),
          code: missing.code,
        });
        expect(decision.error.message).toBe(missing.message);
        expect(decision.error.details).toBeUndefined();
      }
    },
  );

  it.each(POLICIES)(
    '%s never tells a non-member more than “not found”, whatever else is true',
    (_name, what, decide) => {
      for (const access of MESSAGE_CASES.filter((a) => a.standing === null)) {
        expectOutcome(decide(access), hidden(what));
      }
    },
  );

  it.each(POLICIES)(
    '%s: a not-found message says nothing about privacy, lists, ranks or state',
    (_name, _what, decide) => {
      for (const access of MESSAGE_CASES) {
        const decision = decide(access);
        if (!decision.allowed && decision.error.code === 'not_found') {
          expect(decision.error.message).not.toMatch(
            /private|list|member|moderator|admin|archiv|lock|author|delet|permission/i,
          );
        }
      }
    },
  );

  it('a non-member on the list of a private channel (left the network) is treated as a stranger', () => {
    const access: MessageAccess = {
      visibility: 'private',
      standing: null,
      listed: true,
      archived: false,
      locked: false,
      isAuthor: true,
      deleted: false,
    };
    for (const [, what, decide] of POLICIES) expectOutcome(decide(access), hidden(what));
  });

  it('the author of a message in a private channel they were taken off cannot touch it', () => {
    const access: MessageAccess = {
      visibility: 'private',
      standing: 'member',
      listed: false,
      archived: false,
      locked: false,
      isAuthor: true,
      deleted: false,
    };
    expectOutcome(editMessage(access), hidden('Message'));
    expectOutcome(deleteMessage(access), hidden('Message'));
    expectOutcome(readRevisions(access), hidden('Message'));
  });
});

describe('properties across every channel policy', () => {
  it.each(POLICIES)('%s treats moderators and admins alike', (_name, _what, decide) => {
    for (const access of MESSAGE_CASES.filter((a) => a.standing === 'moderator')) {
      expect(decide({ ...access, standing: 'admin' })).toEqual(decide(access));
    }
  });

  it.each(POLICIES)('%s never refuses someone for ranking higher', (_name, _what, decide) => {
    const order: Standing[] = ['member', 'moderator', 'admin'];
    for (const access of MESSAGE_CASES.filter((a) => a.standing === 'member')) {
      if (!decide(access).allowed) continue;
      for (const standing of order) expect(decide({ ...access, standing }).allowed).toBe(true);
    }
  });

  it.each(POLICIES)('%s does not mutate its input', (_name, _what, decide) => {
    for (const access of MESSAGE_CASES) {
      const copy = { ...access };
      decide(access);
      expect(access).toEqual(copy);
    }
  });

  it('posting and starting threads are refused in an archived channel to moderators too', () => {
    for (const standing of ['moderator', 'admin'] as const) {
      const access: ThreadAccess = {
        visibility: 'network',
        standing,
        listed: false,
        archived: true,
        locked: false,
      };
      expectOutcome(startThread(access), conflicts('This channel is archived'));
      expectOutcome(postMessage(access), conflicts('This channel is archived'));
    }
  });

  it('an archived channel reports being archived before a thread in it reports being locked', () => {
    const access: ThreadAccess = {
      visibility: 'network',
      standing: 'member',
      listed: false,
      archived: true,
      locked: true,
    };
    expectOutcome(postMessage(access), conflicts('This channel is archived'));
  });
});

describe('extractMentions', () => {
  it.each([
    ['a plain mention', 'thanks @amira', ['amira']],
    ['at the very start', '@amira what did Ghent do?', ['amira']],
    ['after a line break', 'hello\n@amira', ['amira']],
    ['a hyphenated handle', 'cc @amira-haddad', ['amira-haddad']],
    ['a handle with an underscore', 'cc @amira_h', ['amira_h']],
    ['a handle with digits', 'cc @amira-haddad-2', ['amira-haddad-2']],
    ['a handle of digits only', 'cc @2024', ['2024']],
    ['a handle with a double hyphen inside', 'cc @amira--x', ['amira--x']],
    ['no mention at all', 'no mentions here', []],
    ['an empty body', '', []],
    ['a lone @', 'meet @ 10', []],
  ] as [string, string, string[]][])('%s: %p → %p', (_name, body, expected) => {
    expect(extractMentions(body)).toEqual(expected);
  });

  describe('case and duplicates', () => {
    it.each([
      ['upper case', '@AMIRA', ['amira']],
      ['mixed case', '@AmIrA-HadDad', ['amira-haddad']],
      ['the same handle in several cases, once', '@Amira and @AMIRA and @amira', ['amira']],
      ['repeated, once', '@amira @amira @amira', ['amira']],
      [
        'several handles in order of first appearance',
        '@zoe @amira @zoe @bo',
        ['zoe', 'amira', 'bo'],
      ],
    ] as [string, string, string[]][])('%s: %p → %p', (_name, body, expected) => {
      expect(extractMentions(body)).toEqual(expected);
    });
  });

  describe('emails and handles inside words are not mentions', () => {
    it.each([
      ['a short email', 'a@b'],
      ['an email with a two-letter domain', 'x@yz'],
      ['an email address', 'write to amina@example.org'],
      ['an email whose domain is a handle', 'someone@amira-haddad'],
      ['an @ inside a word', 'foo@bar'],
      ['an @ after a digit', '2@amira'],
      ['an @ after an underscore', '_@amira'],
      ['a doubled @', '@@amira'],
      ['a handle starting with a hyphen', '@-amira'],
      ['a handle starting with an underscore', '@_amira'],
      ['inside a code span, after a letter', '`x@amira`'],
    ])('%s: %p', (_name, body) => {
      expect(extractMentions(body)).toEqual([]);
    });

    it('takes a mention glued to a following email address (the email part is not one)', () => {
      expect(extractMentions('@amira@example.org')).toEqual(['amira']);
    });
  });

  describe('code spans are not special-cased (current documented behaviour)', () => {
    it.each([
      ['an inline code span', 'run `@amira` now', ['amira']],
      ['a fenced block', '```\n@amira\n```', ['amira']],
      ['an indented line', '    @amira', ['amira']],
    ] as [string, string, string[]][])('%s mentions: %p', (_name, body, expected) => {
      expect(extractMentions(body)).toEqual(expected);
    });
  });

  describe('punctuation around a mention', () => {
    it.each([
      ['(@amira)'],
      ['[@amira]'],
      ['“@amira”'],
      ['"@amira"'],
      ['@amira,'],
      ['@amira.'],
      ['@amira!'],
      ['@amira?'],
      ['@amira:'],
      ['@amira;'],
      ['@amira’s idea'],
      ["@amira's idea"],
      ['#@amira'],
      ['/@amira'],
      ['.@amira'],
      ['-@amira'],
      ['**@amira**'],
      ['@amira\u200b'],
    ])('%p mentions amira', (body) => {
      expect(extractMentions(body)).toEqual(['amira']);
    });

    it.each([
      ['a trailing hyphen is punctuation', '@amira- what do you think?', ['amira']],
      ['a trailing hyphen before a comma', '@amira-, hi', ['amira']],
      ['a trailing underscore is part of the handle', '@amira_ hi', ['amira_']],
    ] as [string, string, string[]][])('%s: %p → %p', (_name, body, expected) => {
      expect(extractMentions(body)).toEqual(expected);
    });
  });

  describe('length bounds: 2 to 31 characters', () => {
    const handle = (length: number): string => 'a'.repeat(length);

    it.each([
      [1, false],
      [2, true],
      [3, true],
      [24, true],
      [30, true],
      [31, true],
      [32, false],
      [40, false],
    ])('a %i-character handle is a mention: %p', (length, mentioned) => {
      expect(extractMentions(`hi @${handle(length)} there`)).toEqual(
        mentioned ? [handle(length)] : [],
      );
    });

    it('a one-character handle of a digit is not a mention either', () => {
      expect(extractMentions('@1 and @x')).toEqual([]);
    });

    it('an over-long handle is not cut down to a shorter one', () => {
      expect(extractMentions(`@${'a'.repeat(31)}b`)).toEqual([]);
      expect(extractMentions(`@amira${'x'.repeat(40)}`)).toEqual([]);
    });

    it('an over-long hyphenated run yields its prefix up to a hyphen (current behaviour)', () => {
      // No real handle ends with a hyphen (see handleFrom), so such a prefix notifies no one.
      expect(extractMentions(`@${'a'.repeat(20)}-${'b'.repeat(20)}`)).toEqual([
        `${'a'.repeat(20)}-`,
      ]);
    });
  });

  describe('non-ASCII neighbours (current behaviour: the boundaries are ASCII)', () => {
    it.each([
      ['text without spaces before the @ (e.g. Chinese)', '谢谢@amira', ['amira']],
      ['text without spaces after the handle', '@amira看一下', ['amira']],
      ['an accented letter before the @', 'é@amira', ['amira']],
      // Handles are ASCII (handleFrom strips accents); the regex stops at the first non-ASCII
      // letter, so "@josé" mentions "jos".
      ['an accented letter inside the handle', 'merci @josé', ['jos']],
    ] as [string, string, string[]][])('%s: %p → %p', (_name, body, expected) => {
      expect(extractMentions(body)).toEqual(expected);
    });
  });

  it('returns lower-case handles that satisfy the handle column’s constraint', () => {
    const body = '@Amira-Haddad, @ZOE_2 and @x1 (@ab) — also @Q-1-2-3';
    const handles = extractMentions(body);
    expect(handles).toEqual(['amira-haddad', 'zoe_2', 'x1', 'ab', 'q-1-2-3']);
    for (const h of handles) {
      expect(h).toBe(h.toLowerCase());
      expect(h).toMatch(/^[a-z0-9][a-z0-9_-]{1,30}$/);
    }
  });

  it('is stateless between calls (the global regex keeps no position)', () => {
    for (let i = 0; i < 3; i++) expect(extractMentions('@amira @zoe')).toEqual(['amira', 'zoe']);
  });
});

describe('handleFrom', () => {
  it.each([
    ['Amira Haddad', 'amira-haddad'],
    ['amira', 'amira'],
    ['  Amira   Haddad  ', 'amira-haddad'],
    ['Amira\tHaddad\n', 'amira-haddad'],
    ["Siobhán O'Brien", 'siobhan-o-brien'],
    ['Mary-Jane Watson', 'mary-jane-watson'],
    ['Dr. Amina K.', 'dr-amina-k'],
    ['amina_k', 'amina-k'],
    ['R2D2', 'r2d2'],
    ['Team 42', 'team-42'],
    ['--Amira--', 'amira'],
    ['X Æ A-12', 'x-a-12'],
  ])('%p → %p', (name, handle) => {
    expect(handleFrom(name)).toBe(handle);
  });

  describe('accents and compatibility forms', () => {
    it.each([
      ['José Muñoz', 'jose-munoz'],
      ['Zoë Ångström', 'zoe-angstrom'],
      ['François Lefèvre', 'francois-lefevre'],
      ['Çağlar Öztürk', 'caglar-ozturk'],
      ['Dvořák', 'dvorak'],
      ['Nguyễn Thị Minh Khai', 'nguyen-thi-minh-khai'],
      ['İlkay', 'ilkay'],
      ['JOSÉ', 'jose'],
      // Already decomposed (NFD) input gives the same handle.
      ['Jose\u0301 Mun\u0303oz', 'jose-munoz'],
      ['Ａｍｉｒａ', 'amira'],
      ['ﬁona', 'fiona'],
      ['Ⅻ Club', 'xii-club'],
    ])('%p → %p', (name, handle) => {
      expect(handleFrom(name)).toBe(handle);
    });

    it.each([
      // Letters that do not decompose are not transliterated: they separate like punctuation.
      ['Jürgen Groß', 'jurgen-gro'],
      ['Søren Kierkegaard', 's-ren-kierkegaard'],
      ['Łukasz Wałęsa', 'ukasz-wa-esa'],
      ['Đặng Văn', 'ang-van'],
      ['Yıldız', 'y-ld-z'],
    ])(
      'letters without a decomposition are dropped (current behaviour): %p → %p',
      (name, handle) => {
        expect(handleFrom(name)).toBe(handle);
      },
    );
  });

  describe('non-Latin scripts', () => {
    it.each([
      ['Алексей Иванов', 'member'],
      ['Σωκράτης', 'member'],
      ['محمد الأحمد', 'member'],
      ['山田 太郎', 'member'],
      ['김민준', 'member'],
      ['אברהם', 'member'],
      ['Amira حداد', 'amira'],
      ['Ольга Smith', 'smith'],
      ['李 Wei 2', 'wei-2'],
    ])('%p → %p', (name, handle) => {
      expect(handleFrom(name)).toBe(handle);
    });
  });

  describe('empty and short names', () => {
    it.each([
      ['', 'member'],
      [' ', 'member'],
      ['---', 'member'],
      ['!!', 'member'],
      ['😀', 'member'],
      ['A', 'membera'],
      ['A.', 'membera'],
      ['Ö', 'membero'],
      ['5', 'member5'],
      ['Al', 'al'],
      ['A B', 'a-b'],
    ])('%p → %p', (name, handle) => {
      expect(handleFrom(name)).toBe(handle);
    });
  });

  describe('long names are truncated to 24 characters', () => {
    it.each([
      ['Maximilian Alexander von Hohenzollern', 'maximilian-alexander-von'],
      ['Maria Fernanda Rodrigues da Silva', 'maria-fernanda-rodrigues'],
      ['abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwx'],
      ['abcdefghijklmnopqrstuvw', 'abcdefghijklmnopqrstuvw'],
      // The 24th character would be a separator: it is dropped, never left trailing.
      ['Anna-Lena Schmidt-Weber Koch', 'anna-lena-schmidt-weber'],
      ['Abcdefghijklmnopqrstuvw Xyz', 'abcdefghijklmnopqrstuvw'],
      ['Abcdefghijklmnopqrstuvw  !! Xyz', 'abcdefghijklmnopqrstuvw'],
    ])('%p → %p', (name, handle) => {
      expect(handleFrom(name)).toBe(handle);
    });
  });

  describe('every handle it makes is a valid, mentionable handle', () => {
    const names = [
      'Amira Haddad',
      'Anna-Lena Schmidt-Weber Koch',
      'Abcdefghijklmnopqrstuvw Xyz',
      'Maximilian Alexander von Hohenzollern',
      'Jürgen Groß',
      'A',
      '',
      '山田 太郎',
      'Ö',
      '5',
      'x'.repeat(100),
      'ab '.repeat(30),
      'a-'.repeat(30),
      ...Array.from({ length: 30 }, (_, i) => `${'n'.repeat(i)} ${'m'.repeat(30 - i)}`),
    ];

    it.each(names.map((name) => [name]))('%p', (name) => {
      const handle = handleFrom(name);
      expect(handle).toMatch(/^[a-z0-9][a-z0-9_-]{1,30}$/);
      expect(handle.length).toBeLessThanOrEqual(24);
      expect(handle).not.toMatch(/^-|-$|--/);
      // Idempotent: a handle is its own handle.
      expect(handleFrom(handle)).toBe(handle);
      // Mentionable, also with the number UsersService appends when the handle is taken.
      expect(extractMentions(`thanks @${handle}, see you`)).toEqual([handle]);
      expect(extractMentions(`thanks @${handle}-2, see you`)).toEqual([`${handle}-2`]);
      expect(extractMentions(`@${handle.toUpperCase()}`)).toEqual([handle]);
    });
  });
});

describe('excerpt', () => {
  it('keeps a short message as it is', () => {
    expect(excerpt('What did Ghent do?')).toBe('What did Ghent do?');
  });

  it.each([
    ['', ''],
    ['   ', ''],
    ['\n\t\n', ''],
    ['**', ''],
    ['  padded  ', 'padded'],
    ['one\n\ntwo\tthree   four', 'one two three four'],
    ['line\r\nbreak', 'line break'],
  ])('tidies whitespace: %p → %p', (body, expected) => {
    expect(excerpt(body)).toBe(expected);
  });

  describe('markdown marks are stripped', () => {
    it.each([
      ['**bold**', 'bold'],
      ['__bold__', 'bold'],
      ['*italic* and _italic_', 'italic and italic'],
      ['`code` and ```fenced```', 'code and fenced'],
      ['> quoted', 'quoted'],
      ['# Heading\n## Sub', 'Heading Sub'],
      ['~~struck~~', 'struck'],
      ['**Thanks** @amira for the _housing_ figures!', 'Thanks @amira for the housing figures!'],
      // Link and image syntax loses its brackets; the address stays, glued to the text.
      ['[the guide](https://example.org)', 'the guidehttps://example.org'],
      ['![chart](a.png)', '!charta.png'],
      // Every occurrence of the marks goes, also inside words and handles.
      ['snake_case and @amira_h', 'snakecase and @amirah'],
      ['(in brackets)', 'in brackets'],
    ])('%p → %p', (body, expected) => {
      expect(excerpt(body)).toBe(expected);
    });

    it.each([
      ['- item one\n- item two', '- item one - item two'],
      ['1. first\n2. second', '1. first 2. second'],
      ['a | b', 'a | b'],
      ['a + b = c!', 'a + b = c!'],
      ['C:\\path', 'C:\\path'],
      ['@amira-haddad', '@amira-haddad'],
    ])('other characters are kept: %p → %p', (body, expected) => {
      expect(excerpt(body)).toBe(expected);
    });

    it('measures the length after stripping', () => {
      expect(excerpt('**aaaa bbbb**', 10)).toBe('aaaa bbbb');
      expect(excerpt(`**${'a'.repeat(140)}**`)).toBe('a'.repeat(140));
    });
  });

  describe('exact boundary lengths', () => {
    it.each([
      [139, false],
      [140, false],
      [141, true],
    ])('a %i-character message is cut: %p (default max 140)', (length, cut) => {
      const body = 'a'.repeat(length);
      expect(excerpt(body)).toBe(cut ? `${'a'.repeat(140)}…` : body);
    });

    it.each([
      [9, 'abcdefghi'],
      [10, 'abcdefghij'],
      [11, 'abcdefghij…'],
    ])('with max 10, %i characters → %p', (length, expected) => {
      expect(excerpt('abcdefghijklmnop'.slice(0, length), 10)).toBe(expected);
    });

    it('cuts after the last whole word when the next character is a space', () => {
      // "aaaaaaa bb" is exactly 10 characters and ends a word: it is kept whole.
      expect(excerpt('aaaaaaa bb cccc', 10)).toBe('aaaaaaa bb…');
      expect(excerpt('aaaa bbbb cccc', 10)).toBe('aaaa bbbb…');
    });

    it('keeps a whole word that ends exactly at 140', () => {
      const body = `${'a'.repeat(100)} ${'b'.repeat(39)} tail`;
      expect(body[140]).toBe(' ');
      expect(excerpt(body)).toBe(`${'a'.repeat(100)} ${'b'.repeat(39)}…`);
    });
  });

  describe('word-boundary cut and the 60% rule', () => {
    it('cuts on the last space within the limit', () => {
      expect(excerpt('The quick brown fox jumps over the lazy dog', 20)).toBe(
        'The quick brown fox…',
      );
    });

    it.each([
      // max 10: a space must lie beyond 6 characters (strictly) to be used.
      ['a space at 5', 'aaaaa bbbbbbbbbb', 'aaaaa bbbb…'],
      ['a space at exactly 60% (6)', 'aaaaaa bbbbbbbbb', 'aaaaaa bbb…'],
      ['a space at 7', 'aaaaaaa bbbbbbbb', 'aaaaaaa…'],
      ['a space at 9', 'aaaaaaaaa bbbbbb', 'aaaaaaaaa…'],
      ['no space at all', 'aaaaaaaaaaaaaaaa', 'aaaaaaaaaa…'],
    ])('max 10, %s: %p → %p', (_name, body, expected) => {
      expect(excerpt(body, 10)).toBe(expected);
    });

    it.each([
      [84, false],
      [85, true],
    ])('default max: a space at index %i is used: %p', (index, used) => {
      const body = `${'a'.repeat(index)} ${'b'.repeat(200)}`;
      expect(body.indexOf(' ')).toBe(index);
      expect(excerpt(body)).toBe(used ? `${'a'.repeat(index)}…` : `${body.slice(0, 140)}…`);
    });
  });

  describe('never splits a character', () => {
    it('does not leave half of an emoji at a hard cut', () => {
      const body = `a${'😀'.repeat(10)}`;
      expect(excerpt(body, 10)).toBe('a😀😀😀😀…');
    });

    it('keeps a whole emoji that ends exactly at the limit', () => {
      expect(excerpt('😀'.repeat(10), 10)).toBe('😀😀😀😀😀…');
    });

    it('keeps accented and non-Latin text intact', () => {
      expect(excerpt('Intégration réussie à Gand', 18)).toBe('Intégration…');
      expect(excerpt('難民の統合についての議論です', 5)).toBe('難民の統合…');
    });
  });

  it('stays within max + 1 characters and ends with … exactly when cut', () => {
    const words = ['a', 'integration', '😀', '**bold**', 'l’école', 'x'.repeat(30), '  ', '\n'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const body = Array.from({ length: next() % 60 }, () => words[next() % words.length]).join(
        next() % 2 ? ' ' : '',
      );
      for (const max of [10, 40, 140]) {
        const out = excerpt(body, max);
        const plain = excerpt(body, Number.MAX_SAFE_INTEGER);
        expect(out.length).toBeLessThanOrEqual(max + 1);
        expect(out.endsWith('…')).toBe(plain.length > max);
        expect(out).not.toMatch(
          /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
        );
        expect(plain.startsWith(out.replace(/…$/, ''))).toBe(true);
      }
    }
  });
});

describe('readThread', () => {
  it.each(THREAD_CASES.map((access) => [label(access), access] as const))(
    '%s',
    (_label, access) => {
      expectOutcome(readThread(access), readable(access) ? ALLOW : hidden('Thread'));
    },
  );
});
