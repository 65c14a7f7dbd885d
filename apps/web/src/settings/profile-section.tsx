import { Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DISPLAY_NAME_MAX_LENGTH, type UserView } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors } from '../forms/field-errors';
import { updateProfile } from './settings-api';

const FIELDS = ['displayName'] as const;

/** The name other members see (Chatham House threads show the organisation instead). */
export function ProfileSection({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const save = useMutation({
    mutationFn: (name: string) => updateProfile(api, { displayName: name }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      notifications.show({ color: 'green', message: t('accountSettings.saved') });
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = displayName.trim();
    if (!name) return showErrors({ displayName: t('validation.required') });
    if (name.length > DISPLAY_NAME_MAX_LENGTH)
      return showErrors({ displayName: t('validation.tooLong', { max: DISPLAY_NAME_MAX_LENGTH }) });
    save.mutate(name);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="profile-title">
            {t('accountSettings.profileTitle')}
          </Title>
          <TextInput
            name="displayName"
            label={t('auth.displayName')}
            description={t('auth.displayNameHint')}
            required
            value={displayName}
            onChange={(event) => {
              setDisplayName(event.currentTarget.value);
              clearField('displayName');
            }}
            error={errors.displayName}
          />
          <ApiErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('accountSettings.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
