import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  GOAL_NOTE_MAX_LENGTH,
  GOAL_STATUSES,
  GOAL_TITLE_MAX_LENGTH,
  PAIRING_GOALS_MAX,
  type GoalStatus,
  type PairingGoalView,
  type PairingView,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors } from '../forms/field-errors';
import { addGoal, updateGoal } from './mentoring-api';
import { usePairingMutation } from './use-pairing-mutation';
import { WorkItemHeading, WorkItemsSection } from './work-items';

/** The pair's goals: editable by the pair while the pairing is proposed or active. */
export function GoalsSection({ pairing }: { pairing: PairingView }) {
  const { t } = useTranslation();
  const editable =
    pairing.mySide !== null && (pairing.state === 'proposed' || pairing.state === 'active');
  return (
    <WorkItemsSection
      titleId="goals-title"
      title={t('pairing.goalsTitle')}
      empty={t('pairing.goalsEmpty')}
      items={pairing.goals}
      ordered
      renderItem={(goal) =>
        editable ? (
          <GoalEditor pairingId={pairing.id} goal={goal} key={goal.updatedAt} />
        ) : (
          <Stack gap={2}>
            <WorkItemHeading name={goal.title} state={t(`pairing.goalStatus.${goal.status}`)} />
            {goal.note && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                {goal.note}
              </Text>
            )}
          </Stack>
        )
      }
    >
      {editable && pairing.goals.length < PAIRING_GOALS_MAX && (
        <AddGoalForm pairingId={pairing.id} />
      )}
      {editable && pairing.goals.length >= PAIRING_GOALS_MAX && (
        <Text size="sm" c="dimmed">
          {t('pairing.goalsFull', { max: PAIRING_GOALS_MAX })}
        </Text>
      )}
    </WorkItemsSection>
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
    updateGoal(api, pairingId, goal.id, body),
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
    addGoal(api, pairingId, body),
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
