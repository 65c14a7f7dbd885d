import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ENTRY_REVIEW_NOTE_MAX_LENGTH,
  ENTRY_VERSION_NOTE_MAX_LENGTH,
  EXPORT_FORMATS,
  type EntryAction,
  type EntryContent,
  type EntryView,
  type ExportFormat,
} from '@tandem/domain';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { DiscussedIn } from '../library/discussed-in';
import { TopicBadges } from '../discussions/topics';
import { MarkdownBody } from '../discussions/markdown';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDate } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import { linkPath } from '../discussions/thread-links';
import classes from '../library/print.module.css';
import {
  downloadEntryExport,
  entryKeys,
  listEntryVersions,
  moveEntry,
  useEntry,
} from './entry-api';
import { EntryBadges } from './entry-badges';
import { EntryResourcesBox } from './entry-resources-box';
import { EvidenceQuotes } from './evidence-quotes';
import { PersonalDataFindings, personalDataFindings } from './personal-data-findings';
import { useEntryEvents } from './use-entry-events';

/** `/entries/:id`: a best-practice entry, resources first; prints on A4 and exports. */
export function EntryPage() {
  const { id = '' } = useParams();
  const entry = useEntry(id);
  useEntryEvents();

  if (entry.isPending) return <PageLoader />;
  if (entry.isError) {
    return (
      <Stack>
        <BackLink slug={null} />
        <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />
      </Stack>
    );
  }
  return <EntryScreen entry={entry.data} />;
}

function EntryScreen({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { content } = entry;
  return (
    <Stack gap="md" className={classes.page} component="article" aria-labelledby="entry-title">
      <BackLink slug={entry.networkSlug} />
      <Stack gap={6}>
        <Title order={1} size="h2" id="entry-title" style={{ overflowWrap: 'anywhere' }}>
          {content.title}
        </Title>
        <EntryBadges
          status={entry.status}
          scope={entry.effectiveScope}
          version={entry.currentVersion}
          phase={content.phase}
        />
        <TopicBadges topics={content.topics} />
        <Text size="sm" c="dimmed">
          {entry.publishedAt
            ? t('curation.publishedOn', {
                version: entry.currentVersion ?? 1,
                date: formatDate(entry.publishedAt),
              })
            : t('curation.notPublished')}
        </Text>
        {entry.isWorkingCopy && entry.currentVersion !== null && (
          <Text size="sm" c="dimmed">
            {t('curation.workingCopyOf', { version: entry.currentVersion })}
          </Text>
        )}
        {entry.drafter && (
          <Text size="sm" c="dimmed">
            {t('curation.draftedBy', { name: entry.drafter.displayName })}
          </Text>
        )}
      </Stack>

      <EntryResourcesBox resources={content.resources} />

      {entry.reviewNote && entry.status === 'draft' && (
        <Alert
          color="orange"
          variant="light"
          title={t('curation.changesRequested')}
          data-print="hide"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {entry.reviewNote.note}
          </Text>
          {entry.reviewNote.by && (
            <Text size="xs" c="dimmed" mt={4}>
              — {entry.reviewNote.by.displayName}, {formatDate(entry.reviewNote.at)}
            </Text>
          )}
        </Alert>
      )}

      <WorkflowBar entry={entry} />
      <ExportButtons entry={entry} />

      <EntryBody content={content} />

      <Part id="entry-sources" title={t('curation.sources')}>
        <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entry.sourceThread && (
            <li>
              <Text size="sm" span c="dimmed">
                {t('curation.sourceThread')}:{' '}
              </Text>
              <Anchor component={Link} to={`/threads/${entry.sourceThread.id}`} size="sm">
                {entry.sourceThread.title}
              </Anchor>
            </li>
          )}
          {content.links.map((link) => (
            <li key={`${link.type}:${link.id}`}>
              <Text size="sm" span c="dimmed">
                {link.type === 'research' ? t('links.research') : t('links.caseStudy')}:{' '}
              </Text>
              <Anchor
                component={Link}
                to={linkPath({ targetType: link.type, targetId: link.id })}
                size="sm"
              >
                {link.title}
              </Anchor>
            </li>
          ))}
          {!entry.sourceThread && content.links.length === 0 && (
            <Text size="sm" c="dimmed" component="li">
              {t('curation.noSources')}
            </Text>
          )}
        </Stack>
      </Part>

      <DiscussedIn kind="entry" id={entry.id} />
      {entry.currentVersion !== null && <VersionHistory id={entry.id} />}
    </Stack>
  );
}

/** The entry's parts in reading order; shared by the entry and version pages. */
export function EntryBody({ content }: { content: EntryContent }) {
  const { t } = useTranslation();
  const parts: { id: string; title: string; text: string }[] = [
    { id: 'entry-done', title: t('curation.field.whatWasDone'), text: content.whatWasDone },
    { id: 'entry-worked', title: t('curation.field.whatWorked'), text: content.whatWorked },
    { id: 'entry-did-not', title: t('curation.field.whatDidNot'), text: content.whatDidNot },
    { id: 'entry-adapt', title: t('curation.field.adaptation'), text: content.adaptation },
    { id: 'entry-evaluate', title: t('curation.field.evaluation'), text: content.evaluation },
  ];
  return (
    <>
      {content.summary.trim() && (
        <Part id="entry-summary" title={t('curation.field.summary')}>
          <MarkdownBody>{content.summary}</MarkdownBody>
        </Part>
      )}
      {(content.context.who || content.context.where) && (
        <Part id="entry-context" title={t('curation.field.context')}>
          {content.context.who && (
            <Text size="sm">
              <strong>{t('curation.field.who')}:</strong> {content.context.who}
            </Text>
          )}
          {content.context.where && (
            <Text size="sm">
              <strong>{t('curation.field.where')}:</strong> {content.context.where}
            </Text>
          )}
        </Part>
      )}
      {parts
        .filter((part) => part.text.trim().length > 0)
        .map((part) => (
          <Part key={part.id} id={part.id} title={part.title}>
            <MarkdownBody>{part.text}</MarkdownBody>
          </Part>
        ))}
      <Part id="entry-evidence" title={t('curation.evidence')}>
        <EvidenceQuotes quotes={content.evidence} />
      </Part>
    </>
  );
}

export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

function BackLink({ slug }: { slug: string | null }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={slug ? `/networks/${slug}` : '/networks'}
      size="sm"
      data-print="hide"
    >
      ← {t('curation.back')}
    </Anchor>
  );
}

/** Edit and the workflow moves this viewer may make; notes where a move takes one. */
function WorkflowBar({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [noteFor, setNoteFor] = useState<'publish' | 'request_changes' | null>(null);
  const [note, setNote] = useState('');
  const [confirmArchive, archiveDialog] = useDisclosure(false);

  const move = useMutation({
    mutationFn: ({
      action,
      body,
    }: {
      action: EntryAction;
      body?: { note?: string; confirmPersonalData?: boolean };
    }) => moveEntry(api, entry.id, action, body),
    onSuccess: async (updated, { action }) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), updated);
      setNoteFor(null);
      setNote('');
      archiveDialog.close();
      notifications.show({ color: 'green', message: t(`curation.done.${action}`) });
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
    },
  });

  if (!entry.canEdit && entry.actions.length === 0) return null;
  const run = (action: EntryAction) => {
    move.reset();
    if (action === 'publish' || action === 'request_changes') {
      setNote('');
      setNoteFor(action);
    } else if (action === 'archive') {
      archiveDialog.open();
    } else {
      move.mutate({ action });
    }
  };
  const needsNote = noteFor === 'request_changes';

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-print="hide"
      component="section"
      aria-labelledby="entry-workflow-title"
    >
      <Stack gap="xs">
        <Title order={2} size="h5" id="entry-workflow-title">
          {t('curation.workflow')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`curation.statusHelp.${entry.status}`)}
        </Text>
        <Group gap="xs" wrap="wrap">
          {entry.canEdit && (
            <Button size="xs" variant="default" component={Link} to={`/entries/${entry.id}/edit`}>
              {t('curation.edit')}
            </Button>
          )}
          {entry.actions.map((action) => (
            <Button
              key={action}
              size="xs"
              variant={action === 'publish' || action === 'submit' ? 'filled' : 'default'}
              color={action === 'archive' ? 'red' : undefined}
              loading={move.isPending && move.variables.action === action}
              onClick={() => run(action)}
            >
              {t(`curation.action.${action}`)}
            </Button>
          ))}
        </Group>
        {entry.status === 'in_review' &&
          !entry.actions.includes('publish') &&
          entry.actions.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('curation.noSelfPublish')}
            </Text>
          )}
        {noteFor === null && <ApiErrorAlert error={move.error} />}
      </Stack>
      <Modal
        opened={noteFor !== null}
        onClose={() => setNoteFor(null)}
        title={
          noteFor === 'publish' ? t('curation.publishTitle') : t('curation.requestChangesTitle')
        }
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!noteFor) return;
            if (needsNote && note.trim().length === 0) return;
            move.mutate({ action: noteFor, body: { note: note.trim() || undefined } });
          }}
        >
          <Stack>
            <Textarea
              label={needsNote ? t('curation.reviewNote') : t('curation.versionNote')}
              description={needsNote ? t('curation.reviewNoteHint') : t('curation.versionNoteHint')}
              required={needsNote}
              autosize
              minRows={3}
              maxLength={needsNote ? ENTRY_REVIEW_NOTE_MAX_LENGTH : ENTRY_VERSION_NOTE_MAX_LENGTH}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              data-autofocus
            />
            {personalDataFindings(move.error).length > 0 ? (
              <PersonalDataFindings
                error={move.error}
                pending={move.isPending}
                onConfirm={() =>
                  noteFor &&
                  move.mutate({
                    action: noteFor,
                    body: { note: note.trim() || undefined, confirmPersonalData: true },
                  })
                }
              />
            ) : (
              <ApiErrorAlert error={move.error} />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNoteFor(null)}>
                {t('curation.cancel')}
              </Button>
              <Button
                type="submit"
                loading={move.isPending}
                disabled={needsNote && note.trim().length === 0}
              >
                {noteFor ? t(`curation.action.${noteFor}`) : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal
        opened={confirmArchive}
        onClose={archiveDialog.close}
        title={t('curation.archiveTitle')}
      >
        <Stack>
          <Text size="sm">{t('curation.archiveBody')}</Text>
          <ApiErrorAlert error={move.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={archiveDialog.close}>
              {t('curation.cancel')}
            </Button>
            <Button
              color="red"
              loading={move.isPending}
              onClick={() => move.mutate({ action: 'archive' })}
            >
              {t('curation.action.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** Print, and downloads in each export format (what this viewer sees, or a chosen version). */
export function ExportButtons({ entry, version }: { entry: EntryView; version?: number }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const exporting = useMutation({
    mutationFn: (format: ExportFormat) => downloadEntryExport(api, entry.id, format, version),
  });
  return (
    <Stack gap={4} data-print="hide">
      <Group gap="xs" wrap="wrap">
        <Button variant="default" size="xs" onClick={() => window.print()}>
          {t('library.print')}
        </Button>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            variant="default"
            size="xs"
            loading={exporting.isPending && exporting.variables === format}
            onClick={() => exporting.mutate(format)}
          >
            {t(`curation.download.${format}`)}
          </Button>
        ))}
      </Group>
      <ApiErrorAlert error={exporting.error} />
    </Stack>
  );
}

function VersionHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const formatDate = useFormatDate();
  const versions = useQuery({
    queryKey: entryKeys.versions(id),
    queryFn: () => listEntryVersions(api, id),
  });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="entry-history-title"
      data-print="hide"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="entry-history-title">
          {t('curation.history')}
        </Title>
        {versions.isPending ? (
          <PageLoader />
        ) : versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
        ) : (
          <Stack
            component="ol"
            gap="xs"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="entry-history"
          >
            {versions.data.items.map((version) => (
              <li key={version.version}>
                <Anchor
                  component={Link}
                  to={`/entries/${id}/versions/${version.version}`}
                  fw={600}
                  size="sm"
                >
                  {t('curation.versionShort', { version: version.version })}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  {version.publishedBy
                    ? t('curation.publishedBy', {
                        name: version.publishedBy.displayName,
                        date: formatDate(version.publishedAt),
                      })
                    : formatDate(version.publishedAt)}
                </Text>
                {version.note && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {version.note}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
