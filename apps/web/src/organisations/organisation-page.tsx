import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type OrganisationView, attributionLabel } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useAuth } from '../auth/auth-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { CreateOrganisationForm } from './create-organisation-form';
import { OrganisationSearch } from './organisation-search';
import { OrganisationSummary } from './organisation-summary';
import { chooseMyOrganisation } from './organisations-api';

export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const organisation = user?.organisation ?? null;
  // Someone who has chosen already sees just their organisation until they ask to change it.
  const [changing, setChanging] = useState(false);
  const showChoices = organisation === null || changing;

  const choose = useMutation({
    mutationFn: (chosen: OrganisationView) => chooseMyOrganisation(api, chosen.id),
    onSuccess: async (updated, chosen) => {
      queryClient.setQueryData(queryKeys.me, updated);
      setChanging(false);
      notifications.show({
        color: 'green',
        message: t('organisation.chosen', { name: chosen.name }),
      });
      // Member lists show organisations.
      await queryClient.invalidateQueries({ queryKey: queryKeys.networks });
    },
  });

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('organisation.title')}
      </Title>
      <Text>{t('organisation.intro')}</Text>

      <Paper withBorder p="md" radius="md" aria-labelledby="current-organisation">
        <Stack gap="xs">
          <Title order={2} size="h4" id="current-organisation">
            {t('organisation.current')}
          </Title>
          {organisation ? (
            <>
              <OrganisationSummary organisation={organisation} />
              <Group gap="xs">
                <Text size="sm">{t('organisation.labelIntro')}</Text>
                <Badge variant="light" size="lg" tt="none" data-testid="attribution-label">
                  {attributionLabel(organisation, i18n.language)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('organisation.chathamExplanation')}
              </Text>
              <Group>
                <Button component={Link} to="/networks" variant="light">
                  {t('organisation.continue')}
                </Button>
                {!changing && (
                  <Button variant="default" onClick={() => setChanging(true)}>
                    {t('organisation.change')}
                  </Button>
                )}
              </Group>
            </>
          ) : (
            <>
              <Text>{t('organisation.none')}</Text>
              <Text size="sm" c="dimmed">
                {t('organisation.noneExplanation', {
                  label: attributionLabel(null, i18n.language),
                })}
              </Text>
            </>
          )}
        </Stack>
      </Paper>

      <ApiErrorAlert error={choose.error} />

      {showChoices && (
        <>
          <OrganisationSearch
            currentId={organisation?.id ?? null}
            onChoose={(chosen) => choose.mutate(chosen)}
            choosingId={choose.isPending ? (choose.variables?.id ?? null) : null}
          />
          <CreateOrganisationForm onCreated={(created) => choose.mutateAsync(created)} />
        </>
      )}
    </Stack>
  );
}
