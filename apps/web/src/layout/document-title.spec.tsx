import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../test-support/render-app';
import { titleFor } from './document-title';

describe('the document title', () => {
  it('names the page by its heading, and the app', () => {
    expect(titleFor('  Sign in\n ')).toBe('Sign in · Tandem');
    expect(titleFor('')).toBe('Tandem');
    expect(titleFor(null)).toBe('Tandem');
  });

  it('follows the page heading, in the interface language', async () => {
    renderApp({ route: '/sign-in' });
    const heading = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.title).toBe(`${heading.textContent} · Tandem`));
    expect(document.title).not.toBe('Tandem');
  });

  it('is French on a French screen', async () => {
    renderApp({ route: '/sign-in', language: 'fr' });
    const heading = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.title).toBe(`${heading.textContent} · Tandem`));
    expect(heading.textContent).toMatch(/Connexion|connecter/i);
  });
});
