import {
  Alert,
  Anchor,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  countWords,
  ENTRY_CONTEXT_MAX_LENGTH,
  ENTRY_TITLE_MAX_LENGTH,
  ENTRY_WORD_LIMITS,
  PHASES,
  type ContentLanguage,
  type EntryScope,
  type EntryTextField,
  type EntryView,
  type Phase,
  type Topic,
} from '@tandem/domain';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { TopicsSelect } from '../discussions/topics';
import type { FieldErrors } from '../forms/field-errors';
import { RecordFormFrame, useRecordForm } from '../forms/record-form';
import { ErrorState, PageLoader } from '../layout/page-states';
import { LanguageField } from '../library/form-parts';
import {
  entryKeys,
  getEntrySettings,
  moveEntry,
  updateEntry,
  useEntry,
  type EntryContentInput,
} from './entry-api';
import {
  EntryScopeField,
  EntryTextInput,
  RESOURCE_NUMBERS,
  ResourcesFields,
  type ResourceNumber,
} from './entry-form-fields';
import { EvidenceEditor, LinksEditor } from './entry-part-editors';

const TEXT_FIELDS = [
  'summary',
  'whatWasDone',
  'whatWorked',
  'whatDidNot',
  'adaptation',
  'evaluation',
] as const satisfies readonly EntryTextField[];

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

interface Draft extends Record<EntryTextField, string>, Record<ResourceNumber, number | string> {
  title: string;
  who: string;
  where: string;
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
  const settings = useQuery({
    queryKey: entryKeys.settings(entry.networkSlug ?? ''),
    queryFn: () => getEntrySettings(api, entry.networkSlug ?? ''),
    enabled: entry.networkSlug !== null,
  });
  const allowPublic = settings.data?.allowPublicEntries ?? false;

  const { draft, update, formRef, errors, showErrors, save } = useRecordForm({
    initial: () => draftFrom(entry),
    fields: FIELDS,
    save: async ({ body, submit }: { body: EntryContentInput; submit: boolean }) => {
      const saved = await updateEntry(api, entry.id, body);
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      return submit ? moveEntry(api, entry.id, 'submit') : saved;
    },
    onSaved: async (saved, { submit }) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), saved);
      notifications.show({
        color: 'green',
        message: submit ? t('curation.done.submit') : t('curation.saved'),
      });
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
      await navigate(`/entries/${entry.id}`);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const forReview = event.nativeEvent.submitter?.getAttribute('data-intent') === 'review';
    const found: FieldErrors<Field> = {};
    const title = draft.title.trim();
    if (!title) found.title = t('validation.required');
    for (const field of TEXT_FIELDS) {
      const words = countWords(draft[field]);
      if (words > ENTRY_WORD_LIMITS[field]) {
        found[field] = t('curation.tooManyWords', { count: words, max: ENTRY_WORD_LIMITS[field] });
      }
    }
    const numbers: Partial<Record<ResourceNumber, number | null>> = {};
    for (const field of RESOURCE_NUMBERS) {
      const value = draft[field];
      if (value === '') numbers[field] = null;
      else if (typeof value !== 'number' || Number.isNaN(value))
        found[`resources.${field}`] = t('curation.notANumber');
      else if (field !== 'staffFte' && !Number.isInteger(value))
        found[`resources.${field}`] = t('libraryForm.wholeNumber');
      else numbers[field] = value;
    }
    if (showErrors(found)) return;
    const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, draft[field].trim()]));
    save.mutate({
      submit: forReview,
      body: {
        title,
        ...(texts as Record<EntryTextField, string>),
        context: { who: draft.who.trim(), where: draft.where.trim() },
        resources: { ...numbers, note: draft.note.trim() },
        topics: draft.topics,
        phase: draft.phase,
        language: draft.language,
        scope: draft.scope,
      },
    });
  };

  const text = (field: EntryTextField, required: boolean) => (
    <EntryTextInput
      field={field}
      required={required}
      value={draft[field]}
      onChange={(value) => update(field, value, field)}
      error={errors[field]}
    />
  );

  return (
    <RecordFormFrame
      titleId="entry-form-title"
      title={t('curation.editTitle')}
      intro={
        <>
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
        </>
      }
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      actions={
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
      }
    >
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

      <ResourcesFields
        values={draft}
        note={draft.note}
        onNumberChange={(field, value) => update(field, value, `resources.${field}`)}
        onNoteChange={(note) => update('note', note, 'resources.note')}
        errors={errors}
      />

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
      <EntryScopeField
        value={draft.scope}
        onChange={(scope) => update('scope', scope, 'scope')}
        allowPublic={allowPublic}
        error={errors.scope}
      />
    </RecordFormFrame>
  );
}
