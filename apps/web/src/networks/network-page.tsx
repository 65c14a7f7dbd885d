import { Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { atLeast } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { ChannelsSection } from '../channels/channels-section';
import { EntriesSection } from '../curation/entries-section';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ErrorState, PageLoader } from '../layout/page-states';
import { ModerationLinks } from '../moderation/moderation-links';
import { ChathamSettingsSection } from './chatham-settings-section';
import { InvitationsSection } from './invitations-section';
import { InviteForm } from './invite-form';
import { MembersSection } from './members-section';
import { RoleBadge, VisibilityBadge } from './network-badges';
import { joinNetwork, leaveNetwork, useNetwork } from './networks-api';

export function NetworkPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [leaveOpened, leaveDialog] = useDisclosure(false);
  const path = `/networks/${encodeURIComponent(slug)}`;

  const network = useNetwork(slug);

  const join = useMutation({
    mutationFn: () => joinNetwork(api, slug),
    onSuccess: async (joined) => {
      queryClient.setQueryData(queryKeys.network(slug), joined);
      notifications.show({ color: 'green', message: t('networks.joined', { name: joined.name }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.networks });
    },
  });

  const leave = useMutation({
    mutationFn: () => leaveNetwork(api, slug),
    onSuccess: async () => {
      const name = network.data?.name ?? slug;
      leaveDialog.close();
      // Leave the page before refetching: a private network is invisible to non-members.
      await navigate('/networks');
      queryClient.removeQueries({ queryKey: queryKeys.network(slug) });
      notifications.show({ color: 'green', message: t('network.left', { name }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.networks });
    },
  });

  if (network.isPending) return <PageLoader />;
  if (network.isError) {
    return (
      <Stack>
        <Anchor component={Link} to="/networks">
          ← {t('network.back')}
        </Anchor>
        <ErrorState error={network.error} />
      </Stack>
    );
  }

  const view = network.data;
  const role = view.myRole;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/networks" size="sm">
        ← {t('network.back')}
      </Anchor>

      <Stack gap="xs">
        <Title order={1} size="h2">
          {view.name}
        </Title>
        <Group gap="xs">
          <VisibilityBadge visibility={view.visibility} />
          {role && <RoleBadge role={role} />}
          <Text size="sm" c="dimmed">
            {t('networks.members', { count: view.memberCount })}
          </Text>
        </Group>
        {view.description && <Text style={{ whiteSpace: 'pre-line' }}>{view.description}</Text>}
      </Stack>

      <ApiErrorAlert error={join.error} />
      <Group>
        {!role && view.visibility === 'open' && (
          <Button onClick={() => join.mutate()} loading={join.isPending}>
            {t('network.join')}
          </Button>
        )}
        {!role && view.visibility !== 'open' && <Text>{t('network.notMember')}</Text>}
        {role && (
          <Button
            variant="default"
            color="red"
            onClick={() => {
              leave.reset();
              leaveDialog.open();
            }}
          >
            {t('network.leave')}
          </Button>
        )}
      </Group>

      {role && (
        <Anchor
          component={Link}
          to={`${path}/mentoring`}
          fw={500}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('mentoring.networkLink')}
        </Anchor>
      )}
      {role && <ModerationLinks slug={slug} myRole={role} />}

      {role && <ChannelsSection slug={slug} myRole={role} />}

      <EntriesSection slug={slug} myRole={role} />

      {role && <ChathamSettingsSection slug={slug} />}

      {role ? (
        <MembersSection slug={slug} myRole={role} />
      ) : (
        <Text c="dimmed">{t('network.membersHidden')}</Text>
      )}

      {atLeast(role, 'moderator') && role && (
        <>
          <InviteForm slug={slug} myRole={role} />
          <InvitationsSection slug={slug} />
        </>
      )}

      <Modal
        opened={leaveOpened}
        onClose={leaveDialog.close}
        title={t('network.leaveConfirmTitle', { name: view.name })}
      >
        <Stack>
          <Text size="sm">{t('network.leaveConfirmBody')}</Text>
          <ApiErrorAlert error={leave.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={leaveDialog.close}>
              {t('network.cancel')}
            </Button>
            <Button color="red" onClick={() => leave.mutate()} loading={leave.isPending}>
              {t('network.leaveConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
