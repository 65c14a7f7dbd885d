// Curation: a moderator turns a Chatham House thread into a best-practice entry (choosing the
// messages to quote, filling in what it takes to run), a second moderator reviews and publishes
// it, and a member who wrote in the thread finds it from the thread, sees the quote under their
// organisation's label only, and downloads it as a PDF. Set-up goes through the API; the steps
// that matter are clicked.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, check, hasNoHorizontalScroll, newContext, screenshot, signIn } from '../harness.mjs';

/** @param {import('../harness.mjs').JourneyContext} context */
export default async function curation({ browser, base, step }) {
  const suffix = Date.now().toString(36);
  const password = 'a long enough secret';
  const register = async (displayName, email) => {
    const session = await api(base, 'POST', '/api/auth/register', {
      body: { email, password, displayName },
    });
    return { token: session.accessToken, id: session.user.id, email, password, displayName };
  };
  const bruno = await register('Bruno Keller', `bruno.${suffix}@example.org`);
  const mona = await register('Mona Petit', `mona.${suffix}@example.org`);
  const chiara = await register('Chiara Russo', `chiara.${suffix}@example.org`);

  // Chiara works for a local NGO, but in a circle of three nobody else shares that type: in a
  // Chatham House thread she shows as "A member" (docs/chatham.md), and so does her quote.
  const organisation = await api(base, 'POST', '/api/organisations', {
    token: chiara.token,
    body: {
      name: `Casa Aperta ${suffix}`,
      sector: 'ngo',
      level: 'local',
      country: 'IT',
      city: 'Turin',
    },
  });
  await api(base, 'PUT', '/api/me/organisation', {
    token: chiara.token,
    body: { organisationId: organisation.id },
  });

  const slug = `curation-${suffix}`;
  await api(base, 'POST', '/api/networks', {
    token: bruno.token,
    body: {
      slug,
      name: 'Reception Practice Circle',
      description: 'Curation journey',
      visibility: 'private',
    },
  });
  for (const [person, role] of [
    [mona, 'moderator'],
    [chiara, 'member'],
  ]) {
    const invitation = await api(base, 'POST', `/api/networks/${slug}/invitations`, {
      token: bruno.token,
      body: { email: person.email, role },
    });
    await api(base, 'POST', `/api/invitations/${invitation.token}/accept`, { token: person.token });
  }
  const channel = await api(base, 'POST', `/api/networks/${slug}/channels`, {
    token: bruno.token,
    body: { slug: 'volunteers', name: 'Volunteers', visibility: 'network', topics: ['volunteers'] },
  });
  const quoteText =
    'We phone every volunteer after week three; that is when people quietly drop out.';
  const thread = await api(base, 'POST', `/api/channels/${channel.id}/threads`, {
    token: chiara.token,
    body: {
      title: 'Keeping resident volunteers involved',
      body: quoteText,
      attribution: 'chatham',
      topics: ['volunteers'],
      clientId: `journey-${suffix}-1`,
    },
  });
  await api(base, 'POST', `/api/threads/${thread.id}/messages`, {
    token: bruno.token,
    body: {
      body: 'Thanks, this is worth writing up for the other networks.',
      clientId: `journey-${suffix}-2`,
    },
  });
  const threadUrl = `${base}/threads/${thread.id}`;
  let entryUrl = '';

  const moderator = await newContext(browser);
  const page = await moderator.newPage();

  await step('a moderator curates the thread, choosing the message to quote', page, async () => {
    await signIn(page, base, mona);
    await page.goto(threadUrl);
    await page
      .getByRole('heading', { level: 1, name: 'Keeping resident volunteers involved' })
      .waitFor();
    await page.getByRole('button', { name: 'Curate into an entry' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Curate this thread into a best-practice entry',
    });
    await dialog.getByTestId('evidence-picker').waitFor();
    await dialog
      .getByRole('checkbox', { name: /We phone every volunteer after week three/ })
      .check();
    await dialog.getByText('1 message chosen').waitFor();
    await screenshot(page, '60-curate-picker');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}\/edit$/);
    entryUrl = page.url().replace(/\/edit$/, '');
    await page.getByRole('heading', { name: 'Edit entry' }).waitFor();
    const quote = page.getByTestId('evidence-item');
    await quote.getByText('— A member').waitFor();
    check(!(await quote.textContent()).includes('Chiara'), 'the quote names its Chatham author');
  });

  await step('the moderator fills in the entry and submits it for review', page, async () => {
    const field = (name) => page.getByRole('textbox', { name, exact: true });
    await field('Summary').fill(
      'Resident volunteers stay when someone calls them after the third week and both sides have something to offer.',
    );
    await field('Who').fill('A local NGO with a part-time volunteer coordinator');
    await field('Where').fill('Turin, Italy');
    await field('What was done').fill(
      'Pairs of residents and newcomers met weekly; every volunteer got a call after week three.',
    );
    await field('What worked').fill('The call after week three, and shared activities.');
    await field('How to adapt it').fill(
      'Recruit through sports clubs where the NGO has no contacts yet.',
    );
    await field('How to evaluate it').fill('Count the pairs still meeting after six months.');
    await field('Budget a year (EUR)').fill('36000');
    await field('Staff (full-time equivalent)').fill('0.8');
    await field('Volunteers').fill('30');
    await field('Duration (months)').fill('12');
    await screenshot(page, '61-entry-editor');
    await page.getByRole('button', { name: 'Save and submit for review' }).click();
    await page.waitForURL(entryUrl);
    await page.getByText('Waiting for review.', { exact: false }).waitFor();
    await page
      .getByText('You drafted this entry: another moderator or admin publishes it.')
      .waitFor();
    check(
      (await page.getByRole('button', { name: 'Publish', exact: true }).count()) === 0,
      'the drafter is offered to publish their own entry',
    );
    await screenshot(page, '62-entry-in-review');
  });

  const reviewer = await newContext(browser);
  const second = await reviewer.newPage();

  await step('a second moderator finds it in the network and publishes it', second, async () => {
    await signIn(second, base, bruno);
    await second.goto(`${base}/networks/${slug}`);
    const entries = second.getByRole('region', { name: 'Best-practice entries' });
    const item = entries
      .getByRole('listitem')
      .filter({ hasText: 'Keeping resident volunteers involved' });
    await item.getByText('In review').waitFor();
    await screenshot(second, '63-network-entries');
    await item.getByRole('link', { name: 'Keeping resident volunteers involved' }).click();
    await second.waitForURL(entryUrl);
    await second.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = second.getByRole('dialog', { name: 'Publish a new version' });
    await dialog
      .getByRole('textbox', { name: 'What changed in this version' })
      .fill('First version');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await second.getByText('Version 1, published', { exact: false }).first().waitFor();
    await second.getByTestId('entry-history').getByText('First version').waitFor();
    await screenshot(second, '64-entry-published');
  });

  const participant = await newContext(browser);
  const third = await participant.newPage();

  await step('a member who wrote in the thread opens the entry from it', third, async () => {
    await signIn(third, base, chiara);
    await third.goto(threadUrl);
    const curated = third.getByRole('region', { name: 'Best-practice entries from this thread' });
    await curated.getByText('Published').waitFor();
    await curated.getByRole('link', { name: 'Keeping resident volunteers involved' }).click();
    await third.waitForURL(entryUrl);
    const resources = third.getByTestId('entry-resources');
    await resources.getByText('€36,000').waitFor();
    await resources.getByText('12 months').waitFor();
    const quote = third.getByTestId('evidence-quote');
    await quote.getByText(quoteText).waitFor();
    check((await quote.textContent()).includes('A member'), 'the quote shows its label');
    check(!(await quote.textContent()).includes('Chiara'), 'the quote names its Chatham author');
    await screenshot(third, '65-entry-reader');
  });

  await step('the member downloads the entry as a PDF', third, async () => {
    const [download] = await Promise.all([
      third.waitForEvent('download'),
      third.getByRole('button', { name: 'PDF', exact: true }).click(),
    ]);
    const name = download.suggestedFilename();
    check(
      /^keeping-resident-volunteers-involved-v1\.pdf$/.test(name),
      `the download is named "${name}"`,
    );
    const path = join(tmpdir(), `tandem-journey-${suffix}.pdf`);
    await download.saveAs(path);
    const bytes = await readFile(path);
    check(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the download is not a PDF');
    check(bytes.length > 2000, `the PDF has only ${bytes.length} bytes`);
  });

  const phone = await newContext(browser, { width: 360, height: 740, touch: true });
  const small = await phone.newPage();

  await step('the entry reads on a 360 px screen', small, async () => {
    await signIn(small, base, chiara);
    await small.goto(entryUrl);
    await small.getByTestId('entry-resources').waitFor();
    check(await hasNoHorizontalScroll(small), 'the entry page scrolls sideways at 360 px');
    await screenshot(small, '66-entry-phone');
  });
}
