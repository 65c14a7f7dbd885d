import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../i18n/i18n';

/** One component with what every component needs (i18n, Mantine), but no app around it. */
export function renderUi(ui: ReactElement, { language = 'en' }: { language?: Language } = {}) {
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">{ui}</MantineProvider>
    </I18nextProvider>,
  );
  return { ...view, user, i18n };
}
