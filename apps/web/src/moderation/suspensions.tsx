import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MODERATION_REASON_MAX_LENGTH,
  suspendableBy,
  SUSPENSION_PRESET_DAYS,
  type MemberView,
  type NetworkRole,
  type SuspensionView,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormatDateTime } from '../layout/format';
import { getMySuspension, liftSuspension, listSuspensions, suspendMember } from './moderation-api';
import { moderationKeys } from './moderation-keys';

const FIELDS = ['days', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/** Suspensions in force in a network, by member, for its moderators and admins. */
export function useSuspensions(slug: string, enabled: boolean) {
  const api = useApiClient();
  const query = useQuery({
    queryKey: moderationKeys.suspensions(slug),
    enabled,
    queryFn: () => listSuspensions(api, slug),
  });
  const byUser = new Map((query.data?.items ?? []).map((item) => [item.userId, item]));
  return { query, byUser };
}

/** The signed-in member's own suspension in a network, or null (also while unknown). */
export function useMySuspension(slug: string | undefined) {
  const api = useApiClient();
  const query = useQuery({
    queryKey: moderationKeys.mySuspension(slug ?? ''),
    enabled: slug !== undefined,
    queryFn: () => getMySuspension(api, slug ?? ''),
  });
  const suspension = query.data?.suspension ?? null;
  // A suspension that has run out while the page was open no longer holds anyone back.
  return suspension && Date.parse(suspension.endsAt) > Date.now() ? suspension : null;
}

/** Tells a suspended member why they cannot post, and until when. */
export function SuspensionNotice({ slug }: { slug: string | undefined }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const suspension = useMySuspension(slug);
  if (!suspension) return null;
  return (
    <Alert color="orange" variant="light" role="status" data-testid="suspension-notice">
      <Text size="sm">
        {t('moderation.youAreSuspended', { date: formatDateTime(suspension.endsAt) })}
      </Text>
      <Text size="sm">{t('moderation.suspensionReason', { reason: suspension.reason })}</Text>
    </Alert>
  );
}

/**
 * Suspend or lift, on one row of the members list: for moderators over members and for admins
 * over members and moderators (the domain's `suspendableBy`), never on oneself.
 */
export function SuspendControl({
  slug,
  member,
  myRole,
  isSelf,
  suspension,
}: {
  slug: string;
  member: MemberView;
  myRole: NetworkRole;
  isSelf: boolean;
  suspension: SuspensionView | undefined;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const formatDateTime = useFormatDateTime();
  const [opened, setOpened] = useState(false);
  const [days, setDays] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: moderationKeys.suspensions(slug) });

  const suspend = useMutation({
    mutationFn: (body: { days: number; reason: string }) =>
      suspendMember(api, slug, member.userId, body),
    onSuccess: async (created) => {
      setOpened(false);
      notifications.show({
        color: 'green',
        message: t('moderation.suspendedDone', {
          name: member.displayName,
          date: formatDateTime(created.endsAt),
        }),
      });
      await refresh();
    },
    onError: (error) => showApiError(error),
  });
  const lift = useMutation({
    mutationFn: () => liftSuspension(api, slug, member.userId),
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: t('moderation.liftedDone', { name: member.displayName }),
      });
      await refresh();
    },
  });

  if (isSelf || !suspendableBy(myRole).includes(member.role)) {
    return suspension ? <SuspendedBadge endsAt={suspension.endsAt} /> : null;
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!days) found.days = t('validation.choose');
    if (!reason.trim()) found.reason = t('validation.required');
    else if (reason.length > MODERATION_REASON_MAX_LENGTH)
      found.reason = t('validation.tooLong', { max: MODERATION_REASON_MAX_LENGTH });
    if (showErrors(found) || !days) return;
    suspend.mutate({ days: Number(days), reason: reason.trim() });
  };

  return (
    <>
      {suspension ? (
        <Group gap="xs" wrap="wrap">
          <SuspendedBadge endsAt={suspension.endsAt} />
          <Button
            size="xs"
            variant="subtle"
            loading={lift.isPending}
            onClick={() => lift.mutate()}
            aria-label={t('moderation.liftFor', { name: member.displayName })}
          >
            {t('moderation.lift')}
          </Button>
        </Group>
      ) : (
        <Button
          size="xs"
          variant="subtle"
          color="orange"
          onClick={() => {
            suspend.reset();
            setDays(null);
            setReason('');
            showErrors({});
            setOpened(true);
          }}
          aria-label={t('moderation.suspendFor', { name: member.displayName })}
        >
          {t('moderation.suspend')}
        </Button>
      )}
      <ApiErrorAlert error={lift.error} />
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('moderation.suspendFor', { name: member.displayName })}
      >
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('moderation.suspendIntro')}</Text>
            <Select
              name="days"
              label={t('moderation.duration')}
              required
              data={SUSPENSION_PRESET_DAYS.map((count) => ({
                value: String(count),
                label: t('moderation.days', { count }),
              }))}
              value={days}
              allowDeselect={false}
              onChange={(value) => {
                setDays(value);
                clearField('days');
              }}
              error={errors.days}
              comboboxProps={{ withinPortal: false }}
            />
            <Textarea
              name="reason"
              label={t('moderation.suspendReason')}
              required
              autosize
              minRows={2}
              maxLength={MODERATION_REASON_MAX_LENGTH}
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                clearField('reason');
              }}
              error={errors.reason}
            />
            <ApiErrorAlert error={suspend.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('moderation.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={suspend.isPending}>
                {t('moderation.suspendSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function SuspendedBadge({ endsAt }: { endsAt: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <Badge color="orange" variant="light" tt="none">
      {t('moderation.suspendedUntil', { date: formatDateTime(endsAt) })}
    </Badge>
  );
}
