// Moderation and personal data: a member reports a message in a thread, a moderator finds it in
// the moderation queue and hides it, and the member sees the placeholder arrive live; the
// moderator turns on slow mode and suspends a member from the members list; the admin reads the
// audit log; the member downloads their own data from the settings page. The set-up goes
// through the API; the steps click what matters.
import { readFile } from 'node:fs/promises';
import {
  api,
  check,
  hasNoHorizontalScroll,
  newContext,
  pickOption,
  screenshot,
  signIn,
} from '../harness.mjs';

/** @param {import('../harness.mjs').JourneyContext} context */
export default async function moderation({ browser, base, step }) {
  const suffix = Date.now().toString(36);
  const password = 'correct horse battery';
  const register = (name) =>
    api(base, 'POST', '/api/auth/register', {
      body: {
        email: `${name.toLowerCase()}.${suffix}@example.org`,
        password,
        displayName: `${name} ${suffix}`,
      },
    });
  const [admin, moderator, reporter, author] = await Promise.all(
    ['Mina', 'Omar', 'Lea', 'Karim'].map(register),
  );
  const slug = `moderation-${suffix}`;
  await api(base, 'POST', '/api/networks', {
    token: admin.accessToken,
    body: { slug, name: `Moderation Exchange ${suffix}`, description: '', visibility: 'invite' },
  });
  for (const [person, role] of [
    [moderator, 'moderator'],
    [reporter, 'member'],
    [author, 'member'],
  ]) {
    const { token } = await api(base, 'POST', `/api/networks/${slug}/invitations`, {
      token: admin.accessToken,
      body: { email: person.user.email, role },
    });
    await api(base, 'POST', `/api/invitations/${token}/accept`, { token: person.accessToken });
  }
  const channel = await api(base, 'POST', `/api/networks/${slug}/channels`, {
    token: admin.accessToken,
    body: { slug: 'case-work', name: 'Case work', visibility: 'network' },
  });
  const thread = await api(base, 'POST', `/api/channels/${channel.id}/threads`, {
    token: admin.accessToken,
    body: {
      title: 'Supporting families through the asylum interview',
      body: 'What helps families prepare for the interview?',
      attribution: 'named',
      clientId: `t-${suffix}`,
    },
  });
  const offending = 'Call the family directly on 0612 345 678, they live at 4 Rue Haute.';
  const message = await api(base, 'POST', `/api/threads/${thread.id}/messages`, {
    token: author.accessToken,
    body: { body: offending, clientId: `m-${suffix}` },
  });

  const reporterContext = await newContext(browser);
  const reporterPage = await reporterContext.newPage();
  const moderatorContext = await newContext(browser);
  const moderatorPage = await moderatorContext.newPage();
  const threadUrl = `${base}/threads/${thread.id}`;
  const shown = () => reporterPage.getByTestId('message').filter({ hasText: '0612 345 678' });

  await step('a member reports a message', reporterPage, async () => {
    await signIn(reporterPage, base, { email: reporter.user.email, password });
    await reporterPage.goto(threadUrl);
    await shown().waitFor();
    await reporterPage.getByRole('button', { name: `Report message ${message.seq}` }).click();
    const dialog = reporterPage.getByRole('dialog', { name: 'Report this message' });
    await dialog.getByRole('radio', { name: /Personal data/ }).check();
    await dialog
      .getByRole('textbox', { name: /What is wrong/ })
      .fill('A family’s phone number and address');
    await screenshot(reporterPage, '70-report-dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await reporterPage.getByText('Thank you. The moderators will review this message.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
  });

  await step('the moderator is notified and hides it from the queue', moderatorPage, async () => {
    await signIn(moderatorPage, base, { email: moderator.user.email, password });
    await moderatorPage.getByRole('button', { name: /Notifications, 1 unread/ }).click();
    await moderatorPage.getByRole('link', { name: /was reported for review/ }).click();
    await moderatorPage.waitForURL(`${base}/networks/${slug}/moderation`);
    await moderatorPage.getByRole('heading', { name: 'Moderation queue' }).waitFor();
    const item = moderatorPage.getByTestId('queue-item').filter({ hasText: '0612 345 678' });
    await item.getByText('1 report').waitFor();
    await item.getByText(/A family’s phone number and address/).waitFor();
    await item.getByText(/Supporting families through the asylum interview/).waitFor();
    await screenshot(moderatorPage, '71-moderation-queue');
    await item.getByRole('button', { name: 'Hide' }).click();
    await moderatorPage.getByText('Nothing to review. Reported messages appear here.').waitFor();
  });

  await step('the member sees the placeholder arrive live', reporterPage, async () => {
    await reporterPage
      .getByTestId('message')
      .filter({ hasText: 'This message was hidden by the moderators.' })
      .waitFor();
    check((await shown().count()) === 0, 'the hidden text is still on the member’s page');
    await reporterPage.reload();
    await reporterPage.getByText('This message was hidden by the moderators.').waitFor();
    check(
      !(await reporterPage.content()).includes('0612 345 678'),
      'the hidden text came back after a reload',
    );
    await screenshot(reporterPage, '72-hidden-placeholder');
  });

  await step('the moderator turns on slow mode; members see the note', moderatorPage, async () => {
    await moderatorPage.goto(`${base}/channels/${channel.id}`);
    const section = moderatorPage.getByRole('region', { name: 'Slow mode' });
    await pickOption(
      moderatorPage,
      section.getByRole('combobox', { name: 'Slow mode' }),
      '1 minute',
    );
    await section.getByRole('button', { name: 'Save' }).click();
    await moderatorPage.getByText('Slow mode is updated.').waitFor();
    await reporterPage.goto(`${base}/channels/${channel.id}`);
    await reporterPage
      .getByText('Slow mode is on: each member may post once every 1 minute.')
      .waitFor();
  });

  await step('the moderator suspends the author from the members list', moderatorPage, async () => {
    await moderatorPage.goto(`${base}/networks/${slug}`);
    const members = moderatorPage.getByRole('region', { name: 'Members' });
    await members.getByRole('button', { name: `Suspend ${author.user.displayName}` }).click();
    const dialog = moderatorPage.getByRole('dialog', {
      name: `Suspend ${author.user.displayName}`,
    });
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await dialog.getByText('Please choose one.').waitFor();
    await pickOption(
      moderatorPage,
      dialog.getByRole('combobox', { name: 'For how long' }),
      '3 days',
    );
    await dialog
      .getByRole('textbox', { name: /Reason/ })
      .fill('Shared a family’s contact details in a network channel');
    await screenshot(moderatorPage, '73-suspend-dialog');
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await members.getByText(/Suspended until/).waitFor();
    const suspended = await api(base, 'POST', `/api/threads/${thread.id}/messages`, {
      token: author.accessToken,
      body: { body: 'Still here?', clientId: `m2-${suffix}` },
      expect: [403],
    });
    check(/suspended/.test(suspended.message), `the refusal says "${suspended.message}"`);
  });

  await step('the admin reads the audit log, filtered by action', null, async () => {
    const adminContext = await newContext(browser);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, base, { email: admin.user.email, password });
    await adminPage.goto(`${base}/networks/${slug}`);
    await adminPage.getByRole('link', { name: 'Audit log' }).click();
    await adminPage.getByRole('heading', { name: 'Audit log' }).waitFor();
    await adminPage.getByTestId('audit-entry').filter({ hasText: 'Member suspended' }).waitFor();
    await pickOption(
      adminPage,
      adminPage.getByRole('combobox', { name: 'Action' }),
      'Message hidden',
    );
    const entries = adminPage.getByTestId('audit-entry');
    await entries.filter({ hasText: 'Message hidden' }).waitFor();
    await entries.filter({ hasText: author.user.displayName }).waitFor();
    check((await entries.count()) === 1, `${await entries.count()} entries after filtering`);
    await screenshot(adminPage, '74-audit-log');
    await adminContext.close();
  });

  await step('the member downloads their own data from settings', reporterPage, async () => {
    await reporterPage.getByRole('link', { name: 'Settings' }).click();
    await reporterPage.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const [download] = await Promise.all([
      reporterPage.waitForEvent('download'),
      reporterPage.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    check(download.suggestedFilename().endsWith('.json'), download.suggestedFilename());
    const text = await readFile(await download.path(), 'utf8');
    const data = JSON.parse(text);
    check(data.parts.profile.email === reporter.user.email, 'the profile is not the member’s');
    check(data.parts.moderation.flagsRaised.length === 1, 'the report is missing');
    for (const foreign of [author.user.email, moderator.user.email, admin.user.email, '0612']) {
      check(!text.includes(foreign), `the download contains someone else’s data: ${foreign}`);
    }
    await reporterPage.getByText('Your data is downloaded.').waitFor();
    await screenshot(reporterPage, '75-settings');
  });

  await step('the queue and settings fit a 360 px screen', null, async () => {
    const phone = await newContext(browser, { width: 360, height: 740, touch: true });
    const page = await phone.newPage();
    await signIn(page, base, { email: moderator.user.email, password });
    for (const path of [`/networks/${slug}/moderation`, '/settings', `/networks/${slug}`]) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      check(await hasNoHorizontalScroll(page), `${path} scrolls sideways at 360 px`);
    }
    await screenshot(page, '76-members-360');
    await phone.close();
  });
}
