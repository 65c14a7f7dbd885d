// The first journey: sign up, organisation, private network, an invitation accepted by a
// colleague in a second browser, a live discussion between the two (typing, a mention, a catch-up
// after the colleague went offline), the evidence library (a costed case study found by filter,
// linked from the thread and seen live), global search, and the layout at 360 px in German.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  check,
  hasNoHorizontalScroll,
  pickOption,
  post,
  screenshot,
  shownMessages,
  signUp,
  STEP_TIMEOUT_MS,
} from '../harness.mjs';

/** @param {import('../harness.mjs').JourneyContext} context */
export default async function firstSteps({ browser, base, step }) {
  const suffix = Date.now().toString(36);
  const amira = {
    name: 'Amira Haddad',
    email: `amira.${suffix}@example.org`,
    password: 'correct horse battery',
  };
  const jonas = {
    name: 'Jonas Weber',
    email: `jonas.${suffix}@example.org`,
    password: 'another long secret',
  };
  const networkName = 'Welcoming Cities Exchange';
  const networkSlug = 'welcoming-cities-exchange';

  const admin = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
  });
  admin.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await admin.newPage();
  let acceptLink = '';

  await step('sign up', page, async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    await screenshot(page, '01-sign-in');
    await signUp(page, amira);
    await screenshot(page, '02-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${base}/organisation`);
    await page.getByRole('heading', { name: 'My organisation' }).waitFor();
    await page.getByText(amira.name).first().waitFor();
  });

  await step('create an organisation', page, async () => {
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Add your organisation' }),
    });
    await form.getByLabel('Name').fill(`Integration Office ${suffix}`);
    await pickOption(page, form.getByRole('combobox', { name: 'Sector' }), 'Government');
    await pickOption(page, form.getByRole('combobox', { name: 'Level' }), 'Local');
    await form.getByRole('combobox', { name: 'Country' }).fill('Belg');
    await page.getByRole('option', { name: 'Belgium', exact: true }).click();
    await form.getByLabel('City').fill('Ghent');
    await form.getByRole('button', { name: 'Add and choose' }).click();
    const label = page.getByTestId('attribution-label');
    await label.waitFor();
    check(
      (await label.textContent()) === 'Local government',
      `label is "${await label.textContent()}"`,
    );
    await page.getByText('your posts show this label instead of your name').waitFor();
    await screenshot(page, '03-organisation');
  });

  await step('create a private network', page, async () => {
    await page.getByRole('link', { name: 'Continue to networks' }).click();
    await page.getByRole('heading', { name: 'Networks', exact: true }).waitFor();
    await page.getByRole('link', { name: 'New network' }).click();
    await page.getByLabel('Name').fill(networkName);
    const slug = await page.getByLabel('Web address').inputValue();
    check(slug === networkSlug, `suggested slug is "${slug}"`);
    await page.getByLabel('Description').fill('City officials exchanging reception practice.');
    await page.getByRole('radio', { name: 'Private' }).check();
    await screenshot(page, '04-create-network');
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.waitForURL(`${base}/networks/${networkSlug}`);
    await page.getByRole('heading', { level: 1, name: networkName }).waitFor();
    await page.getByText('Your role: Admin').waitFor();
    await screenshot(page, '05-network');
  });

  await step('see it listed', page, async () => {
    await page.getByRole('link', { name: 'All networks' }).click();
    await page.waitForURL(`${base}/networks`);
    const item = page.getByRole('listitem').filter({ hasText: networkName });
    await item.getByRole('link', { name: networkName }).waitFor();
    await item.getByText('Private').waitFor();
    await item.getByText('Your role: Admin').waitFor();
    await screenshot(page, '06-networks');
  });

  await step('invite a colleague and read the accept link', page, async () => {
    await page.getByRole('link', { name: networkName }).click();
    const form = page.getByRole('region', { name: 'Invite a colleague' });
    await form.getByLabel('Their email').fill(jonas.email);
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const link = form.getByLabel('Invitation link');
    await link.waitFor();
    acceptLink = await link.inputValue();
    check(acceptLink.startsWith(`${base}/invitations/`), `accept link is "${acceptLink}"`);
    await page.getByRole('region', { name: 'Invitations' }).getByText(jonas.email).waitFor();
    await screenshot(page, '07-invitation-created');
  });

  const colleague = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
  });
  colleague.setDefaultTimeout(STEP_TIMEOUT_MS);
  const second = await colleague.newPage();

  await step('colleague signs up from the link, accepts and sees the network', second, async () => {
    await second.goto(acceptLink);
    await second.getByText('Sign in or create an account to open your invitation.').waitFor();
    await signUp(second, jonas);
    await second.getByRole('button', { name: 'Create account' }).click();
    await second.getByRole('heading', { name: `You are invited to ${networkName}` }).waitFor();
    check(second.url() === acceptLink, `after sign-up the colleague is at ${second.url()}`);
    await second.getByText(`Invited by ${amira.name}`).waitFor();
    await screenshot(second, '08-invitation');
    await second.getByRole('button', { name: 'Accept invitation' }).click();
    await second.waitForURL(`${base}/networks/${networkSlug}`);
    await second.getByRole('heading', { level: 1, name: networkName }).waitFor();
    await second.getByText('Your role: Member').waitFor();
    await second.getByRole('region', { name: 'Members' }).getByText(amira.name).waitFor();
    await screenshot(second, '09-network-as-member');
  });

  const channelName = 'Housing after reception';
  const threadTitle = 'How do you find landlords willing to rent to newcomers?';
  const opening = 'In Ghent we pair each family with a **housing buddy**. What works for you?';
  let threadUrl = '';

  await step('moderator creates a channel', page, async () => {
    await page.goto(`${base}/networks/${networkSlug}`);
    const channels = page.getByRole('region', { name: 'Channels' });
    await channels.getByText('There are no channels yet. Create the first one.').waitFor();
    await channels.getByRole('button', { name: 'New channel' }).click();
    const form = page.getByRole('region', { name: 'New channel', exact: true });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(channelName);
    const slug = await form.getByRole('textbox', { name: 'Short name' }).inputValue();
    check(slug === 'housing-after-reception', `suggested channel slug is "${slug}"`);
    await form.getByRole('combobox', { name: 'Topics' }).click();
    await page.getByRole('option', { name: 'Housing', exact: true }).click();
    await page.keyboard.press('Escape');
    await screenshot(page, '14-create-channel');
    await form.getByRole('button', { name: 'Create channel' }).click();
    await channels.getByRole('link', { name: channelName }).waitFor();
    await screenshot(page, '15-channels');
  });

  await step('moderator starts a thread', page, async () => {
    await page.getByRole('link', { name: channelName }).click();
    await page.getByRole('heading', { level: 1, name: channelName }).waitFor();
    await page.getByText('No threads yet. Start the first conversation.').waitFor();
    await page.getByRole('button', { name: 'Start a thread', exact: true }).click();
    const form = page.getByRole('region', { name: 'Start a thread' });
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(threadTitle);
    await form.getByRole('textbox', { name: 'First message' }).fill(opening);
    await form.getByRole('tab', { name: 'Preview' }).click();
    await form
      .getByTestId('markdown-preview')
      .locator('strong', { hasText: 'housing buddy' })
      .waitFor();
    await screenshot(page, '16-new-thread');
    await form.getByRole('button', { name: 'Start thread' }).click();
    await page.waitForURL(/\/threads\/[0-9a-f-]{36}$/);
    threadUrl = page.url();
    await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await page.getByTestId('message').filter({ hasText: 'housing buddy' }).waitFor();
  });

  await step('colleague sees the unread thread and opens it', second, async () => {
    await second.goto(`${base}/networks/${networkSlug}`);
    const item = second.getByRole('listitem').filter({ hasText: channelName });
    await item.getByText('Unread: 1').waitFor();
    await screenshot(second, '17-channels-unread');
    await item.getByRole('link', { name: channelName }).click();
    const thread = second.getByRole('listitem').filter({ hasText: threadTitle });
    await thread.getByText('Unread: 1').waitFor();
    await thread.getByRole('link', { name: threadTitle }).click();
    await second.waitForURL(threadUrl);
    await second.getByTestId('message').filter({ hasText: 'housing buddy' }).waitFor();
    // Both are connected to the channel: each sees the other online.
    await second.getByText(`Online in this channel: ${amira.name}`).waitFor();
    await page.getByText(`Online in this channel: ${jonas.name}`).waitFor();
  });

  await step('a message appears live in the other browser, typing shown first', page, async () => {
    await second.getByRole('textbox', { name: 'Your message' }).fill('We work with a social');
    await page.getByText(`${jonas.name} is typing…`).waitFor();
    const reply = 'We use a rental guarantee fund. @amira-haddad could you share your buddy guide?';
    await post(second, reply);
    await page.getByTestId('message').filter({ hasText: 'rental guarantee fund' }).waitFor();
    await post(page, 'Of course, I will post it here tomorrow.');
    await second.getByTestId('message').filter({ hasText: 'post it here tomorrow' }).waitFor();
    const here = await shownMessages(page);
    const there = await shownMessages(second);
    check(
      JSON.stringify(here.map((m) => m.seq)) === '[1,2,3]',
      `the moderator sees seqs ${JSON.stringify(here.map((m) => m.seq))}`,
    );
    check(
      JSON.stringify(there.map((m) => m.seq)) === '[1,2,3]',
      `the colleague sees seqs ${JSON.stringify(there.map((m) => m.seq))}`,
    );
    await screenshot(page, '18-thread-live');
    await screenshot(second, '19-thread-live-colleague');
  });

  await step('the mention rings the bell', page, async () => {
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const dialog = page.getByRole('dialog', { name: 'Notifications' });
    const link = dialog.getByRole('link', {
      name: `${jonas.name} mentioned you in “${threadTitle}”`,
    });
    await link.waitFor();
    await screenshot(page, '20-notifications');
    await link.click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  });

  await step('offline colleague catches up exactly what was missed', second, async () => {
    const before = await shownMessages(second);
    await colleague.setOffline(true);
    await second
      .getByText('You are offline. Messages will catch up when the connection returns.')
      .waitFor();
    const missed = ['First while you were away', 'Second while you were away'];
    for (const body of missed) await post(page, body);
    // Nothing arrives while the colleague is offline...
    await sleep(1500);
    for (const body of missed) {
      const count = await second.getByTestId('message').filter({ hasText: body }).count();
      check(count === 0, `"${body}" reached the offline browser`);
    }
    await screenshot(second, '21-offline');
    // ...and exactly the two missed messages, once each and in order, when it is back.
    await colleague.setOffline(false);
    for (const body of missed) {
      await second.getByTestId('message').filter({ hasText: body }).waitFor();
    }
    await second.getByTestId('connection-banner').waitFor({ state: 'detached' });
    await sleep(500); // a duplicate would arrive by now
    const after = await shownMessages(second);
    const added = after.slice(before.length);
    check(after.length === before.length + 2, `${after.length - before.length} messages added`);
    check(
      added.every((message, index) => message.text.includes(missed[index])),
      `added: ${JSON.stringify(added)}`,
    );
    const seqs = after.map((message) => message.seq);
    check(
      seqs.every((seq, index) => seq === index + 1),
      `seqs after catch-up are ${JSON.stringify(seqs)}`,
    );
    for (const body of missed) {
      const count = await second.getByTestId('message').filter({ hasText: body }).count();
      check(count === 1, `"${body}" is shown ${count} times`);
    }
    await screenshot(second, '22-caught-up');
  });

  const cheapName = 'Neighbours at the Table';
  const costlyName = 'City Welcome Centre';
  const esfName = 'Job Buddies';
  let caseStudyUrl = '';

  await step('admin publishes a costed case study from the library form', page, async () => {
    await page.goto(`${base}/library?type=case-studies`);
    await page.getByRole('heading', { level: 1, name: 'Evidence library' }).waitFor();
    await page.getByText('No case study matches these filters.').waitFor();
    await page.getByRole('link', { name: 'New case study' }).click();
    await page.getByRole('heading', { level: 1, name: 'New case study' }).waitFor();
    await pickOption(page, page.getByRole('combobox', { name: 'Network' }), networkName);
    await page.getByRole('textbox', { name: 'Programme name' }).fill(cheapName);
    await page.getByRole('textbox', { name: 'City' }).fill('Ghent');
    await page.getByRole('combobox', { name: 'Country' }).fill('Belg');
    await page.getByRole('option', { name: 'Belgium', exact: true }).click();
    await page
      .getByRole('textbox', { name: 'Summary' })
      .fill('Shared dinners between newcomers and long-time residents, hosted by volunteers.');
    await page.getByRole('textbox', { name: 'Annual budget (EUR)' }).fill('42000');
    await page.getByRole('textbox', { name: 'Staff (full-time equivalent)' }).fill('1.5');
    await page.getByRole('textbox', { name: 'Volunteers' }).fill('30');
    await page.getByRole('textbox', { name: 'Duration (months)' }).fill('24');
    await page.getByRole('checkbox', { name: /^AMIF/ }).check();
    await page
      .getByRole('textbox', { name: 'How the receiving community takes part' })
      .fill('Residents host the dinners in their homes.');
    await screenshot(page, '24-case-study-form');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL(/\/library\/case-studies\/[0-9a-f-]{36}$/);
    caseStudyUrl = page.url();
    await page.getByRole('heading', { level: 1, name: cheapName }).waitFor();
  });

  await step('two more case studies through the API (over budget; not AMIF)', page, async () => {
    const answers = await page.evaluate(
      async ({ slug, items }) => {
        const { localStorage } = globalThis; // runs in the page
        const token = JSON.parse(localStorage.getItem('tandem.session')).accessToken;
        const statuses = [];
        for (const item of items) {
          const response = await globalThis.fetch('/api/case-studies', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({
              network: slug,
              country: 'BE',
              city: 'Antwerp',
              summary: 'A programme for newcomers.',
              staffFte: 3,
              volunteers: 10,
              durationMonths: 12,
              language: 'en',
              status: 'published',
              ...item,
            }),
          });
          statuses.push(`${response.status} ${await response.text()}`);
        }
        return statuses;
      },
      {
        slug: networkSlug,
        items: [
          { programmeName: costlyName, annualBudgetEur: 250000, fundingSources: ['amif'] },
          { programmeName: esfName, annualBudgetEur: 30000, fundingSources: ['esf_plus'] },
        ],
      },
    );
    check(
      answers.every((answer) => answer.startsWith('201')),
      `creating case studies answered ${JSON.stringify(answers)}`,
    );
  });

  await step('filter case studies to at most 50,000 EUR funded by AMIF', page, async () => {
    await page.goto(`${base}/library`);
    await page.getByRole('tab', { name: 'Case studies' }).click();
    const cards = page.getByTestId('case-study-card');
    await cards.filter({ hasText: costlyName }).waitFor();
    await page.getByRole('textbox', { name: 'Maximum annual budget (EUR)' }).fill('50000');
    await cards.filter({ hasText: costlyName }).waitFor({ state: 'detached' });
    await pickOption(
      page,
      page.getByRole('combobox', { name: 'Funding source' }),
      'AMIF (EU Asylum, Migration and Integration Fund)',
    );
    await cards.filter({ hasText: esfName }).waitFor({ state: 'detached' });
    await cards.filter({ hasText: cheapName }).waitFor();
    check((await cards.count()) === 1, `${await cards.count()} case studies shown`);
    const url = new URL(page.url());
    check(
      url.searchParams.get('maxBudgetEur') === '50000' &&
        url.searchParams.get('fundingSource') === 'amif' &&
        url.searchParams.get('type') === 'case-studies',
      `the filtered address is ${page.url()}`,
    );
    await screenshot(page, '25-library-filtered');
    // The address alone reproduces the view.
    await page.goto(url.toString());
    await cards.filter({ hasText: cheapName }).waitFor();
    check((await cards.count()) === 1, `${await cards.count()} case studies after reload`);
  });

  await step('the case study page leads with its resources', page, async () => {
    await page.getByRole('link', { name: cheapName }).click();
    await page.waitForURL(caseStudyUrl);
    const box = page.getByTestId('resources-box');
    await box.waitFor();
    const text = await box.textContent();
    for (const expected of ['€42,000', '1.5', '30', '24 months', 'AMIF']) {
      check(text.includes(expected), `the resources box lacks "${expected}": ${text}`);
    }
    const first = await page
      .getByRole('article')
      .evaluate((article) =>
        [...article.querySelectorAll('section')].map((section) => section.dataset.testid ?? ''),
      );
    check(first[0] === 'resources-box', `the first section is ${JSON.stringify(first)}`);
    await screenshot(page, '26-case-study');
  });

  await step('link it from the thread; the colleague sees it live', page, async () => {
    await page.goto(threadUrl);
    await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await second.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await second.getByText('No research or case study is linked yet.').waitFor();
    await page.getByRole('button', { name: 'Link evidence' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link research or a case study' });
    await dialog.getByText('Case study', { exact: true }).click();
    await dialog.getByRole('searchbox', { name: 'Search the library' }).fill('dinners');
    await dialog.getByRole('button', { name: `Choose ${cheapName}` }).click();
    await dialog
      .getByRole('textbox', { name: 'Why it matters here (optional)' })
      .fill('Costs under 50,000 EUR a year, AMIF-funded');
    await screenshot(page, '27-link-picker');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('thread-link').filter({ hasText: cheapName }).waitFor();
    // No reload in the colleague's browser: the link arrives with thread:updated.
    const live = second.getByTestId('thread-link').filter({ hasText: cheapName });
    await live.waitFor();
    await live.getByText('Costs under 50,000 EUR a year, AMIF-funded').waitFor();
    await screenshot(second, '28-link-live-colleague');
    await live.getByRole('link', { name: cheapName }).click();
    await second.waitForURL(caseStudyUrl);
    await second
      .getByRole('region', { name: 'Discussed in' })
      .getByRole('link', { name: threadTitle })
      .waitFor();
    await screenshot(second, '29-discussed-in');
  });

  await step('global search finds the case study with a highlighted snippet', page, async () => {
    await page.getByRole('searchbox', { name: 'Search Tandem' }).fill('dinners');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=dinners/);
    const hit = page.getByTestId('search-hit').filter({ hasText: cheapName });
    await hit.waitFor();
    await hit.locator('mark').first().waitFor();
    await screenshot(page, '30-search');
  });

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'en-GB',
    hasTouch: true,
  });
  phone.setDefaultTimeout(STEP_TIMEOUT_MS);
  const small = await phone.newPage();

  await step('layout at 360 px has no horizontal scroll', small, async () => {
    await small.goto(`${base}/sign-in`);
    await small.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    check(await hasNoHorizontalScroll(small), 'the sign-in page scrolls sideways at 360 px');
    await small.getByLabel('Email').fill(amira.email);
    await small.getByLabel('Password', { exact: false }).first().fill(amira.password);
    await small.getByRole('button', { name: 'Sign in' }).click();
    await small.getByRole('heading', { name: 'Networks', exact: true }).waitFor();
    await small.getByRole('link', { name: networkName }).waitFor();
    check(await hasNoHorizontalScroll(small), 'the networks page scrolls sideways at 360 px');
    await screenshot(small, '10-networks-360px');
    await small.getByRole('button', { name: 'Open navigation' }).click();
    // Wait for the navbar to finish sliding in before the screenshot.
    await small.waitForFunction(
      () => globalThis.document.getElementById('main-navigation').getBoundingClientRect().left >= 0,
    );
    await small
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My organisation' })
      .waitFor();
    await screenshot(small, '11-navigation-360px');
    await small
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Networks' })
      .click();
    await small.getByRole('link', { name: networkName }).click();
    await small.getByRole('heading', { level: 1, name: networkName }).waitFor();
    await small.getByRole('region', { name: 'Members' }).getByText(jonas.name).waitFor();
    check(await hasNoHorizontalScroll(small), 'the network page scrolls sideways at 360 px');
    await screenshot(small, '12-network-360px');
  });

  await step('language switch translates the page', small, async () => {
    await pickOption(small, small.getByRole('combobox', { name: 'Language' }), 'Deutsch');
    await small.getByRole('link', { name: 'Alle Netzwerke' }).waitFor();
    check((await small.getAttribute('html', 'lang')) === 'de', 'html lang is not "de"');
    check(await hasNoHorizontalScroll(small), 'the German network page scrolls sideways at 360 px');
    await screenshot(small, '13-network-360px-de');
  });

  await step('thread at 360 px has no horizontal scroll', small, async () => {
    await small.goto(threadUrl);
    await small.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await small.getByTestId('message').filter({ hasText: 'Second while you were away' }).waitFor();
    await small.getByRole('textbox', { name: 'Ihre Nachricht' }).waitFor();
    await small.getByTestId('presence').waitFor();
    await small.getByRole('button', { name: 'Diskussion sperren' }).waitFor();
    check(await hasNoHorizontalScroll(small), 'the thread page scrolls sideways at 360 px');
    await screenshot(small, '23-thread-360px-de');
  });

  await step('library at 360 px has no horizontal scroll', small, async () => {
    await small.goto(`${base}/library?type=case-studies`);
    await small.getByRole('heading', { level: 1, name: 'Wissensbibliothek' }).waitFor();
    await small.getByTestId('case-study-card').first().waitFor();
    check(await hasNoHorizontalScroll(small), 'the library scrolls sideways at 360 px');
    await screenshot(small, '31-library-360px-de');
    await small.goto(caseStudyUrl);
    await small.getByTestId('resources-box').waitFor();
    check(await hasNoHorizontalScroll(small), 'the case study scrolls sideways at 360 px');
    await screenshot(small, '32-case-study-360px-de');
  });
}
