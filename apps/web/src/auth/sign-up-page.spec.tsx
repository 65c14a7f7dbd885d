import { screen } from '@testing-library/react';
import { errorReply, reply } from '../test-support/fake-api';
import { makeAuthResponse, makeUser } from '../test-support/fixtures';
import { renderApp } from '../test-support/render-app';

async function fillIn(
  app: ReturnType<typeof renderApp>,
  values: { name?: string; email?: string; password?: string },
) {
  if (values.name) await app.user.type(screen.getByLabelText(/your name/i), values.name);
  if (values.email) await app.user.type(screen.getByLabelText(/^email/i), values.email);
  if (values.password) await app.user.type(screen.getByLabelText(/^password/i), values.password);
}

describe('sign-up page', () => {
  it('refuses a 9-character password with an error attached to the field, and sends nothing', async () => {
    const app = renderApp({ route: '/sign-up' });
    await fillIn(app, { name: 'Amira Haddad', email: 'amira@example.org', password: '123456789' });

    await app.user.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText(/^password/i);
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(
      expect.stringContaining('The password must be at least 10 characters long.'),
    );
    expect(password).toHaveFocus();
    expect(app.calls).toHaveLength(0);
  });

  it('creates the account with trimmed values and continues to the organisation step', async () => {
    const user = makeUser({ organisation: null });
    const app = renderApp({
      route: '/sign-up',
      routes: { 'POST /api/auth/register': reply(201, makeAuthResponse(user)) },
    });
    await fillIn(app, {
      name: '  Amira Haddad ',
      email: ' amira@example.org ',
      password: 'long enough secret',
    });

    await app.user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { name: 'My organisation' })).toBeInTheDocument();
    expect(app.location()).toBe('/organisation');
    expect(app.writes()).toEqual([
      expect.objectContaining({
        path: '/api/auth/register',
        body: {
          displayName: 'Amira Haddad',
          email: 'amira@example.org',
          password: 'long enough secret',
          locale: 'en',
        },
      }),
    ]);
    expect(app.store.read()).toMatchObject({ accessToken: 'access-1' });
    expect(screen.getAllByText('Amira Haddad').length).toBeGreaterThan(0);
  });

  it('shows the server’s field problems on the fields and announces the error', async () => {
    const app = renderApp({
      route: '/sign-up',
      routes: {
        'POST /api/auth/register': errorReply(400, 'bad_request', 'Invalid request: email', [
          { field: 'email', problems: ['email must be a valid email address'] },
        ]),
      },
    });
    await fillIn(app, {
      name: 'Amira',
      email: 'amira@example.org',
      password: 'long enough secret',
    });

    await app.user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid request: email');
    expect(screen.getByLabelText(/^email/i)).toHaveAccessibleDescription(
      'email must be a valid email address',
    );
  });
});
