// Chatham House in a small circle: the network's only regional official opens a Chatham House
// thread and sees, above the composer, the label their next post will carry and why
// ("Government — fewer than 3 members share “Regional government”"); the post then shows that
// label. The admin sees the group-size setting on the network page. Set-up through the API.
import { api, check, newContext, post, screenshot, signIn } from '../harness.mjs';

/** @param {import('../harness.mjs').JourneyContext} context */
export default async function chatham({ browser, base, step }) {
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
  const people = await Promise.all(['Ada', 'Bea', 'Cem', 'Dora', 'Emil', 'Fatou'].map(register));
  const [admin, regional, nationalA, nationalB, ngoA, ngoB] = people;
  const organisations = [
    [admin, 'ngo', 'local'],
    [regional, 'government', 'regional'],
    [nationalA, 'government', 'national'],
    [nationalB, 'government', 'national'],
    [ngoA, 'ngo', 'local'],
    [ngoB, 'ngo', 'local'],
  ];
  for (const [person, sector, level] of organisations) {
    const organisation = await api(base, 'POST', '/api/organisations', {
      token: person.accessToken,
      body: { name: `${person.user.displayName} org`, sector, level, country: 'DE' },
    });
    await api(base, 'PUT', '/api/me/organisation', {
      token: person.accessToken,
      body: { organisationId: organisation.id },
    });
  }
  const slug = `chatham-${suffix}`;
  await api(base, 'POST', '/api/networks', {
    token: admin.accessToken,
    body: { slug, name: `Frank Talk ${suffix}`, description: '', visibility: 'invite' },
  });
  for (const person of people.slice(1)) {
    const { token } = await api(base, 'POST', `/api/networks/${slug}/invitations`, {
      token: admin.accessToken,
      body: { email: person.user.email, role: 'member' },
    });
    await api(base, 'POST', `/api/invitations/${token}/accept`, { token: person.accessToken });
  }
  const channel = await api(base, 'POST', `/api/networks/${slug}/channels`, {
    token: admin.accessToken,
    body: { slug: 'funding', name: 'Funding', visibility: 'network' },
  });
  const thread = await api(base, 'POST', `/api/channels/${channel.id}/threads`, {
    token: ngoA.accessToken,
    body: {
      title: 'When the budget is cut mid-year',
      body: 'What did you do when the ministry cut the language-class budget?',
      attribution: 'chatham',
      clientId: `t-${suffix}`,
    },
  });

  const context = await newContext(browser);
  const page = await context.newPage();

  await step('the composer shows the coarser label the post will carry', page, async () => {
    await signIn(page, base, { email: regional.user.email, password });
    await page.goto(`${base}/threads/${thread.id}`);
    const preview = page.getByTestId('attribution-preview');
    await preview.waitFor();
    const text = await preview.innerText();
    check(text.includes('Your post will appear as: Government'), `preview reads "${text}"`);
    check(text.includes('fewer than 3 members share “Regional government”'), `preview: "${text}"`);
    await screenshot(page, 'chatham-composer-preview');
  });

  await step('the post shows that label, not the finer one', page, async () => {
    await post(page, 'We moved classes into the evening and kept the teachers.');
    const mine = page.getByTestId('message').filter({ hasText: 'kept the teachers' });
    await mine.waitFor();
    const shown = await mine.innerText();
    check(shown.includes('Government'), `the message shows "${shown}"`);
    check(!shown.includes('Regional government'), `the message names the finer label: "${shown}"`);
  });

  await step('the admin finds the group-size setting on the network page', page, async () => {
    const adminContext = await newContext(browser);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, base, { email: admin.user.email, password });
    await adminPage.goto(`${base}/networks/${slug}`);
    await adminPage.getByTestId('chatham-settings').waitFor();
    await adminPage.getByRole('textbox', { name: 'Smallest group behind a label' }).waitFor();
    await screenshot(adminPage, 'chatham-settings');
    await adminContext.close();
  });

  await context.close();
}
