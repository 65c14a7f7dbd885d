import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useAccountLinkError } from './account-link-error';
import { verifyEmail } from './auth-api';
import { useAuth } from './auth-context';

/**
 * `/verify-email?token=…`, from the mail: confirms the address at once. Works signed out too,
 * since the link may be opened on another device.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { session } = useAuth();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const describe = useAccountLinkError();
  const verify = useMutation({
    mutationFn: () => verifyEmail(api, token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });

  // Once per page load: a token works once, so a second call would only report it used.
  const started = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    mutate();
  }, [mutate, token]);

  return (
    <Stack maw={480} mx="auto" py="md">
      <Title order={1} size="h2">
        {t('verifyEmail.title')}
      </Title>
      {!token ? (
        <Alert color="yellow" variant="light">
          {t('verifyEmail.missingToken')}
        </Alert>
      ) : verify.isSuccess ? (
        <Alert color="green" variant="light" role="status">
          {t('verifyEmail.done', { email: verify.data.email })}
        </Alert>
      ) : verify.isError ? (
        <Alert color="red" variant="light" title={t('errors.title')}>
          {describe(verify.error)}
        </Alert>
      ) : (
        <Stack align="center" role="status">
          <Loader size="sm" />
          {t('verifyEmail.checking')}
        </Stack>
      )}
      <Anchor component={Link} to={session ? '/settings' : '/sign-in'} size="sm">
        {session ? t('verifyEmail.toSettings') : t('verifyEmail.toSignIn')}
      </Anchor>
    </Stack>
  );
}
