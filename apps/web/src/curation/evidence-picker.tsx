import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { EVIDENCE_MAX, excerpt, type MessageView } from '@tandem/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { authorName } from '../discussions/author';
import { listMessages } from '../discussions/discussions-api';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDateTime } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';

/** The thread's messages, every page (a thread worth curating is rarely longer than a few). */
function useAllMessages(threadId: string, enabled: boolean) {
  const api = useApiClient();
  return useQuery({
    queryKey: ['threads', threadId, 'all-messages'],
    enabled,
    queryFn: async () => {
      const all: MessageView[] = [];
      let after = 0;
      for (let page = 0; page < 20; page++) {
        const body = await listMessages(api, threadId, { afterSeq: after, limit: 100 });
        all.push(...body.items);
        if (!body.hasMore || body.items.length === 0) break;
        after = body.items[body.items.length - 1].seq;
      }
      return all;
    },
  });
}

/**
 * Chooses the messages to quote as evidence, in thread order, at most EVIDENCE_MAX. Deleted
 * messages cannot be chosen. The authors show as the thread shows them (labels in Chatham House
 * threads), and so will the quotes.
 */
export function EvidencePicker({
  threadId,
  opened,
  onClose,
  initial,
  title,
  submitLabel,
  onSubmit,
  pending,
  error,
  children,
}: {
  threadId: string;
  opened: boolean;
  onClose: () => void;
  initial: string[];
  title: string;
  submitLabel: string;
  onSubmit: (messageIds: string[]) => void;
  pending: boolean;
  error: unknown;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const messages = useAllMessages(threadId, opened);
  const [chosen, setChosen] = useState<string[]>(initial);
  const full = chosen.length >= EVIDENCE_MAX;

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((item) => item !== id)));

  const submit = () => {
    const order = new Map((messages.data ?? []).map((message) => [message.id, message.seq]));
    // Quotes keep the order of the conversation; those no longer listed keep their place last.
    const ordered = [...chosen].sort(
      (a, b) =>
        (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER),
    );
    onSubmit(ordered);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        {children}
        <Text size="sm" id="evidence-help">
          {t('curation.pickerHelp', { max: EVIDENCE_MAX })}
        </Text>
        {messages.isPending ? (
          <PageLoader />
        ) : messages.isError ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : (
          <ScrollArea.Autosize mah={360} type="auto">
            <Stack
              gap="xs"
              role="group"
              aria-labelledby="evidence-help"
              data-testid="evidence-picker"
            >
              {messages.data.map((message) => {
                const selected = chosen.includes(message.id);
                return (
                  <Checkbox
                    key={message.id}
                    checked={selected}
                    disabled={message.deleted || (!selected && full)}
                    onChange={(event) => toggle(message.id, event.currentTarget.checked)}
                    label={
                      message.deleted
                        ? t('curation.deletedMessage')
                        : `${authorName(message.author, i18n.language)}: ${excerpt(message.body, 160)}`
                    }
                    description={formatDateTime(message.createdAt)}
                    styles={{ label: { overflowWrap: 'anywhere' } }}
                  />
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
        {full && (
          <Alert color="blue" variant="light">
            {t('curation.pickerFull', { max: EVIDENCE_MAX })}
          </Alert>
        )}
        <ApiErrorAlert error={error} />
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('curation.pickerCount', { count: chosen.length })}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('curation.cancel')}
            </Button>
            <Button onClick={submit} loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
