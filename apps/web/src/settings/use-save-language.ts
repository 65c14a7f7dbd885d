import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useAuth } from '../auth/auth-context';
import type { Language } from '../i18n/i18n';
import { updateProfile } from './settings-api';

/**
 * Switches the UI language at once and, when signed in, saves it to the account, where it is
 * also the language of every mail Tandem sends this person. A failed save leaves the screen in
 * the chosen language; the account keeps its earlier one until the next choice.
 */
export function useSaveLanguage(): (language: Language) => Promise<void> {
  const { i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { session } = useAuth();
  return useCallback(
    async (language: Language) => {
      await i18n.changeLanguage(language);
      if (!session) return;
      try {
        queryClient.setQueryData(queryKeys.me, await updateProfile(api, { locale: language }));
      } catch {
        // Offline or refused: the choice still applies on this device.
      }
    },
    [i18n, api, queryClient, session],
  );
}
