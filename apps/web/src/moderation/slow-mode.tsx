import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SLOW_MODE_PRESETS, type ChannelView } from '@tandem/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDuration } from './duration';
import { setSlowMode } from './moderation-api';

/** What members see while slow mode is on (nothing when it is off). */
export function SlowModeNotice({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  if (seconds <= 0) return null;
  return (
    <Alert color="blue" variant="light" p="xs" role="note" data-testid="slow-mode-notice">
      {t('moderation.slowModeNotice', { duration: formatDuration(seconds) })}
    </Alert>
  );
}

/** The channel's slow mode, set by its network's moderators and admins. */
export function SlowModeControl({ channel }: { channel: ChannelView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDuration = useFormatDuration();
  const titleId = useId();
  const [value, setValue] = useState(String(channel.slowModeSeconds));
  const presets: number[] = [...SLOW_MODE_PRESETS];
  if (!presets.includes(channel.slowModeSeconds)) presets.push(channel.slowModeSeconds);
  const options = presets
    .sort((a, b) => a - b)
    .map((seconds) => ({
      value: String(seconds),
      label: seconds === 0 ? t('moderation.slowModeOff') : formatDuration(seconds),
    }));

  const save = useMutation({
    mutationFn: (seconds: number) => setSlowMode(api, channel.id, seconds),
    onSuccess: (saved) => {
      queryClient.setQueryData<ChannelView>(queryKeys.channel(channel.id), (current) =>
        current ? { ...current, slowModeSeconds: saved.slowModeSeconds } : current,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels(channel.networkSlug) });
      notifications.show({ color: 'green', message: t('moderation.slowModeSaved') });
    },
  });

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {t('moderation.slowMode')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('moderation.slowModeHint')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('moderation.slowMode')}
            data={options}
            value={value}
            allowDeselect={false}
            onChange={(next) => next !== null && setValue(next)}
            w={200}
            comboboxProps={{ withinPortal: false }}
          />
          <Button
            variant="default"
            loading={save.isPending}
            disabled={Number(value) === channel.slowModeSeconds}
            onClick={() => save.mutate(Number(value))}
          >
            {t('moderation.slowModeSave')}
          </Button>
        </Group>
        <ApiErrorAlert error={save.error} />
      </Stack>
    </Paper>
  );
}
