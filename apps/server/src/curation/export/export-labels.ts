import { Phase, Topic, VOCABULARY } from '@tandem/domain';
/**
 * Headings and labels of the exports, in the four interface languages. An entry is exported with
 * the headings of the language it was written in (English for any other); a guide with the
 * language asked for. Topic and phase names come from the shared VOCABULARY, as on screen.
 */
export const EXPORT_LANGUAGES = ['en', 'fr', 'it', 'de'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export interface ExportLabels {
  resources: string;
  budget: string;
  staff: string;
  volunteers: string;
  duration: string;
  months: string;
  month: string;
  notStated: string;
  resourcesNote: string;
  summary: string;
  context: string;
  who: string;
  where: string;
  whatWasDone: string;
  whatWorked: string;
  whatDidNot: string;
  adaptation: string;
  evaluation: string;
  evidence: string;
  sources: string;
  sourceThread: string;
  research: string;
  caseStudy: string;
  version: string;
  publishedOn: string;
  draft: string;
  topics: string;
  phase: string;
  entryLink: string;
  guideTitle: string;
  guideIntro: string;
  contents: string;
  none: string;
  chatham: string;
  page: string;
  empty: string;
  topic: Record<Topic, string>;
  phaseName: Record<Phase, string>;
}

export const EXPORT_LABELS: Record<ExportLanguage, ExportLabels> = {
  en: {
    resources: 'Resources needed',
    budget: 'Budget a year',
    staff: 'Staff (full-time equivalent)',
    volunteers: 'Volunteers',
    duration: 'Duration',
    months: '{n} months',
    month: '1 month',
    notStated: 'Not stated',
    resourcesNote: 'Also needed',
    summary: 'Summary',
    context: 'Context',
    who: 'Who',
    where: 'Where',
    whatWasDone: 'What was done',
    whatWorked: 'What worked',
    whatDidNot: 'What did not work',
    adaptation: 'How to adapt it',
    evaluation: 'How to evaluate it',
    evidence: 'Evidence from the discussion',
    sources: 'Sources',
    sourceThread: 'Discussion it was curated from',
    research: 'Research summary',
    caseStudy: 'Case study',
    version: 'Version {n}',
    publishedOn: 'published {date}',
    draft: 'Working copy — not published',
    topics: 'Topics',
    phase: 'Phase',
    entryLink: 'Read it in Tandem',
    guideTitle: 'Best-practice guide',
    guideIntro: 'Published best-practice entries of {network}.',
    contents: 'Contents',
    none: 'None',
    chatham: 'Quotes from a Chatham House discussion show the organisation type and level only.',
    page: 'Page {n}',
    empty: 'No published entry yet.',
    topic: VOCABULARY.en.topics,
    phaseName: VOCABULARY.en.phases,
  },
  fr: {
    resources: 'Ressources nécessaires',
    budget: 'Budget annuel',
    staff: 'Personnel (équivalent temps plein)',
    volunteers: 'Bénévoles',
    duration: 'Durée',
    months: '{n} mois',
    month: '1 mois',
    notStated: 'Non précisé',
    resourcesNote: 'Également nécessaire',
    summary: 'Résumé',
    context: 'Contexte',
    who: 'Qui',
    where: 'Où',
    whatWasDone: 'Ce qui a été fait',
    whatWorked: 'Ce qui a fonctionné',
    whatDidNot: 'Ce qui n’a pas fonctionné',
    adaptation: 'Comment l’adapter',
    evaluation: 'Comment l’évaluer',
    evidence: 'Extraits de la discussion',
    sources: 'Sources',
    sourceThread: 'Discussion d’origine',
    research: 'Synthèse de recherche',
    caseStudy: 'Étude de cas',
    version: 'Version {n}',
    publishedOn: 'publiée le {date}',
    draft: 'Version de travail — non publiée',
    topics: 'Thèmes',
    phase: 'Phase',
    entryLink: 'Lire dans Tandem',
    guideTitle: 'Guide des bonnes pratiques',
    guideIntro: 'Fiches de bonnes pratiques publiées par {network}.',
    contents: 'Sommaire',
    none: 'Aucune',
    chatham:
      'Les citations d’une discussion sous règle de Chatham House indiquent seulement le type et le niveau de l’organisation.',
    page: 'Page {n}',
    empty: 'Aucune fiche publiée pour l’instant.',
    topic: VOCABULARY.fr.topics,
    phaseName: VOCABULARY.fr.phases,
  },
  it: {
    resources: 'Risorse necessarie',
    budget: 'Budget annuo',
    staff: 'Personale (equivalente a tempo pieno)',
    volunteers: 'Volontari',
    duration: 'Durata',
    months: '{n} mesi',
    month: '1 mese',
    notStated: 'Non indicato',
    resourcesNote: 'Serve inoltre',
    summary: 'Sintesi',
    context: 'Contesto',
    who: 'Chi',
    where: 'Dove',
    whatWasDone: 'Che cosa è stato fatto',
    whatWorked: 'Che cosa ha funzionato',
    whatDidNot: 'Che cosa non ha funzionato',
    adaptation: 'Come adattarla',
    evaluation: 'Come valutarla',
    evidence: 'Citazioni dalla discussione',
    sources: 'Fonti',
    sourceThread: 'Discussione di origine',
    research: 'Sintesi di ricerca',
    caseStudy: 'Caso studio',
    version: 'Versione {n}',
    publishedOn: 'pubblicata il {date}',
    draft: 'Copia di lavoro — non pubblicata',
    topics: 'Temi',
    phase: 'Fase',
    entryLink: 'Leggi in Tandem',
    guideTitle: 'Guida alle buone pratiche',
    guideIntro: 'Schede di buone pratiche pubblicate da {network}.',
    contents: 'Indice',
    none: 'Nessuna',
    chatham:
      'Le citazioni da una discussione con regola di Chatham House indicano solo il tipo e il livello dell’organizzazione.',
    page: 'Pagina {n}',
    empty: 'Ancora nessuna scheda pubblicata.',
    topic: VOCABULARY.it.topics,
    phaseName: VOCABULARY.it.phases,
  },
  de: {
    resources: 'Benötigte Ressourcen',
    budget: 'Jahresbudget',
    staff: 'Personal (Vollzeitäquivalente)',
    volunteers: 'Ehrenamtliche',
    duration: 'Dauer',
    months: '{n} Monate',
    month: '1 Monat',
    notStated: 'Nicht angegeben',
    resourcesNote: 'Außerdem nötig',
    summary: 'Zusammenfassung',
    context: 'Kontext',
    who: 'Wer',
    where: 'Wo',
    whatWasDone: 'Was getan wurde',
    whatWorked: 'Was funktioniert hat',
    whatDidNot: 'Was nicht funktioniert hat',
    adaptation: 'Wie man es anpasst',
    evaluation: 'Wie man es evaluiert',
    evidence: 'Belege aus der Diskussion',
    sources: 'Quellen',
    sourceThread: 'Diskussion, aus der er entstand',
    research: 'Forschungszusammenfassung',
    caseStudy: 'Fallstudie',
    version: 'Version {n}',
    publishedOn: 'veröffentlicht am {date}',
    draft: 'Arbeitsfassung — nicht veröffentlicht',
    topics: 'Themen',
    phase: 'Phase',
    entryLink: 'In Tandem lesen',
    guideTitle: 'Leitfaden guter Praxis',
    guideIntro: 'Veröffentlichte Praxisbeispiele von {network}.',
    contents: 'Inhalt',
    none: 'Keine',
    chatham:
      'Zitate aus einer Diskussion nach der Chatham-House-Regel nennen nur Art und Ebene der Organisation.',
    page: 'Seite {n}',
    empty: 'Noch kein veröffentlichter Eintrag.',
    topic: VOCABULARY.de.topics,
    phaseName: VOCABULARY.de.phases,
  },
};

/** The labels for a content or UI language; English for any other. */
export function labelsFor(language: string): ExportLabels {
  return (EXPORT_LANGUAGES as readonly string[]).includes(language)
    ? EXPORT_LABELS[language as ExportLanguage]
    : EXPORT_LABELS.en;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}
