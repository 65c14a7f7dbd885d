// Mentoring: a coordinator finds a mentor for a city through the explained suggestions and
// proposes the pairing; mentor and mentee accept in two browsers; the pairing comes alive in
// both without a reload and they talk in its private channel, live; the pairing page at 360 px.
// People, organisations and the network are set up through the API; the clicks that matter are
// in the steps.
import {
  api,
  check,
  hasNoHorizontalScroll,
  newContext,
  pickOption,
  post,
  screenshot,
  signIn,
} from '../harness.mjs';

/** @param {import('../harness.mjs').JourneyContext} context */
export default async function mentoring({ browser, base, step }) {
  const suffix = Date.now().toString(36);
  const password = 'mentoring journey secret';
  const person = (name, key) => ({ name, email: `${key}.${suffix}@example.org`, password });
  const coordinator = person('Clara Coordinator', 'clara');
  const mentor = person('Marta Mentor', 'marta');
  const mentee = person('Tomas Mentee', 'tomas');
  const slug = `mentoring-${suffix}`;

  const register = async (who) => {
    const body = await api(base, 'POST', '/api/auth/register', {
      body: { email: who.email, password: who.password, displayName: who.name },
    });
    who.token = body.accessToken;
    who.id = body.user.id;
  };
  await register(coordinator);
  await register(mentor);
  await register(mentee);
  const organise = async (who, organisation) => {
    const created = await api(base, 'POST', '/api/organisations', {
      token: who.token,
      body: organisation,
    });
    await api(base, 'PUT', '/api/me/organisation', {
      token: who.token,
      body: { organisationId: created.id },
    });
    return created;
  };
  await organise(coordinator, {
    name: `Eurocities-style Secretariat ${suffix}`,
    sector: 'international',
    level: 'eu',
    country: 'BE',
  });
  await organise(mentor, {
    name: `Integration Office Ghent ${suffix}`,
    sector: 'government',
    level: 'local',
    country: 'BE',
  });
  const menteeOrg = await organise(mentee, {
    name: `Welcome Services Brno ${suffix}`,
    sector: 'government',
    level: 'local',
    country: 'CZ',
  });
  await api(base, 'POST', '/api/networks', {
    token: coordinator.token,
    body: {
      slug,
      name: `City Mentoring ${suffix}`,
      description: 'City-to-city mentoring.',
      visibility: 'private',
    },
  });
  for (const who of [mentor, mentee]) {
    const invitation = await api(base, 'POST', `/api/networks/${slug}/invitations`, {
      token: coordinator.token,
      body: { email: who.email, role: 'member' },
    });
    await api(base, 'POST', `/api/invitations/${invitation.token}/accept`, { token: who.token });
  }
  await api(base, 'POST', `/api/networks/${slug}/mentoring/profiles`, {
    token: mentor.token,
    body: {
      mode: 'offering',
      topics: ['housing', 'volunteers', 'evaluation'],
      languages: ['en', 'nl', 'fr'],
      capacity: 2,
      about: 'Ran a housing buddy scheme with 200 volunteers since 2019.',
      availabilityNote: 'Two calls a month',
    },
  });
  await api(base, 'POST', `/api/networks/${slug}/mentoring/profiles`, {
    token: mentee.token,
    body: {
      mode: 'seeking',
      topics: ['housing', 'volunteers'],
      languages: ['cs', 'en'],
      about: 'We are starting a volunteer programme for housing.',
    },
  });

  const coordinatorContext = await newContext(browser);
  const page = await coordinatorContext.newPage();
  let pairingUrl = '';

  await step('coordinator opens mentoring from the network page', page, async () => {
    await signIn(page, base, coordinator);
    await page.goto(`${base}/networks/${slug}`);
    await page.getByRole('link', { name: 'Mentoring in this network' }).click();
    await page.waitForURL(`${base}/networks/${slug}/mentoring`);
    await page.getByRole('heading', { level: 1, name: 'Mentoring' }).waitFor();
    await page.getByRole('heading', { name: 'My mentoring profile' }).waitFor();
  });

  await step('coordinator sees explained suggestions for the mentee', page, async () => {
    const section = page.getByRole('region', { name: 'Coordinate' });
    await pickOption(
      page,
      section.getByRole('combobox', { name: 'Suggest mentors for' }),
      `${mentee.name} — ${menteeOrg.name}`,
    );
    const suggestion = section.getByTestId('suggestion').filter({ hasText: mentor.name });
    await suggestion.waitFor();
    const reasons = suggestion.getByTestId('reasons');
    await reasons.getByText('Shared topics: Housing, Volunteers').waitFor();
    await reasons.getByText('Shared languages: English').waitFor();
    await reasons.getByText('Exchange across borders (CZ – BE)').waitFor();
    await reasons.getByText('Same level of government').waitFor();
    await reasons.getByText('Places left: 2').waitFor();
    await screenshot(page, '50-mentoring-suggestions');
  });

  await step('coordinator proposes the pairing from the suggestion', page, async () => {
    const section = page.getByRole('region', { name: 'Coordinate' });
    await section.getByRole('button', { name: `Propose a pairing with ${mentor.name}` }).click();
    const form = section.getByRole('form', { name: `Pairing with ${mentor.name} as mentor` });
    await form
      .getByRole('textbox', { name: 'Goals' })
      .fill('Recruit the first 20 housing volunteers\nAgree an evaluation template');
    await screenshot(page, '51-mentoring-propose');
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await page.waitForURL(/\/pairings\/[0-9a-f-]{36}$/);
    pairingUrl = page.url();
    await page
      .getByRole('heading', { level: 1, name: `${mentor.name} & ${mentee.name}` })
      .waitFor();
    await page.getByText(`Waiting for ${mentor.name}, ${mentee.name} to accept.`).waitFor();
    await page.getByText('Recruit the first 20 housing volunteers').waitFor();
    await page
      .getByText(
        'As a coordinator you follow the goals, sessions and progress, not the conversation.',
      )
      .waitFor();
  });

  const mentorContext = await newContext(browser);
  const mentorPage = await mentorContext.newPage();
  const menteeContext = await newContext(browser);
  const menteePage = await menteeContext.newPage();

  await step('the mentor is told and accepts', mentorPage, async () => {
    await signIn(mentorPage, base, mentor);
    await mentorPage.getByRole('button', { name: /Notifications, 1 unread/ }).click();
    await mentorPage
      .getByRole('link', {
        name: `${coordinator.name} proposed a mentoring pairing: “${mentor.name} & ${mentee.name}”`,
      })
      .click();
    await mentorPage.waitForURL(pairingUrl);
    await mentorPage.getByRole('button', { name: 'Accept' }).click();
    await mentorPage.getByText(`Waiting for ${mentee.name} to accept.`).waitFor();
    // The coordinator's page follows live.
    await page.getByText(`Waiting for ${mentee.name} to accept.`).waitFor();
  });

  await step(
    'the mentee accepts; the pairing comes alive in both browsers',
    menteePage,
    async () => {
      await signIn(menteePage, base, mentee);
      await menteePage.goto(pairingUrl);
      await menteePage.getByRole('button', { name: 'Accept' }).click();
      await menteePage.getByRole('heading', { name: 'Conversation' }).waitFor();
      // No reload: the mentor's page receives pairing:updated and opens the conversation.
      await mentorPage.getByRole('heading', { name: 'Conversation' }).waitFor();
      await mentorPage.getByText('Active', { exact: true }).first().waitFor();
      // The coordinator sees the state, never the conversation.
      await page.getByText('Active', { exact: true }).first().waitFor();
      check(
        (await page.getByRole('heading', { name: 'Conversation' }).count()) === 0,
        'the coordinator sees the conversation',
      );
    },
  );

  await step('they talk in the pairing channel, live', mentorPage, async () => {
    await post(menteePage, 'Hello Marta! Could we start with how you recruit volunteers?');
    await mentorPage
      .getByTestId('message')
      .filter({ hasText: 'Could we start with how you recruit volunteers?' })
      .waitFor();
    await post(mentorPage, 'Gladly. We begin with a neighbourhood evening each spring.');
    await menteePage.getByTestId('message').filter({ hasText: 'neighbourhood evening' }).waitFor();
    await screenshot(mentorPage, '52-mentoring-conversation');
  });

  await step('a goal moves on and a session is planned', menteePage, async () => {
    const goal = menteePage.getByTestId('goal').filter({ hasText: 'Recruit the first 20' });
    await pickOption(
      menteePage,
      goal.getByRole('combobox', { name: 'Status of “Recruit the first 20 housing volunteers”' }),
      'In progress',
    );
    await goal.getByRole('button', { name: 'Save' }).click();
    await page.getByText('In progress').waitFor();
    await menteePage.getByRole('button', { name: 'Add a session' }).click();
    const form = menteePage.getByRole('form', { name: 'Add a session' });
    await form.getByLabel('Date and time').fill('2027-03-15T10:00');
    await form.getByRole('radio', { name: 'Study visit' }).check();
    await form.getByRole('textbox', { name: 'Duration (minutes)' }).fill('480');
    await form.getByLabel('Place (optional)').fill('Ghent city hall');
    await form.getByRole('button', { name: 'Save session' }).click();
    await menteePage.getByTestId('session').filter({ hasText: 'Ghent city hall' }).waitFor();
    await mentorPage.getByTestId('session').filter({ hasText: 'Ghent city hall' }).waitFor();
  });

  await step('the pairing page works at 360 px', null, async () => {
    const phone = await newContext(browser, { width: 360, height: 740, touch: true });
    const small = await phone.newPage();
    await signIn(small, base, mentee);
    await small.goto(pairingUrl);
    await small.getByRole('heading', { name: 'Conversation' }).waitFor();
    await small.getByTestId('message').filter({ hasText: 'neighbourhood evening' }).waitFor();
    check(await hasNoHorizontalScroll(small), 'the pairing page scrolls sideways at 360 px');
    await screenshot(small, '53-mentoring-360');
    await small.goto(`${base}/networks/${slug}/mentoring`);
    await small.getByRole('heading', { name: 'My mentoring profile' }).waitFor();
    check(await hasNoHorizontalScroll(small), 'the mentoring page scrolls sideways at 360 px');
    await phone.close();
  });
}
