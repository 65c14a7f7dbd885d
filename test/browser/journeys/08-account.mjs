// Accounts people manage alone: someone who forgot their password asks for a link, reads the
// mail (the server has no SMTP_URL, so it is an .eml file in DATA_DIR/outbox), sets a new
// password from it and signs in; then they switch the language in the settings, change their
// password there, and the notice about it arrives in the new language. Last, an admin invites a
// colleague by email, and the colleague joins from the mail: sign up, accept, in the network.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { api, check, newContext, screenshot, signIn, signUp } from '../harness.mjs';

/**
 * Waits for a mail to `to` whose subject is `subject` among the .eml files of the outbox, and
 * answers it parsed.
 */
async function waitForMail(dataDir, to, subject, timeoutMs = 30_000) {
  const outbox = join(dataDir, 'outbox');
  const deadline = Date.now() + timeoutMs;
  const seen = [];
  while (Date.now() < deadline) {
    const files = await readdir(outbox).catch(() => []);
    for (const file of files.filter((name) => name.endsWith('.eml'))) {
      const mail = await simpleParser(await readFile(join(outbox, file)));
      const recipients = [mail.to].flat().flatMap((entry) => entry?.value ?? []);
      if (recipients.some((entry) => entry.address === to)) {
        if (mail.subject === subject) return mail;
        if (!seen.includes(mail.subject)) seen.push(mail.subject);
      }
    }
    await sleep(250);
  }
  throw new Error(`no mail "${subject}" to ${to} in ${outbox}; saw: ${JSON.stringify(seen)}`);
}

/** The mail's link to `path`, moved to the address the browser uses (PUBLIC_URL is localhost). */
function linkIn(mail, path, base) {
  const match = new RegExp(`https?://[^\\s"<>]+${path}\\?token=[A-Za-z0-9_%-]+`).exec(mail.text);
  check(match, `no ${path} link in "${mail.subject}":\n${mail.text}`);
  const url = new URL(match[0]);
  return `${base}${url.pathname}${url.search}`;
}

/** @param {import('../harness.mjs').JourneyContext} context */
export default async function account({ browser, base, step, dataDir }) {
  const suffix = Date.now().toString(36);
  const email = `forgetful.${suffix}@example.org`;
  await api(base, 'POST', '/api/auth/register', {
    body: { email, password: 'the password I forgot', displayName: `Rosa ${suffix}` },
  });
  const newPassword = 'remembered at last, 2026';
  const context = await newContext(browser);
  const page = await context.newPage();
  let resetLink = '';

  await step('asks for a reset link from the sign-in page', page, async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(`If ${email} belongs to a Tandem account`).waitFor();
    await screenshot(page, 'account-forgot-password');
  });

  await step('receives the reset mail with a working link', null, async () => {
    const mail = await waitForMail(dataDir, email, 'Reset your Tandem password');
    check(mail.html?.includes('lang="en"'), 'the reset mail is not marked English');
    resetLink = linkIn(mail, '/reset-password', base);
  });

  await step('sets a new password from the mail and signs in with it', page, async () => {
    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: false }).first().fill(newPassword);
    await page.getByLabel('Repeat the new password', { exact: false }).fill(newPassword);
    await screenshot(page, 'account-reset-password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    await signIn(page, base, { email, password: newPassword });
  });

  await step('the same link does not work twice', page, async () => {
    const again = await globalThis.fetch(`${base}/api/auth/password-reset/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        token: new URL(resetLink).searchParams.get('token'),
        password: 'yet another password here',
      }),
    });
    check(again.status === 400, `a used reset link answered ${again.status}`);
  });

  await step('switches the language in the settings; the next mail comes in it', page, async () => {
    await page.goto(`${base}/settings`);
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Language of Tandem and of your mail' }).click();
    await page.getByRole('option', { name: 'Français', exact: true }).click();
    await page.getByRole('heading', { name: 'Paramètres', exact: true }).waitFor();
    // Saved to the account, not only on this device.
    await page.waitForFunction(
      async ({ origin }) => {
        const session = JSON.parse(globalThis.localStorage.getItem('tandem.session') ?? 'null');
        if (!session) return false;
        const response = await globalThis.fetch(`${origin}/api/me`, {
          headers: { Authorization: `Bearer ${session.accessToken}` },
        });
        return (await response.json()).locale === 'fr';
      },
      { origin: base },
      { polling: 250 },
    );
    const section = page.getByRole('region', { name: 'Mot de passe' });
    await section.getByLabel('Mot de passe actuel', { exact: false }).fill(newPassword);
    await section
      .getByLabel('Nouveau mot de passe', { exact: false })
      .fill('a third password, in French');
    await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Votre mot de passe est modifié.', { exact: false }).waitFor();
    await screenshot(page, 'account-settings-fr');
    const notice = await waitForMail(dataDir, email, 'Votre mot de passe Tandem a été modifié');
    check(notice.html?.includes('lang="fr"'), 'the notice is not marked French');
  });

  const admin = await api(base, 'POST', '/api/auth/register', {
    body: {
      email: `admin.${suffix}@example.org`,
      password: newPassword,
      displayName: `Ada ${suffix}`,
    },
  });
  const networkName = `Welcome Network ${suffix}`;
  const slug = `welcome-${suffix}`;
  await api(base, 'POST', '/api/networks', {
    token: admin.accessToken,
    body: { slug, name: networkName, description: '', visibility: 'invite' },
  });
  const colleague = `colleague.${suffix}@example.org`;
  await api(base, 'POST', `/api/networks/${slug}/invitations`, {
    token: admin.accessToken,
    body: { email: colleague, role: 'member' },
  });
  const newcomer = await (await newContext(browser)).newPage();

  await step('a colleague invited by email joins from the mail', newcomer, async () => {
    const mail = await waitForMail(
      dataDir,
      colleague,
      `${admin.user.displayName} invites you to ${networkName} on Tandem`,
    );
    const match = /https?:\/\/[^\s"<>]+(\/invitations\/[A-Za-z0-9_-]+)/.exec(mail.text);
    check(match, `no invitation link in:\n${mail.text}`);
    await newcomer.goto(`${base}${match[1]}`);
    await newcomer.getByText('Sign in or create an account to open your invitation.').waitFor();
    await signUp(newcomer, { name: `Cleo ${suffix}`, email: colleague, password: newPassword });
    await newcomer.getByRole('button', { name: 'Create account' }).click();
    await newcomer.getByRole('heading', { name: `You are invited to ${networkName}` }).waitFor();
    await newcomer.getByRole('button', { name: 'Accept invitation' }).click();
    await newcomer.getByText(`Welcome to ${networkName}.`).waitFor();
    await screenshot(newcomer, 'account-invitation-joined');
  });
}
