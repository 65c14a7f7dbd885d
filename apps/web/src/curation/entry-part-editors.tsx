import {
  ActionIcon,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ENTRY_LINKS_MAX, type EntryLinkView, type EntryView } from '@tandem/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { LibrarySearchFields, useLibrarySearch } from '../library/library-picker';
import { entryKeys, updateEntry, type EntryChange } from './entry-api';
import { EvidencePicker } from './evidence-picker';
import { localQuoteAttribution, QuoteConsentBadge } from './evidence-quotes';

/** A change to the entry's quotes or sources, saved at once; the open picker closes on success. */
function useEntryPartChange(entry: EntryView, onSaved: () => void) {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: EntryChange) => updateEntry(api, entry.id, change),
    onSuccess: (saved) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      onSaved();
    },
  });
}

/** A titled panel of the entry's parts with the button that opens its picker, and the picker. */
function PartPanel({
  titleId,
  title,
  action,
  empty,
  children,
  footer,
  picker,
}: {
  titleId: string;
  title: string;
  action: ReactNode;
  /** Shown instead of the list when there is nothing in it. */
  empty: string | null;
  children: ReactNode;
  footer: ReactNode;
  picker: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {action}
        </Group>
        {empty !== null ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          children
        )}
        {footer}
      </Stack>
      {picker}
    </Paper>
  );
}

/** The quotes, saved at once: reorder, remove, or choose again from the thread. */
export function EvidenceEditor({ entry, error }: { entry: EntryView; error?: string }) {
  const { t, i18n } = useTranslation();
  const [opened, picker] = useDisclosure(false);
  const quotes = entry.content.evidence;
  const ids = quotes.map((quote) => quote.messageId);
  const change = useEntryPartChange(entry, picker.close);
  const move = (index: number, by: number) => {
    const next = [...ids];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    change.mutate({ messageIds: next });
  };
  return (
    <PartPanel
      titleId="evidence-editor-title"
      title={t('curation.evidence')}
      action={
        entry.sourceThread && (
          <Button size="xs" variant="light" onClick={picker.open}>
            {t('curation.chooseQuotes')}
          </Button>
        )
      }
      empty={quotes.length === 0 ? t('curation.evidenceEmpty') : null}
      footer={
        <>
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
          {!opened && <ApiErrorAlert error={change.error} />}
        </>
      }
      picker={
        opened &&
        entry.sourceThread && (
          <EvidencePicker
            threadId={entry.sourceThread.id}
            opened={opened}
            onClose={picker.close}
            initial={ids}
            title={t('curation.chooseQuotes')}
            submitLabel={t('curation.saveQuotes')}
            onSubmit={(messageIds) => change.mutate({ messageIds })}
            pending={change.isPending}
            error={change.error}
          />
        )
      }
    >
      <Stack component="ol" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {quotes.map((quote, index) => (
          <Group
            component="li"
            key={quote.messageId}
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            data-testid="evidence-item"
          >
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text
                size="sm"
                lineClamp={3}
                c={quote.deleted ? 'red' : undefined}
                style={{ overflowWrap: 'anywhere' }}
              >
                {quote.deleted ? t('curation.quoteDeleted') : quote.body}
              </Text>
              <Text size="xs" c="dimmed">
                — {localQuoteAttribution(quote.author, i18n.language)}
              </Text>
              <QuoteConsentBadge consent={quote.consent} />
            </Stack>
            <Group gap={2} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === 0 || change.isPending}
                onClick={() => move(index, -1)}
                aria-label={t('curation.moveUp', { number: index + 1 })}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === quotes.length - 1 || change.isPending}
                onClick={() => move(index, 1)}
                aria-label={t('curation.moveDown', { number: index + 1 })}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={change.isPending}
                onClick={() =>
                  change.mutate({ messageIds: ids.filter((id) => id !== quote.messageId) })
                }
                aria-label={t('curation.removeQuote', { number: index + 1 })}
              >
                ✕
              </ActionIcon>
            </Group>
          </Group>
        ))}
      </Stack>
    </PartPanel>
  );
}

/** The research and case studies the entry rests on, saved at once. */
export function LinksEditor({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const [opened, picker] = useDisclosure(false);
  const links = entry.content.links;
  const change = useEntryPartChange(entry, picker.close);
  const save = (next: EntryLinkView[]) =>
    change.mutate({ links: next.map((link) => ({ type: link.type, id: link.id })) });
  return (
    <PartPanel
      titleId="links-editor-title"
      title={t('curation.sources')}
      action={
        links.length < ENTRY_LINKS_MAX && (
          <Button size="xs" variant="light" onClick={picker.open}>
            {t('curation.addSource')}
          </Button>
        )
      }
      empty={links.length === 0 ? t('curation.noSources') : null}
      footer={!opened && <ApiErrorAlert error={change.error} />}
      picker={
        opened && (
          <SourcePicker
            opened={opened}
            onClose={picker.close}
            onChoose={(link) => save([...links, link])}
            pending={change.isPending}
            error={change.error}
            exclude={links}
          />
        )
      }
    >
      <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {links.map((link) => (
          <Group
            component="li"
            key={`${link.type}:${link.id}`}
            justify="space-between"
            wrap="nowrap"
          >
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {link.type === 'research' ? t('links.research') : t('links.caseStudy')}: {link.title}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={change.isPending}
              onClick={() => save(links.filter((other) => other !== link))}
              aria-label={t('links.removeNamed', { title: link.title })}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </PartPanel>
  );
}

function SourcePicker({
  opened,
  onClose,
  onChoose,
  pending,
  error,
  exclude,
}: {
  opened: boolean;
  onClose: () => void;
  onChoose: (link: EntryLinkView) => void;
  pending: boolean;
  error: unknown;
  exclude: EntryLinkView[];
}) {
  const { t } = useTranslation();
  const search = useLibrarySearch('entry-source-picker', opened);
  const { candidates } = search;
  const shown = (candidates.data ?? []).filter(
    (candidate) =>
      !exclude.some((link) => link.type === candidate.type && link.id === candidate.id),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('curation.addSource')} size="lg">
      <Stack>
        <LibrarySearchFields search={search} />
        <ApiErrorAlert error={candidates.error ?? error} />
        {candidates.data && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('links.noResults')}
          </Text>
        )}
        <Stack
          component="ul"
          gap={4}
          style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 280, overflowY: 'auto' }}
        >
          {shown.map((candidate) => (
            <li key={candidate.id}>
              <UnstyledButton
                onClick={() =>
                  onChoose({ type: candidate.type, id: candidate.id, title: candidate.title })
                }
                disabled={pending}
                p="xs"
                w="100%"
                aria-label={t('links.chooseNamed', { title: candidate.title })}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  border: '1px solid var(--mantine-color-gray-3)',
                }}
              >
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {candidate.title}
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('curation.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
