import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { normaliseEmail } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useAuth } from '../auth/auth-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { PageLoader } from '../layout/page-states';
import { VisibilityBadge } from '../networks/network-badges';
import { acceptInvitation, getInvitationPreview } from './invitations-api';

/** `/invitations/:token`, the link an inviter copies; reached signed in (see RequireAuth). */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const { user } = useAuth();

  const preview = useQuery({
    queryKey: queryKeys.invitation(token),
    queryFn: () => getInvitationPreview(api, token),
  });

  const accept = useMutation({
    mutationFn: () => acceptInvitation(api, token),
    onSuccess: async (network) => {
      queryClient.setQueryData(queryKeys.network(network.slug), network);
      queryClient.removeQueries({ queryKey: queryKeys.invitation(token) });
      notifications.show({
        color: 'green',
        message: t('invitation.accepted', { network: network.name }),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.networks, exact: true });
      await navigate(`/networks/${network.slug}`, { replace: true });
    },
  });

  if (preview.isPending) return <PageLoader />;

  if (preview.isError) {
    return (
      <Stack maw={560}>
        <Title order={1} size="h2">
          {t('invitation.title')}
        </Title>
        <ApiErrorAlert error={preview.error} title={t('invitation.unavailable')} />
        <Anchor component={Link} to="/networks">
          {t('errors.backHome')}
        </Anchor>
      </Stack>
    );
  }

  const invitation = preview.data;
  const wrongAccount =
    user !== undefined && normaliseEmail(user.email) !== normaliseEmail(invitation.email);

  return (
    <Stack maw={560}>
      <Title order={1} size="h2">
        {t('invitation.heading', { network: invitation.network.name })}
      </Title>
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <VisibilityBadge visibility={invitation.network.visibility} />
          {invitation.network.description && <Text>{invitation.network.description}</Text>}
          <Text size="sm">{t('invitation.invitedBy', { name: invitation.invitedBy })}</Text>
          <Text size="sm">{t('invitation.role', { role: t(`role.${invitation.role}`) })}</Text>
          <Text size="sm">{t('invitation.sentTo', { email: invitation.email })}</Text>
          <Text size="sm" c="dimmed">
            {t('invitation.expires', { date: formatDate(invitation.expiresAt) })}
          </Text>
        </Stack>
      </Paper>
      {wrongAccount && (
        <Alert color="yellow" variant="light" role="note">
          {t('invitation.wrongAccount', { invited: invitation.email, current: user.email })}
        </Alert>
      )}
      <ApiErrorAlert error={accept.error} title={t('invitation.unavailable')} />
      <Button
        onClick={() => accept.mutate()}
        loading={accept.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('invitation.accept')}
      </Button>
    </Stack>
  );
}
