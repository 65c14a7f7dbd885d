import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message';

/** Announces a failed call (Mantine's Alert has role="alert"). Renders nothing without an error. */
export function ApiErrorAlert({
  error,
  title,
  children,
}: {
  error: unknown;
  title?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')}>
      {describe(error)}
      {children}
    </Alert>
  );
}
