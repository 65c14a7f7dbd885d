import { Anchor, Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { AUDIT_ACTIONS, type AuditAction } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePagedQuery } from '../api/use-paged-query';
import { useFormatDateTime } from '../layout/format';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useNetwork } from '../networks/networks-api';
import { listAuditLog } from './moderation-api';
import { moderationKeys } from './moderation-keys';

/** Each action's label in the catalogue; a feature that adds an action adds its label here. */
const ACTION_LABELS = {
  'member.role_changed': 'audit.actions.member_role_changed',
  'member.removed': 'audit.actions.member_removed',
  'channel.member_added': 'audit.actions.channel_member_added',
  'channel.member_removed': 'audit.actions.channel_member_removed',
  'thread.locked': 'audit.actions.thread_locked',
  'thread.unlocked': 'audit.actions.thread_unlocked',
  'message.hidden': 'audit.actions.message_hidden',
  'message.unhidden': 'audit.actions.message_unhidden',
  'flag.resolved': 'audit.actions.flag_resolved',
  'flag.dismissed': 'audit.actions.flag_dismissed',
  'channel.slow_mode': 'audit.actions.channel_slow_mode',
  'member.suspended': 'audit.actions.member_suspended',
  'member.unsuspended': 'audit.actions.member_unsuspended',
  'pairing.proposed': 'audit.actions.pairing_proposed',
  'pairing.completed': 'audit.actions.pairing_completed',
  'pairing.cancelled': 'audit.actions.pairing_cancelled',
  'entry.curated': 'audit.actions.entry_curated',
  'entry.submitted': 'audit.actions.entry_submitted',
  'entry.changes_requested': 'audit.actions.entry_changes_requested',
  'entry.published': 'audit.actions.entry_published',
  'entry.archived': 'audit.actions.entry_archived',
  'entry.revised': 'audit.actions.entry_revised',
  'network.public_entries_changed': 'audit.actions.network_public_entries_changed',
  'network.chatham_min_group_changed': 'audit.actions.network_chatham_min_group_changed',
} as const satisfies Record<AuditAction, `audit.actions.${string}`>;

/** `/networks/:slug/audit-log`: what moderators and admins did, for the network's admins. */
export function AuditLogPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [action, setAction] = useState<AuditAction | null>(null);
  const network = useNetwork(slug);
  const { query, items } = usePagedQuery(moderationKeys.auditLog(slug, action), (client, cursor) =>
    listAuditLog(client, slug, action, cursor),
  );
  const label = (value: AuditAction) => t(ACTION_LABELS[value]);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/networks/${encodeURIComponent(slug)}`} size="sm">
        ← {network.data ? network.data.name : t('moderation.back')}
      </Anchor>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('audit.title')}
        </Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </Stack>
      <Select
        label={t('audit.filter')}
        data={[
          { value: '', label: t('audit.all') },
          ...AUDIT_ACTIONS.map((value) => ({ value, label: label(value) })),
        ]}
        value={action ?? ''}
        allowDeselect={false}
        onChange={(value) => setAction(value ? value : null)}
        maw={320}
        comboboxProps={{ withinPortal: false }}
      />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((entry) => (
            <Paper
              component="li"
              key={entry.id}
              withBorder
              p="sm"
              radius="md"
              data-testid="audit-entry"
            >
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Group gap="xs" wrap="wrap">
                    <Badge variant="light" tt="none">
                      {label(entry.action)}
                    </Badge>
                    <Text size="sm">
                      {t('audit.by', {
                        name: entry.actor ? entry.actor.displayName : t('audit.formerActor'),
                      })}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('audit.about', {
                    type: t(`audit.subjects.${entry.subject.type}`),
                    id: entry.subject.id,
                  })}
                </Text>
                <DetailsList details={entry.details} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      <LoadMoreButton
        query={query}
        label={t('networks.loadMore')}
        style={{ alignSelf: 'center' }}
      />
    </Stack>
  );
}

/** An entry's facts as "key: value" lines; the author of a moderated message by name. */
function DetailsList({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return (
    <Stack
      gap={0}
      component="dl"
      style={{ margin: 0, fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'anywhere' }}
    >
      {entries.map(([key, value]) => (
        <Group key={key} gap={6} wrap="nowrap" align="flex-start">
          <Text component="dt" size="sm" fw={600}>
            {key}:
          </Text>
          <Text component="dd" size="sm" style={{ margin: 0 }}>
            {describe(value)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return value.map(describe).join(', ');
  const person = value as { displayName?: unknown; userId?: unknown };
  if (typeof person.displayName === 'string') return person.displayName;
  return JSON.stringify(value);
}
