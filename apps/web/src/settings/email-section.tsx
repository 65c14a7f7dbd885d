import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EMAIL_MAX_LENGTH, type UserView } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { PasswordField } from '../forms/password-field';
import { isEmailLike } from '../forms/validation';
import { changeEmail, resendVerification } from './settings-api';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/**
 * The address, whether it is confirmed, and changing it: the new one gets a link and replaces
 * the current one only once the link is opened.
 */
export function EmailSection({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const change = useMutation({
    mutationFn: () => changeEmail(api, { email: email.trim(), password }),
    onSuccess: async ({ pendingEmail }) => {
      setEmail('');
      setPassword('');
      notifications.show({
        color: 'green',
        message: t('accountSettings.emailRequested', { email: pendingEmail }),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
    onError: (error) => showApiError(error),
  });
  const resend = useMutation({
    mutationFn: () => resendVerification(api),
    onSuccess: ({ pendingEmail }) =>
      notifications.show({
        color: 'green',
        message: t('accountSettings.resent', { email: pendingEmail }),
      }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    const address = email.trim();
    if (!address) found.email = t('validation.required');
    else if (!isEmailLike(address) || address.length > EMAIL_MAX_LENGTH)
      found.email = t('validation.email');
    if (!password) found.password = t('validation.required');
    if (showErrors(found)) return;
    change.mutate();
  };

  const waiting = user.pendingEmail ?? (user.emailVerified ? null : user.email);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="email-title">
      <Stack>
        <Title order={2} size="h3" id="email-title">
          {t('accountSettings.emailTitle')}
        </Title>
        <Group gap="xs">
          <Text>{t('accountSettings.currentEmail', { email: user.email })}</Text>
          <Badge color={user.emailVerified ? 'green' : 'yellow'} variant="light" tt="none">
            {user.emailVerified ? t('accountSettings.verified') : t('accountSettings.unverified')}
          </Badge>
        </Group>
        {waiting ? (
          <Alert color="yellow" variant="light">
            <Stack gap="xs">
              <Text size="sm">
                {user.pendingEmail
                  ? t('accountSettings.pending', { email: user.pendingEmail })
                  : t('accountSettings.unverifiedHint')}
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => resend.mutate()}
                loading={resend.isPending}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('accountSettings.resend')}
              </Button>
              <ApiErrorAlert error={resend.error} />
            </Stack>
          </Alert>
        ) : null}
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              name="email"
              type="email"
              label={t('accountSettings.newEmail')}
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
              label={t('accountSettings.currentPassword')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                clearField('password');
              }}
              error={errors.password}
            />
            <ApiErrorAlert error={change.error} />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('accountSettings.changeEmail')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
