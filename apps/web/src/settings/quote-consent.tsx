import { Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  QUOTE_CONSENT_CHOICES,
  type QuoteConsentChoice,
  type QuoteConsentDecision,
  type QuoteConsentSettingsView,
  type QuoteConsentView,
} from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';

const consentKeys = {
  mine: ['me', 'quote-consents'] as const,
  settings: ['me', 'quote-consent-settings'] as const,
};

export const listMyQuoteConsents = (api: ApiClient) =>
  api.get<QuoteConsentView[]>('/me/quote-consents');

export const decideQuoteConsent = (api: ApiClient, id: string, decision: QuoteConsentDecision) =>
  api.post<QuoteConsentView>(`/quote-consents/${encodeURIComponent(id)}`, { decision });

const CHOICE_LABEL = {
  ask: 'quoteConsent.choiceAsk',
  always: 'quoteConsent.choiceAlways',
  never: 'quoteConsent.choiceNever',
} as const satisfies Record<QuoteConsentChoice, `quoteConsent.${string}`>;

/** Settings: the standing answer to requests to quote one's messages beyond the network. */
export function QuoteConsentSettings() {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: consentKeys.settings,
    queryFn: () => api.get<QuoteConsentSettingsView>('/me/quote-consent-settings'),
  });
  const save = useMutation({
    mutationFn: (choice: QuoteConsentChoice) =>
      api.put<QuoteConsentSettingsView>('/me/quote-consent-settings', { choice }),
    onSuccess: (updated) => {
      queryClient.setQueryData(consentKeys.settings, updated);
      notifications.show({ color: 'green', message: t('quoteConsent.saved') });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="quote-consent-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="quote-consent-title">
          {t('quoteConsent.settingsTitle')}
        </Title>
        <Radio.Group
          label={t('quoteConsent.settingsHelp')}
          value={settings.data?.choice ?? ''}
          onChange={(value) => save.mutate(value as QuoteConsentChoice)}
        >
          <Stack gap={6} mt="xs">
            {QUOTE_CONSENT_CHOICES.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                label={t(CHOICE_LABEL[choice])}
                disabled={save.isPending || !settings.data}
              />
            ))}
          </Stack>
        </Radio.Group>
        <ApiErrorAlert error={settings.error ?? save.error} />
        <QuoteConsentRequests />
      </Stack>
    </Paper>
  );
}

/** The requests to quote one's messages, newest and unanswered first, each answerable. */
function QuoteConsentRequests() {
  const api = useApiClient();
  const mine = useQuery({ queryKey: consentKeys.mine, queryFn: () => listMyQuoteConsents(api) });
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <Stack gap="sm" id="quote-consents" component="ul" style={{ listStyle: 'none', padding: 0 }}>
      {mine.data.map((request) => (
        <li key={request.id} data-testid="quote-consent-request">
          <Paper withBorder p="xs" radius="sm">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {request.entryTitle}
              </Text>
              <Text size="sm" c="dimmed" lineClamp={3}>
                “{request.excerpt}”
              </Text>
              <QuoteConsentPrompt entryId={request.entryId} messageId={request.messageId} />
            </Stack>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}

/**
 * The answer buttons under a "may we quote you?" notification: the request is found among the
 * reader's own by entry and message.
 */
export function QuoteConsentPrompt({ entryId, messageId }: { entryId: string; messageId: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: consentKeys.mine, queryFn: () => listMyQuoteConsents(api) });
  const request = mine.data?.find(
    (consent) => consent.entryId === entryId && consent.messageId === messageId,
  );
  const decide = useMutation({
    mutationFn: (decision: QuoteConsentDecision) =>
      decideQuoteConsent(api, request?.id ?? '', decision),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.mine });
    },
  });
  if (!request) return null;
  if (request.state !== 'pending') {
    // An answer may change: a refusal withdraws the quote even from a published version.
    const other: QuoteConsentDecision = request.state === 'granted' ? 'refuse' : 'grant';
    return (
      <Group gap={6} data-testid="quote-consent-state">
        <Text size="xs" c="dimmed">
          {request.state === 'granted' ? t('quoteConsent.allowed') : t('quoteConsent.refused')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          loading={decide.isPending}
          onClick={() => decide.mutate(other)}
        >
          {other === 'grant' ? t('quoteConsent.allow') : t('quoteConsent.refuse')}
        </Button>
        <ApiErrorAlert error={decide.error} />
      </Group>
    );
  }
  return (
    <Stack gap={4} data-testid="quote-consent-prompt">
      <Text size="xs" fw={600}>
        {t('quoteConsent.question')}
      </Text>
      <Group gap={6}>
        <Button size="compact-xs" loading={decide.isPending} onClick={() => decide.mutate('grant')}>
          {t('quoteConsent.allow')}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          loading={decide.isPending}
          onClick={() => decide.mutate('refuse')}
        >
          {t('quoteConsent.refuse')}
        </Button>
      </Group>
      <ApiErrorAlert error={decide.error} />
    </Stack>
  );
}
