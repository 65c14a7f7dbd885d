import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  countWords,
  ENTRY_CONTEXT_MAX_LENGTH,
  ENTRY_LINKS_MAX,
  ENTRY_RESOURCES_NOTE_MAX_LENGTH,
  ENTRY_TEXT_MAX_LENGTH,
  ENTRY_TITLE_MAX_LENGTH,
  ENTRY_WORD_LIMITS,
  PHASES,
  quoteAttributionText,
  type ContentLanguage,
  type EntryLinkType,
  type EntryLinkView,
  type EntryScope,
  type EntryTextField,
  type EntryView,
  type Phase,
  type Topic,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { TopicsSelect } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { ErrorState, PageLoader } from '../layout/page-states';
import { LanguageField } from '../library/form-parts';
import { listCaseStudies, listResearchSummaries, publishedQuery } from '../library/library-api';
import {
  entryKeys,
  getEntrySettings,
  moveEntry,
  updateEntry,
  useEntry,
  type EntryContentInput,
} from './entry-api';
import { EvidencePicker } from './evidence-picker';

const TEXT_FIELDS = [
  'summary',
  'whatWasDone',
  'whatWorked',
  'whatDidNot',
  'adaptation',
  'evaluation',
] as const satisfies readonly EntryTextField[];

const NUMBERS = ['budgetEur', 'staffFte', 'volunteers', 'durationMonths'] as const;
type NumberField = (typeof NUMBERS)[number];

const FIELDS = [
  'title',
  ...TEXT_FIELDS,
  'context.who',
  'context.where',
  'resources.budgetEur',
  'resources.staffFte',
  'resources.volunteers',
  'resources.durationMonths',
  'resources.note',
  'topics',
  'phase',
  'language',
  'scope',
  'messageIds',
  'links',
] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  title: string;
  summary: string;
  whatWasDone: string;
  whatWorked: string;
  whatDidNot: string;
  adaptation: string;
  evaluation: string;
  who: string;
  where: string;
  budgetEur: number | string;
  staffFte: number | string;
  volunteers: number | string;
  durationMonths: number | string;
  note: string;
  topics: Topic[];
  phase: Phase;
  language: ContentLanguage;
  scope: EntryScope;
}

function draftFrom(entry: EntryView): Draft {
  const { content } = entry;
  const orEmpty = (value: number | null) => (value === null ? '' : value);
  return {
    title: content.title,
    summary: content.summary,
    whatWasDone: content.whatWasDone,
    whatWorked: content.whatWorked,
    whatDidNot: content.whatDidNot,
    adaptation: content.adaptation,
    evaluation: content.evaluation,
    who: content.context.who,
    where: content.context.where,
    budgetEur: orEmpty(content.resources.budgetEur),
    staffFte: orEmpty(content.resources.staffFte),
    volunteers: orEmpty(content.resources.volunteers),
    durationMonths: orEmpty(content.resources.durationMonths),
    note: content.resources.note,
    topics: content.topics,
    phase: content.phase,
    language: content.language,
    scope: entry.scope,
  };
}

/** `/entries/:id/edit`: the working copy of a draft, for the network's moderators. */
export function EntryFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const entry = useEntry(id);
  if (entry.isPending) return <PageLoader />;
  if (entry.isError) return <ErrorState error={entry.error} onRetry={() => void entry.refetch()} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/entries/${id}`} size="sm">
        ← {t('curation.backToEntry')}
      </Anchor>
      {entry.data.canEdit ? (
        <EntryForm key={entry.data.id} entry={entry.data} />
      ) : (
        <Alert color="blue">{t('curation.notEditable')}</Alert>
      )}
    </Stack>
  );
}

export function EntryForm({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(entry));
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const settings = useQuery({
    queryKey: entryKeys.settings(entry.networkSlug ?? ''),
    queryFn: () => getEntrySettings(api, entry.networkSlug ?? ''),
    enabled: entry.networkSlug !== null,
  });
  const allowPublic = settings.data?.allowPublicEntries ?? false;

  const update = <K extends keyof Draft>(key: K, value: Draft[K], field?: Field) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (field) clearField(field);
  };

  const save = useMutation({
    mutationFn: async ({ body, submit }: { body: EntryContentInput; submit: boolean }) => {
      const saved = await updateEntry(api, entry.id, body);
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      return submit ? moveEntry(api, entry.id, 'submit') : saved;
    },
    onSuccess: async (saved, { submit }) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      notifications.show({
        color: 'green',
        message: submit ? t('curation.done.submit') : t('curation.saved'),
      });
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
      await navigate(`/entries/${entry.id}`);
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>, forReview: boolean) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    const title = draft.title.trim();
    if (!title) found.title = t('validation.required');
    for (const field of TEXT_FIELDS) {
      const words = countWords(draft[field]);
      if (words > ENTRY_WORD_LIMITS[field]) {
        found[field] = t('curation.tooManyWords', { count: words, max: ENTRY_WORD_LIMITS[field] });
      }
    }
    const numbers: Partial<Record<NumberField, number | null>> = {};
    for (const field of NUMBERS) {
      const value = draft[field];
      if (value === '') numbers[field] = null;
      else if (typeof value !== 'number' || Number.isNaN(value))
        found[`resources.${field}`] = t('curation.notANumber');
      else if (field !== 'staffFte' && !Number.isInteger(value))
        found[`resources.${field}`] = t('libraryForm.wholeNumber');
      else numbers[field] = value;
    }
    if (showErrors(found)) return;
    save.mutate({
      submit: forReview,
      body: {
        title,
        ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, draft[field].trim()])) as Record<
          EntryTextField,
          string
        >),
        context: { who: draft.who.trim(), where: draft.where.trim() },
        resources: { ...numbers, note: draft.note.trim() },
        topics: draft.topics,
        phase: draft.phase,
        language: draft.language,
        scope: draft.scope,
      },
    });
  };

  const text = (field: (typeof TEXT_FIELDS)[number], required: boolean) => {
    const words = countWords(draft[field]);
    const max = ENTRY_WORD_LIMITS[field];
    return (
      <Textarea
        name={field}
        label={t(`curation.field.${field}`)}
        description={t(`curation.hint.${field}`)}
        withAsterisk={required}
        autosize
        minRows={field === 'summary' ? 3 : 4}
        maxLength={ENTRY_TEXT_MAX_LENGTH}
        value={draft[field]}
        onChange={(event) => update(field, event.currentTarget.value, field)}
        error={errors[field]}
        inputContainer={(children) => (
          <>
            {children}
            <Text size="xs" c={words > max ? 'red' : 'dimmed'} id={`${field}-count`} ta="right">
              {t('curation.wordCounter', { count: words, max })}
            </Text>
          </>
        )}
      />
    );
  };
  const number = (field: NumberField, decimals = false) => (
    <NumberInput
      name={`resources.${field}`}
      label={t(
        `curation.resources.${field === 'budgetEur' ? 'budgetField' : field === 'staffFte' ? 'staff' : field === 'volunteers' ? 'volunteers' : 'durationField'}`,
      )}
      withAsterisk
      min={field === 'durationMonths' ? 1 : 0}
      allowNegative={false}
      allowDecimal={decimals}
      decimalScale={decimals ? 1 : undefined}
      thousandSeparator={field === 'budgetEur' ? ' ' : undefined}
      value={draft[field]}
      onChange={(value) => update(field, value, `resources.${field}`)}
      error={errors[`resources.${field}`]}
    />
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="entry-form-title">
      <Stack>
        <Title order={1} size="h2" id="entry-form-title">
          {t('curation.editTitle')}
        </Title>
        {entry.reviewNote && (
          <Alert color="orange" variant="light" title={t('curation.changesRequested')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {entry.reviewNote.note}
            </Text>
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('curation.formIntro')}
        </Text>

        <EvidenceEditor entry={entry} error={errors.messageIds} />
        <LinksEditor entry={entry} />

        <form
          ref={formRef}
          noValidate
          onSubmit={(event) =>
            submit(event, event.nativeEvent.submitter?.getAttribute('data-intent') === 'review')
          }
        >
          <Stack>
            <TextInput
              name="title"
              label={t('curation.field.title')}
              required
              maxLength={ENTRY_TITLE_MAX_LENGTH}
              value={draft.title}
              onChange={(event) => update('title', event.currentTarget.value, 'title')}
              error={errors.title}
            />
            {text('summary', true)}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                name="context.who"
                label={t('curation.field.who')}
                description={t('curation.hint.who')}
                withAsterisk
                maxLength={ENTRY_CONTEXT_MAX_LENGTH}
                value={draft.who}
                onChange={(event) => update('who', event.currentTarget.value, 'context.who')}
                error={errors['context.who']}
              />
              <TextInput
                name="context.where"
                label={t('curation.field.where')}
                description={t('curation.hint.where')}
                withAsterisk
                maxLength={ENTRY_CONTEXT_MAX_LENGTH}
                value={draft.where}
                onChange={(event) => update('where', event.currentTarget.value, 'context.where')}
                error={errors['context.where']}
              />
            </SimpleGrid>

            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-indigo-0)">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('curation.resources.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('curation.resources.hint')}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  {number('budgetEur')}
                  {number('staffFte', true)}
                  {number('volunteers')}
                  {number('durationMonths')}
                </SimpleGrid>
                <Textarea
                  name="resources.note"
                  label={t('curation.resources.note')}
                  description={t('curation.resources.noteHint')}
                  autosize
                  minRows={2}
                  maxLength={ENTRY_RESOURCES_NOTE_MAX_LENGTH}
                  value={draft.note}
                  onChange={(event) => update('note', event.currentTarget.value, 'resources.note')}
                  error={errors['resources.note']}
                />
              </Stack>
            </Paper>

            {text('whatWasDone', true)}
            {text('whatWorked', true)}
            {text('whatDidNot', false)}
            {text('adaptation', true)}
            {text('evaluation', true)}

            <TopicsSelect
              value={draft.topics}
              onChange={(topics) => update('topics', topics, 'topics')}
              error={errors.topics}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                name="phase"
                label={t('curation.field.phase')}
                data={PHASES.map((value) => ({ value, label: t(`phase.${value}`) }))}
                value={draft.phase}
                onChange={(value) => {
                  const next = PHASES.find((phase) => phase === value);
                  if (next) update('phase', next, 'phase');
                }}
                allowDeselect={false}
                error={errors.phase}
                comboboxProps={{ withinPortal: true }}
              />
              <LanguageField
                value={draft.language}
                onChange={(language) => update('language', language, 'language')}
                error={errors.language}
              />
            </SimpleGrid>
            <Radio.Group
              name="scope"
              label={t('curation.field.scope')}
              value={draft.scope}
              onChange={(value) =>
                update('scope', value === 'public' ? 'public' : 'network', 'scope')
              }
              error={errors.scope}
            >
              <Stack gap="sm" mt="xs">
                <Radio
                  value="network"
                  label={t('curation.scope.network')}
                  description={t('curation.scope.networkHint')}
                />
                <Radio
                  value="public"
                  label={t('curation.scope.public')}
                  description={
                    allowPublic
                      ? t('curation.scope.publicHint')
                      : t('curation.scope.publicNotAllowed')
                  }
                  disabled={!allowPublic && draft.scope !== 'public'}
                />
              </Stack>
            </Radio.Group>

            <ApiErrorAlert error={save.error} />
            <Group justify="flex-end" gap="xs" wrap="wrap">
              <Button variant="default" component={Link} to={`/entries/${entry.id}`}>
                {t('curation.cancel')}
              </Button>
              <Button
                type="submit"
                variant="default"
                data-intent="save"
                loading={save.isPending && !save.variables.submit}
              >
                {t('curation.save')}
              </Button>
              <Button
                type="submit"
                data-intent="review"
                loading={save.isPending && save.variables.submit}
              >
                {t('curation.saveAndSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** The quotes, saved at once: reorder, remove, or choose again from the thread. */
function EvidenceEditor({ entry, error }: { entry: EntryView; error?: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [opened, picker] = useDisclosure(false);
  const quotes = entry.content.evidence;
  const ids = quotes.map((quote) => quote.messageId);
  const change = useMutation({
    mutationFn: (messageIds: string[]) => updateEntry(api, entry.id, { messageIds }),
    onSuccess: (saved) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      picker.close();
    },
  });
  const move = (index: number, by: number) => {
    const next = [...ids];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    change.mutate(next);
  };
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-labelledby="evidence-editor-title"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="evidence-editor-title">
            {t('curation.evidence')}
          </Title>
          {entry.sourceThread && (
            <Button size="xs" variant="light" onClick={picker.open}>
              {t('curation.chooseQuotes')}
            </Button>
          )}
        </Group>
        {quotes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('curation.evidenceEmpty')}
          </Text>
        ) : (
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
                    — {quoteAttributionText(quote.author)}
                  </Text>
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
                    onClick={() => change.mutate(ids.filter((id) => id !== quote.messageId))}
                    aria-label={t('curation.removeQuote', { number: index + 1 })}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        {!opened && <ApiErrorAlert error={change.error} />}
      </Stack>
      {opened && entry.sourceThread && (
        <EvidencePicker
          threadId={entry.sourceThread.id}
          opened={opened}
          onClose={picker.close}
          initial={ids}
          title={t('curation.chooseQuotes')}
          submitLabel={t('curation.saveQuotes')}
          onSubmit={(messageIds) => change.mutate(messageIds)}
          pending={change.isPending}
          error={change.error}
        />
      )}
    </Paper>
  );
}

/** The research and case studies the entry rests on, saved at once. */
function LinksEditor({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const [opened, picker] = useDisclosure(false);
  const links = entry.content.links;
  const change = useMutation({
    mutationFn: (next: EntryLinkView[]) =>
      updateEntry(api, entry.id, {
        links: next.map((link) => ({ type: link.type, id: link.id })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      picker.close();
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="links-editor-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="links-editor-title">
            {t('curation.sources')}
          </Title>
          {links.length < ENTRY_LINKS_MAX && (
            <Button size="xs" variant="light" onClick={picker.open}>
              {t('curation.addSource')}
            </Button>
          )}
        </Group>
        {links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('curation.noSources')}
          </Text>
        ) : (
          <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {links.map((link) => (
              <Group
                component="li"
                key={`${link.type}:${link.id}`}
                justify="space-between"
                wrap="nowrap"
              >
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {link.type === 'research' ? t('links.research') : t('links.caseStudy')}:{' '}
                  {link.title}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  disabled={change.isPending}
                  onClick={() => change.mutate(links.filter((other) => other !== link))}
                  aria-label={t('links.removeNamed', { title: link.title })}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        {!opened && <ApiErrorAlert error={change.error} />}
      </Stack>
      {opened && (
        <SourcePicker
          opened={opened}
          onClose={picker.close}
          onChoose={(link) => change.mutate([...links, link])}
          pending={change.isPending}
          error={change.error}
          exclude={links}
        />
      )}
    </Paper>
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
  const api = useApiClient();
  const [type, setType] = useState<EntryLinkType>('research');
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 300);
  const candidates = useQuery({
    queryKey: ['entry-source-picker', type, q],
    enabled: opened,
    queryFn: async (): Promise<EntryLinkView[]> => {
      const query = publishedQuery(q);
      if (type === 'research') {
        const page = await listResearchSummaries(api, query);
        return page.items.map((item) => ({ type, id: item.id, title: item.title }));
      }
      const page = await listCaseStudies(api, query);
      return page.items.map((item) => ({ type, id: item.id, title: item.programmeName }));
    },
  });
  const shown = (candidates.data ?? []).filter(
    (candidate) =>
      !exclude.some((link) => link.type === candidate.type && link.id === candidate.id),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('curation.addSource')} size="lg">
      <Stack>
        <SegmentedControl
          aria-label={t('links.kind')}
          value={type}
          onChange={(value) => setType(value === 'case_study' ? 'case_study' : 'research')}
          data={[
            { value: 'research', label: t('links.research') },
            { value: 'case_study', label: t('links.caseStudy') },
          ]}
          fullWidth
        />
        <TextInput
          type="search"
          label={t('links.search')}
          value={words}
          onChange={(event) => setWords(event.currentTarget.value)}
          data-autofocus
        />
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
                onClick={() => onChoose(candidate)}
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
