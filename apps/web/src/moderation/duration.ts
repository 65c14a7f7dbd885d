import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A slow-mode interval in words: "30 seconds", "5 minutes", "1 hour". */
export function useFormatDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (seconds: number) => {
      if (seconds % 3600 === 0) return t('moderation.hours', { count: seconds / 3600 });
      if (seconds % 60 === 0) return t('moderation.minutes', { count: seconds / 60 });
      return t('moderation.seconds', { count: seconds });
    },
    [t],
  );
}
