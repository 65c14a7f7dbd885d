import { screen } from '@testing-library/react';
import { makeSession, makeUser } from '../test-support/fixtures';
import { reply } from '../test-support/fake-api';
import { renderApp } from '../test-support/render-app';
import { renderUi } from '../test-support/render-ui';
import { HighlightedSnippet, splitSnippet } from './highlight';

describe('search snippets', () => {
  it('splits at the highlight markers', () => {
    expect(splitSnippet('the ⟦volunteers⟧ of ⟦Ghent⟧')).toEqual([
      { text: 'the ', highlighted: false },
      { text: 'volunteers', highlighted: true },
      { text: ' of ', highlighted: false },
      { text: 'Ghent', highlighted: true },
    ]);
    expect(splitSnippet('no marks')).toEqual([{ text: 'no marks', highlighted: false }]);
    // Unbalanced markers never show up as characters.
    expect(splitSnippet('a⟧b ⟦c')).toEqual([
      { text: 'ab ', highlighted: false },
      { text: 'c', highlighted: true },
    ]);
  });

  it('renders highlights as <mark> and HTML in the snippet as text', () => {
    const snippet = 'Our ⟦volunteers⟧ wrote <img src=x onerror=alert(1)> and <b>bold</b>';
    renderUi(
      <p data-testid="snippet">
        <HighlightedSnippet snippet={snippet} />
      </p>,
    );
    const container = screen.getByTestId('snippet');
    const marks = container.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['volunteers']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(
      'Our volunteers wrote <img src=x onerror=alert(1)> and <b>bold</b>',
    );
  });

  it('shows search results with type, link and snippet; Chatham authors by label', async () => {
    const app = renderApp({
      route: '/search?q=volunteers',
      session: makeSession(),
      routes: {
        'GET /api/me': reply(200, makeUser()),
        'GET /api/search': reply(200, {
          query: 'volunteers',
          hits: [
            {
              type: 'message',
              id: 'message-1',
              title: 'Mentoring after the first year',
              snippet: 'we trained ⟦volunteers⟧ <img src=x onerror=alert(1)>',
              networkId: 'network-1',
              threadId: 'thread-1',
              channelId: 'channel-1',
              author: { kind: 'chatham', label: 'Local NGO', labelCode: 'ngo.local' },
              rank: 0.5,
              createdAt: '2026-01-13T09:00:00.000Z',
            },
            {
              type: 'case_study',
              id: 'case-1',
              title: 'Neighbours at the Table',
              snippet: '40 ⟦volunteers⟧ host dinners',
              networkId: 'network-1',
              threadId: null,
              channelId: null,
              author: null,
              rank: 0.4,
              createdAt: '2026-01-12T09:00:00.000Z',
            },
          ],
        }),
      },
    });
    expect(
      await screen.findByRole('link', { name: 'Mentoring after the first year' }),
    ).toHaveAttribute('href', '/threads/thread-1');
    expect(screen.getByRole('link', { name: 'Neighbours at the Table' })).toHaveAttribute(
      'href',
      '/library/case-studies/case-1',
    );
    expect(screen.getByText(/by Local NGO/)).toBeInTheDocument();
    expect(screen.getAllByTestId('snippet')[0]?.querySelector('img')).toBeNull();
    expect(screen.getAllByTestId('snippet')[0]).toHaveTextContent(
      'we trained volunteers <img src=x onerror=alert(1)>',
    );
    const search = app.calls.find((call) => call.path === '/api/search');
    expect(search?.url).toContain('q=volunteers');
    expect(decodeURIComponent(search?.url ?? '')).toContain(
      'types=thread,message,research,case_study',
    );

    // A type chip narrows the search and is kept in the address.
    await app.user.click(screen.getByRole('checkbox', { name: 'Case study' }));
    expect(app.location()).toBe('/search?q=volunteers&types=case_study');
  });
});
