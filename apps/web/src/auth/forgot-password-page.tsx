import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { EMAIL_MAX_LENGTH } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors } from '../forms/field-errors';
import { isEmailLike } from '../forms/validation';
import { requestPasswordReset } from './auth-api';

const FIELDS = ['email'] as const;

/** `/forgot-password`: asks for a reset link. The answer never says whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const [email, setEmail] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const request = useMutation({
    mutationFn: (address: string) => requestPasswordReset(api, address),
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) return showErrors({ email: t('validation.required') });
    if (!isEmailLike(address) || address.length > EMAIL_MAX_LENGTH)
      return showErrors({ email: t('validation.email') });
    request.mutate(address);
  };

  return (
    <Stack maw={440} mx="auto" py="md">
      <Title order={1} size="h2">
        {t('passwordReset.forgotTitle')}
      </Title>
      {request.isSuccess ? (
        <Alert color="green" variant="light" title={t('passwordReset.sentTitle')} role="status">
          {t('passwordReset.sent', { email: request.variables })}
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack>
              <Text size="sm">{t('passwordReset.forgotIntro')}</Text>
              <TextInput
                name="email"
                type="email"
                label={t('auth.email')}
                autoComplete="email"
                required
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  clearField('email');
                }}
                error={errors.email}
              />
              <ApiErrorAlert error={request.error} />
              <Button type="submit" loading={request.isPending}>
                {t('passwordReset.send')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('passwordReset.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
