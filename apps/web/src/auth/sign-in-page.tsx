import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { PasswordField } from '../forms/password-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isEmailLike } from '../forms/validation';
import { useAuth } from './auth-context';
import { safeNextPath, signUpPath } from './next-path';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const { t } = useTranslation();
  const { session, signIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const rawNext = searchParams.get('next');
  const next = safeNextPath(rawNext);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const mutation = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    onSuccess: () => navigate(next, { replace: true }),
    onError: (error) => showApiError(error),
  });

  if (session && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!email.trim()) found.email = t('validation.required');
    else if (!isEmailLike(email)) found.email = t('validation.email');
    if (!password) found.password = t('validation.required');
    if (showErrors(found)) return;
    mutation.mutate();
  };

  return (
    <Stack maw={440} mx="auto" py="md">
      <Title order={1} size="h2">
        {t('auth.signInTitle')}
      </Title>
      <Text c="dimmed">{t('app.tagline')}</Text>
      {rawNext?.startsWith('/invitations/') && <Text>{t('auth.invitationNotice')}</Text>}
      <Paper withBorder p="lg" radius="md">
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
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
            <PasswordField
              name="password"
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                clearField('password');
              }}
              error={errors.password}
            />
            <ApiErrorAlert error={mutation.error} />
            <Button type="submit" loading={mutation.isPending}>
              {t('auth.signIn')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('passwordReset.forgotLink')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        {t('auth.noAccount')}{' '}
        <Anchor component={Link} to={signUpPath(next)}>
          {t('auth.toSignUp')}
        </Anchor>
      </Text>
    </Stack>
  );
}
