import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import {
  atLeast,
  attributionLabel,
  type MemberView,
  type NetworkRole,
  type Page,
  NETWORK_ROLES,
} from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { usePagedQuery } from '../api/use-paged-query';
import { useAuth } from '../auth/auth-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { SuspendControl, useSuspensions } from '../moderation/suspensions';
import { changeMemberRole, listMembers, removeMember } from './networks-api';

export function MembersSection({ slug, myRole }: { slug: string; myRole: NetworkRole }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const { user } = useAuth();
  const { query, items } = usePagedQuery(queryKeys.members(slug), (client, cursor) =>
    listMembers(client, slug, cursor),
  );
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const isAdmin = myRole === 'admin';
  const canModerate = atLeast(myRole, 'moderator');
  const suspensions = useSuspensions(slug, canModerate);
  const roles = NETWORK_ROLES.map((value) => ({ value, label: t(`role.${value}`) }));

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: MemberView; role: NetworkRole }) =>
      changeMemberRole(api, slug, member.userId, role),
    onSuccess: (updated) => {
      queryClient.setQueryData<InfiniteData<Page<MemberView>>>(queryKeys.members(slug), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((item) => (item.userId === updated.userId ? updated : item)),
              })),
            }
          : data,
      );
      notifications.show({
        color: 'green',
        message: t('network.roleChanged', {
          name: updated.displayName,
          role: t(`role.${updated.role}`),
        }),
      });
    },
  });

  const remove = useMutation({
    mutationFn: (member: MemberView) => removeMember(api, slug, member.userId),
    onSuccess: async (_nothing, member) => {
      setRemoving(null);
      notifications.show({
        color: 'green',
        message: t('network.removed', { name: member.displayName }),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.network(slug) });
    },
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="members-title">
      <Title order={2} size="h3" id="members-title">
        {t('network.membersTitle')}
      </Title>
      <ApiErrorAlert error={changeRole.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((member) => {
            const isSelf = member.userId === user?.id;
            return (
              <Paper component="li" key={member.userId} withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                    <Text fw={600}>
                      {member.displayName}
                      {isSelf && ` (${t('network.you')})`}{' '}
                      <Text span size="sm" fw={400} c="dimmed">
                        @{member.handle}
                      </Text>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {member.organisation
                        ? `${member.organisation.name} · ${attributionLabel(member.organisation, i18n.language)}`
                        : t('network.noOrganisation')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('network.joinedOn', { date: formatDate(member.joinedAt) })}
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="wrap">
                    {canModerate && (
                      <SuspendControl
                        slug={slug}
                        member={member}
                        myRole={myRole}
                        isSelf={isSelf}
                        suspension={suspensions.byUser.get(member.userId)}
                      />
                    )}
                    {isAdmin && !isSelf ? (
                      <>
                        <Select<NetworkRole>
                          aria-label={t('network.roleFor', { name: member.displayName })}
                          data={roles}
                          value={member.role}
                          allowDeselect={false}
                          withCheckIcon={false}
                          size="xs"
                          w={150}
                          disabled={changeRole.isPending}
                          onChange={(role) => {
                            if (role && role !== member.role) changeRole.mutate({ member, role });
                          }}
                        />
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            remove.reset();
                            setRemoving(member);
                          }}
                          aria-label={t('network.removeFor', { name: member.displayName })}
                        >
                          {t('network.remove')}
                        </Button>
                      </>
                    ) : (
                      <Badge variant="light" tt="none">
                        {t(`role.${member.role}`)}
                      </Badge>
                    )}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <LoadMoreButton
        query={query}
        label={t('networks.loadMore')}
        style={{ alignSelf: 'center' }}
      />

      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('network.removeConfirmTitle', { name: removing?.displayName ?? '' })}
      >
        <Stack>
          <Text size="sm">{t('network.removeConfirmBody')}</Text>
          <ApiErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('network.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing)}
            >
              {t('network.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
