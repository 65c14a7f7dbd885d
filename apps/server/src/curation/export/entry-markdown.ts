import { micromark, parse, postprocess, preprocess } from 'micromark';
import { classification, ExportEntry, ExportGuide } from './export-document';

/**
 * Markdown export. Entry texts are Markdown already and pass through, except that anything that
 * would open a raw HTML tag is backslash-escaped, so a renderer that allows HTML still shows the
 * text rather than running it. Titles, labels and attributions are plain text and escaped.
 */

/**
 * Plain text made safe inside a line of Markdown: the characters that open inline syntax
 * (emphasis, code, links, HTML, table cells, strike-through) are backslash-escaped. Only used
 * mid-line, so block syntax at a line's start (`#`, `-`, `1.`) cannot arise.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`).replace(/\s*\n\s*/g, ' ');
}

/** User Markdown with raw HTML neutralised: `<tag`, `</tag`, `<!--`, `<?` become literal text. */
export function neutraliseHtml(markdown: string): string {
  return markdown.replace(/<(?=[A-Za-z/!?])/g, '\\<');
}

/**
 * User Markdown whose link and image destinations (inline or in a definition) the HTML export
 * would refuse — `javascript:`, `data:`, `vbscript:`, however escaped or encoded — emptied, the
 * text kept: `[text](javascript:alert(1))` becomes `[text](<>)`. The decision is micromark's own,
 * as in the HTML and PDF exports, so the three formats agree on what is dangerous.
 */
export function neutraliseLinks(markdown: string): string {
  const events = postprocess(
    parse()
      .document()
      .write(preprocess()(markdown, undefined, true)),
  );
  const destinations: { start: number; end: number }[] = [];
  for (const [kind, token] of events) {
    if (kind !== 'enter') continue;
    if (token.type !== 'resourceDestination' && token.type !== 'definitionDestination') continue;
    destinations.push({ start: token.start.offset, end: token.end.offset });
  }
  let out = markdown;
  for (const { start, end } of destinations.reverse()) {
    const destination = markdown.slice(start, end);
    if (isSafeDestination(destination)) continue;
    out = `${out.slice(0, start)}<>${out.slice(end)}`;
  }
  return out;
}

function isSafeDestination(destination: string): boolean {
  const html = micromark(`[x](${destination})`, { allowDangerousProtocol: false });
  const href = /href="([^"]*)"/.exec(html);
  return href !== null && href[1] !== '';
}

/** User Markdown as every Markdown export carries it: no raw HTML, no dangerous link. */
export const safeMarkdown = (markdown: string): string => neutraliseHtml(neutraliseLinks(markdown));

const cell = (text: string) => escapeMarkdownText(text);

function entryBody(entry: ExportEntry, depth: number): string {
  const h = (level: number) => '#'.repeat(Math.min(6, depth + level));
  const { labels } = entry;
  const out: string[] = [];
  out.push(`${h(0)} ${escapeMarkdownText(entry.title)}`, '');
  if (entry.meta) out.push(`_${escapeMarkdownText(entry.meta)}_`, '');
  out.push(`${h(1)} ${labels.resources}`, '');
  out.push(`| ${entry.resources.map((fact) => cell(fact.label)).join(' | ')} |`);
  out.push(`| ${entry.resources.map(() => '---').join(' | ')} |`);
  out.push(`| ${entry.resources.map((fact) => cell(fact.value)).join(' | ')} |`, '');
  if (entry.content.resources.note) {
    out.push(
      `**${labels.resourcesNote}:** ${escapeMarkdownText(entry.content.resources.note)}`,
      '',
    );
  }
  out.push(escapeMarkdownText(classification(entry)), '');
  for (const section of entry.sections) {
    out.push(`${h(1)} ${section.heading}`, '', safeMarkdown(section.markdown.trim()), '');
  }
  if (entry.quotes.length > 0) {
    out.push(`${h(1)} ${labels.evidence}`, '');
    for (const quote of entry.quotes) {
      for (const line of safeMarkdown(quote.body).split('\n')) out.push(line ? `> ${line}` : '>');
      out.push(
        '>',
        `> — ${escapeMarkdownText(quote.attribution)}, ${escapeMarkdownText(quote.date)}`,
        '',
      );
    }
  }
  if (entry.sources.length > 0) {
    out.push(`${h(1)} ${labels.sources}`, '');
    for (const source of entry.sources) {
      out.push(
        `- ${escapeMarkdownText(source.kind)}: [${escapeMarkdownText(source.title)}](<${source.url}>)`,
      );
    }
    out.push('');
  }
  out.push(`[${labels.entryLink}](<${entry.url}>)`, '');
  return out.join('\n');
}

export function entryMarkdown(entry: ExportEntry): string {
  return entryBody(entry, 1);
}

export function guideMarkdown(guide: ExportGuide): string {
  const out = [`# ${escapeMarkdownText(guide.title)}`, '', escapeMarkdownText(guide.intro), ''];
  out.push(`_${escapeMarkdownText(guide.generated)}_`, '');
  if (guide.entries.length === 0) {
    out.push(guide.labels.empty, '');
    return out.join('\n');
  }
  out.push(`## ${guide.labels.contents}`, '');
  guide.entries.forEach((entry, index) =>
    out.push(`${index + 1}. ${escapeMarkdownText(entry.title)}`),
  );
  out.push('');
  for (const entry of guide.entries) out.push('---', '', entryBody(entry, 2));
  return out.join('\n');
}
