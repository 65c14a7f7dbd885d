import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Formats an ISO date for the UI language, e.g. "3 Mar 2026" / "3 mars 2026". */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso)),
    [language],
  );
}

/** Formats an ISO date and time for the UI language, e.g. "3 Mar 2026, 14:05". */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      ),
    [language],
  );
}
