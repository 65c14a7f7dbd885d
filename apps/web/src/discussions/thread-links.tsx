import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LINK_NOTE_MAX_LENGTH, type ThreadLinkView, type ThreadView } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import {
  LibrarySearchFields,
  useLibrarySearch,
  type LibraryCandidate,
} from '../library/library-picker';
import {
  addThreadLink,
  listThreadLinks,
  removeThreadLink,
  type NewThreadLink,
} from './discussions-api';

export function linkPath(link: Pick<ThreadLinkView, 'targetType' | 'targetId'>): string {
  return link.targetType === 'case_study'
    ? `/library/case-studies/${link.targetId}`
    : `/library/research/${link.targetId}`;
}

/** Keeps the thread's cached links in step with an answer from the server. */
function useStoreLinks(threadId: string) {
  const queryClient = useQueryClient();
  return (links: ThreadLinkView[]) => {
    queryClient.setQueryData<ThreadView>(queryKeys.thread(threadId), (current) =>
      current ? { ...current, links } : current,
    );
    queryClient.setQueryData(queryKeys.threadLinks(threadId), links);
  };
}

/** The research and case studies a thread cites, with the picker to add one. */
export function ThreadLinks({
  thread,
  canLink,
}: {
  thread: ThreadView;
  /** False when the thread is locked or its channel archived. */
  canLink: boolean;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [pickerOpened, picker] = useDisclosure(false);
  // A thread from the list has no links: ask for them.
  const fetched = useQuery({
    queryKey: queryKeys.threadLinks(thread.id),
    queryFn: () => listThreadLinks(api, thread.id),
    enabled: thread.links === undefined,
  });
  const links = thread.links ?? fetched.data ?? [];

  const remove = useMutation({
    mutationFn: (link: ThreadLinkView) => removeThreadLink(api, thread.id, link.id),
    onSuccess: (_nothing, link) => {
      const rest = links.filter((item) => item.id !== link.id);
      queryClient.setQueryData<ThreadView>(queryKeys.thread(thread.id), (current) =>
        current ? { ...current, links: rest } : current,
      );
      queryClient.setQueryData(queryKeys.threadLinks(thread.id), rest);
      notifications.show({ color: 'green', message: t('links.removed') });
    },
  });

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="thread-links-title">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h5" id="thread-links-title">
            {t('links.title')}
          </Title>
          {canLink && (
            <Button size="xs" variant="light" onClick={picker.open}>
              {t('links.add')}
            </Button>
          )}
        </Group>
        {links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('links.empty')}
          </Text>
        ) : (
          <Stack
            component="ul"
            gap={6}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="thread-links"
          >
            {links.map((link) => (
              <Group
                component="li"
                key={link.id}
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                gap="xs"
                data-testid="thread-link"
              >
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Badge size="sm" variant="light" tt="none">
                      {link.targetType === 'case_study'
                        ? t('links.caseStudy')
                        : t('links.research')}
                    </Badge>
                    <Anchor
                      component={Link}
                      to={linkPath(link)}
                      size="sm"
                      fw={600}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {link.title}
                    </Anchor>
                  </Group>
                  {link.note && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {link.note}
                    </Text>
                  )}
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => remove.mutate(link)}
                  loading={remove.isPending && remove.variables?.id === link.id}
                  aria-label={t('links.removeNamed', { title: link.title })}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <ApiErrorAlert error={remove.error} />
      </Stack>
      {pickerOpened && (
        <LinkPicker threadId={thread.id} opened={pickerOpened} onClose={picker.close} />
      )}
    </Paper>
  );
}

/** Searches published summaries or case studies and links the chosen one with a note. */
export function LinkPicker({
  threadId,
  opened,
  onClose,
}: {
  threadId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const storeLinks = useStoreLinks(threadId);
  const search = useLibrarySearch('link-picker', opened);
  const { candidates } = search;
  const [chosen, setChosen] = useState<LibraryCandidate | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  const add = useMutation({
    mutationFn: (body: NewThreadLink) => addThreadLink(api, threadId, body),
    onSuccess: (links) => {
      storeLinks(links);
      notifications.show({ color: 'green', message: t('links.added') });
      onClose();
    },
  });

  const submit = () => {
    if (!chosen) {
      setMissing(true);
      return;
    }
    add.mutate({ targetType: search.kind, targetId: chosen.id, note: note.trim() });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('links.pickerTitle')} size="lg">
      <Stack>
        <LibrarySearchFields search={search} onKindChange={() => setChosen(null)} />
        <ApiErrorAlert error={candidates.error} />
        {candidates.data && candidates.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('links.noResults')}
          </Text>
        )}
        {candidates.data && candidates.data.length > 0 && (
          <Stack
            component="ul"
            gap={4}
            style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 280, overflowY: 'auto' }}
            data-testid="link-candidates"
          >
            {candidates.data.map((candidate) => {
              const selected = chosen?.id === candidate.id;
              return (
                <li key={candidate.id}>
                  <UnstyledButton
                    onClick={() => {
                      setChosen(candidate);
                      setMissing(false);
                    }}
                    aria-pressed={selected}
                    aria-label={t('links.chooseNamed', { title: candidate.title })}
                    p="xs"
                    w="100%"
                    style={{
                      borderRadius: 'var(--mantine-radius-sm)',
                      border: `1px solid ${selected ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-gray-3)'}`,
                      background: selected ? 'var(--mantine-primary-color-light)' : undefined,
                    }}
                  >
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {selected ? '✓ ' : ''}
                      {candidate.title}
                    </Text>
                    {candidate.detail && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {candidate.detail}
                      </Text>
                    )}
                  </UnstyledButton>
                </li>
              );
            })}
          </Stack>
        )}
        {missing && (
          <Text size="sm" c="red" role="alert">
            {t('links.pickFirst')}
          </Text>
        )}
        <Textarea
          label={t('links.note')}
          value={note}
          maxLength={LINK_NOTE_MAX_LENGTH}
          autosize
          minRows={2}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <ApiErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('links.cancel')}
          </Button>
          <Button onClick={submit} loading={add.isPending}>
            {t('links.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
