import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { DirectionProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiClient } from './api/api-client';
import { createQueryClient } from './api/query-client';
import { AppProviders, AppRoutes } from './app';
import { createLocalSessionStore } from './auth/session-store';
import { createI18n, detectLanguage, isRightToLeft } from './i18n/i18n';

const i18n = createI18n(detectLanguage());
const api = new ApiClient({
  fetch: (url, init) => window.fetch(url, init),
  sessionStore: createLocalSessionStore(),
  language: () => i18n.language,
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    {/* Follows <html dir>, which the i18n instance sets on every language change. */}
    <DirectionProvider initialDirection={isRightToLeft(i18n.language) ? 'rtl' : 'ltr'}>
      <BrowserRouter>
        <AppProviders api={api} queryClient={createQueryClient()} i18n={i18n}>
          <AppRoutes />
        </AppProviders>
      </BrowserRouter>
    </DirectionProvider>
  </StrictMode>,
);
