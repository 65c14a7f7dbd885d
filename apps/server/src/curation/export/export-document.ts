import {
  EntryContent,
  EntryResources,
  EvidenceQuoteView,
  quoteAttributionText,
} from '@tandem/domain';
import { ExportLabels, fill, labelsFor } from './export-labels';

/**
 * What every export format renders, built once from what the viewer may see: the renderers
 * (Markdown, HTML, PDF) only lay it out, so they cannot differ in what they reveal. Quotes carry
 * their attribution text already (a Chatham House quote: its label).
 */
export interface ExportEntry {
  title: string;
  /** Absolute address of the entry in the web app. */
  url: string;
  networkName: string | null;
  version: number | null;
  publishedAt: string | null;
  /** True for an unpublished working copy exported by an editor. */
  workingCopy: boolean;
  content: EntryContent;
  resources: { label: string; value: string }[];
  quotes: { body: string; attribution: string; date: string }[];
  sources: { kind: string; title: string; url: string }[];
  meta: string;
  labels: ExportLabels;
  /** Parts in reading order, each with its heading; empty parts are left out. */
  sections: { heading: string; markdown: string }[];
}

export interface ExportGuide {
  title: string;
  intro: string;
  generated: string;
  entries: ExportEntry[];
  labels: ExportLabels;
}

export interface ExportEntryInput {
  entryId: string;
  origin: string;
  networkName: string | null;
  version: number | null;
  publishedAt: string | null;
  workingCopy: boolean;
  content: EntryContent;
  sourceThread: { id: string; title: string } | null;
  /** The language of the headings; the entry's own when not given. */
  language?: string;
}

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}

/** The resources box: budget, staff, volunteers, duration, in the headings' language. */
export function resourceFacts(
  resources: EntryResources,
  labels: ExportLabels,
  locale: string,
): { label: string; value: string }[] {
  const number = (value: number | null, options: Intl.NumberFormatOptions = {}) =>
    value === null ? labels.notStated : new Intl.NumberFormat(locale, options).format(value);
  return [
    {
      label: labels.budget,
      value: number(resources.budgetEur, {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      }),
    },
    { label: labels.staff, value: number(resources.staffFte, { maximumFractionDigits: 1 }) },
    { label: labels.volunteers, value: number(resources.volunteers) },
    {
      label: labels.duration,
      value:
        resources.durationMonths === null
          ? labels.notStated
          : resources.durationMonths === 1
            ? labels.month
            : fill(labels.months, {
                n: new Intl.NumberFormat(locale).format(resources.durationMonths),
              }),
    },
  ];
}

function quoteLine(quote: EvidenceQuoteView, locale: string) {
  return {
    body: quote.body,
    attribution: quoteAttributionText(quote.author),
    date: formatDate(quote.postedAt, locale),
  };
}

export function buildExportEntry(input: ExportEntryInput): ExportEntry {
  const language = input.language ?? input.content.language;
  const labels = labelsFor(language);
  const locale = labelsFor(language) === labelsFor('en') ? 'en-GB' : language;
  const { content } = input;
  const origin = input.origin.replace(/\/+$/, '');
  const sources = [
    ...(input.sourceThread
      ? [
          {
            kind: labels.sourceThread,
            title: input.sourceThread.title,
            url: `${origin}/threads/${input.sourceThread.id}`,
          },
        ]
      : []),
    ...content.links.map((link) => ({
      kind: link.type === 'research' ? labels.research : labels.caseStudy,
      title: link.title,
      url:
        link.type === 'research'
          ? `${origin}/library/research/${link.id}`
          : `${origin}/library/case-studies/${link.id}`,
    })),
  ];
  const metaParts = [
    input.workingCopy
      ? labels.draft
      : input.version !== null
        ? `${fill(labels.version, { n: input.version })}${
            input.publishedAt
              ? `, ${fill(labels.publishedOn, { date: formatDate(input.publishedAt, locale) })}`
              : ''
          }`
        : null,
    input.networkName,
  ].filter((part): part is string => Boolean(part));
  const context = [
    content.context.who ? `**${labels.who}:** ${content.context.who}` : '',
    content.context.where ? `**${labels.where}:** ${content.context.where}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const sections = [
    { heading: labels.summary, markdown: content.summary },
    { heading: labels.context, markdown: context },
    { heading: labels.whatWasDone, markdown: content.whatWasDone },
    { heading: labels.whatWorked, markdown: content.whatWorked },
    { heading: labels.whatDidNot, markdown: content.whatDidNot },
    { heading: labels.adaptation, markdown: content.adaptation },
    { heading: labels.evaluation, markdown: content.evaluation },
  ].filter((section) => section.markdown.trim().length > 0);
  return {
    title: content.title,
    url: `${origin}/entries/${input.entryId}`,
    networkName: input.networkName,
    version: input.version,
    publishedAt: input.publishedAt,
    workingCopy: input.workingCopy,
    content,
    resources: resourceFacts(content.resources, labels, locale),
    quotes: content.evidence
      .filter((quote) => !quote.deleted && quote.body.length > 0)
      .map((quote) => quoteLine(quote, locale)),
    sources,
    meta: metaParts.join(' · '),
    labels,
    sections,
  };
}

/** Topic and phase names as one line, e.g. "Topics: Volunteers, Housing · Phase: Implementation". */
export function classification(entry: ExportEntry): string {
  const { labels, content } = entry;
  const topics = content.topics.map((topic) => labels.topic[topic]).join(', ');
  return [
    topics ? `${labels.topics}: ${topics}` : null,
    `${labels.phase}: ${labels.phaseName[content.phase]}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function buildGuide(input: {
  networkName: string;
  entries: ExportEntry[];
  language: string;
}): ExportGuide {
  const labels = labelsFor(input.language);
  const locale = input.language === 'en' ? 'en-GB' : input.language;
  return {
    title: `${labels.guideTitle} — ${input.networkName}`,
    intro: fill(labels.guideIntro, { network: input.networkName }),
    generated: formatDate(new Date().toISOString(), locale),
    entries: input.entries,
    labels,
  };
}
