// Prints the text of the PDF read from standard input, one line per page, using Mozilla's
// pdf.js (pdfjs-dist). Runs as its own Node process: pdf.js ships as ES modules only, which
// plain Node loads and jest's CommonJS module system does not.
import process from 'node:process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({
  data,
  useSystemFonts: false,
  disableFontFace: true,
  isEvalSupported: false,
}).promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
}
const info = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, title: info.info?.Title ?? null }));
