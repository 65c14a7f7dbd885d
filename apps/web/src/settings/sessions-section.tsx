import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useAuth } from '../auth/auth-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDateTime } from '../layout/format';
import { describeUserAgent } from './describe-user-agent';
import { endSession, listSessions } from './settings-api';

/** Every browser or device signed in to the account, and a way to sign any of them out. */
export function SessionsSection() {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const formatDateTime = useFormatDateTime();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: () => listSessions(api) });
  const end = useMutation({
    mutationFn: (session: SessionView) => endSession(api, session.id),
    onSuccess: async (_, session) => {
      notifications.show({ color: 'green', message: t('accountSettings.sessionEnded') });
      if (session.current) {
        await signOut();
        await navigate('/sign-in', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });

  const deviceName = (session: SessionView): string => {
    const { browser, os } = describeUserAgent(session.userAgent);
    if (browser && os) return t('accountSettings.device', { browser, os });
    return browser ?? os ?? t('accountSettings.unknownDevice');
  };
  const list = sessions.data ?? [];
  const others = list.filter((session) => !session.current).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sessions-title">
      <Stack>
        <Title order={2} size="h3" id="sessions-title">
          {t('accountSettings.sessionsTitle')}
        </Title>
        <Text size="sm">{t('accountSettings.sessionsIntro')}</Text>
        <ApiErrorAlert error={sessions.error ?? end.error} />
        {others > 0 ? (
          <Text size="sm" fw={500}>
            {t('accountSettings.otherSessions', { count: others })}
          </Text>
        ) : null}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.map((session) => (
            <Paper key={session.id} withBorder p="sm" radius="sm" component="li">
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {deviceName(session)}
                    </Text>
                    {session.current ? (
                      <Badge variant="light" tt="none">
                        {t('accountSettings.thisSession')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('accountSettings.started', { date: formatDateTime(session.startedAt) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('accountSettings.lastActive', {
                      date: formatDateTime(session.lastActiveAt),
                    })}
                  </Text>
                </Stack>
                <Button
                  size="xs"
                  variant="light"
                  color={session.current ? 'gray' : 'red'}
                  loading={end.isPending && end.variables?.id === session.id}
                  onClick={() => end.mutate(session)}
                >
                  {session.current
                    ? t('accountSettings.endThisSession')
                    : t('accountSettings.endSession')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
