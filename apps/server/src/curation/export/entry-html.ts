import { micromark } from 'micromark';
import { classification, ExportEntry, ExportGuide } from './export-document';

/**
 * Print-ready HTML: one self-contained file (styles inline, no script, no external resource of
 * any kind, and a Content-Security-Policy that would block one anyway). Plain strings are
 * escaped; Markdown is rendered by micromark without raw HTML (written HTML comes out as text),
 * without dangerous link protocols, and without images, whose addresses would tell a stranger's
 * server who printed the guide.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function renderMarkdown(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [{ disable: { null: ['htmlFlow', 'htmlText', 'labelStartImage'] } }],
  });
}

const STYLES = `
  @page { size: A4; margin: 16mm 16mm 18mm; }
  :root { color-scheme: light; }
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 18pt; margin: 0 0 .2em; }
  h2 { font-size: 12.5pt; margin: 1.2em 0 .3em; }
  h3 { font-size: 11pt; margin: 1em 0 .3em; }
  .meta, .classification { color: #444; font-size: 9.5pt; margin: .2em 0; }
  .draft { border: 2px dashed #b45309; color: #b45309; padding: .3em .6em; font-weight: bold; display: inline-block; }
  .resources { border: 1.5px solid #3730a3; background: #eef2ff; border-radius: 6px; padding: .6em .9em; margin: 1em 0; break-inside: avoid; }
  .resources h2 { margin-top: 0; }
  .resources dl { display: grid; grid-template-columns: repeat(4, 1fr); gap: .4em 1em; margin: 0; }
  .resources dt { font-size: 8.5pt; color: #333; }
  .resources dd { margin: 0; font-weight: bold; font-size: 12pt; }
  .resources p { margin: .5em 0 0; }
  blockquote { border-left: 3px solid #6366f1; margin: .8em 0; padding: .1em 0 .1em .9em; break-inside: avoid; }
  blockquote footer { color: #444; font-size: 9pt; }
  section { break-inside: avoid-page; }
  a { color: #3730a3; overflow-wrap: anywhere; }
  .sources li { margin: .2em 0; }
  article + article { break-before: page; }
  .toc li { margin: .15em 0; }
  @media print {
    body { margin: 0; max-width: none; }
    a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; color: #444; }
  }
  @media (max-width: 40em) { .resources dl { grid-template-columns: repeat(2, 1fr); } }
`;

function page(title: string, language: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function article(entry: ExportEntry, level: 1 | 2): string {
  const h = (n: number) => `h${Math.min(6, level + n)}`;
  const { labels } = entry;
  const parts: string[] = [];
  parts.push(`<header><${h(0)}>${escapeHtml(entry.title)}</${h(0)}>`);
  if (entry.workingCopy) parts.push(`<p class="draft">${escapeHtml(labels.draft)}</p>`);
  if (entry.meta) parts.push(`<p class="meta">${escapeHtml(entry.meta)}</p>`);
  parts.push(`<p class="classification">${escapeHtml(classification(entry))}</p></header>`);
  parts.push(
    `<section class="resources" aria-label="${escapeHtml(labels.resources)}"><${h(1)}>${escapeHtml(labels.resources)}</${h(1)}><dl>`,
    ...entry.resources.map(
      (fact) => `<div><dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd></div>`,
    ),
    '</dl>',
  );
  if (entry.content.resources.note) {
    parts.push(
      `<p><strong>${escapeHtml(labels.resourcesNote)}:</strong> ${escapeHtml(entry.content.resources.note)}</p>`,
    );
  }
  parts.push('</section>');
  for (const section of entry.sections) {
    parts.push(
      `<section><${h(1)}>${escapeHtml(section.heading)}</${h(1)}>${renderMarkdown(section.markdown)}</section>`,
    );
  }
  if (entry.quotes.length > 0) {
    parts.push(`<section><${h(1)}>${escapeHtml(labels.evidence)}</${h(1)}>`);
    for (const quote of entry.quotes) {
      parts.push(
        `<blockquote>${renderMarkdown(quote.body)}<footer>— ${escapeHtml(quote.attribution)}, ${escapeHtml(quote.date)}</footer></blockquote>`,
      );
    }
    parts.push('</section>');
  }
  if (entry.sources.length > 0) {
    parts.push(`<section class="sources"><${h(1)}>${escapeHtml(labels.sources)}</${h(1)}><ul>`);
    for (const source of entry.sources) {
      parts.push(
        `<li>${escapeHtml(source.kind)}: <a href="${escapeHtml(source.url)}">${escapeHtml(source.title)}</a></li>`,
      );
    }
    parts.push('</ul></section>');
  }
  parts.push(
    `<p class="meta"><a href="${escapeHtml(entry.url)}">${escapeHtml(labels.entryLink)}</a></p>`,
  );
  return `<article>${parts.join('\n')}</article>`;
}

export function entryHtml(entry: ExportEntry): string {
  return page(
    entry.title,
    entry.content.language === 'other' ? 'und' : entry.content.language,
    article(entry, 1),
  );
}

export function guideHtml(guide: ExportGuide, language: string): string {
  const parts = [
    `<header><h1>${escapeHtml(guide.title)}</h1><p>${escapeHtml(guide.intro)}</p><p class="meta">${escapeHtml(guide.generated)}</p></header>`,
  ];
  if (guide.entries.length === 0) {
    parts.push(`<p>${escapeHtml(guide.labels.empty)}</p>`);
  } else {
    parts.push(
      `<nav class="toc"><h2>${escapeHtml(guide.labels.contents)}</h2><ol>`,
      ...guide.entries.map((entry) => `<li>${escapeHtml(entry.title)}</li>`),
      '</ol></nav>',
      ...guide.entries.map((entry) => article(entry, 2)),
    );
  }
  return page(guide.title, language, parts.join('\n'));
}
