import {
  allowedEntryActions,
  canReadEntry,
  canReadPublished,
  canReadWorkingCopy,
  changeEntrySettings,
  curateThread,
  editEntry,
  effectiveScope,
  ENTRY_ACTIONS,
  ENTRY_STATUSES,
  ENTRY_TRANSITIONS,
  EntryAccess,
  EntryAction,
  EntryStatus,
  nextStatus,
  readEntry,
  setEntryScope,
  transitionEntry,
} from './curation';
import {
  ENTRY_WORD_LIMITS,
  exportFileName,
  QUOTE_MAX_LENGTH,
  quoteAttribution,
  quoteAttributionText,
  quoteAuthorView,
  quoteExcerpt,
  reviewProblems,
  withinEntryWordLimit,
} from './curation-content';
import { DomainError } from './errors';
import type { Standing } from './networks';

const access = (overrides: Partial<EntryAccess> = {}): EntryAccess => ({
  status: 'draft',
  scope: 'network',
  allowPublic: false,
  hasPublishedVersion: false,
  standing: 'moderator',
  isDrafter: false,
  ...overrides,
});

const LEGAL: [EntryStatus, EntryAction, EntryStatus][] = [
  ['draft', 'submit', 'in_review'],
  ['in_review', 'publish', 'published'],
  ['in_review', 'request_changes', 'draft'],
  ['published', 'archive', 'archived'],
  ['published', 'revise', 'draft'],
];

const ALL_PAIRS = ENTRY_STATUSES.flatMap((status) =>
  ENTRY_ACTIONS.map((action) => [status, action] as [EntryStatus, EntryAction]),
);
const ILLEGAL = ALL_PAIRS.filter(
  ([status, action]) => !LEGAL.some(([from, act]) => from === status && act === action),
);

describe('the entry workflow', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('has exactly the legal transitions listed here', () => {
    const table = ENTRY_STATUSES.flatMap((status) =>
      Object.entries(ENTRY_TRANSITIONS[status]).map(([action, to]) => [status, action, to]),
    );
    expect(table.sort()).toEqual([...LEGAL].sort());
    expect(ILLEGAL).toHaveLength(ALL_PAIRS.length - LEGAL.length);
  });

  it.each(ILLEGAL)(
    'refuses %s --%s--> with invalid_transition naming the allowed actions',
    (status, action) => {
      let thrown: unknown;
      try {
        nextStatus(status, action);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      const error = thrown as DomainError;
      expect(error.code).toBe('invalid_transition');
      expect(error.details).toEqual({ status, action, allowed: allowedEntryActions(status) });
    },
  );

  it('lists the allowed actions of each status', () => {
    expect(allowedEntryActions('draft')).toEqual(['submit']);
    expect(allowedEntryActions('in_review')).toEqual(['request_changes', 'publish']);
    expect(allowedEntryActions('published')).toEqual(['archive', 'revise']);
    expect(allowedEntryActions('archived')).toEqual([]);
  });

  it('says an archived entry allows nothing', () => {
    expect(() => nextStatus('archived', 'revise')).toThrow(/allows no action/);
  });
});

describe('transitionEntry', () => {
  it.each(LEGAL)('lets a moderator who did not draft it %s → %s', (status, action) => {
    expect(transitionEntry(access({ status }), action)).toEqual({ allowed: true });
  });

  it('refuses self-publishing with 403, after the transition itself is legal', () => {
    const decision = transitionEntry(access({ status: 'in_review', isDrafter: true }), 'publish');
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.error.code).toBe('forbidden');
      expect(decision.error.details).toEqual({ reason: 'self_publish' });
    }
  });

  it('lets the drafter do everything but publish', () => {
    for (const [status, action] of LEGAL.filter(([, a]) => a !== 'publish')) {
      expect(transitionEntry(access({ status, isDrafter: true }), action).allowed).toBe(true);
    }
  });

  it('answers an illegal move with 409 even for the drafter trying to publish a draft', () => {
    const decision = transitionEntry(access({ status: 'draft', isDrafter: true }), 'publish');
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.error.code).toBe('invalid_transition');
  });

  it.each<[Standing, string]>([
    ['member', 'forbidden'],
    [null, 'not_found'],
  ])('refuses a viewer of standing %s with %s', (standing, code) => {
    const decision = transitionEntry(
      access({ status: 'published', hasPublishedVersion: true, standing }),
      'archive',
    );
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.error.code).toBe(code);
  });

  it('hides a draft from an outsider entirely (404, not 403)', () => {
    const decision = transitionEntry(access({ standing: null }), 'submit');
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.error.code).toBe('not_found');
  });
});

describe('who reads an entry', () => {
  it.each<[Standing, boolean, boolean]>([
    [null, false, false],
    ['member', false, false],
    ['member', true, true],
    ['moderator', false, true],
    ['admin', false, true],
  ])('working copy: standing %s, drafter %s → %s', (standing, isDrafter, expected) => {
    expect(canReadWorkingCopy(access({ standing, isDrafter }))).toBe(expected);
  });

  it('keeps drafts and entries in review that were never published from members and outsiders', () => {
    for (const status of ['draft', 'in_review'] as const) {
      expect(canReadEntry(access({ status, standing: 'member' }))).toBe(false);
      expect(
        canReadEntry(access({ status, standing: null, scope: 'public', allowPublic: true })),
      ).toBe(false);
      expect(canReadEntry(access({ status, standing: 'moderator' }))).toBe(true);
    }
  });

  it('shows the published version of a revised entry to members', () => {
    expect(
      canReadPublished(access({ status: 'draft', hasPublishedVersion: true, standing: 'member' })),
    ).toBe(true);
  });

  it.each<[EntryAccess['scope'], boolean, boolean]>([
    ['network', false, false],
    ['network', true, false],
    ['public', false, false],
    ['public', true, true],
  ])(
    'an outsider reads a published entry of scope %s (public allowed: %s): %s',
    (scope, allowPublic, expected) => {
      expect(
        canReadPublished(
          access({
            status: 'published',
            hasPublishedVersion: true,
            standing: null,
            scope,
            allowPublic,
          }),
        ),
      ).toBe(expected);
    },
  );

  it('treats a public entry as network-only while the network does not allow public entries', () => {
    expect(effectiveScope('public', false)).toBe('network');
    expect(effectiveScope('public', true)).toBe('public');
    expect(effectiveScope('network', true)).toBe('network');
  });

  it('answers what it cannot read with not_found', () => {
    const decision = readEntry(access({ standing: 'member' }));
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.error.code).toBe('not_found');
  });
});

describe('scope', () => {
  it('allows public entries only when the network admins allow them', () => {
    expect(setEntryScope('network', false).allowed).toBe(true);
    expect(setEntryScope('public', true).allowed).toBe(true);
    const refused = setEntryScope('public', false);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.error.code).toBe('forbidden');
  });

  it.each<[Standing, boolean | string]>([
    ['admin', true],
    ['moderator', 'forbidden'],
    ['member', 'forbidden'],
    [null, 'not_found'],
  ])('the public-entries setting: standing %s → %s', (standing, expected) => {
    const decision = changeEntrySettings(standing);
    if (expected === true) expect(decision.allowed).toBe(true);
    else expect(!decision.allowed && decision.error.code).toBe(expected);
  });
});

describe('curating and editing', () => {
  it('takes a moderator or admin, and a network channel', () => {
    expect(curateThread({ standing: 'moderator', channelVisibility: 'network' }).allowed).toBe(
      true,
    );
    expect(curateThread({ standing: 'admin', channelVisibility: 'network' }).allowed).toBe(true);
    const member = curateThread({ standing: 'member', channelVisibility: 'network' });
    expect(!member.allowed && member.error.code).toBe('forbidden');
    const privateChannel = curateThread({ standing: 'admin', channelVisibility: 'private' });
    expect(!privateChannel.allowed && privateChannel.error.code).toBe('conflict');
  });

  it.each<[EntryStatus, boolean]>([
    ['draft', true],
    ['in_review', false],
    ['published', false],
    ['archived', false],
  ])('edits only drafts: %s → %s', (status, allowed) => {
    const decision = editEntry(access({ status, hasPublishedVersion: status !== 'draft' }));
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.error.code).toBe('conflict');
  });

  it('lets no member edit, even the drafter once demoted', () => {
    const decision = editEntry(access({ standing: 'member', isDrafter: true }));
    expect(!decision.allowed && decision.error.code).toBe('forbidden');
  });
});

describe('limits', () => {
  it('keeps the summary short', () => {
    expect(ENTRY_WORD_LIMITS.summary).toBeLessThanOrEqual(150);
    expect(withinEntryWordLimit('summary', 'word '.repeat(ENTRY_WORD_LIMITS.summary))).toBe(true);
    expect(withinEntryWordLimit('summary', 'word '.repeat(ENTRY_WORD_LIMITS.summary + 1))).toBe(
      false,
    );
  });

  it('fits on about one page altogether', () => {
    const total = Object.values(ENTRY_WORD_LIMITS).reduce((sum, n) => sum + n, 0);
    expect(total).toBeLessThanOrEqual(1300);
  });

  it('cuts long quotes on a word boundary with an ellipsis, and leaves short ones alone', () => {
    expect(quoteExcerpt('  short and sweet  ')).toBe('short and sweet');
    const long = 'lorem ipsum '.repeat(200);
    const cut = quoteExcerpt(long);
    expect(cut.length).toBeLessThanOrEqual(QUOTE_MAX_LENGTH + 2);
    expect(cut.endsWith(' …')).toBe(true);
    // Whole words only: the text before the ellipsis ends with one of the quoted words.
    expect(cut.slice(0, -2)).toMatch(/(lorem|ipsum)$/);
  });
});

describe('review readiness', () => {
  const ready = {
    title: 'Neighbour pairs',
    summary: 'Residents and newcomers meet weekly.',
    context: { who: 'A city NGO', where: 'Lyon, France' },
    whatWasDone: 'Pairs met weekly for a year.',
    whatWorked: 'Shared activities.',
    adaptation: 'Recruit through clubs.',
    evaluation: 'Count pairs still meeting at 12 months.',
    resources: { budgetEur: 0, staffFte: 0.5, volunteers: 40, durationMonths: 12, note: '' },
    evidence: [{ messageId: 'a' }],
  };

  it('finds nothing missing in a complete entry (a zero budget is an answer)', () => {
    expect(reviewProblems(ready)).toEqual([]);
  });

  it('names every missing part, the resources above all', () => {
    const problems = reviewProblems({
      ...ready,
      summary: ' ',
      context: { who: '', where: 'Lyon' },
      resources: { budgetEur: null, staffFte: null, volunteers: 3, durationMonths: null, note: '' },
      evidence: [{ messageId: 'gone', deleted: true }],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'summary',
      'context.who',
      'resources.budgetEur',
      'resources.staffFte',
      'resources.durationMonths',
      'messageIds',
    ]);
    expect(problems.at(-1)?.problems[0]).toContain('gone');
  });
});

describe('quote attribution', () => {
  it('keeps only the label from a Chatham House post: no id survives', () => {
    const stored = quoteAttribution('chatham', 'Local NGO', 'ngo.local', 'user-123');
    expect(stored).toEqual({ kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' });
    expect(JSON.stringify(stored)).not.toContain('user-123');
    const shown = quoteAuthorView(stored, { displayName: 'Amira Haddad', handle: 'amira' });
    expect(shown).toEqual({ kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' });
    expect(quoteAttributionText(shown)).toBe('Local NGO');
  });

  it('names a named post’s author with their organisation label', () => {
    const stored = quoteAttribution('named', 'Local government', 'government.local', 'user-1');
    expect(stored).toEqual({
      kind: 'named',
      userId: 'user-1',
      organisationLabel: 'Local government',
      labelCode: 'government.local',
    });
    const shown = quoteAuthorView(stored, { displayName: 'Dana Demo', handle: 'dana-demo' });
    expect(shown).toEqual({
      kind: 'named',
      userId: 'user-1',
      displayName: 'Dana Demo',
      handle: 'dana-demo',
      organisationLabel: 'Local government',
      organisationLabelCode: 'government.local',
    });
    expect(quoteAttributionText(shown)).toBe('Dana Demo, Local government');
  });

  it('drops the placeholder label of someone without an organisation', () => {
    const shown = quoteAuthorView(
      quoteAttribution('named', 'Independent practitioner', 'independent', 'u'),
      {
        displayName: 'Jo',
        handle: 'jo',
      },
    );
    expect(quoteAttributionText(shown)).toBe('Jo');
  });

  it('renders a quote’s label in the reader’s language, also for versions stored without a code', () => {
    const stored = quoteAttribution('chatham', 'Government', 'government', 'u');
    expect(quoteAuthorView(stored, null, 'de')).toEqual({
      kind: 'chatham',
      label: 'Öffentliche Verwaltung',
      labelCode: 'government',
    });
    expect(quoteAuthorView({ kind: 'chatham', label: 'Local NGO' }, null, 'fr')).toEqual({
      kind: 'chatham',
      label: 'ONG locale',
      labelCode: 'ngo.local',
    });
  });

  it('shows a former member when the named author is gone', () => {
    const shown = quoteAuthorView(quoteAttribution('named', 'Local NGO', 'ngo.local', null), null);
    expect(shown).toMatchObject({ kind: 'named', displayName: 'Former member', userId: '' });
  });
});

describe('export file names', () => {
  it.each([
    [
      'Neighbour pairs: what keeps residents involved?',
      'pdf',
      2,
      'neighbour-pairs-what-keeps-residents-involved-v2.pdf',
    ],
    ['Binômes de voisinage à Lyon', 'md', undefined, 'binomes-de-voisinage-a-lyon.md'],
    ['../../etc/passwd"; rm -rf', 'html', 1, 'etc-passwd-rm-rf-v1.html'],
    ['ألفة', 'pdf', 1, 'entry-v1.pdf'],
  ] as const)('%p → %p', (title, format, version, expected) => {
    expect(exportFileName(title, format, version)).toBe(expected);
  });

  it('stays short', () => {
    expect(exportFileName('a'.repeat(500), 'md').length).toBeLessThanOrEqual(63);
  });
});
