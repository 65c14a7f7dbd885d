import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChathamSettingsView } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';

type ChathamSettings = ChathamSettingsView & { canChange: boolean };

const settingsPath = (slug: string) => `/networks/${encodeURIComponent(slug)}/chatham`;
const settingsKey = (slug: string) => ['networks', slug, 'chatham'] as const;

export const getChathamSettings = (api: ApiClient, slug: string) =>
  api.get<ChathamSettings>(settingsPath(slug));

export const setChathamMinGroup = (api: ApiClient, slug: string, minGroup: number) =>
  api.patch<ChathamSettings>(settingsPath(slug), { minGroup });

/**
 * How many members must share a Chatham House label for it to be shown. Admins may raise it
 * (never below the server's value); other members see the value in force.
 */
export function ChathamSettingsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: settingsKey(slug),
    queryFn: () => getChathamSettings(api, slug),
  });
  const [value, setValue] = useState<number | string>('');
  useEffect(() => {
    if (settings.data) setValue(settings.data.minGroup);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (minGroup: number) => setChathamMinGroup(api, slug, minGroup),
    onSuccess: async (updated) => {
      queryClient.setQueryData(settingsKey(slug), updated);
      notifications.show({ color: 'green', message: t('chathamSettings.saved') });
      // Previews of the next post's label depend on it.
      await queryClient.invalidateQueries({ queryKey: ['threads'] });
    },
  });
  const data = settings.data;
  if (!data) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="chatham-settings">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('chathamSettings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('chathamSettings.help')}
        </Text>
        {data.canChange ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (typeof value === 'number') save.mutate(value);
            }}
          >
            <Group align="flex-end">
              <NumberInput
                label={t('chathamSettings.label')}
                description={t('chathamSettings.minimum', { min: data.instanceMinGroup })}
                min={data.instanceMinGroup}
                max={data.maxMinGroup}
                allowDecimal={false}
                value={value}
                onChange={setValue}
                w={260}
              />
              <Button type="submit" loading={save.isPending} disabled={typeof value !== 'number'}>
                {t('chathamSettings.save')}
              </Button>
            </Group>
            <ApiErrorAlert error={save.error} />
          </form>
        ) : (
          <Text size="sm">{t('chathamSettings.inForce', { count: data.minGroup })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
