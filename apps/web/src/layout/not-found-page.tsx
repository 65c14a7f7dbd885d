import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('errors.notFoundTitle')}
      </Title>
      <Text>{t('errors.notFoundBody')}</Text>
      <Anchor component={Link} to="/networks">
        {t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
