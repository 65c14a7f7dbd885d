import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_FAILURE_STATUS } from '../api/api-error';

/**
 * The sentence to show for a failed call: the server's own message when it sent one (they are
 * written for people), else a translated explanation.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === NETWORK_FAILURE_STATUS) return t('errors.network');
        if (error.message) return error.message;
        return t('errors.unexpected', { status: error.status });
      }
      return t('errors.unexpected', { status: '—' });
    },
    [t],
  );
}
