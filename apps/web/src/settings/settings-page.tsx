import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { AccountExport } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiClient } from '../api/api-context';
import { useAuth } from '../auth/auth-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors } from '../forms/field-errors';
import { PasswordField } from '../forms/password-field';
import { QuoteConsentSettings } from './quote-consent';
import { PageLoader } from '../layout/page-states';
import { EmailSection } from './email-section';
import { LanguageSection } from './language-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { deleteMyAccount, exportMyData } from './settings-api';

const FIELDS = ['password'] as const;

/**
 * `/settings`: one's own account — name, language (the app's and the mail's), email, password
 * and sessions — and one's own data: download it, or delete the account.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      {user ? (
        <>
          {/* Keyed by account, so the forms start from this account's values. */}
          <ProfileSection key={`profile-${user.id}`} user={user} />
          <LanguageSection key={`language-${user.id}`} user={user} />
          <EmailSection user={user} />
          <PasswordSection />
          <SessionsSection />
        </>
      ) : (
        <PageLoader />
      )}
      <DataDownload />
      <QuoteConsentSettings />
      <AccountDeletion />
    </Stack>
  );
}

/** Saves what `GET /api/me/data` answers as a file, named like the server names it. */
function saveAsFile(data: AccountExport): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `tandem-my-data-${data.exportedAt.slice(0, 10)}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns: let them.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function DataDownload() {
  const { t } = useTranslation();
  const api = useApiClient();
  const download = useMutation({
    mutationFn: () => exportMyData(api),
    onSuccess: (data) => {
      saveAsFile(data);
      notifications.show({ color: 'green', message: t('settings.downloaded') });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="data-title">
      <Stack>
        <Title order={2} size="h3" id="data-title">
          {t('settings.dataTitle')}
        </Title>
        <Text size="sm">{t('settings.dataIntro')}</Text>
        <ApiErrorAlert error={download.error} />
        <Button
          onClick={() => download.mutate()}
          loading={download.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('settings.download')}
        </Button>
      </Stack>
    </Paper>
  );
}

function AccountDeletion() {
  const { t } = useTranslation();
  const api = useApiClient();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const remove = useMutation({
    mutationFn: (body: { password: string }) => deleteMyAccount(api, body),
    onSuccess: async () => {
      setOpened(false);
      // The server has ended every session already; forget this one here too.
      await signOut();
      notifications.show({ color: 'green', message: t('settings.deleted') });
      await navigate('/sign-in', { replace: true });
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (showErrors(password ? {} : { password: t('validation.required') })) return;
    remove.mutate({ password });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="delete-title">
      <Stack>
        <Title order={2} size="h3" id="delete-title">
          {t('settings.deleteTitle')}
        </Title>
        <Text size="sm">{t('settings.deleteIntro')}</Text>
        <Button
          color="red"
          variant="outline"
          onClick={() => {
            remove.reset();
            setPassword('');
            showErrors({});
            setOpened(true);
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('settings.deleteButton')}
        </Button>
      </Stack>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('settings.deleteConfirmTitle')}
      >
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('settings.deleteConfirmBody')}</Text>
            <PasswordField
              name="password"
              label={t('settings.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                clearField('password');
              }}
              error={errors.password}
            />
            <ApiErrorAlert error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('settings.cancel')}
              </Button>
              <Button type="submit" color="red" loading={remove.isPending}>
                {t('settings.deleteConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
