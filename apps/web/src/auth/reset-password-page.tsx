import { Alert, Anchor, Button, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { PasswordField } from '../forms/password-field';
import { useAccountLinkError } from './account-link-error';
import { confirmPasswordReset } from './auth-api';
import { useAuth } from './auth-context';

const FIELDS = ['password', 'confirmation'] as const;
type Field = (typeof FIELDS)[number];

/** `/reset-password?token=…`, from the mail: sets a new password, then on to sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const describe = useAccountLinkError();

  const reset = useMutation({
    mutationFn: () => confirmPasswordReset(api, { token, password }),
    onSuccess: async () => {
      // Every session of the account has ended on the server, this device's too.
      if (session) await signOut();
      notifications.show({ color: 'green', message: t('passwordReset.done') });
      await navigate('/sign-in', { replace: true });
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (password.length < PASSWORD_MIN_LENGTH)
      found.password = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (password.length > PASSWORD_MAX_LENGTH)
      found.password = t('validation.tooLong', { max: PASSWORD_MAX_LENGTH });
    else if (confirmation !== password) found.confirmation = t('passwordReset.mismatch');
    if (showErrors(found)) return;
    reset.mutate();
  };

  return (
    <Stack maw={440} mx="auto" py="md">
      <Title order={1} size="h2">
        {t('passwordReset.resetTitle')}
      </Title>
      {!token ? (
        <Alert color="yellow" variant="light">
          {t('passwordReset.missingToken')}
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack>
              <PasswordField
                name="password"
                label={t('passwordReset.newPassword')}
                description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
                autoComplete="new-password"
                required
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  clearField('password');
                }}
                error={errors.password}
              />
              <PasswordField
                name="confirmation"
                label={t('passwordReset.confirmPassword')}
                autoComplete="new-password"
                required
                value={confirmation}
                onChange={(event) => {
                  setConfirmation(event.currentTarget.value);
                  clearField('confirmation');
                }}
                error={errors.confirmation}
              />
              {reset.error ? (
                <Alert color="red" variant="light" title={t('errors.title')}>
                  {describe(reset.error)}
                </Alert>
              ) : null}
              <Button type="submit" loading={reset.isPending}>
                {t('passwordReset.save')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Anchor component={Link} to="/forgot-password" size="sm">
        {t('passwordReset.askAgain')}
      </Anchor>
    </Stack>
  );
}
