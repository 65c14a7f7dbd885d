import {
  Alert,
  Button,
  CopyButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type NetworkRole, NETWORK_ROLES } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isEmailLike } from '../forms/validation';
import { createInvitation, type NewInvitation } from './networks-api';

const FIELDS = ['email', 'role'] as const;
type Field = (typeof FIELDS)[number];

export function InviteForm({ slug, myRole }: { slug: string; myRole: NetworkRole }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<NetworkRole>('member');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  // Only admins may invite straight into moderator or admin roles (domain policy `invite`).
  const canChooseRole = myRole === 'admin';
  const roles = NETWORK_ROLES.map((value) => ({ value, label: t(`role.${value}`) }));

  const invite = useMutation({
    mutationFn: (body: NewInvitation) => createInvitation(api, slug, body),
    onSuccess: async () => {
      setEmail('');
      setRole('member');
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations(slug) });
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!email.trim()) found.email = t('validation.required');
    else if (!isEmailLike(email)) found.email = t('validation.email');
    if (showErrors(found)) return;
    invite.mutate({ email: email.trim(), role: canChooseRole ? role : 'member' });
  };

  const created = invite.data;
  const link = created ? `${window.location.origin}${created.acceptPath}` : '';

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="invite-title">
      <Stack>
        <Title order={2} size="h3" id="invite-title">
          {t('invite.title')}
        </Title>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, xs: canChooseRole ? 2 : 1 }}>
              <TextInput
                name="email"
                type="email"
                label={t('invite.email')}
                required
                autoComplete="off"
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                  clearField('email');
                }}
                error={errors.email}
              />
              {canChooseRole && (
                <Select<NetworkRole>
                  name="role"
                  label={t('invite.role')}
                  data={roles}
                  value={role}
                  allowDeselect={false}
                  onChange={(value) => {
                    if (value) setRole(value);
                    clearField('role');
                  }}
                  error={errors.role}
                />
              )}
            </SimpleGrid>
            <ApiErrorAlert error={invite.error} />
            <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('invite.submit')}
            </Button>
          </Stack>
        </form>

        {created && (
          <Alert
            color="green"
            variant="light"
            role="status"
            title={t('invite.linkTitle', { email: created.invitation.email })}
          >
            <Stack gap="xs">
              <Group gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('invite.link')}
                  value={link}
                  readOnly
                  onFocus={(event) => event.currentTarget.select()}
                  style={{ flex: '1 1 16rem', minWidth: 0 }}
                  data-testid="invitation-link"
                />
                <CopyButton value={link} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button
                      variant={copied ? 'filled' : 'default'}
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                    >
                      {copied ? t('invite.copied') : t('invite.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">{t('invite.mailNotice', { email: created.invitation.email })}</Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
