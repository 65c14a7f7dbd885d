import { Select, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  CITATION_MAX_LENGTH,
  IMPLICATIONS_MAX_LENGTH,
  KEY_FINDING_MAX_LENGTH,
  PHASES,
  RESEARCH_QUESTIONS,
  SUMMARY_MAX_WORDS,
  SUMMARY_TITLE_MAX_LENGTH,
  countWords,
  isSafeSourceUrl,
  type Phase,
  type ResearchQuestion,
  type ResearchSummaryView,
} from '@tandem/domain';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { queryKeys } from '../api/query-client';
import type { FieldErrors } from '../forms/field-errors';
import { getResearchSummary, saveResearchSummary } from './library-api';
import {
  LIBRARY_FIELDS,
  LibraryFormFrame,
  LibraryFormPage,
  libraryDraftFrom,
  useLibraryForm,
  type LibraryDraft,
} from './library-form';
import { SOURCE_FIELDS, SourcesField, newSource, type SourceDraft } from './sources-field';

const FIELDS = [
  ...LIBRARY_FIELDS,
  'title',
  'keyFinding',
  'summary',
  'practiceImplications',
  'question',
  'phase',
  'sources',
  ...SOURCE_FIELDS,
];

interface Draft extends LibraryDraft {
  title: string;
  keyFinding: string;
  summary: string;
  practiceImplications: string;
  question: ResearchQuestion | null;
  phase: Phase | null;
  sources: SourceDraft[];
}

function draftFrom(item: ResearchSummaryView | undefined, language: string): Draft {
  const common = libraryDraftFrom(item, language);
  if (!item) {
    return {
      ...common,
      title: '',
      keyFinding: '',
      summary: '',
      practiceImplications: '',
      question: null,
      phase: null,
      sources: [newSource()],
    };
  }
  return {
    ...common,
    title: item.title,
    keyFinding: item.keyFinding,
    summary: item.summary,
    practiceImplications: item.practiceImplications,
    question: item.question,
    phase: item.phase,
    sources: item.sources.map((source) => newSource(source.url, source.citation)),
  };
}

const summaryPath = (id: string) => `/library/research/${id}`;

/** `/library/research/new` and `/library/research/:id/edit`. */
export function ResearchFormPage() {
  const { id } = useParams();
  return (
    <LibraryFormPage
      id={id}
      queryKey={queryKeys.researchSummary(id ?? '')}
      load={getResearchSummary}
      backTo={id ? summaryPath(id) : '/library'}
    >
      {(existing) => <ResearchForm key={id ?? 'new'} existing={existing} />}
    </LibraryFormPage>
  );
}

export function ResearchForm({ existing }: { existing?: ResearchSummaryView }) {
  const { t, i18n } = useTranslation();
  const form = useLibraryForm({
    existing,
    initial: () => draftFrom(existing, i18n.language),
    fields: FIELDS,
    save: saveResearchSummary,
    itemKey: queryKeys.researchSummary,
    listKey: ['library', 'research', 'list'],
    itemPath: summaryPath,
  });
  const { draft, update, errors } = form;
  const words = countWords(draft.summary);
  const overLimit = words > SUMMARY_MAX_WORDS;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<string> = {};
    const title = draft.title.trim();
    const required = (field: keyof Draft, value: string, max: number) => {
      if (!value) found[field] = t('validation.required');
      else if (value.length > max) found[field] = t('validation.tooLong', { max });
    };
    if (form.missingNetwork) found.network = t('validation.choose');
    required('title', title, SUMMARY_TITLE_MAX_LENGTH);
    required('keyFinding', draft.keyFinding.trim(), KEY_FINDING_MAX_LENGTH);
    required('practiceImplications', draft.practiceImplications.trim(), IMPLICATIONS_MAX_LENGTH);
    if (!draft.summary.trim()) found.summary = t('validation.required');
    else if (overLimit) {
      found.summary = t('libraryForm.tooManyWords', { count: words, max: SUMMARY_MAX_WORDS });
    }
    if (!draft.question) found.question = t('validation.choose');
    if (!draft.phase) found.phase = t('validation.choose');
    const sources = draft.sources
      .map((source) => ({ url: source.url.trim(), citation: source.citation.trim() }))
      .filter((source) => source.url || source.citation);
    if (sources.length === 0) found.sources = t('libraryForm.sourcesNeeded');
    draft.sources.forEach((source, index) => {
      const url = source.url.trim();
      const citation = source.citation.trim();
      if (!url && !citation) return;
      if (!isSafeSourceUrl(url)) found[`sources.${index}.url`] = t('libraryForm.sourceUrlInvalid');
      if (!citation) found[`sources.${index}.citation`] = t('validation.required');
      else if (citation.length > CITATION_MAX_LENGTH) {
        found[`sources.${index}.citation`] = t('validation.tooLong', { max: CITATION_MAX_LENGTH });
      }
    });
    if (form.showErrors(found)) return;
    form.saveItem({
      title,
      keyFinding: draft.keyFinding.trim(),
      summary: draft.summary.trim(),
      practiceImplications: draft.practiceImplications.trim(),
      question: draft.question,
      phase: draft.phase,
      sources,
    });
  };

  return (
    <LibraryFormFrame
      form={form}
      titleId="research-form-title"
      title={existing ? t('libraryForm.editSummaryTitle') : t('libraryForm.newSummaryTitle')}
      cancelTo={existing ? summaryPath(existing.id) : '/library'}
      onSubmit={submit}
      blocked={overLimit}
      beforeScope={
        <SourcesField
          sources={draft.sources}
          onChange={(sources) => form.setDraft((current) => ({ ...current, sources }))}
          errors={errors}
          clearField={form.clearField}
        />
      }
    >
      <TextInput
        name="title"
        label={t('libraryForm.title')}
        required
        maxLength={SUMMARY_TITLE_MAX_LENGTH}
        value={draft.title}
        onChange={(event) => update('title', event.currentTarget.value)}
        error={errors.title}
      />
      <Textarea
        name="keyFinding"
        label={t('libraryForm.keyFinding')}
        description={t('libraryForm.keyFindingHint')}
        required
        autosize
        minRows={2}
        maxLength={KEY_FINDING_MAX_LENGTH}
        value={draft.keyFinding}
        onChange={(event) => update('keyFinding', event.currentTarget.value)}
        error={errors.keyFinding}
      />
      <Stack gap={4}>
        <Textarea
          name="summary"
          label={t('libraryForm.summary')}
          required
          autosize
          minRows={6}
          value={draft.summary}
          onChange={(event) => update('summary', event.currentTarget.value)}
          error={errors.summary}
          aria-describedby="summary-word-counter"
        />
        <Text
          id="summary-word-counter"
          size="sm"
          c={overLimit ? 'red' : 'dimmed'}
          fw={overLimit ? 700 : undefined}
          aria-live="polite"
          data-testid="word-counter"
        >
          {t('libraryForm.wordCounter', { count: words, max: SUMMARY_MAX_WORDS })}
        </Text>
      </Stack>
      <Textarea
        name="practiceImplications"
        label={t('libraryForm.implications')}
        required
        autosize
        minRows={3}
        maxLength={IMPLICATIONS_MAX_LENGTH}
        value={draft.practiceImplications}
        onChange={(event) => update('practiceImplications', event.currentTarget.value)}
        error={errors.practiceImplications}
      />
      <Group grow align="flex-start" wrap="wrap">
        <Select
          name="question"
          label={t('libraryForm.question')}
          required
          data={RESEARCH_QUESTIONS.map((value) => ({
            value,
            label: t(`question.${value}`),
          }))}
          value={draft.question}
          onChange={(value) =>
            update('question', RESEARCH_QUESTIONS.find((q) => q === value) ?? null)
          }
          error={errors.question}
          comboboxProps={{ withinPortal: true }}
          style={{ minWidth: '12rem' }}
        />
        <Select
          name="phase"
          label={t('libraryForm.phase')}
          required
          data={PHASES.map((value) => ({ value, label: t(`phase.${value}`) }))}
          value={draft.phase}
          onChange={(value) => update('phase', PHASES.find((p) => p === value) ?? null)}
          error={errors.phase}
          comboboxProps={{ withinPortal: true }}
          style={{ minWidth: '12rem' }}
        />
      </Group>
    </LibraryFormFrame>
  );
}
