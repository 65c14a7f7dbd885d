import { Button, Center, Loader, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../forms/api-error-alert';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <ApiErrorAlert error={error} />
      {onRetry && (
        <Button variant="default" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Stack>
  );
}
