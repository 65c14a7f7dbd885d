import { LEVELS, SECTORS, type Level, type Sector } from './organisations';
import { isUiLocale, type UiLocale } from './locales';

/*
 * The texts of attribution labels in every interface language: the one source for the server's
 * views, exports and mails and for the web app. A label is stored and sent as a code
 * (`LabelCode`); only its text depends on who reads it.
 */

/** `sector.level`: an organisation's type; `independent`: someone without an organisation. */
export type FineLabelCode = `${Sector}.${Level}` | 'independent';
/** A fine label, a sector alone ("Government", level dropped) or `member` ("A member"). */
export type LabelCode = FineLabelCode | Sector | 'member';

export const FINE_LABEL_CODES: readonly FineLabelCode[] = [
  ...SECTORS.flatMap((sector) => LEVELS.map((level): FineLabelCode => `${sector}.${level}`)),
  'independent',
];
export const LABEL_CODES: readonly LabelCode[] = [...FINE_LABEL_CODES, ...SECTORS, 'member'];

export function isLabelCode(value: unknown): value is LabelCode {
  return typeof value === 'string' && (LABEL_CODES as readonly string[]).includes(value);
}

/** The fine label of an organisation (or of nobody's: `independent`). */
export function fineLabelCode(
  organisation: { sector: Sector; level: Level } | null | undefined,
): FineLabelCode {
  return organisation ? `${organisation.sector}.${organisation.level}` : 'independent';
}

type Gender = 'm' | 'f' | 'n';

/** A sector's noun: the head the level agrees with, and words that follow the level. */
interface SectorNoun {
  head: string;
  tail?: string;
  gender: Gender;
}

interface LabelTexts {
  /** Where the level goes: before the noun (English, German, Slavic) or after it (Romance, Arabic). */
  order: 'level-first' | 'noun-first';
  levels: Record<Level, Partial<Record<Gender, string>>>;
  sectors: Record<Sector, SectorNoun>;
  /** The sector on its own, for the coarser label. */
  sectorOnly: Record<Sector, string>;
  independent: string;
  member: string;
}

const f = (head: string, tail?: string): SectorNoun => ({ head, tail, gender: 'f' });
const m = (head: string, tail?: string): SectorNoun => ({ head, tail, gender: 'm' });
const n = (head: string, tail?: string): SectorNoun => ({ head, tail, gender: 'n' });
const same = (text: string): Partial<Record<Gender, string>> => ({ m: text, f: text, n: text });

export const ORGANISATION_LABEL_TEXTS: Record<UiLocale, LabelTexts> = {
  en: {
    order: 'level-first',
    levels: {
      local: same('Local'),
      regional: same('Regional'),
      national: same('National'),
      eu: same('EU-level'),
    },
    sectors: {
      government: n('government'),
      ngo: n('NGO'),
      migrant_led: n('migrant-led organisation'),
      research: n('research institute'),
      foundation: n('foundation'),
      international: n('international organisation'),
    },
    sectorOnly: {
      government: 'Government',
      ngo: 'NGO',
      migrant_led: 'Migrant-led organisation',
      research: 'Research institute',
      foundation: 'Foundation',
      international: 'International organisation',
    },
    independent: 'Independent practitioner',
    member: 'A member',
  },
  fr: {
    order: 'noun-first',
    levels: {
      local: { m: 'local', f: 'locale' },
      regional: { m: 'régional', f: 'régionale' },
      national: { m: 'national', f: 'nationale' },
      eu: { m: 'européen', f: 'européenne' },
    },
    sectors: {
      government: f('administration'),
      ngo: f('ONG'),
      migrant_led: f('association', 'de personnes migrantes'),
      research: m('institut', 'de recherche'),
      foundation: f('fondation'),
      international: f('organisation internationale'),
    },
    sectorOnly: {
      government: 'Administration publique',
      ngo: 'ONG',
      migrant_led: 'Association de personnes migrantes',
      research: 'Institut de recherche',
      foundation: 'Fondation',
      international: 'Organisation internationale',
    },
    independent: 'Praticien·ne indépendant·e',
    member: 'Un membre',
  },
  it: {
    order: 'noun-first',
    levels: {
      local: same('locale'),
      regional: same('regionale'),
      national: same('nazionale'),
      eu: { m: 'europeo', f: 'europea' },
    },
    sectors: {
      government: f('amministrazione'),
      ngo: f('ONG'),
      migrant_led: f('associazione', 'di persone migranti'),
      research: m('istituto', 'di ricerca'),
      foundation: f('fondazione'),
      international: f('organizzazione internazionale'),
    },
    sectorOnly: {
      government: 'Pubblica amministrazione',
      ngo: 'ONG',
      migrant_led: 'Associazione di persone migranti',
      research: 'Istituto di ricerca',
      foundation: 'Fondazione',
      international: 'Organizzazione internazionale',
    },
    independent: 'Professionista indipendente',
    member: 'Un membro',
  },
  de: {
    order: 'level-first',
    levels: {
      local: { m: 'Lokaler', f: 'Lokale', n: 'Lokales' },
      regional: { m: 'Regionaler', f: 'Regionale', n: 'Regionales' },
      national: { m: 'Nationaler', f: 'Nationale', n: 'Nationales' },
      eu: { m: 'Europäischer', f: 'Europäische', n: 'Europäisches' },
    },
    sectors: {
      government: f('Verwaltung'),
      ngo: f('NGO'),
      migrant_led: f('Migrantenorganisation'),
      research: n('Forschungsinstitut'),
      foundation: f('Stiftung'),
      international: f('internationale Organisation'),
    },
    sectorOnly: {
      government: 'Öffentliche Verwaltung',
      ngo: 'NGO',
      migrant_led: 'Migrantenorganisation',
      research: 'Forschungsinstitut',
      foundation: 'Stiftung',
      international: 'Internationale Organisation',
    },
    independent: 'Unabhängige Fachperson',
    member: 'Ein Mitglied',
  },
  cs: {
    order: 'level-first',
    levels: {
      local: same('Místní'),
      regional: same('Regionální'),
      national: same('Národní'),
      eu: { m: 'Evropský', f: 'Evropská', n: 'Evropské' },
    },
    sectors: {
      government: f('správa'),
      ngo: f('nezisková organizace'),
      migrant_led: f('organizace vedená migranty'),
      research: m('výzkumný ústav'),
      foundation: f('nadace'),
      international: f('mezinárodní organizace'),
    },
    sectorOnly: {
      government: 'Veřejná správa',
      ngo: 'Nezisková organizace',
      migrant_led: 'Organizace vedená migranty',
      research: 'Výzkumný ústav',
      foundation: 'Nadace',
      international: 'Mezinárodní organizace',
    },
    independent: 'Nezávislý odborník',
    member: 'Člen sítě',
  },
  sv: {
    order: 'level-first',
    levels: {
      local: { m: 'Lokal', f: 'Lokal', n: 'Lokalt' },
      regional: { m: 'Regional', f: 'Regional', n: 'Regionalt' },
      national: { m: 'Nationell', f: 'Nationell', n: 'Nationellt' },
      eu: { m: 'Europeisk', f: 'Europeisk', n: 'Europeiskt' },
    },
    sectors: {
      government: f('myndighet'),
      ngo: f('ideell organisation'),
      migrant_led: f('migrantledd organisation'),
      research: n('forskningsinstitut'),
      foundation: f('stiftelse'),
      international: f('internationell organisation'),
    },
    sectorOnly: {
      government: 'Myndighet',
      ngo: 'Ideell organisation',
      migrant_led: 'Migrantledd organisation',
      research: 'Forskningsinstitut',
      foundation: 'Stiftelse',
      international: 'Internationell organisation',
    },
    independent: 'Fristående praktiker',
    member: 'En medlem',
  },
  hr: {
    order: 'level-first',
    levels: {
      local: { m: 'Lokalni', f: 'Lokalna', n: 'Lokalno' },
      regional: { m: 'Regionalni', f: 'Regionalna', n: 'Regionalno' },
      national: { m: 'Nacionalni', f: 'Nacionalna', n: 'Nacionalno' },
      eu: { m: 'Europski', f: 'Europska', n: 'Europsko' },
    },
    sectors: {
      government: f('uprava'),
      ngo: f('udruga'),
      migrant_led: f('udruga migranata'),
      research: m('istraživački institut'),
      foundation: f('zaklada'),
      international: f('međunarodna organizacija'),
    },
    sectorOnly: {
      government: 'Javna uprava',
      ngo: 'Udruga',
      migrant_led: 'Udruga migranata',
      research: 'Istraživački institut',
      foundation: 'Zaklada',
      international: 'Međunarodna organizacija',
    },
    independent: 'Neovisni stručnjak',
    member: 'Član mreže',
  },
  es: {
    order: 'noun-first',
    levels: {
      local: same('local'),
      regional: same('regional'),
      national: same('nacional'),
      eu: { m: 'europeo', f: 'europea' },
    },
    sectors: {
      government: f('administración'),
      ngo: f('ONG'),
      migrant_led: f('asociación', 'de personas migrantes'),
      research: m('instituto', 'de investigación'),
      foundation: f('fundación'),
      international: f('organización internacional'),
    },
    sectorOnly: {
      government: 'Administración pública',
      ngo: 'ONG',
      migrant_led: 'Asociación de personas migrantes',
      research: 'Instituto de investigación',
      foundation: 'Fundación',
      international: 'Organización internacional',
    },
    independent: 'Profesional independiente',
    member: 'Un miembro',
  },
  nl: {
    order: 'level-first',
    // Without an article, het-words take the bare adjective ("lokaal instituut").
    levels: {
      local: { f: 'Lokale', n: 'Lokaal' },
      regional: { f: 'Regionale', n: 'Regionaal' },
      national: { f: 'Nationale', n: 'Nationaal' },
      eu: { f: 'Europese', n: 'Europees' },
    },
    sectors: {
      government: f('overheid'),
      ngo: f('ngo'),
      migrant_led: f('migrantenorganisatie'),
      research: n('onderzoeksinstituut'),
      foundation: f('stichting'),
      international: f('internationale organisatie'),
    },
    sectorOnly: {
      government: 'Overheid',
      ngo: 'Ngo',
      migrant_led: 'Migrantenorganisatie',
      research: 'Onderzoeksinstituut',
      foundation: 'Stichting',
      international: 'Internationale organisatie',
    },
    independent: 'Zelfstandige professional',
    member: 'Een lid',
  },
  pl: {
    order: 'level-first',
    levels: {
      local: { m: 'Lokalny', f: 'Lokalna', n: 'Lokalne' },
      regional: { m: 'Regionalny', f: 'Regionalna', n: 'Regionalne' },
      national: { m: 'Krajowy', f: 'Krajowa', n: 'Krajowe' },
      eu: { m: 'Europejski', f: 'Europejska', n: 'Europejskie' },
    },
    sectors: {
      government: f('administracja'),
      ngo: f('organizacja pozarządowa'),
      migrant_led: f('organizacja migrantów'),
      research: m('instytut badawczy'),
      foundation: f('fundacja'),
      international: f('organizacja międzynarodowa'),
    },
    sectorOnly: {
      government: 'Administracja publiczna',
      ngo: 'Organizacja pozarządowa',
      migrant_led: 'Organizacja migrantów',
      research: 'Instytut badawczy',
      foundation: 'Fundacja',
      international: 'Organizacja międzynarodowa',
    },
    independent: 'Niezależny praktyk',
    member: 'Członek sieci',
  },
  el: {
    order: 'level-first',
    levels: {
      local: { m: 'Τοπικός', f: 'Τοπική', n: 'Τοπικό' },
      regional: { m: 'Περιφερειακός', f: 'Περιφερειακή', n: 'Περιφερειακό' },
      national: { m: 'Εθνικός', f: 'Εθνική', n: 'Εθνικό' },
      eu: { m: 'Ευρωπαϊκός', f: 'Ευρωπαϊκή', n: 'Ευρωπαϊκό' },
    },
    sectors: {
      government: f('διοίκηση'),
      ngo: f('ΜΚΟ'),
      migrant_led: f('οργάνωση μεταναστών'),
      research: n('ερευνητικό ινστιτούτο'),
      foundation: n('ίδρυμα'),
      international: f('διεθνής οργάνωση'),
    },
    sectorOnly: {
      government: 'Δημόσια διοίκηση',
      ngo: 'ΜΚΟ',
      migrant_led: 'Οργάνωση μεταναστών',
      research: 'Ερευνητικό ινστιτούτο',
      foundation: 'Ίδρυμα',
      international: 'Διεθνής οργάνωση',
    },
    independent: 'Ανεξάρτητος επαγγελματίας',
    member: 'Ένα μέλος',
  },
  pt: {
    order: 'noun-first',
    levels: {
      local: same('local'),
      regional: same('regional'),
      national: same('nacional'),
      eu: { m: 'europeu', f: 'europeia' },
    },
    sectors: {
      government: f('administração'),
      ngo: f('ONG'),
      migrant_led: f('associação', 'de pessoas migrantes'),
      research: m('instituto', 'de investigação'),
      foundation: f('fundação'),
      international: f('organização internacional'),
    },
    sectorOnly: {
      government: 'Administração pública',
      ngo: 'ONG',
      migrant_led: 'Associação de pessoas migrantes',
      research: 'Instituto de investigação',
      foundation: 'Fundação',
      international: 'Organização internacional',
    },
    independent: 'Profissional independente',
    member: 'Um membro',
  },
  ro: {
    order: 'noun-first',
    levels: {
      local: { m: 'local', n: 'local', f: 'locală' },
      regional: { m: 'regional', n: 'regional', f: 'regională' },
      national: { m: 'național', n: 'național', f: 'națională' },
      eu: { m: 'european', n: 'european', f: 'europeană' },
    },
    sectors: {
      government: f('administrație'),
      ngo: n('ONG'),
      migrant_led: f('asociație', 'a persoanelor migrante'),
      research: n('institut', 'de cercetare'),
      foundation: f('fundație'),
      international: f('organizație internațională'),
    },
    sectorOnly: {
      government: 'Administrație publică',
      ngo: 'ONG',
      migrant_led: 'Asociație a persoanelor migrante',
      research: 'Institut de cercetare',
      foundation: 'Fundație',
      international: 'Organizație internațională',
    },
    independent: 'Practician independent',
    member: 'Un membru',
  },
  uk: {
    order: 'level-first',
    levels: {
      local: { m: 'Місцевий', f: 'Місцева', n: 'Місцеве' },
      regional: { m: 'Регіональний', f: 'Регіональна', n: 'Регіональне' },
      national: { m: 'Національний', f: 'Національна', n: 'Національне' },
      eu: { m: 'Європейський', f: 'Європейська', n: 'Європейське' },
    },
    sectors: {
      government: f('влада'),
      ngo: f('громадська організація'),
      migrant_led: f('організація мігрантів'),
      research: m('дослідницький інститут'),
      foundation: m('фонд'),
      international: f('міжнародна організація'),
    },
    sectorOnly: {
      government: 'Органи влади',
      ngo: 'Громадська організація',
      migrant_led: 'Організація мігрантів',
      research: 'Дослідницький інститут',
      foundation: 'Фонд',
      international: 'Міжнародна організація',
    },
    independent: 'Незалежний фахівець',
    member: 'Учасник мережі',
  },
  ar: {
    order: 'noun-first',
    levels: {
      local: { m: 'محلي', f: 'محلية' },
      regional: { m: 'إقليمي', f: 'إقليمية' },
      national: { m: 'وطني', f: 'وطنية' },
      eu: { m: 'أوروبي', f: 'أوروبية' },
    },
    sectors: {
      government: f('حكومة'),
      ngo: f('منظمة غير حكومية'),
      migrant_led: f('منظمة', 'يقودها مهاجرون'),
      research: m('معهد بحثي'),
      foundation: f('مؤسسة'),
      international: f('منظمة دولية'),
    },
    sectorOnly: {
      government: 'جهة حكومية',
      ngo: 'منظمة غير حكومية',
      migrant_led: 'منظمة يقودها مهاجرون',
      research: 'معهد بحثي',
      foundation: 'مؤسسة',
      international: 'منظمة دولية',
    },
    independent: 'ممارس مستقل',
    member: 'عضو في الشبكة',
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function levelWord(texts: LabelTexts, level: Level, gender: Gender): string {
  const forms = texts.levels[level];
  return forms[gender] ?? forms.f ?? forms.m ?? forms.n ?? level;
}

/**
 * A label's text in a language (English when the language is not one of the interface's).
 * Codes that are not labels (a corrupt row) read as "A member", which reveals nothing.
 */
export function renderLabel(code: string, locale: string = 'en'): string {
  const texts = ORGANISATION_LABEL_TEXTS[isUiLocale(locale) ? locale : 'en'];
  if (code === 'independent') return texts.independent;
  if (code === 'member' || !isLabelCode(code)) return texts.member;
  const [sector, level] = code.split('.') as [Sector, Level | undefined];
  if (!level) return texts.sectorOnly[sector];
  const noun = texts.sectors[sector];
  const adjective = levelWord(texts, level, noun.gender);
  const words =
    texts.order === 'level-first'
      ? [adjective, noun.head, noun.tail]
      : [noun.head, adjective, noun.tail];
  return capitalise(words.filter((word): word is string => Boolean(word)).join(' '));
}

/** The code whose English text this is (labels stored as text before codes existed), or null. */
export function labelCodeOfEnglish(text: string): LabelCode | null {
  return LABEL_CODES.find((code) => renderLabel(code, 'en') === text) ?? null;
}

/**
 * An organisation's own (fine) label as text: what named threads show beside a name and
 * organisation pages show. Chatham House posts carry the code `chathamLabelFor` chose instead.
 */
export function attributionLabel(
  organisation: { sector: Sector; level: Level } | null | undefined,
  locale: string = 'en',
): string {
  return renderLabel(fineLabelCode(organisation), locale);
}

/**
 * The interface language to render server-written text in: an explicit `?lang=` when it is
 * one, else the first of the `Accept-Language` header's languages (by quality) that is, else
 * English.
 */
export function readerLocale(acceptLanguage: string | undefined, explicit?: string): UiLocale {
  if (explicit && isUiLocale(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isUiLocale) ?? 'en';
}
