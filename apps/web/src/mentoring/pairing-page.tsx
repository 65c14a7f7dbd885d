import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { PairingAction, PairingView } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { TopicBadges } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ErrorState, PageLoader } from '../layout/page-states';
import { actOnPairing, downloadPairingCalendar, getPairing } from './mentoring-api';
import { mentoringKeys, usePairingUpdates } from './mentoring-queries';
import { ClosingSection } from './pairing-closing';
import { PairingConversation } from './pairing-conversation';
import { GoalsSection } from './pairing-goals';
import { SessionsSection } from './pairing-sessions';
import { PersonLine, StateBadge } from './people';
import { usePairingMutation } from './use-pairing-mutation';

/** `/pairings/:pairingId`: state and actions, goals, sessions, the pair's conversation. */
export function PairingPage() {
  const { pairingId = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  usePairingUpdates();
  const pairing = useQuery({
    queryKey: mentoringKeys.pairing(pairingId),
    queryFn: () => getPairing(api, pairingId),
  });
  if (pairing.isPending) return <PageLoader />;
  if (pairing.isError) {
    return (
      <Stack>
        <Anchor component={Link} to="/networks" size="sm">
          ← {t('network.back')}
        </Anchor>
        <ErrorState error={pairing.error} onRetry={() => void pairing.refetch()} />
      </Stack>
    );
  }
  return <PairingScreen pairing={pairing.data} />;
}

function PairingScreen({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const act = usePairingMutation<PairingAction>(pairing.id, (action) =>
    actOnPairing(api, pairing.id, action),
  );
  const waiting = [
    pairing.mentorAcceptedAt ? null : pairing.mentor.displayName,
    pairing.menteeAcceptedAt ? null : pairing.mentee.displayName,
  ].filter((name): name is string => name !== null);
  const mine = pairing.mySide !== null;
  const title = `${pairing.mentor.displayName} & ${pairing.mentee.displayName}`;

  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to={`/networks/${encodeURIComponent(pairing.networkSlug)}/mentoring`}
        size="sm"
      >
        ← {t('pairing.back')}
      </Anchor>
      <Stack gap="xs">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Group gap="xs" wrap="wrap">
          <StateBadge state={pairing.state} />
          {pairing.onBehalfOfOrganisations && (
            <Badge variant="default" tt="none">
              {t('pairing.onBehalf')}
            </Badge>
          )}
          <TopicBadges topics={pairing.topics} />
        </Group>
        <Text size="sm">
          {t('pairing.mentor')}: <PersonLine person={pairing.mentor} />
        </Text>
        <Text size="sm">
          {t('pairing.mentee')}: <PersonLine person={pairing.mentee} />
        </Text>
        {pairing.proposedBy && (
          <Text size="sm" c="dimmed">
            {t('pairing.proposedBy', { name: pairing.proposedBy.displayName })}
          </Text>
        )}
        {pairing.state === 'proposed' && waiting.length > 0 && (
          <Text size="sm" data-testid="waiting">
            {t('pairing.waitingFor', { names: waiting.join(', ') })}
          </Text>
        )}
        {!mine && (
          <Text size="sm" c="dimmed">
            {t('pairing.coordinatorNote')}
          </Text>
        )}
      </Stack>

      {pairing.myActions.length > 0 && (
        <Group gap="xs" wrap="wrap">
          {pairing.myActions.map((action) => (
            <Button
              key={action}
              variant={action === 'accept' || action === 'complete' ? 'filled' : 'default'}
              color={action === 'decline' || action === 'cancel' ? 'red' : undefined}
              loading={act.isPending && act.variables === action}
              onClick={() =>
                act.mutate(action, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('pairing.updated') }),
                })
              }
            >
              {t(`pairing.action.${action}`)}
            </Button>
          ))}
        </Group>
      )}
      <ApiErrorAlert error={act.error} />

      {pairing.threadId && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="conversation-title"
        >
          <Stack gap="xs">
            <Title order={2} size="h3" id="conversation-title">
              {t('pairing.conversationTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('pairing.conversationHint')}
            </Text>
            <PairingConversation threadId={pairing.threadId} closed={pairing.state !== 'active'} />
          </Stack>
        </Paper>
      )}

      <GoalsSection pairing={pairing} />
      <SessionsSection pairing={pairing} />

      <Group>
        <Button
          variant="default"
          onClick={() => {
            setDownloadError(null);
            downloadPairingCalendar(api, pairing.id).catch(setDownloadError);
          }}
        >
          {t('pairing.calendar')}
        </Button>
      </Group>
      <ApiErrorAlert error={downloadError} />

      {pairing.state === 'completed' && mine && <ClosingSection pairing={pairing} />}
    </Stack>
  );
}
