import {
  assignChathamLabels,
  carriersByLabel,
  chathamLabelFor,
  effectiveMinGroup,
  type NetworkComposition,
  presenceFor,
  typingName,
} from './chatham';
import {
  FINE_LABEL_CODES,
  LABEL_CODES,
  type FineLabelCode,
  labelCodeOfEnglish,
  readerLocale,
  renderLabel,
} from './organisation-labels';
import { UI_LOCALES } from './locales';

/** Every shown label stands for at least k members, unless the whole network is smaller. */
function expectKAnonymous(composition: NetworkComposition, k: number): void {
  const assignment = assignChathamLabels(composition, k);
  const total = Object.values(composition).reduce((sum, count) => sum + (count ?? 0), 0);
  for (const code of FINE_LABEL_CODES) {
    if ((composition[code] ?? 0) > 0) expect(assignment[code]).toBeDefined();
  }
  const carriers = carriersByLabel(composition, assignment);
  for (const [label, count] of Object.entries(carriers)) {
    if (total >= k) expect([label, count >= k]).toEqual([label, true]);
    else expect(label).toBe('member');
  }
}

describe('assignChathamLabels', () => {
  it('shows the fine label when enough members share it', () => {
    const composition = { 'government.local': 3, 'ngo.local': 4 };
    expect(assignChathamLabels(composition, 3)).toEqual({
      'government.local': { code: 'government.local', reason: 'shared' },
      'ngo.local': { code: 'ngo.local', reason: 'shared' },
    });
  });

  it('pools small groups of a sector into the sector label when the pool is large enough', () => {
    const composition = {
      'government.regional': 1,
      'government.national': 2,
      'ngo.local': 5,
    };
    const assignment = assignChathamLabels(composition, 3);
    expect(assignment['government.regional']).toEqual({ code: 'government', reason: 'coarsened' });
    expect(assignment['government.national']).toEqual({ code: 'government', reason: 'coarsened' });
    expect(assignment['ngo.local']?.code).toBe('ngo.local');
  });

  it('never shows a sector label for a lone member beside a shared fine label of that sector', () => {
    // The leak: "Government" would be the one regional official when the rest show "Local government".
    const composition = { 'government.local': 5, 'government.regional': 1, 'ngo.local': 4 };
    const assignment = assignChathamLabels(composition, 3);
    expect(assignment['government.regional']?.code).not.toBe('government.regional');
    const carriers = carriersByLabel(composition, assignment);
    for (const count of Object.values(carriers)) expect(count).toBeGreaterThanOrEqual(3);
    // Local government merges with the regional official into "Government" (6 people).
    expect(assignment['government.regional']?.code).toBe('government');
    expect(assignment['government.local']).toEqual({ code: 'government', reason: 'pooled' });
    expect(assignment['ngo.local']?.code).toBe('ngo.local');
  });

  it('sends members of too-small sectors to "A member" and fills it up to the group size', () => {
    const composition = {
      'research.eu': 1,
      'foundation.national': 1,
      'ngo.local': 3,
      'ngo.regional': 4,
    };
    const assignment = assignChathamLabels(composition, 3);
    expect(assignment['research.eu']?.code).toBe('member');
    expect(assignment['foundation.national']?.code).toBe('member');
    // Two in "A member" are not enough: the smallest label (Local NGO) joins them.
    expect(assignment['ngo.local']).toEqual({ code: 'member', reason: 'pooled' });
    expect(assignment['ngo.regional']?.code).toBe('ngo.regional');
    expectKAnonymous(composition, 3);
  });

  it('moves the fewest people into "A member", splitting a sector label only where it stays large enough', () => {
    // Three NGO members need a fourth person beside them in "A member"; the two national
    // officials join them, and "Government" still stands for six.
    const composition = {
      'ngo.local': 3,
      'government.local': 3,
      'government.regional': 3,
      'government.national': 2,
    };
    const assignment = assignChathamLabels(composition, 4);
    expect(assignment['ngo.local']?.code).toBe('member');
    expect(assignment['government.national']).toEqual({ code: 'member', reason: 'coarsened' });
    expect(assignment['government.local']?.code).toBe('government');
    expect(assignment['government.regional']?.code).toBe('government');
    expect(carriersByLabel(composition, assignment)).toEqual({ member: 5, government: 6 });
  });

  it('treats members without an organisation like any other group', () => {
    expect(assignChathamLabels({ independent: 3, 'ngo.local': 3 }, 3).independent).toEqual({
      code: 'independent',
      reason: 'shared',
    });
    const small = assignChathamLabels({ independent: 1, 'ngo.local': 3, 'ngo.national': 3 }, 3);
    expect(small.independent?.code).toBe('member');
    expectKAnonymous({ independent: 1, 'ngo.local': 3, 'ngo.national': 3 }, 3);
  });

  it('makes the demo’s three-person private circle "A member" each', () => {
    const composition = { 'government.local': 1, 'ngo.local': 1, 'research.national': 1 };
    const assignment = assignChathamLabels(composition, 3);
    for (const code of Object.keys(composition) as FineLabelCode[])
      expect(assignment[code]?.code).toBe('member');
  });

  it('calls everyone "A member" when the whole network is smaller than the group size', () => {
    const assignment = assignChathamLabels({ 'government.local': 2 }, 3);
    expect(assignment['government.local']).toEqual({ code: 'member', reason: 'coarsened' });
  });

  it('respects a larger group size chosen by the network', () => {
    const composition = { 'government.local': 4, 'government.regional': 4, 'ngo.local': 9 };
    expect(assignChathamLabels(composition, 3)['government.local']?.code).toBe('government.local');
    expect(assignChathamLabels(composition, 5)['government.local']?.code).toBe('government');
    expect(assignChathamLabels(composition, 5)['ngo.local']?.code).toBe('ngo.local');
  });

  it('is k-anonymous over many generated network compositions', () => {
    // A small deterministic generator: the same compositions on every run.
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      const composition: NetworkComposition = {};
      const groups = 1 + Math.floor(next() * 8);
      for (let g = 0; g < groups; g++) {
        const code = FINE_LABEL_CODES[Math.floor(next() * FINE_LABEL_CODES.length)];
        composition[code] =
          (composition[code] ?? 0) + 1 + Math.floor(next() * (next() < 0.6 ? 2 : 7));
      }
      const k = 2 + Math.floor(next() * 5);
      expectKAnonymous(composition, k);
    }
  });

  it('ignores zero, negative and non-numeric counts', () => {
    const composition = {
      'ngo.local': 3,
      'ngo.eu': 0,
      'ngo.national': -2,
      'ngo.regional': Number.NaN,
    };
    expect(Object.keys(assignChathamLabels(composition, 3))).toEqual(['ngo.local']);
  });
});

describe('chathamLabelFor', () => {
  it('gives the lone regional official a coarser label', () => {
    const composition = {
      'government.local': 3,
      'government.regional': 1,
      'government.national': 2,
    };
    expect(chathamLabelFor(composition, 3, 'government.regional')).toEqual({
      code: 'government',
      reason: 'coarsened',
    });
  });

  it('counts an author the composition missed, rather than leaving them unprotected', () => {
    expect(chathamLabelFor({ 'ngo.local': 5 }, 3, 'research.eu').code).toBe('member');
  });

  it('is decided at posting time: a label computed earlier is a value the later network does not change', () => {
    const before = chathamLabelFor(
      { 'government.regional': 1, 'ngo.local': 5 },
      3,
      'government.regional',
    );
    const after = chathamLabelFor(
      { 'government.regional': 3, 'ngo.local': 5 },
      3,
      'government.regional',
    );
    expect(before.code).toBe('member');
    expect(after.code).toBe('government.regional');
    // Members leaving make the fine label unsafe again for new posts only.
    expect(
      chathamLabelFor({ 'government.regional': 2, 'ngo.local': 5 }, 3, 'government.regional').code,
    ).toBe('member');
  });
});

describe('effectiveMinGroup', () => {
  it('never goes below the instance value', () => {
    expect(effectiveMinGroup(3, null)).toBe(3);
    expect(effectiveMinGroup(3, 5)).toBe(5);
    expect(effectiveMinGroup(4, 2)).toBe(4);
  });
});

describe('renderLabel', () => {
  it('keeps the English texts labels have always had', () => {
    expect(renderLabel('government.local')).toBe('Local government');
    expect(renderLabel('ngo.eu')).toBe('EU-level NGO');
    expect(renderLabel('independent')).toBe('Independent practitioner');
    expect(renderLabel('government')).toBe('Government');
    expect(renderLabel('member')).toBe('A member');
  });

  it.each([
    ['fr', 'government.local', 'Administration locale'],
    ['fr', 'research.regional', 'Institut régional de recherche'],
    ['it', 'ngo.national', 'ONG nazionale'],
    ['de', 'research.local', 'Lokales Forschungsinstitut'],
    ['de', 'government.regional', 'Regionale Verwaltung'],
    ['es', 'migrant_led.local', 'Asociación local de personas migrantes'],
    ['nl', 'research.national', 'Nationaal onderzoeksinstituut'],
    ['pl', 'research.eu', 'Europejski instytut badawczy'],
    ['ar', 'government.local', 'حكومة محلية'],
  ])('in %s, %s reads "%s"', (locale, code, text) => {
    expect(renderLabel(code, locale)).toBe(text);
  });

  it('has a distinct, non-empty text for every code in every language', () => {
    for (const locale of UI_LOCALES) {
      const texts = LABEL_CODES.map((code) => renderLabel(code, locale));
      for (const text of texts) {
        expect(text).not.toMatch(/undefined|null|\s{2,}|_/);
        expect(text).toBe(text.trim());
      }
      expect([locale, new Set(texts).size]).toEqual([locale, LABEL_CODES.length]);
    }
  });

  it('falls back to English for another language and to "A member" for an unknown code', () => {
    expect(renderLabel('ngo.local', 'ja')).toBe('Local NGO');
    expect(renderLabel('nonsense')).toBe('A member');
  });

  it('finds the code of every English text', () => {
    for (const code of LABEL_CODES) expect(labelCodeOfEnglish(renderLabel(code))).toBe(code);
    expect(labelCodeOfEnglish('Someone')).toBeNull();
  });
});

describe('readerLocale', () => {
  it('prefers ?lang=, then Accept-Language by quality, then English', () => {
    expect(readerLocale('de-DE,de;q=0.9,en;q=0.8', 'fr')).toBe('fr');
    expect(readerLocale('ja;q=1, it;q=0.5, de;q=0.7')).toBe('de');
    expect(readerLocale('pt-BR')).toBe('pt');
    expect(readerLocale(undefined)).toBe('en');
    expect(readerLocale('xx, *;q=0.1', 'zz')).toBe('en');
  });
});

describe('what the live signals disclose', () => {
  const online = new Map([
    ['u1', 'Ana'],
    ['u2', 'Bo'],
  ]);

  it('names the typist in a named thread and nobody in a Chatham House thread', () => {
    expect(typingName('named', 'Ana')).toBe('Ana');
    expect(typingName('chatham', 'Ana')).toBeNull();
  });

  it('lists who is online, or only how many in a channel holding a Chatham House thread', () => {
    expect(presenceFor('c1', online, false)).toEqual({
      channelId: 'c1',
      online: [
        { userId: 'u1', displayName: 'Ana' },
        { userId: 'u2', displayName: 'Bo' },
      ],
      count: 2,
      countOnly: false,
    });
    expect(presenceFor('c1', online, true)).toEqual({
      channelId: 'c1',
      online: [],
      count: 2,
      countOnly: true,
    });
  });
});
