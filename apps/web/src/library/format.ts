import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** An amount in whole euros for the UI language, e.g. "€48,000" / "48 000 €" / "48.000 €". */
export function formatEur(amount: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A plain number for the UI language, keeping one decimal where there is one (2.5 FTE). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

export function useFormatEur(): (amount: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((amount: number) => formatEur(amount, language), [language]);
}
