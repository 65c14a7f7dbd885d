import { screen } from '@testing-library/react';
import { renderApp } from '../test-support/render-app';

describe('language switcher', () => {
  it('changes the visible text, the page language and remembers the choice', async () => {
    const app = renderApp({ route: '/sign-in' });
    expect(screen.getByRole('heading', { name: 'Sign in to Tandem' })).toBeInTheDocument();

    await app.user.click(screen.getByRole('combobox', { name: 'Language' }));
    await app.user.click(screen.getByRole('option', { name: 'Français' }));

    expect(
      await screen.findByRole('heading', { name: 'Se connecter à Tandem' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Se connecter' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Langue' })).toHaveValue('Français');
    expect(document.documentElement).toHaveAttribute('lang', 'fr');
    expect(window.localStorage.getItem('tandem.language')).toBe('fr');
  });

  it('translates client-side validation messages too', async () => {
    const app = renderApp({ route: '/sign-in', language: 'de' });

    await app.user.click(screen.getByRole('button', { name: 'Anmelden' }));

    expect(screen.getByLabelText(/^E-Mail/)).toHaveAccessibleDescription(
      'Bitte füllen Sie dieses Feld aus.',
    );
  });
});
