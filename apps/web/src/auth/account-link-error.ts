import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useErrorMessage } from '../forms/error-message';

/**
 * What to tell someone whose mailed link failed, in their language: a refused token (used,
 * expired, replaced), an address taken meanwhile, or too many attempts; anything else as usual.
 */
export function useAccountLinkError(): (error: unknown) => string {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === 400 && error.fieldProblems().token)
          return t('passwordReset.invalidLink');
        if (error.status === 409) return t('verifyEmail.taken');
        if (error.status === 429) return t('passwordReset.tooMany');
      }
      return describe(error);
    },
    [t, describe],
  );
}
