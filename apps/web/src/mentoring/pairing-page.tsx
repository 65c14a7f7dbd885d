import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addMonths,
  FEEDBACK_TEXT_MAX_LENGTH,
  FOLLOW_UP_MILESTONES,
  GOAL_NOTE_MAX_LENGTH,
  GOAL_STATUSES,
  GOAL_TITLE_MAX_LENGTH,
  PAIRING_GOALS_MAX,
  SESSION_AGENDA_MAX_LENGTH,
  SESSION_DURATION_MAX_MINUTES,
  SESSION_DURATION_MIN_MINUTES,
  SESSION_FORMATS,
  SESSION_LOCATION_MAX_LENGTH,
  SESSION_OTHERS_MAX_LENGTH,
  USEFULNESS_MAX,
  USEFULNESS_MIN,
  type FollowUpMilestone,
  type GoalStatus,
  type PairingAction,
  type PairingGoalView,
  type PairingSessionView,
  type PairingView,
  type SessionFormat,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { TopicBadges } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormatDateTime } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import { downloadFile, mentoringKeys, pairingPath, usePairingUpdates } from './mentoring-queries';
import { PairingConversation } from './pairing-conversation';
import { PersonLine, StateBadge } from './people';

/** `/pairings/:pairingId`: state and actions, goals, sessions, the pair's conversation. */
export function PairingPage() {
  const { pairingId = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  usePairingUpdates();
  const pairing = useQuery({
    queryKey: mentoringKeys.pairing(pairingId),
    queryFn: () => api.get<PairingView>(pairingPath(pairingId)),
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

/** Writes to a pairing answer with the pairing (or a session): keep the cache in step. */
function usePairingMutation<T>(pairingId: string, run: (body: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'myActions' in result) {
        queryClient.setQueryData(mentoringKeys.pairing(pairingId), result);
      } else {
        await queryClient.invalidateQueries({ queryKey: mentoringKeys.pairing(pairingId) });
      }
    },
  });
}

function PairingScreen({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const base = pairingPath(pairing.id);
  const act = usePairingMutation<PairingAction>(pairing.id, (action) =>
    api.post<PairingView>(`${base}/${action}`),
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
            downloadFile(api, `${base}/calendar.ics`, `tandem-pairing-${pairing.id}.ics`).catch(
              setDownloadError,
            );
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

// ------------------------------------------------------------------------------------ goals

function GoalsSection({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const editable =
    pairing.mySide !== null && (pairing.state === 'proposed' || pairing.state === 'active');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="goals-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="goals-title">
          {t('pairing.goalsTitle')}
        </Title>
        {pairing.goals.length === 0 && <Text c="dimmed">{t('pairing.goalsEmpty')}</Text>}
        <Stack
          component="ol"
          gap="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-labelledby="goals-title"
        >
          {pairing.goals.map((goal) => (
            <li key={goal.id}>
              {editable ? (
                <GoalEditor pairingId={pairing.id} goal={goal} key={goal.updatedAt} />
              ) : (
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={500}>{goal.title}</Text>
                    <Badge variant="light" tt="none">
                      {t(`pairing.goalStatus.${goal.status}`)}
                    </Badge>
                  </Group>
                  {goal.note && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                      {goal.note}
                    </Text>
                  )}
                </Stack>
              )}
            </li>
          ))}
        </Stack>
        {editable && pairing.goals.length < PAIRING_GOALS_MAX && (
          <AddGoalForm pairingId={pairing.id} />
        )}
        {editable && pairing.goals.length >= PAIRING_GOALS_MAX && (
          <Text size="sm" c="dimmed">
            {t('pairing.goalsFull', { max: PAIRING_GOALS_MAX })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const isGoalStatus = (value: string | null): value is GoalStatus =>
  value !== null && (GOAL_STATUSES as readonly string[]).includes(value);

function GoalEditor({ pairingId, goal }: { pairingId: string; goal: PairingGoalView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const [note, setNote] = useState(goal.note);
  const { formRef, errors, showErrors, showApiError } = useFieldErrors(['status', 'note'] as const);
  const save = usePairingMutation<{ status: GoalStatus; note: string }>(pairingId, (body) =>
    api.patch<PairingView>(`${pairingPath(pairingId)}/goals/${encodeURIComponent(goal.id)}`, body),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      note.length > GOAL_NOTE_MAX_LENGTH &&
      showErrors({ note: t('validation.tooLong', { max: GOAL_NOTE_MAX_LENGTH }) })
    )
      return;
    save.mutate({ status, note }, { onError: (error) => showApiError(error) });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={goal.title} data-testid="goal">
      <Stack gap={6}>
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {goal.position}. {goal.title}
        </Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('pairing.goalStatusFor', { title: goal.title })}
            data={GOAL_STATUSES.map((value) => ({
              value,
              label: t(`pairing.goalStatus.${value}`),
            }))}
            value={status}
            onChange={(value) => {
              if (isGoalStatus(value)) setStatus(value);
            }}
            allowDeselect={false}
            error={errors.status}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: '1 1 12rem' }}
          />
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('pairing.saveGoal')}
          </Button>
        </Group>
        <Textarea
          label={t('pairing.goalNote', { title: goal.title })}
          autosize
          minRows={1}
          maxLength={GOAL_NOTE_MAX_LENGTH}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note}
        />
        <ApiErrorAlert error={save.error} />
      </Stack>
    </form>
  );
}

function AddGoalForm({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [title, setTitle] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors([
    'title',
  ] as const);
  const add = usePairingMutation<{ title: string }>(pairingId, (body) =>
    api.post<PairingView>(`${pairingPath(pairingId)}/goals`, body),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed && showErrors({ title: t('validation.required') })) return;
    add.mutate(
      { title: trimmed },
      { onSuccess: () => setTitle(''), onError: (error) => showApiError(error) },
    );
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('pairing.newGoal')}
          value={title}
          maxLength={GOAL_TITLE_MAX_LENGTH}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clearField('title');
          }}
          error={errors.title}
          style={{ flex: '1 1 14rem' }}
        />
        <Button type="submit" loading={add.isPending}>
          {t('pairing.addGoal')}
        </Button>
      </Group>
      <ApiErrorAlert error={add.error} />
    </form>
  );
}

// --------------------------------------------------------------------------------- sessions

function SessionsSection({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const api = useApiClient();
  const editable = pairing.mySide !== null && pairing.state === 'active';
  const cancel = usePairingMutation<string>(pairing.id, (sessionId) =>
    api.patch(`${pairingPath(pairing.id)}/sessions/${encodeURIComponent(sessionId)}`, {
      cancelled: true,
    }),
  );
  const [adding, setAdding] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sessions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sessions-title">
          {t('pairing.sessionsTitle')}
        </Title>
        {pairing.sessions.length === 0 && <Text c="dimmed">{t('pairing.sessionsEmpty')}</Text>}
        <Stack
          component="ul"
          gap="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-labelledby="sessions-title"
        >
          {pairing.sessions.map((session: PairingSessionView) => (
            <li key={session.id} data-testid="session">
              <Stack gap={2}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={500}>{formatDateTime(session.startsAt)}</Text>
                  <Badge variant="light" tt="none">
                    {t(`pairing.format.${session.format}`)}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {t('pairing.minutes', { count: session.durationMinutes })}
                  </Text>
                  {session.cancelled && (
                    <Badge color="gray" tt="none">
                      {t('pairing.sessionCancelled')}
                    </Badge>
                  )}
                </Group>
                {session.location && <Text size="sm">{session.location}</Text>}
                {session.agenda && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {session.agenda}
                  </Text>
                )}
                {session.otherParticipants && (
                  <Text size="sm" c="dimmed">
                    {t('pairing.alsoPresent', { names: session.otherParticipants })}
                  </Text>
                )}
                {editable && !session.cancelled && (
                  <Button
                    variant="subtle"
                    size="xs"
                    color="red"
                    style={{ alignSelf: 'flex-start' }}
                    loading={cancel.isPending && cancel.variables === session.id}
                    onClick={() => cancel.mutate(session.id)}
                  >
                    {t('pairing.cancelSession')}
                  </Button>
                )}
              </Stack>
            </li>
          ))}
        </Stack>
        <ApiErrorAlert error={cancel.error} />
        {editable && !adding && (
          <Button
            variant="light"
            onClick={() => setAdding(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('pairing.addSession')}
          </Button>
        )}
        {editable && adding && (
          <SessionForm pairingId={pairing.id} onDone={() => setAdding(false)} />
        )}
      </Stack>
    </Paper>
  );
}

const SESSION_FIELDS = [
  'startsAt',
  'durationMinutes',
  'format',
  'location',
  'agenda',
  'otherParticipants',
] as const;
type SessionField = (typeof SESSION_FIELDS)[number];
const isFormat = (value: string): value is SessionFormat =>
  (SESSION_FORMATS as readonly string[]).includes(value);

function SessionForm({ pairingId, onDone }: { pairingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState<number>(60);
  const [format, setFormat] = useState<SessionFormat>('video_call');
  const [location, setLocation] = useState('');
  const [agenda, setAgenda] = useState('');
  const [others, setOthers] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(SESSION_FIELDS);
  const create = usePairingMutation<Record<string, unknown>>(pairingId, (body) =>
    api.post<PairingSessionView>(`${pairingPath(pairingId)}/sessions`, body),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<SessionField> = {};
    const when = new Date(startsAt);
    if (!startsAt || Number.isNaN(when.getTime())) found.startsAt = t('validation.required');
    if (
      !Number.isInteger(duration) ||
      duration < SESSION_DURATION_MIN_MINUTES ||
      duration > SESSION_DURATION_MAX_MINUTES
    ) {
      found.durationMinutes = t('pairing.durationHint', {
        min: SESSION_DURATION_MIN_MINUTES,
        max: SESSION_DURATION_MAX_MINUTES,
      });
    }
    if (showErrors(found)) return;
    create.mutate(
      {
        startsAt: when.toISOString(),
        durationMinutes: duration,
        format,
        location: location.trim(),
        agenda,
        otherParticipants: others.trim(),
      },
      { onSuccess: onDone, onError: (error) => showApiError(error) },
    );
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="session-form-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="session-form-title">
          {t('pairing.addSession')}
        </Title>
        <TextInput
          type="datetime-local"
          label={t('pairing.sessionDate')}
          required
          value={startsAt}
          onChange={(event) => {
            setStartsAt(event.currentTarget.value);
            clearField('startsAt');
          }}
          error={errors.startsAt}
          maw={280}
        />
        <NumberInput
          label={t('pairing.sessionDuration')}
          description={t('pairing.durationHint', {
            min: SESSION_DURATION_MIN_MINUTES,
            max: SESSION_DURATION_MAX_MINUTES,
          })}
          min={SESSION_DURATION_MIN_MINUTES}
          max={SESSION_DURATION_MAX_MINUTES}
          allowDecimal={false}
          value={duration}
          onChange={(value) => {
            setDuration(typeof value === 'number' ? value : Number.parseInt(value, 10));
            clearField('durationMinutes');
          }}
          error={errors.durationMinutes}
          maw={280}
        />
        <Radio.Group
          label={t('pairing.sessionFormat')}
          value={format}
          onChange={(value) => {
            if (isFormat(value)) setFormat(value);
          }}
          error={errors.format}
        >
          <Group gap="md" mt="xs">
            {SESSION_FORMATS.map((value) => (
              <Radio key={value} value={value} label={t(`pairing.format.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label={t('pairing.sessionLocation')}
          maxLength={SESSION_LOCATION_MAX_LENGTH}
          value={location}
          onChange={(event) => setLocation(event.currentTarget.value)}
          error={errors.location}
        />
        <Textarea
          label={t('pairing.sessionAgenda')}
          autosize
          minRows={2}
          maxLength={SESSION_AGENDA_MAX_LENGTH}
          value={agenda}
          onChange={(event) => setAgenda(event.currentTarget.value)}
          error={errors.agenda}
        />
        <TextInput
          label={t('pairing.sessionOthers')}
          maxLength={SESSION_OTHERS_MAX_LENGTH}
          value={others}
          onChange={(event) => setOthers(event.currentTarget.value)}
          error={errors.otherParticipants}
        />
        <ApiErrorAlert error={create.error} />
        <Group gap="xs">
          <Button type="submit" loading={create.isPending}>
            {t('pairing.saveSession')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('mentoring.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// --------------------------------------------------------------------- feedback, follow-up

function ClosingSection({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const given = pairing.feedback.some((entry) => entry.side === pairing.mySide);
  const ended = pairing.endedAt ? new Date(pairing.endedAt) : null;
  const now = new Date();
  const due: FollowUpMilestone | undefined = ended
    ? [...FOLLOW_UP_MILESTONES]
        .reverse()
        .find(
          (milestone) =>
            addMonths(ended, milestone) <= now &&
            !pairing.followUps.some((f) => f.side === pairing.mySide && f.milestone === milestone),
        )
    : undefined;
  return (
    <>
      {given ? (
        <Text c="dimmed">{t('pairing.feedbackGiven')}</Text>
      ) : (
        <FeedbackForm pairingId={pairing.id} />
      )}
      {due && <FollowUpForm pairingId={pairing.id} milestone={due} />}
    </>
  );
}

function FeedbackForm({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [usefulness, setUsefulness] = useState<string>('');
  const [changes, setChanges] = useState('');
  const [recommend, setRecommend] = useState(false);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors([
    'usefulness',
    'programmeChanges',
    'wouldRecommend',
  ] as const);
  const send = usePairingMutation<Record<string, unknown>>(pairingId, (body) =>
    api.post<PairingView>(`${pairingPath(pairingId)}/feedback`, body),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!usefulness && showErrors({ usefulness: t('validation.choose') })) return;
    send.mutate(
      {
        usefulness: Number(usefulness),
        programmeChanges: changes.trim(),
        wouldRecommend: recommend,
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('pairing.feedbackThanks') }),
        onError: (error) => showApiError(error),
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="feedback-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="feedback-title">
            {t('pairing.feedbackTitle')}
          </Title>
          <UsefulnessField
            value={usefulness}
            onChange={(value) => {
              setUsefulness(value);
              clearField('usefulness');
            }}
            error={errors.usefulness}
          />
          <Textarea
            label={t('pairing.programmeChanges')}
            autosize
            minRows={3}
            maxLength={FEEDBACK_TEXT_MAX_LENGTH}
            value={changes}
            onChange={(event) => setChanges(event.currentTarget.value)}
            error={errors.programmeChanges}
          />
          <Checkbox
            label={t('pairing.wouldRecommend')}
            checked={recommend}
            onChange={(event) => setRecommend(event.currentTarget.checked)}
            error={errors.wouldRecommend}
          />
          <ApiErrorAlert error={send.error} />
          <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('pairing.sendFeedback')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function UsefulnessField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const options = Array.from({ length: USEFULNESS_MAX - USEFULNESS_MIN + 1 }, (_, i) =>
    String(USEFULNESS_MIN + i),
  );
  return (
    <Radio.Group
      label={t('pairing.usefulness')}
      value={value}
      onChange={onChange}
      error={error}
      required
    >
      <Group gap="md" mt="xs">
        {options.map((option) => (
          <Radio key={option} value={option} label={option} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function FollowUpForm({
  pairingId,
  milestone,
}: {
  pairingId: string;
  milestone: FollowUpMilestone;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [usefulness, setUsefulness] = useState('');
  const [lasting, setLasting] = useState('');
  const [contact, setContact] = useState(false);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors([
    'usefulness',
    'lasting',
    'stillInContact',
  ] as const);
  const send = usePairingMutation<Record<string, unknown>>(pairingId, (body) =>
    api.post<PairingView>(`${pairingPath(pairingId)}/follow-ups`, body),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!usefulness && showErrors({ usefulness: t('validation.choose') })) return;
    send.mutate(
      {
        milestone,
        lasting: lasting.trim(),
        stillInContact: contact,
        usefulness: Number(usefulness),
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: t('pairing.feedbackThanks') }),
        onError: (error) => showApiError(error),
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="follow-up-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="follow-up-title">
            {t('pairing.followUpTitle', { months: milestone })}
          </Title>
          <Textarea
            label={t('pairing.lasting')}
            autosize
            minRows={3}
            maxLength={FEEDBACK_TEXT_MAX_LENGTH}
            value={lasting}
            onChange={(event) => {
              setLasting(event.currentTarget.value);
              clearField('lasting');
            }}
            error={errors.lasting}
          />
          <Checkbox
            label={t('pairing.stillInContact')}
            checked={contact}
            onChange={(event) => setContact(event.currentTarget.checked)}
            error={errors.stillInContact}
          />
          <UsefulnessField
            value={usefulness}
            onChange={(value) => {
              setUsefulness(value);
              clearField('usefulness');
            }}
            error={errors.usefulness}
          />
          <ApiErrorAlert error={send.error} />
          <Button type="submit" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('pairing.sendFollowUp')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
