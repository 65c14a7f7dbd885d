import { Button, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type NetworkVisibility,
  NETWORK_DESCRIPTION_MAX_LENGTH,
  NETWORK_NAME_MAX_LENGTH,
  NETWORK_VISIBILITIES,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ChoiceField } from '../forms/choice-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { createNetwork } from './networks-api';
import { isValidSlug, suggestSlug } from './slug';

const FIELDS = ['name', 'slug', 'description', 'visibility'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  name: string;
  slug: string;
  description: string;
  visibility: NetworkVisibility;
}

export function CreateNetworkPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({
    name: '',
    slug: '',
    description: '',
    visibility: 'invite',
  });
  // The slug follows the name until someone edits the slug itself.
  const [slugEdited, setSlugEdited] = useState(false);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const create = useMutation({
    mutationFn: (body: Draft) => createNetwork(api, body),
    onSuccess: async (network) => {
      queryClient.setQueryData(queryKeys.network(network.slug), network);
      await queryClient.invalidateQueries({ queryKey: queryKeys.networks, exact: true });
      await navigate(`/networks/${network.slug}`);
    },
    onError: (error) => showApiError(error),
  });

  const update = (field: Field, value: string) => {
    setDraft((current) => {
      const next = { ...current, [field]: value };
      if (field === 'name' && !slugEdited) next.slug = suggestSlug(value);
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
    else if (body.name.length > NETWORK_NAME_MAX_LENGTH) {
      found.name = t('validation.tooLong', { max: NETWORK_NAME_MAX_LENGTH });
    }
    if (!isValidSlug(body.slug)) found.slug = t('validation.slug');
    if (body.description.length > NETWORK_DESCRIPTION_MAX_LENGTH) {
      found.description = t('validation.tooLong', { max: NETWORK_DESCRIPTION_MAX_LENGTH });
    }
    if (showErrors(found)) return;
    create.mutate(body);
  };

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} size="h2">
        {t('createNetwork.title')}
      </Title>
      <Paper withBorder p="md" radius="md">
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              name="name"
              label={t('createNetwork.name')}
              required
              value={draft.name}
              onChange={(event) => update('name', event.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              name="slug"
              label={t('createNetwork.slug')}
              description={t('createNetwork.slugHint', {
                example: `${window.location.origin}/networks/${draft.slug || '…'}`,
              })}
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
              label={t('createNetwork.description')}
              description={t('createNetwork.descriptionHint')}
              autosize
              minRows={3}
              value={draft.description}
              onChange={(event) => update('description', event.currentTarget.value)}
              error={errors.description}
            />
            <ChoiceField
              name="visibility"
              label={t('createNetwork.visibility')}
              choices={NETWORK_VISIBILITIES.map((visibility) => ({
                value: visibility,
                label: t(`visibility.${visibility}`),
                description: t(`visibility.${visibility}Description`),
              }))}
              value={draft.visibility}
              onChange={(value) => update('visibility', value)}
              error={errors.visibility}
            />
            <ApiErrorAlert error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('createNetwork.submit')}
              </Button>
              <Button component={Link} to="/networks" variant="default">
                {t('createNetwork.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
