import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  MESSAGE_MAX_LENGTH,
  THREAD_TITLE_MAX_LENGTH,
  type Attribution,
  type Topic,
} from '@tandem/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { MarkdownEditor } from '../discussions/composer';
import { TopicsSelect } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ChoiceField } from '../forms/choice-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { ChannelAttributionPreview } from '../discussions/attribution-preview';
import { createThread } from './channels-api';

const FIELDS = ['title', 'body', 'attribution', 'topics'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  title: string;
  body: string;
  attribution: Attribution;
  topics: Topic[];
}

export function NewThreadForm({
  channelId,
  onCancel,
}: {
  channelId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({
    title: '',
    body: '',
    attribution: 'named',
    topics: [],
  });
  // One id per thread being written: resubmitting after a lost answer returns the same thread.
  const clientId = useRef(crypto.randomUUID());
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const create = useMutation({
    mutationFn: (body: Draft) =>
      createThread(api, channelId, { ...body, clientId: clientId.current }),
    onSuccess: async (thread) => {
      clientId.current = crypto.randomUUID();
      queryClient.setQueryData(queryKeys.thread(thread.id), thread);
      await queryClient.invalidateQueries({ queryKey: queryKeys.threads(channelId) });
      await navigate(`/threads/${thread.id}`);
    },
    onError: (error) => showApiError(error),
  });

  const update = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    clearField(field);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: Draft = { ...draft, title: draft.title.trim() };
    const found: FieldErrors<Field> = {};
    if (!body.title) found.title = t('validation.required');
    else if (body.title.length > THREAD_TITLE_MAX_LENGTH) {
      found.title = t('validation.tooLong', { max: THREAD_TITLE_MAX_LENGTH });
    }
    if (!body.body.trim()) found.body = t('validation.required');
    else if (body.body.length > MESSAGE_MAX_LENGTH) {
      found.body = t('validation.tooLong', { max: MESSAGE_MAX_LENGTH });
    }
    if (showErrors(found)) return;
    create.mutate(body);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-thread-title">
      <Stack>
        <Title order={2} size="h3" id="new-thread-title">
          {t('newThread.title')}
        </Title>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              name="title"
              label={t('newThread.titleLabel')}
              required
              maxLength={THREAD_TITLE_MAX_LENGTH}
              value={draft.title}
              onChange={(event) => update('title', event.currentTarget.value)}
              error={errors.title}
            />
            <MarkdownEditor
              name="body"
              label={t('newThread.body')}
              required
              minRows={4}
              value={draft.body}
              onChange={(value) => update('body', value)}
              error={errors.body}
            />
            <ChoiceField
              name="attribution"
              label={t('newThread.attribution')}
              choices={[
                {
                  value: 'named',
                  label: t('newThread.named'),
                  description: t('newThread.namedDescription'),
                },
                {
                  value: 'chatham',
                  label: t('newThread.chatham'),
                  description: t('newThread.chathamDescription'),
                },
              ]}
              value={draft.attribution}
              onChange={(value) => update('attribution', value)}
              error={errors.attribution}
            />
            <ChannelAttributionPreview channelId={channelId} attribution={draft.attribution} />
            <TopicsSelect
              value={draft.topics}
              onChange={(topics) => update('topics', topics)}
              error={errors.topics}
            />
            <ApiErrorAlert error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('newThread.submit')}
              </Button>
              <Button variant="default" onClick={onCancel}>
                {t('newThread.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
