import { screen, waitFor, within } from '@testing-library/react';
import type { QuoteConsentView } from '@tandem/domain';
import { reply } from '../test-support/fake-api';
import { makeSession, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

const request: QuoteConsentView = {
  id: 'consent-1',
  entryId: 'entry-1',
  entryTitle: 'Neighbour pairs',
  messageId: 'message-1',
  excerpt: 'We phoned volunteers after week three.',
  state: 'pending',
  decidedBy: null,
  decidedAt: null,
  createdAt: '2026-02-01T10:00:00.000Z',
};

describe('quote consent on the settings page', () => {
  it('keeps the standing choice and answers a request to quote a message', async () => {
    let state: QuoteConsentView['state'] = 'pending';
    const app = renderApp({
      route: '/settings',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/me/quote-consent-settings': reply(200, { choice: 'ask' }),
        'PUT /api/me/quote-consent-settings': reply(200, { choice: 'never' }),
        'GET /api/me/quote-consents': () => reply(200, [{ ...request, state }]),
        'POST /api/quote-consents/consent-1': () => {
          state = 'refused';
          return reply(200, { ...request, state });
        },
      },
    });
    const ask = await screen.findByRole('radio', { name: 'Ask me each time' });
    await waitFor(() => expect(ask).toBeChecked());
    await app.user.click(screen.getByRole('radio', { name: 'Never allow' }));
    expect(await screen.findByText('Your choice is saved.')).toBeInTheDocument();

    const item = await screen.findByTestId('quote-consent-request');
    expect(item).toHaveTextContent('Neighbour pairs');
    expect(item).toHaveTextContent('Allow this quote outside the network?');
    await app.user.click(within(item).getByRole('button', { name: 'Refuse' }));
    expect(
      await within(item).findByText(
        'You refused this quote: it stays out of what the entry shares.',
      ),
    ).toBeInTheDocument();
    expect(app.writes().map((call) => [call.method, call.path, call.body])).toEqual([
      ['PUT', '/api/me/quote-consent-settings', { choice: 'never' }],
      ['POST', '/api/quote-consents/consent-1', { decision: 'refuse' }],
    ]);
  });
});
