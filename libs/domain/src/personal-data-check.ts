import { DomainError } from './errors';
import type { Decision } from './networks';

/*
 * Likely personal data about the people programmes serve, in a text about to leave its thread
 * (a quote curated into an entry, an entry being published). A heuristic that points things out
 * for a person to confirm or edit — never a filter that decides alone: it will miss some things
 * and flag some harmless ones, which is why the curator confirms.
 */

export type PersonalDataKind = 'email' | 'phone' | 'name_near_role' | 'address';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The text found, as written. */
  text: string;
  /** Where it starts in the checked text (UTF-16 index). */
  index: number;
  /** For `name_near_role`: the word next to the name ("refugee", "Familie"...). */
  role?: string;
}

/** What `POST /api/entries/:id/publish` and curating report, by field, for the curator. */
export interface PersonalDataReport {
  /** e.g. `summary`, `whatWorked`, `quote:<messageId>`. */
  field: string;
  findings: PersonalDataFinding[];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A phone number: an optional +country or leading 0, then at least 8 digits in groups split by
 * spaces, dots, dashes, slashes or brackets. Years, sums and dates do not have that shape.
 */
const PHONE = /(?<![\w+])(?:\+|00)?\d[\d\s./()-]{6,}\d(?![\w])/g;

/** Words for the people programmes serve, in the languages the field writes in. */
const ROLE_WORDS = [
  // English
  'refugee',
  'refugees',
  'asylum seeker',
  'asylum-seeker',
  'migrant',
  'family',
  'client',
  'beneficiary',
  'mother',
  'father',
  'child',
  'son',
  'daughter',
  'participant',
  'mentee',
  'resident',
  'newcomer',
  'minor',
  // French
  'réfugié',
  'réfugiée',
  'réfugiés',
  'demandeur d’asile',
  "demandeur d'asile",
  'demandeuse d’asile',
  'famille',
  'cliente',
  'bénéficiaire',
  'mère',
  'père',
  'enfant',
  'fils',
  'fille',
  'migrante',
  // German
  'Flüchtling',
  'Geflüchteter',
  'Geflüchtete',
  'Asylbewerber',
  'Asylbewerberin',
  'Familie',
  'Klient',
  'Klientin',
  'Mutter',
  'Vater',
  'Kind',
  'Sohn',
  'Tochter',
  'Migrantin',
  // Italian
  'rifugiato',
  'rifugiata',
  'rifugiati',
  'richiedente asilo',
  'famiglia',
  'cliente',
  'beneficiario',
  'beneficiaria',
  'madre',
  'padre',
  'bambino',
  'bambina',
  'figlio',
  'figlia',
  'migrante',
  // Spanish, Dutch, Portuguese (common in the seeds' networks)
  'refugiado',
  'refugiada',
  'familia',
  'vluchteling',
  'familie',
  'cliënt',
  'refugiado',
];

/** Capitalised words that start sentences or name institutions, not people. */
const NOT_NAMES = new Set(
  [
    'the',
    'a',
    'an',
    'our',
    'this',
    'that',
    'we',
    'they',
    'one',
    'every',
    'each',
    'mr',
    'mrs',
    'ms',
    'dr',
    'le',
    'la',
    'les',
    'un',
    'une',
    'notre',
    'cette',
    'ce',
    'der',
    'die',
    'das',
    'ein',
    'eine',
    'unser',
    'unsere',
    'il',
    'lo',
    'gli',
    'uno',
    'una',
    'nostro',
    'nostra',
    'el',
    'los',
    'las',
    'de',
    'het',
    'een',
    'o',
    'os',
    'as',
    'um',
    'uma',
    'city',
    'council',
    'ngo',
    'eu',
    'un',
    'unhcr',
    'iom',
    'amif',
    'esf',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
    'stadt',
    'ville',
    'città',
    'comune',
    'gemeinde',
  ].map((word) => word.toLowerCase()),
);

const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]+";
/** One or two capitalised words (a first name, or first and last). */
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD})?`;

/**
 * A word as a case-insensitive pattern, letter by letter: names are told apart by their capital
 * letter, so the patterns cannot use the `i` flag as a whole.
 */
function anyCase(word: string): string {
  return [...word]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      if (lower !== upper) return `[${lower}${upper}]`;
      return /[.*+?^${}()|[\]\\]/.test(char) ? `\\${char}` : char;
    })
    .join('');
}

const ROLES = ROLE_WORDS.map(anyCase).join('|');
/**
 * "the refugee Amina", "refugee Amina Y.", "Amina, a refugee", "Familie Haddad", "famiglia
 * Rossi", "le réfugié Karim", "Karim (client)". The role word may come before or after, with
 * at most a comma, an article or a bracket between.
 */
const NAME_AFTER_ROLE = new RegExp(
  `(?<![\\p{L}])(${ROLES})(?:\\s*[,:(]\\s*|\\s+)(?:(?:named|called|namens|nommée?|chiamat[oa])\\s+)?(${NAME})`,
  'gu',
);
const NAME_BEFORE_ROLE = new RegExp(
  `(${NAME})\\s*(?:,\\s*|\\(\\s*)(?:(?:a|an|the|our|un|une|la|le|ein|eine|die|der|il|la|una|uno|un)\\s+)?(${ROLES})(?![\\p{L}])`,
  'gu',
);

/** A street: a number next to a street word, in either order ("12 Rue de la Paix", "Hauptstraße 5"). */
const STREET_WORDS = [
  'street',
  'st.',
  'road',
  'rd.',
  'avenue',
  'ave.',
  'lane',
  'rue',
  'boulevard',
  'allée',
  'chemin',
  'straße',
  'strasse',
  'str.',
  'weg',
  'gasse',
  'platz',
  'allee',
  'via',
  'viale',
  'piazza',
  'corso',
  'vicolo',
  'calle',
  'avenida',
  'plaza',
  'straat',
  'laan',
  'rua',
  'ulica',
  'ul.',
  'ulice',
  'gatan',
  'vägen',
  'οδός',
]
  .map(anyCase)
  .join('|');
const STREET_NUMBER_FIRST = new RegExp(
  `(?<![\\p{L}\\d])\\d{1,4}[a-zA-Z]?,?\\s+(?:\\p{L}+\\s+){0,3}?(?:${STREET_WORDS})(?:\\s+(?:de|du|des|la|le|of|di|del|della)?\\s*\\p{L}+){0,3}`,
  'gu',
);
const STREET_NUMBER_LAST = new RegExp(
  `(?<![\\p{L}])(?:(?:${STREET_WORDS})\\s+(?:\\p{L}+\\s+){0,3}|\\p{Lu}\\p{L}+(?:straße|strasse|weg|gasse|platz|allee|straat|laan|gatan|vägen)\\s+)\\d{1,4}[a-zA-Z]?(?![\\p{L}\\d])`,
  'gu',
);

function isName(candidate: string): boolean {
  const words = candidate.split(/\s+/);
  return words.every((word) => !NOT_NAMES.has(word.toLowerCase())) && words[0].length > 1;
}

function digitsIn(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** Likely personal data in a text, in the order it appears; duplicates at one place dropped. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) =>
    taken.some(([from, to]) => start < to && end > from);
  const add = (finding: PersonalDataFinding) => {
    const end = finding.index + finding.text.length;
    if (overlaps(finding.index, end)) return;
    taken.push([finding.index, end]);
    findings.push(finding);
  };

  for (const match of text.matchAll(EMAIL)) {
    add({ kind: 'email', text: match[0], index: match.index ?? 0 });
  }
  for (const pattern of [STREET_NUMBER_FIRST, STREET_NUMBER_LAST]) {
    for (const match of text.matchAll(pattern)) {
      add({ kind: 'address', text: match[0].trim(), index: match.index ?? 0 });
    }
  }
  for (const match of text.matchAll(PHONE)) {
    const candidate = match[0].trim();
    const digits = digitsIn(candidate);
    // At least 8 digits and not a year range or an amount ("2019-2023", "1.500.000").
    if (digits < 8 || digits > 15) continue;
    if (/^\d{4}\s*[-/]\s*\d{4}$/.test(candidate)) continue;
    if (/^\d{1,3}([.,]\d{3})+$/.test(candidate)) continue;
    add({ kind: 'phone', text: candidate, index: match.index ?? 0 });
  }
  for (const match of text.matchAll(NAME_AFTER_ROLE)) {
    const [, role, name] = match;
    if (!isName(name)) continue;
    const index = (match.index ?? 0) + match[0].lastIndexOf(name);
    add({ kind: 'name_near_role', text: name, index, role });
  }
  for (const match of text.matchAll(NAME_BEFORE_ROLE)) {
    const [, name, role] = match;
    if (!isName(name)) continue;
    add({ kind: 'name_near_role', text: name, index: match.index ?? 0, role });
  }
  return findings.sort((a, b) => a.index - b.index);
}

/** The findings of several texts by field, leaving out fields with none. */
export function personalDataReport(
  fields: { field: string; text: string }[],
): PersonalDataReport[] {
  return fields
    .map(({ field, text }) => ({ field, findings: findPersonalData(text) }))
    .filter((report) => report.findings.length > 0);
}

/**
 * Text with likely personal data goes on only once the curator has looked: without
 * `confirmPersonalData: true`, a 400 lists every finding by field (nothing is written).
 */
export function confirmPersonalData(reports: PersonalDataReport[], confirmed: boolean): Decision {
  if (reports.length === 0 || confirmed) return { allowed: true };
  const count = reports.reduce((sum, report) => sum + report.findings.length, 0);
  return {
    allowed: false,
    error: new DomainError(
      'bad_request',
      `The text may hold personal data (${count} finding${count === 1 ? '' : 's'}): edit it, or confirm it may be shared with confirmPersonalData: true`,
      reports.map((report) => ({
        field: report.field,
        problems: report.findings.map((finding) => `${finding.kind}: ${finding.text}`),
        findings: report.findings,
      })),
    ),
  };
}
