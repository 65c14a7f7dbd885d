import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import {
  FLAG_NOTE_MAX_LENGTH,
  FLAG_REASONS,
  type FlagReason,
  type MessageView,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ChoiceField } from '../forms/choice-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { reportMessage } from './moderation-api';

const FIELDS = ['reason', 'note'] as const;
type Field = (typeof FIELDS)[number];

/** "Report" on a message someone else wrote, with the dialog that asks why. */
export function ReportMessageButton({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const report = useMutation({
    mutationFn: (body: { reason: FlagReason; note?: string }) =>
      reportMessage(api, message.id, body),
    onSuccess: () => {
      setOpened(false);
      notifications.show({ color: 'green', message: t('moderation.reported') });
    },
    onError: (error) => showApiError(error),
  });

  const open = () => {
    report.reset();
    setReason(null);
    setNote('');
    showErrors({});
    setOpened(true);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!reason) found.reason = t('validation.choose');
    if (reason === 'other' && !note.trim()) found.note = t('moderation.noteRequired');
    if (note.length > FLAG_NOTE_MAX_LENGTH)
      found.note = t('validation.tooLong', { max: FLAG_NOTE_MAX_LENGTH });
    if (showErrors(found) || !reason) return;
    report.mutate({ reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size="compact-xs"
        onClick={open}
        aria-label={t('moderation.reportAria', { seq: message.seq })}
      >
        {t('moderation.report')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('moderation.reportTitle')}>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('moderation.reportIntro')}</Text>
            <ChoiceField
              name="reason"
              label={t('moderation.reason')}
              required
              gap="xs"
              choices={FLAG_REASONS.map((value) => ({
                value,
                label: t(`moderation.reasons.${value}`),
              }))}
              value={reason}
              onChange={(value) => {
                setReason(value);
                clearField('reason');
              }}
              error={errors.reason}
            />
            <Textarea
              name="note"
              label={t('moderation.note')}
              description={t('moderation.noteHint', { max: FLAG_NOTE_MAX_LENGTH })}
              required={reason === 'other'}
              autosize
              minRows={2}
              maxLength={FLAG_NOTE_MAX_LENGTH}
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                clearField('note');
              }}
              error={errors.note}
            />
            <ApiErrorAlert error={report.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('moderation.cancel')}
              </Button>
              <Button type="submit" loading={report.isPending}>
                {t('moderation.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
