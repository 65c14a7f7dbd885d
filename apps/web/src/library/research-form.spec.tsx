import { fireEvent, screen, waitFor } from '@testing-library/react';
import { errorReply, reply } from '../test-support/fake-api';
import { makeNetwork, makeSession, makeUser } from '../test-support/fixtures';
import { makeSummary } from '../test-support/library-fixtures';
import { renderApp } from '../test-support/render-app';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

function open(role: 'member' | 'moderator' = 'member', extra = {}) {
  return renderApp({
    route: '/library/research/new',
    session: makeSession(),
    routes: {
      'GET /api/me': reply(200, makeUser()),
      'GET /api/networks': reply(200, {
        items: [makeNetwork({ myRole: role })],
        nextCursor: null,
      }),
      ...extra,
    },
  });
}

async function fillValid(app: ReturnType<typeof open>) {
  await app.user.click(await screen.findByRole('combobox', { name: /Network/ }));
  await app.user.click(await screen.findByRole('option', { name: 'Welcoming Cities' }));
  fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), {
    target: { value: 'Mentoring works' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: /^Key finding/ }), {
    target: { value: 'It does.' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: /^What this means/ }), {
    target: { value: 'Do it.' },
  });
  await app.user.click(screen.getByRole('combobox', { name: /Question it answers/ }));
  await app.user.click(await screen.findByRole('option', { name: 'What works' }));
  await app.user.click(screen.getByRole('combobox', { name: /Programme phase/ }));
  await app.user.click(await screen.findByRole('option', { name: 'Evaluation' }));
  fireEvent.change(screen.getByRole('textbox', { name: 'Address (URL) of source 1' }), {
    target: { value: 'https://example.org/brief' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: 'Full citation of source 1' }), {
    target: { value: 'FOCUS (2019). Brief.' },
  });
}

describe('the research summary form', () => {
  it('counts words live and blocks a summary over 400 words', async () => {
    const app = open('member', {
      'POST /api/research-summaries': reply(201, makeSummary()),
    });
    await fillValid(app);
    const summary = screen.getByRole('textbox', { name: /^Summary/ });

    fireEvent.change(summary, { target: { value: words(401) } });
    expect(screen.getByTestId('word-counter')).toHaveTextContent('401 / 400 words');
    const publish = screen.getByRole('button', { name: 'Publish' });
    expect(publish).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save as draft' })).toBeDisabled();
    fireEvent.submit(summary.closest('form') as HTMLFormElement);
    expect(await screen.findByText(/The summary has 401 words/)).toBeInTheDocument();
    expect(app.writes()).toEqual([]);

    // "l'intégration" and "two-way" are one word each, as on the server.
    fireEvent.change(summary, { target: { value: `${words(398)} l'intégration two-way` } });
    expect(screen.getByTestId('word-counter')).toHaveTextContent('400 / 400 words');
    expect(publish).toBeEnabled();
    await app.user.click(publish);
    await waitFor(() => expect(app.writes()).toHaveLength(1));
    expect(app.writes()[0]?.body).toMatchObject({
      network: 'welcoming-cities',
      status: 'published',
      scope: 'network',
      question: 'what_works',
      phase: 'evaluation',
      sources: [{ url: 'https://example.org/brief', citation: 'FOCUS (2019). Brief.' }],
    });
    await waitFor(() => expect(app.location()).toBe(`/library/research/${makeSummary().id}`));
  });

  it('refuses unsafe source addresses and offers public scope only to moderators', async () => {
    const app = open('member');
    await fillValid(app);
    expect(screen.queryByRole('radio', { name: /Everyone signed in/ })).not.toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /^Summary/ }), {
      target: { value: 'Short.' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Address (URL) of source 1' }), {
      target: { value: 'javascript:alert(1)' },
    });
    await app.user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(
      await screen.findByText('Please enter an address starting with http:// or https://.'),
    ).toBeInTheDocument();
    expect(app.writes()).toEqual([]);
  });

  it('shows the server’s field problems next to the fields', async () => {
    const app = open('moderator', {
      'POST /api/research-summaries': errorReply(400, 'bad_request', 'Invalid request', [
        { field: 'sources.0.url', problems: ['url must be an http or https address'] },
        { field: 'title', problems: ['title must not contain control characters'] },
      ]),
    });
    await fillValid(app);
    expect(screen.getByRole('radio', { name: /Everyone signed in/ })).toBeEnabled();
    fireEvent.change(screen.getByRole('textbox', { name: /^Summary/ }), {
      target: { value: 'Short.' },
    });
    await app.user.click(screen.getByRole('button', { name: 'Save as draft' }));
    expect(await screen.findByText('url must be an http or https address')).toBeInTheDocument();
    expect(screen.getByText('title must not contain control characters')).toBeInTheDocument();
    expect(app.writes()[0]?.body).toMatchObject({ status: 'draft' });
  });
});
