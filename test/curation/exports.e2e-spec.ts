import type { EntryView } from '@tandem/domain';
import { startTestApp, TestApp } from '../support/app';
import { post, sql } from '../support/discussions';
import {
  curate,
  curationSetup,
  CurationSetup,
  download,
  pdfText,
  publishEntry,
  readyFields,
  squash,
} from '../support/curation';
import { createCaseStudy } from '../support/library';

/**
 * Exports in Markdown, print-ready HTML and PDF: each carries the resources box, the quotes
 * with their attribution (a Chatham House author by label only) and the links to the sources,
 * with the right Content-Type and a safe file name — and never anything the viewer could not
 * read in the app.
 */
let t: TestApp;
let s: CurationSetup;
let entry: EntryView;
let caseStudyId: string;
let hostile: string;

beforeAll(async () => {
  t = await startTestApp();
  s = await curationSetup(t, 'chatham');
  // A case study the thread cites is prefilled as a source of the entry.
  const caseStudy = await createCaseStudy(t.http, s.cast.admin, s.cast.network.slug, {
    programmeName: 'Binômes de voisinage',
    status: 'published',
  });
  caseStudyId = caseStudy.id;
  await t.http.post(
    `/api/threads/${s.thread.id}/links`,
    { targetType: 'case_study', targetId: caseStudy.id },
    { token: s.cast.member.token },
  );
  hostile = (
    await post(
      t.http,
      s.cast.other,
      s.thread.id,
      'Careful: <script>alert("x")</script> <img src="https://tracker.example/p.png"> ![pixel](https://tracker.example/q.png) [click](javascript:alert(1)) **bold claim**',
    )
  ).id;
  const draft = await curate(t, s.cast.moderator, s.thread.id, {
    messageIds: [s.messages.member, s.messages.other, hostile],
  });
  entry = await publishEntry(
    t,
    draft.id,
    s.cast.moderator,
    s.cast.admin,
    readyFields({ title: 'Neighbour pairs: keeping volunteers <b>involved</b>' }),
  );
});
afterAll(async () => {
  await t.close();
});

/** Strings that would identify the Chatham House authors, none of which may leave the app. */
function chathamSecrets(): string[] {
  const authors = [s.cast.member, s.cast.other];
  return authors.flatMap((user) => [
    user.user.id,
    user.user.displayName,
    user.email,
    user.user.handle,
  ]);
}

const exported = (format: string, query = '') =>
  download(t, `/api/entries/${entry.id}/export?format=${format}${query}`, s.cast.member);

describe('Markdown', () => {
  it('has the resources, the quotes by label and the sources, as an attachment', async () => {
    const response = await exported('md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="neighbour-pairs-keeping-volunteers-b-involved-b-v1.md"; filename*=UTF-8''neighbour-pairs-keeping-volunteers-b-involved-b-v1.md`,
    );
    const text = response.bytes.toString('utf8');
    expect(text).toContain('# Neighbour pairs: keeping volunteers \\<b\\>involved\\</b\\>');
    expect(text).toContain('## Resources needed');
    expect(text).toMatch(/\| €48,000 \| 1\.5 \| 35 \| 12 months \|/);
    expect(text).toContain('Rooms lent by the city.');
    expect(text).toContain('> Neighbours cooked together every Thursday');
    expect(text).toContain(`> — ${s.labels.member}, `);
    expect(text).toContain(`> — ${s.labels.other}, `);
    expect(text).toContain(
      `[Keeping resident volunteers involved](<${t.baseUrl}/threads/${s.thread.id}>)`,
    );
    expect(text).toContain(
      `[Binômes de voisinage](<${t.baseUrl}/library/case-studies/${caseStudyId}>)`,
    );
    // Raw HTML is neutralised; a renderer that allows HTML still shows it as text.
    expect(text).toContain('\\<script>');
    expect(text).not.toMatch(/(^|[^\\])<script/);
    for (const secret of chathamSecrets()) expect(text).not.toContain(secret);
  });
});

describe('HTML', () => {
  it('is one printable, self-contained page with everything escaped', async () => {
    const response = await exported('html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]+-v1\.html"/,
    );
    const html = response.bytes.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain(
      '<h1>Neighbour pairs: keeping volunteers &lt;b&gt;involved&lt;/b&gt;</h1>',
    );
    expect(html).toMatch(/<dt>Budget a year<\/dt><dd>€48,000<\/dd>/);
    expect(html).toMatch(/<dt>Staff \(full-time equivalent\)<\/dt><dd>1\.5<\/dd>/);
    expect(html).toContain(`<footer>— ${s.labels.member}, `);
    expect(html).toContain(`href="${t.baseUrl}/library/case-studies/${caseStudyId}"`);
    // Markdown renders; raw HTML, images and javascript: links do not.
    expect(html).toContain('<strong>bold claim</strong>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    // No external resource of any kind: no tag with a src, no stylesheet link, no url().
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=|<link\s|url\(/i);
    expect(html).not.toContain('https://tracker.example/p.png"');
    for (const secret of chathamSecrets()) expect(html).not.toContain(secret);
  });
});

describe('PDF', () => {
  it('is a PDF whose text has the resources, the quotes by label and the source links', async () => {
    const response = await exported('pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]+-v1\.pdf"/,
    );
    expect(response.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, title } = await pdfText(response.bytes);
    expect(title).toBe('Neighbour pairs: keeping volunteers <b>involved</b>');
    const text = squash(pages.join(' '));
    for (const expected of [
      'Resources needed',
      'Budget a year',
      '€48,000',
      'Staff (full-time equivalent)',
      '1.5',
      '35',
      '12 months',
      'Rooms lent by the city.',
      'Neighbours cooked together every Thursday',
      `— ${s.labels.member},`,
      `— ${s.labels.other},`,
      'Keeping resident volunteers involved',
      'Binômes de voisinage',
      `${t.baseUrl}/library/case-studies/${caseStudyId}`,
      `${t.baseUrl}/threads/${s.thread.id}`,
      'What did not work',
      'Page 1',
    ]) {
      expect(text).toContain(expected);
    }
    // Raw HTML prints as the characters written; the image as its description only.
    expect(text).toContain('<script>');
    expect(text).not.toContain('tracker.example/q.png');
    for (const secret of chathamSecrets()) {
      expect(text).not.toContain(secret);
      expect(response.bytes.toString('latin1')).not.toContain(secret);
    }
  });

  it('exports an earlier version on request, and refuses unknown ones', async () => {
    expect((await exported('pdf', '&version=1')).status).toBe(200);
    expect((await exported('pdf', '&version=9')).status).toBe(404);
  });
});

describe('what may be exported', () => {
  it('answers 404 to outsiders and 400 for an unknown format, naming it', async () => {
    const outsider = await download(
      t,
      `/api/entries/${entry.id}/export?format=pdf`,
      s.cast.outsider,
    );
    expect(outsider.status).toBe(404);
    const bad = await exported('docx');
    expect(bad.status).toBe(400);
    expect(
      JSON.parse(bad.bytes.toString('utf8')).details.map((d: { field: string }) => d.field),
    ).toEqual(['format']);
    const missing = await download(t, `/api/entries/${entry.id}/export`, s.cast.member);
    expect(missing.status).toBe(400);
  });

  it('gives an editor the working copy of a draft, marked as such, and readers nothing of it', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id, { title: 'A draft in progress' });
    const forEditor = await download(t, `/api/entries/${draft.id}/export?format=md`, s.cast.admin);
    expect(forEditor.status).toBe(200);
    expect(forEditor.headers.get('content-disposition')).toContain(
      'filename="a-draft-in-progress.md"',
    );
    expect(forEditor.bytes.toString('utf8')).toContain('Working copy — not published');
    const forMember = await download(t, `/api/entries/${draft.id}/export?format=md`, s.cast.member);
    expect(forMember.status).toBe(404);
  });

  it('exports in the language the entry is written in', async () => {
    const draft = await curate(t, s.cast.moderator, s.thread.id, {
      language: 'fr',
      title: 'Binômes',
    });
    const french = await publishEntry(t, draft.id, s.cast.moderator, s.cast.admin);
    const file = await download(t, `/api/entries/${french.id}/export?format=html`, s.cast.member);
    const html = file.bytes.toString('utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Ressources nécessaires');
    expect(html).toMatch(/48\s000\s€/);
  });
});

describe('the network guide', () => {
  it('holds every published entry the reader may read, in each format', async () => {
    const path = `/api/networks/${s.cast.network.slug}/entries/export`;
    const md = await download(t, `${path}?format=md`, s.cast.member);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toContain(
      `filename="${s.cast.network.slug}-guide.md"`,
    );
    const markdown = md.bytes.toString('utf8');
    expect(markdown).toContain('# Best-practice guide');
    expect(markdown).toContain('Neighbour pairs: keeping volunteers');
    expect(markdown).toContain('Binômes');
    expect(markdown).not.toContain('A draft in progress');

    const html = await download(t, `${path}?format=html&lang=de`, s.cast.member);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.bytes.toString('utf8')).toContain('Leitfaden guter Praxis');

    const pdf = await download(t, `${path}?format=pdf`, s.cast.member);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const { pages } = await pdfText(pdf.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = squash(pages.join(' '));
    expect(text).toContain('Contents');
    expect(text).toContain(`— ${s.labels.other},`);
    for (const secret of chathamSecrets()) expect(text).not.toContain(secret);
  });

  it('is refused to outsiders of a private network (404) and for a bad format (400)', async () => {
    const path = `/api/networks/${s.cast.network.slug}/entries/export`;
    expect((await download(t, `${path}?format=pdf`, s.cast.outsider)).status).toBe(404);
    expect((await download(t, `${path}?format=odt`, s.cast.member)).status).toBe(400);
  });

  it('stays free of database side effects', async () => {
    const [before] = await sql(t, `SELECT count(*)::int AS n FROM audit_log`);
    await exported('pdf');
    const [after] = await sql(t, `SELECT count(*)::int AS n FROM audit_log`);
    expect(after).toEqual(before);
  });
});
