import { Button, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CHANNEL_DESCRIPTION_MAX_LENGTH,
  CHANNEL_NAME_MAX_LENGTH,
  CHANNEL_SLUG_PATTERN,
  type ChannelVisibility,
  type Topic,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { TopicsSelect } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ChoiceField } from '../forms/choice-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { suggestSlug } from '../networks/slug';
import { createChannel } from './channels-api';

const FIELDS = ['slug', 'name', 'description', 'topics', 'visibility'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  slug: string;
  name: string;
  description: string;
  topics: Topic[];
  visibility: ChannelVisibility;
}

const EMPTY: Draft = { slug: '', name: '', description: '', topics: [], visibility: 'network' };

/** For moderators and admins: a new channel in the network. */
export function CreateChannelForm({ slug, onDone }: { slug: string; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // The short name follows the name until someone edits it.
  const [slugEdited, setSlugEdited] = useState(false);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const create = useMutation({
    mutationFn: (body: Draft) => createChannel(api, slug, body),
    onSuccess: async (channel) => {
      queryClient.setQueryData(queryKeys.channel(channel.id), channel);
      notifications.show({
        color: 'green',
        message: t('channels.created', { name: channel.name }),
      });
      setDraft(EMPTY);
      setSlugEdited(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.channels(slug) });
      onDone();
    },
    onError: (error) => showApiError(error),
  });

  const update = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => {
      const next = { ...current, [field]: value };
      if (field === 'name' && !slugEdited) next.slug = suggestSlug(String(value));
      return next;
    });
    clearField(field);
    if (field === 'name' && !slugEdited) clearField('slug');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: Draft = {
      ...draft,
      name: draft.name.trim(),
      slug: draft.slug.trim(),
      description: draft.description.trim(),
    };
    const found: FieldErrors<Field> = {};
    if (!body.name) found.name = t('validation.required');
    else if (body.name.length > CHANNEL_NAME_MAX_LENGTH) {
      found.name = t('validation.tooLong', { max: CHANNEL_NAME_MAX_LENGTH });
    }
    if (!CHANNEL_SLUG_PATTERN.test(body.slug)) found.slug = t('channels.slugRule');
    if (body.description.length > CHANNEL_DESCRIPTION_MAX_LENGTH) {
      found.description = t('validation.tooLong', { max: CHANNEL_DESCRIPTION_MAX_LENGTH });
    }
    if (showErrors(found)) return;
    create.mutate(body);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-channel-title">
      <Stack>
        <Title order={3} size="h4" id="new-channel-title">
          {t('channels.createTitle')}
        </Title>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              name="name"
              label={t('channels.name')}
              required
              maxLength={CHANNEL_NAME_MAX_LENGTH}
              value={draft.name}
              onChange={(event) => update('name', event.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              name="slug"
              label={t('channels.slug')}
              description={t('channels.slugHint')}
              required
              autoCapitalize="none"
              spellCheck={false}
              value={draft.slug}
              onChange={(event) => {
                setSlugEdited(true);
                update('slug', event.currentTarget.value);
              }}
              error={errors.slug}
            />
            <Textarea
              name="description"
              label={t('channels.description')}
              autosize
              minRows={2}
              maxLength={CHANNEL_DESCRIPTION_MAX_LENGTH}
              value={draft.description}
              onChange={(event) => update('description', event.currentTarget.value)}
              error={errors.description}
            />
            <TopicsSelect
              value={draft.topics}
              onChange={(topics) => update('topics', topics)}
              error={errors.topics}
            />
            <ChoiceField
              name="visibility"
              label={t('channels.visibility')}
              choices={[
                {
                  value: 'network',
                  label: t('channels.visibilityNetwork'),
                  description: t('channels.visibilityNetworkDescription'),
                },
                {
                  value: 'private',
                  label: t('channels.visibilityPrivate'),
                  description: t('channels.visibilityPrivateDescription'),
                },
              ]}
              value={draft.visibility}
              onChange={(value) => update('visibility', value)}
              error={errors.visibility}
            />
            <ApiErrorAlert error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('channels.submit')}
              </Button>
              <Button variant="default" onClick={onDone}>
                {t('channels.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
