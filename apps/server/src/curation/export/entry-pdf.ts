import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { classification, ExportEntry, ExportGuide } from './export-document';
import { fill } from './export-labels';

/**
 * PDF export with pdfkit, on A4, with DejaVu Sans embedded (subset) so every Latin, Greek and
 * Cyrillic letter prints, not only those of the PDF standard fonts. Markdown is parsed to a
 * syntax tree and laid out as text: raw HTML prints as the characters written, images as their
 * description, links as underlined text pointing where they say.
 */

type PdfDoc = InstanceType<typeof PDFDocument>;

const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
  boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | null = null;

/** Read once per process: the files ship inside the dejavu-fonts-ttf package. */
function loadFonts(): Record<FontName, Buffer> {
  if (!fonts) {
    fonts = Object.fromEntries(
      Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
    ) as Record<FontName, Buffer>;
  }
  return fonts;
}

const COLOURS = { text: '#111111', muted: '#444444', accent: '#3730a3', box: '#eef2ff' };
const MARGIN = 50;

interface Style {
  bold: boolean;
  italic: boolean;
  mono: boolean;
  link?: string;
}

function fontFor(style: Style): FontName {
  if (style.mono) return 'mono';
  if (style.bold && style.italic) return 'boldItalic';
  if (style.bold) return 'bold';
  if (style.italic) return 'italic';
  return 'regular';
}

interface Run {
  text: string;
  style: Style;
}

/** Inline Markdown flattened to styled runs. */
function runsOf(nodes: PhrasingContent[], style: Style, out: Run[] = []): Run[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value, style });
        break;
      case 'emphasis':
        runsOf(node.children, { ...style, italic: true }, out);
        break;
      case 'strong':
        runsOf(node.children, { ...style, bold: true }, out);
        break;
      case 'delete':
        runsOf(node.children, style, out);
        break;
      case 'inlineCode':
        out.push({ text: node.value, style: { ...style, mono: true } });
        break;
      case 'break':
        out.push({ text: '\n', style });
        break;
      case 'html':
        out.push({ text: node.value, style });
        break;
      case 'link': {
        const safe = /^(https?:|mailto:)/i.test(node.url) ? node.url : undefined;
        runsOf(node.children, { ...style, link: safe }, out);
        break;
      }
      case 'linkReference':
        runsOf(node.children, style, out);
        break;
      case 'image':
      case 'imageReference':
        if (node.alt) out.push({ text: node.alt, style });
        break;
      case 'footnoteReference':
        break;
      default:
        break;
    }
  }
  return out;
}

class PdfWriter {
  readonly doc: PdfDoc;
  private readonly width: number;

  constructor(title: string, language: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: title, Creator: 'Tandem', Producer: 'Tandem' },
      lang: language,
      displayTitle: true,
    });
    for (const [name, data] of Object.entries(loadFonts())) this.doc.registerFont(name, data);
    this.doc.font('regular').fillColor(COLOURS.text);
    this.width = this.doc.page.width - MARGIN * 2;
  }

  private ensureSpace(height: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }

  heading(text: string, size: number): void {
    this.ensureSpace(size * 3);
    this.doc.moveDown(0.4);
    this.doc.font('bold').fontSize(size).fillColor(COLOURS.text).text(text, MARGIN, this.doc.y, {
      width: this.width,
    });
    this.doc.moveDown(0.2);
  }

  line(text: string, options: { size?: number; colour?: string; font?: FontName } = {}): void {
    this.doc
      .font(options.font ?? 'regular')
      .fontSize(options.size ?? 10)
      .fillColor(options.colour ?? COLOURS.text)
      .text(text, MARGIN, this.doc.y, { width: this.width });
  }

  /** Styled runs as one paragraph, wrapped in the given box. */
  private paragraph(runs: Run[], indent: number, size: number, colour = COLOURS.text): void {
    const parts = runs.filter((run) => run.text.length > 0);
    if (parts.length === 0) return;
    this.ensureSpace(size * 2);
    const x = MARGIN + indent;
    const width = this.width - indent;
    this.doc.x = x;
    parts.forEach((run, index) => {
      this.doc
        .font(fontFor(run.style))
        .fontSize(size)
        .fillColor(run.style.link ? COLOURS.accent : colour);
      const options = {
        width,
        continued: index < parts.length - 1,
        link: run.style.link ?? null,
        underline: run.style.link !== undefined,
      };
      if (index === 0) this.doc.text(run.text, x, this.doc.y, options);
      else this.doc.text(run.text, options);
    });
    this.doc.fillColor(COLOURS.text);
    this.doc.moveDown(0.35);
  }

  /** Markdown blocks, laid out from the syntax tree. */
  markdown(source: string, indent = 0, size = 10, colour = COLOURS.text): void {
    const tree = fromMarkdown(source);
    for (const node of tree.children) this.block(node, indent, size, colour);
  }

  private block(node: RootContent | Nodes, indent: number, size: number, colour: string): void {
    const plain: Style = { bold: false, italic: false, mono: false };
    switch (node.type) {
      case 'paragraph':
        this.paragraph(runsOf(node.children, plain), indent, size, colour);
        break;
      case 'heading':
        this.paragraph(runsOf(node.children, { ...plain, bold: true }), indent, size + 1, colour);
        break;
      case 'blockquote':
        for (const child of node.children) this.block(child, indent + 14, size, COLOURS.muted);
        break;
      case 'list':
        node.children.forEach((item, index) => {
          const marker = node.ordered ? `${(node.start ?? 1) + index}.` : '•';
          this.ensureSpace(size * 2);
          const y = this.doc.y;
          this.doc
            .font('regular')
            .fontSize(size)
            .fillColor(colour)
            .text(marker, MARGIN + indent, y, { width: 16, lineBreak: false });
          this.doc.y = y;
          for (const child of item.children) this.block(child, indent + 16, size, colour);
        });
        break;
      case 'code':
        this.paragraph(
          [{ text: node.value, style: { ...plain, mono: true } }],
          indent,
          size - 1,
          colour,
        );
        break;
      case 'html':
        this.paragraph([{ text: node.value, style: plain }], indent, size, colour);
        break;
      case 'thematicBreak': {
        this.ensureSpace(12);
        const y = this.doc.y + 4;
        this.doc
          .moveTo(MARGIN + indent, y)
          .lineTo(MARGIN + this.width, y)
          .strokeColor('#999999')
          .lineWidth(0.5)
          .stroke();
        this.doc.y = y + 8;
        break;
      }
      case 'break':
      case 'delete':
      case 'emphasis':
      case 'footnoteReference':
      case 'image':
      case 'imageReference':
      case 'inlineCode':
      case 'link':
      case 'linkReference':
      case 'strong':
      case 'text':
        // Inline content outside a paragraph (not produced at block level, handled anyway).
        this.paragraph(runsOf([node], plain), indent, size, colour);
        break;
      case 'listItem':
      case 'root':
        for (const child of node.children) this.block(child, indent, size, colour);
        break;
      case 'definition':
      case 'footnoteDefinition':
      case 'table':
      case 'tableCell':
      case 'tableRow':
      case 'yaml':
        // Not produced without the GFM or frontmatter extensions; nothing to print.
        break;
    }
  }

  /** The resources box: four figures side by side, framed like the web page's. */
  resources(entry: ExportEntry): void {
    const { labels } = entry;
    const note = entry.content.resources.note;
    this.doc.font('regular').fontSize(9);
    const noteHeight = note
      ? this.doc.heightOfString(`${labels.resourcesNote}: ${note}`, { width: this.width - 20 }) + 6
      : 0;
    const height = 72 + noteHeight;
    this.ensureSpace(height + 10);
    const top = this.doc.y + 4;
    this.doc
      .roundedRect(MARGIN, top, this.width, height, 6)
      .fillAndStroke(COLOURS.box, COLOURS.accent);
    this.doc
      .font('bold')
      .fontSize(11)
      .fillColor(COLOURS.text)
      .text(labels.resources, MARGIN + 10, top + 8, { width: this.width - 20 });
    const column = (this.width - 20) / entry.resources.length;
    entry.resources.forEach((fact, index) => {
      const x = MARGIN + 10 + column * index;
      this.doc
        .font('regular')
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(fact.label, x, top + 28, { width: column - 8 });
      this.doc
        .font('bold')
        .fontSize(12)
        .fillColor(COLOURS.text)
        .text(fact.value, x, top + 48, { width: column - 8 });
    });
    if (note) {
      this.doc
        .font('regular')
        .fontSize(9)
        .fillColor(COLOURS.text)
        .text(`${labels.resourcesNote}: ${note}`, MARGIN + 10, top + 70, {
          width: this.width - 20,
        });
    }
    this.doc.fillColor(COLOURS.text);
    this.doc.y = top + height + 10;
    this.doc.x = MARGIN;
  }

  quote(body: string, attribution: string): void {
    this.ensureSpace(40);
    const top = this.doc.y;
    this.markdown(body, 14, 10, COLOURS.text);
    this.doc
      .font('italic')
      .fontSize(9)
      .fillColor(COLOURS.muted)
      .text(`— ${attribution}`, MARGIN + 14, this.doc.y, { width: this.width - 14 });
    const bottom = this.doc.y;
    // The bar beside the quote; a quote broken over two pages is marked on its last part only.
    const barTop = bottom > top ? top : this.doc.page.margins.top;
    this.doc
      .moveTo(MARGIN + 4, barTop)
      .lineTo(MARGIN + 4, bottom)
      .strokeColor('#6366f1')
      .lineWidth(2)
      .stroke();
    this.doc.fillColor(COLOURS.text);
    this.doc.moveDown(0.6);
  }

  link(label: string, title: string, url: string): void {
    this.ensureSpace(30);
    this.doc
      .font('regular')
      .fontSize(10)
      .fillColor(COLOURS.text)
      .text(`${label}: `, MARGIN, this.doc.y, { width: this.width, continued: true });
    this.doc.fillColor(COLOURS.accent).text(title, { link: url, underline: true });
    this.doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(url, MARGIN + 10, this.doc.y, { width: this.width - 10, link: url });
    this.doc.fillColor(COLOURS.text);
    this.doc.moveDown(0.3);
  }

  entry(entry: ExportEntry, titleSize = 18): void {
    const { labels } = entry;
    this.heading(entry.title, titleSize);
    if (entry.workingCopy) this.line(labels.draft, { font: 'bold', colour: '#b45309' });
    if (entry.meta) this.line(entry.meta, { size: 9, colour: COLOURS.muted });
    this.line(classification(entry), { size: 9, colour: COLOURS.muted });
    this.resources(entry);
    for (const section of entry.sections) {
      this.heading(section.heading, 12);
      this.markdown(section.markdown);
    }
    if (entry.quotes.length > 0) {
      this.heading(labels.evidence, 12);
      for (const quote of entry.quotes)
        this.quote(quote.body, `${quote.attribution}, ${quote.date}`);
    }
    if (entry.sources.length > 0) {
      this.heading(labels.sources, 12);
      for (const source of entry.sources) this.link(source.kind, source.title, source.url);
    }
    this.doc.moveDown(0.4);
    this.link(labels.entryLink, entry.title, entry.url);
  }

  /** Page numbers, once everything is laid out. */
  finish(pageLabel: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('regular')
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(fill(pageLabel, { n: index + 1 }), MARGIN, this.doc.page.height - 36, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.doc.page.margins.bottom = bottom;
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}

export function entryPdf(entry: ExportEntry): Promise<Buffer> {
  const writer = new PdfWriter(entry.title, entry.content.language);
  writer.entry(entry);
  return writer.finish(entry.labels.page);
}

export function guidePdf(guide: ExportGuide, language: string): Promise<Buffer> {
  const writer = new PdfWriter(guide.title, language);
  writer.heading(guide.title, 20);
  writer.line(guide.intro);
  writer.line(guide.generated, { size: 9, colour: COLOURS.muted });
  if (guide.entries.length === 0) {
    writer.doc.moveDown();
    writer.line(guide.labels.empty);
  } else {
    writer.heading(guide.labels.contents, 13);
    guide.entries.forEach((entry, index) => writer.line(`${index + 1}. ${entry.title}`));
    for (const entry of guide.entries) {
      writer.doc.addPage();
      writer.entry(entry, 16);
    }
  }
  return writer.finish(guide.labels.page);
}
