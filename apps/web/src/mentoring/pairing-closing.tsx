import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  addMonths,
  FEEDBACK_TEXT_MAX_LENGTH,
  FOLLOW_UP_MILESTONES,
  USEFULNESS_MAX,
  USEFULNESS_MIN,
  type FollowUpMilestone,
  type PairingView,
} from '@tandem/domain';
import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors } from '../forms/field-errors';
import { sendFeedback, sendFollowUp } from './mentoring-api';
import { usePairingMutation } from './use-pairing-mutation';

/** After a completed pairing: each side's feedback once, then a follow-up at each milestone. */
export function ClosingSection({ pairing }: { pairing: PairingView }) {
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
  const [changes, setChanges] = useState('');
  const [recommend, setRecommend] = useState(false);
  const form = useClosingForm(
    pairingId,
    ['usefulness', 'programmeChanges', 'wouldRecommend'] as const,
    sendFeedback,
  );
  return (
    <ClosingForm
      form={form}
      titleId="feedback-title"
      title={t('pairing.feedbackTitle')}
      submitLabel={t('pairing.sendFeedback')}
      body={(usefulness) => ({
        usefulness,
        programmeChanges: changes.trim(),
        wouldRecommend: recommend,
      })}
    >
      {form.usefulnessField}
      <Textarea
        label={t('pairing.programmeChanges')}
        autosize
        minRows={3}
        maxLength={FEEDBACK_TEXT_MAX_LENGTH}
        value={changes}
        onChange={(event) => setChanges(event.currentTarget.value)}
        error={form.errors.programmeChanges}
      />
      <Checkbox
        label={t('pairing.wouldRecommend')}
        checked={recommend}
        onChange={(event) => setRecommend(event.currentTarget.checked)}
        error={form.errors.wouldRecommend}
      />
    </ClosingForm>
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
  const [lasting, setLasting] = useState('');
  const [contact, setContact] = useState(false);
  const form = useClosingForm(
    pairingId,
    ['usefulness', 'lasting', 'stillInContact'] as const,
    sendFollowUp,
  );
  return (
    <ClosingForm
      form={form}
      titleId="follow-up-title"
      title={t('pairing.followUpTitle', { months: milestone })}
      submitLabel={t('pairing.sendFollowUp')}
      body={(usefulness) => ({
        milestone,
        lasting: lasting.trim(),
        stillInContact: contact,
        usefulness,
      })}
    >
      <Textarea
        label={t('pairing.lasting')}
        autosize
        minRows={3}
        maxLength={FEEDBACK_TEXT_MAX_LENGTH}
        value={lasting}
        onChange={(event) => {
          setLasting(event.currentTarget.value);
          form.clearField('lasting');
        }}
        error={form.errors.lasting}
      />
      <Checkbox
        label={t('pairing.stillInContact')}
        checked={contact}
        onChange={(event) => setContact(event.currentTarget.checked)}
        error={form.errors.stillInContact}
      />
      {form.usefulnessField}
    </ClosingForm>
  );
}

/**
 * What the feedback and follow-up forms share: the usefulness rating they both require, field
 * errors, and the send that thanks the person once the pairing has their answer.
 */
function useClosingForm<Body>(
  pairingId: string,
  /** The form's fields, usefulness among them, so the server's problems land beside them. */
  fields: readonly string[],
  post: (api: ApiClient, pairingId: string, body: Body) => Promise<PairingView>,
) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [usefulness, setUsefulness] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(fields);
  const send = usePairingMutation<Body>(pairingId, (body) => post(api, pairingId, body));
  const submit = (event: FormEvent<HTMLFormElement>, body: (usefulness: number) => Body) => {
    event.preventDefault();
    if (!usefulness && showErrors({ usefulness: t('validation.choose') })) return;
    send.mutate(body(Number(usefulness)), {
      onSuccess: () => notifications.show({ color: 'green', message: t('pairing.feedbackThanks') }),
      onError: (error) => showApiError(error),
    });
  };
  const usefulnessField = (
    <UsefulnessField
      value={usefulness}
      onChange={(value) => {
        setUsefulness(value);
        clearField('usefulness');
      }}
      error={errors.usefulness}
    />
  );
  return { formRef, errors, clearField, send, submit, usefulnessField };
}

/** What the closing form's frame needs of `useClosingForm`. */
interface ClosingFormState<Body> {
  formRef: RefObject<HTMLFormElement | null>;
  submit: (event: FormEvent<HTMLFormElement>, body: (usefulness: number) => Body) => void;
  send: { error: unknown; isPending: boolean };
}

function ClosingForm<Body>({
  form,
  titleId,
  title,
  submitLabel,
  body,
  children,
}: {
  form: ClosingFormState<Body>;
  titleId: string;
  title: string;
  submitLabel: string;
  body: (usefulness: number) => Body;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <form ref={form.formRef} onSubmit={(event) => form.submit(event, body)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id={titleId}>
            {title}
          </Title>
          {children}
          <ApiErrorAlert error={form.send.error} />
          <Button type="submit" loading={form.send.isPending} style={{ alignSelf: 'flex-start' }}>
            {submitLabel}
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
