import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { PasswordField } from '../forms/password-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isEmailLike } from '../forms/validation';
import type { SignUpInput } from './auth-api';
import { isLanguage } from '../i18n/i18n';
import { useAuth } from './auth-context';
import { safeNextPath, signInPath } from './next-path';

const FIELDS = ['displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const { session, signUp } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const rawNext = searchParams.get('next');
  const next = safeNextPath(rawNext);
  const [values, setValues] = useState<SignUpInput>({ displayName: '', email: '', password: '' });
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const mutation = useMutation({
    mutationFn: (input: SignUpInput) => signUp(input),
    // A newcomer without an invitation to follow sets up their organisation first.
    onSuccess: () => navigate(rawNext ? next : '/organisation', { replace: true }),
    onError: (error) => showApiError(error),
  });

  if (session && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />;

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    const name = values.displayName.trim();
    if (!name) found.displayName = t('validation.required');
    else if (name.length > DISPLAY_NAME_MAX_LENGTH) {
      found.displayName = t('validation.tooLong', { max: DISPLAY_NAME_MAX_LENGTH });
    }
    if (!values.email.trim()) found.email = t('validation.required');
    else if (!isEmailLike(values.email)) found.email = t('validation.email');
    if (values.password.length < PASSWORD_MIN_LENGTH) {
      found.password = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    } else if (values.password.length > PASSWORD_MAX_LENGTH) {
      found.password = t('validation.tooLong', { max: PASSWORD_MAX_LENGTH });
    }
    return found;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate();
    if (showErrors(found)) return;
    mutation.mutate({
      displayName: values.displayName.trim(),
      email: values.email.trim(),
      password: values.password,
      // The language of the page becomes the account's, and its mail's.
      ...(isLanguage(i18n.resolvedLanguage) ? { locale: i18n.resolvedLanguage } : {}),
    });
  };

  const change = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearField(field);
  };

  return (
    <Stack maw={440} mx="auto" py="md">
      <Title order={1} size="h2">
        {t('auth.signUpTitle')}
      </Title>
      <Text c="dimmed">{t('app.tagline')}</Text>
      {rawNext?.startsWith('/invitations/') && <Text>{t('auth.invitationNotice')}</Text>}
      <Paper withBorder p="lg" radius="md">
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              name="displayName"
              label={t('auth.displayName')}
              description={t('auth.displayNameHint')}
              autoComplete="name"
              required
              value={values.displayName}
              onChange={(event) => change('displayName')(event.currentTarget.value)}
              error={errors.displayName}
            />
            <TextInput
              name="email"
              type="email"
              label={t('auth.email')}
              autoComplete="email"
              required
              value={values.email}
              onChange={(event) => change('email')(event.currentTarget.value)}
              error={errors.email}
            />
            <PasswordField
              name="password"
              label={t('auth.password')}
              description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              required
              value={values.password}
              onChange={(event) => change('password')(event.currentTarget.value)}
              error={errors.password}
            />
            <ApiErrorAlert error={mutation.error} />
            <Button type="submit" loading={mutation.isPending}>
              {t('auth.signUp')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        {t('auth.haveAccount')}{' '}
        <Anchor component={Link} to={signInPath(rawNext ? next : '/networks')}>
          {t('auth.toSignIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}
