import {
  Badge,
  Button,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  SESSION_AGENDA_MAX_LENGTH,
  SESSION_DURATION_MAX_MINUTES,
  SESSION_DURATION_MIN_MINUTES,
  SESSION_FORMATS,
  SESSION_LOCATION_MAX_LENGTH,
  SESSION_OTHERS_MAX_LENGTH,
  type PairingView,
  type SessionFormat,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { useFormatDateTime } from '../layout/format';
import { addSession, cancelSession, type SessionInput } from './mentoring-api';
import { usePairingMutation } from './use-pairing-mutation';
import { WorkItemHeading, WorkItemsSection } from './work-items';

/** The pair's sessions: planned and cancelled by the pair while the pairing is active. */
export function SessionsSection({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const api = useApiClient();
  const editable = pairing.mySide !== null && pairing.state === 'active';
  const cancel = usePairingMutation<string>(pairing.id, (sessionId) =>
    cancelSession(api, pairing.id, sessionId),
  );
  const [adding, setAdding] = useState(false);
  return (
    <WorkItemsSection
      titleId="sessions-title"
      title={t('pairing.sessionsTitle')}
      empty={t('pairing.sessionsEmpty')}
      items={pairing.sessions}
      ordered={false}
      itemTestId="session"
      renderItem={(session) => (
        <Stack gap={2}>
          <WorkItemHeading
            name={formatDateTime(session.startsAt)}
            state={t(`pairing.format.${session.format}`)}
          >
            <Text size="sm" c="dimmed">
              {t('pairing.minutes', { count: session.durationMinutes })}
            </Text>
            {session.cancelled && (
              <Badge color="gray" tt="none">
                {t('pairing.sessionCancelled')}
              </Badge>
            )}
          </WorkItemHeading>
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
      )}
    >
      <ApiErrorAlert error={cancel.error} />
      {editable && !adding && (
        <Button variant="light" onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>
          {t('pairing.addSession')}
        </Button>
      )}
      {editable && adding && <SessionForm pairingId={pairing.id} onDone={() => setAdding(false)} />}
    </WorkItemsSection>
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
  const create = usePairingMutation<SessionInput>(pairingId, (body) =>
    addSession(api, pairingId, body),
  );
  const durationHint = t('pairing.durationHint', {
    min: SESSION_DURATION_MIN_MINUTES,
    max: SESSION_DURATION_MAX_MINUTES,
  });
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
      found.durationMinutes = durationHint;
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
          description={durationHint}
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
