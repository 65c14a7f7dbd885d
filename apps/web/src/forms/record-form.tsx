import { Paper, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode, type RefObject, type SubmitEventHandler } from 'react';
import { ApiErrorAlert } from './api-error-alert';
import { useFieldErrors } from './field-errors';

/**
 * The state of a form that writes one record: its draft, per-field errors (a field's message
 * goes as soon as it changes) and the save, whose refusals are shown beside the fields they name.
 */
export function useRecordForm<Draft extends object, Field extends string, Input, Saved>({
  initial,
  fields,
  save,
  onSaved,
}: {
  initial: () => Draft;
  fields: readonly Field[];
  save: (input: Input) => Promise<Saved>;
  onSaved: (saved: Saved, input: Input) => Promise<void> | void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(fields);
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => showApiError(error),
  });

  /** Changes one part of the draft and clears the error of the field that shows it. */
  const update = <K extends keyof Draft>(key: K, value: Draft[K], field?: Field) => {
    setDraft((current) => ({ ...current, [key]: value }));
    const shown = field ?? fields.find((name) => name === (key as string));
    if (shown) clearField(shown);
  };

  return { draft, setDraft, update, formRef, errors, showErrors, clearField, save: mutation };
}

/**
 * The frame of such a form: a section titled for assistive technology, what to read before the
 * form, then the fields, the save's error and the buttons.
 */
export function RecordFormFrame({
  titleId,
  title,
  intro,
  formRef,
  onSubmit,
  error,
  actions,
  children,
}: {
  titleId: string;
  title: string;
  intro?: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: SubmitEventHandler<HTMLFormElement>;
  error: unknown;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Stack>
        <Title order={1} size="h2" id={titleId}>
          {title}
        </Title>
        {intro}
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Stack>
            {children}
            <ApiErrorAlert error={error} />
            {actions}
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
