import { Button, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { PasswordField } from '../forms/password-field';
import { changePassword } from './settings-api';

const FIELDS = ['currentPassword', 'newPassword'] as const;
type Field = (typeof FIELDS)[number];

/** Changing the password signs out every other session; this one stays. */
export function PasswordSection() {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const change = useMutation({
    mutationFn: () => changePassword(api, { currentPassword, newPassword }),
    onSuccess: async () => {
      setCurrentPassword('');
      setNewPassword('');
      notifications.show({ color: 'green', message: t('accountSettings.passwordChanged') });
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!currentPassword) found.currentPassword = t('validation.required');
    if (newPassword.length < PASSWORD_MIN_LENGTH)
      found.newPassword = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (newPassword.length > PASSWORD_MAX_LENGTH)
      found.newPassword = t('validation.tooLong', { max: PASSWORD_MAX_LENGTH });
    if (showErrors(found)) return;
    change.mutate();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="password-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="password-title">
            {t('accountSettings.passwordTitle')}
          </Title>
          <PasswordField
            name="currentPassword"
            label={t('accountSettings.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => {
              setCurrentPassword(event.currentTarget.value);
              clearField('currentPassword');
            }}
            error={errors.currentPassword}
          />
          <PasswordField
            name="newPassword"
            label={t('accountSettings.newPassword')}
            description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(event) => {
              setNewPassword(event.currentTarget.value);
              clearField('newPassword');
            }}
            error={errors.newPassword}
          />
          <ApiErrorAlert error={change.error} />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('accountSettings.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
