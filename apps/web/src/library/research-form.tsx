import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CITATION_MAX_LENGTH,
  IMPLICATIONS_MAX_LENGTH,
  KEY_FINDING_MAX_LENGTH,
  PHASES,
  RESEARCH_QUESTIONS,
  SOURCES_MAX,
  SUMMARY_MAX_WORDS,
  SUMMARY_TITLE_MAX_LENGTH,
  countWords,
  isSafeSourceUrl,
  type ContentLanguage,
  type LibraryScope,
  type LibraryStatus,
  type Phase,
  type ResearchQuestion,
  type ResearchSummaryView,
  type Topic,
} from '@tandem/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { TopicsSelect } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { ErrorState, PageLoader } from '../layout/page-states';
import { LanguageField, NetworkField, ScopeField } from './form-parts';
import { getResearchSummary, saveResearchSummary, type ResearchSummaryInput } from './library-api';
import { useMyNetworks } from './use-networks';

const SOURCE_FIELDS = Array.from({ length: SOURCES_MAX }, (_, index) => [
  `sources.${index}.url`,
  `sources.${index}.citation`,
]).flat();
const FIELDS = [
  'network',
  'title',
  'keyFinding',
  'summary',
  'practiceImplications',
  'question',
  'phase',
  'topics',
  'language',
  'sources',
  'scope',
  'status',
  ...SOURCE_FIELDS,
];

interface SourceDraft {
  key: number;
  url: string;
  citation: string;
}

interface Draft {
  network: string;
  title: string;
  keyFinding: string;
  summary: string;
  practiceImplications: string;
  question: ResearchQuestion | null;
  phase: Phase | null;
  topics: Topic[];
  language: ContentLanguage;
  scope: LibraryScope;
  sources: SourceDraft[];
}

let nextSourceKey = 1;
const newSource = (url = '', citation = ''): SourceDraft => ({
  key: nextSourceKey++,
  url,
  citation,
});

function draftFrom(item: ResearchSummaryView | undefined, language: string): Draft {
  if (!item) {
    return {
      network: '',
      title: '',
      keyFinding: '',
      summary: '',
      practiceImplications: '',
      question: null,
      phase: null,
      topics: [],
      language: (['en', 'fr', 'it', 'de'] as const).find((code) => code === language) ?? 'en',
      scope: 'network',
      sources: [newSource()],
    };
  }
  return {
    network: item.networkSlug ?? '',
    title: item.title,
    keyFinding: item.keyFinding,
    summary: item.summary,
    practiceImplications: item.practiceImplications,
    question: item.question,
    phase: item.phase,
    topics: item.topics,
    language: item.language,
    scope: item.scope,
    sources: item.sources.map((source) => newSource(source.url, source.citation)),
  };
}

/** `/library/research/new` and `/library/research/:id/edit`. */
export function ResearchFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  const existing = useQuery({
    queryKey: queryKeys.researchSummary(id ?? ''),
    queryFn: () => getResearchSummary(api, id ?? ''),
    enabled: id !== undefined,
  });
  const { query: networksQuery } = useMyNetworks();

  if ((id && existing.isPending) || networksQuery.isPending) return <PageLoader />;
  if (existing.isError) return <ErrorState error={existing.error} />;
  if (networksQuery.isError) return <ErrorState error={networksQuery.error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={id ? `/library/research/${id}` : '/library'} size="sm">
        ← {t('library.back')}
      </Anchor>
      <ResearchForm key={id ?? 'new'} existing={existing.data} />
    </Stack>
  );
}

export function ResearchForm({ existing }: { existing?: ResearchSummaryView }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { networks } = useMyNetworks();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(existing, i18n.language));
  const intent = useRef<LibraryStatus | undefined>(undefined);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const words = countWords(draft.summary);
  const overLimit = words > SUMMARY_MAX_WORDS;
  const role = networks.find((network) => network.slug === draft.network)?.myRole ?? null;

  const save = useMutation({
    mutationFn: (body: ResearchSummaryInput) => saveResearchSummary(api, existing?.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.researchSummary(saved.id), saved);
      notifications.show({ color: 'green', message: t('libraryForm.saved') });
      await queryClient.invalidateQueries({ queryKey: ['library', 'research', 'list'] });
      await navigate(`/library/research/${saved.id}`);
    },
    onError: (error) => showApiError(error),
  });

  const update = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    clearField(field);
  };
  const updateSource = (index: number, part: 'url' | 'citation', value: string) => {
    setDraft((current) => ({
      ...current,
      sources: current.sources.map((source, at) =>
        at === index ? { ...source, [part]: value } : source,
      ),
    }));
    clearField(`sources.${index}.${part}`);
    clearField('sources');
  };
  const removeSource = (index: number) => {
    setDraft((current) => ({
      ...current,
      sources: current.sources.filter((_, at) => at !== index),
    }));
    // Positions shift: earlier messages would point at the wrong row.
    SOURCE_FIELDS.forEach(clearField);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const status = intent.current;
    const found: FieldErrors<string> = {};
    const title = draft.title.trim();
    const required = (field: keyof Draft, value: string, max: number) => {
      if (!value) found[field] = t('validation.required');
      else if (value.length > max) found[field] = t('validation.tooLong', { max });
    };
    if (!existing && !draft.network) found.network = t('validation.choose');
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
    if (showErrors(found)) return;
    save.mutate({
      ...(existing ? {} : { network: draft.network }),
      title,
      keyFinding: draft.keyFinding.trim(),
      summary: draft.summary.trim(),
      practiceImplications: draft.practiceImplications.trim(),
      question: draft.question,
      phase: draft.phase,
      topics: draft.topics,
      language: draft.language,
      scope: draft.scope,
      sources,
      ...(status ? { status } : {}),
    });
  };

  if (!existing && networks.length === 0) {
    return <Alert color="blue">{t('libraryForm.noNetworks')}</Alert>;
  }
  const published = existing?.status === 'published';

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="research-form-title">
      <Stack>
        <Title order={1} size="h2" id="research-form-title">
          {existing ? t('libraryForm.editSummaryTitle') : t('libraryForm.newSummaryTitle')}
        </Title>
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <NetworkField
              networks={networks}
              value={draft.network}
              onChange={(slug) => update('network', slug)}
              error={errors.network}
              fixed={existing !== undefined}
            />
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
            <TopicsSelect
              value={draft.topics}
              onChange={(topics) => update('topics', topics)}
              error={errors.topics}
            />
            <LanguageField
              value={draft.language}
              onChange={(language) => update('language', language)}
              error={errors.language}
            />
            <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Text component="legend" fw={500} size="sm" mb="xs">
                {t('libraryForm.sources')}
              </Text>
              <Stack gap="sm">
                {draft.sources.map((source, index) => (
                  <Paper key={source.key} withBorder p="sm" radius="sm">
                    <Group align="flex-start" gap="xs" wrap="nowrap">
                      <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                        <TextInput
                          type="url"
                          label={t('libraryForm.sourceUrl', { number: index + 1 })}
                          placeholder="https://"
                          value={source.url}
                          onChange={(event) =>
                            updateSource(index, 'url', event.currentTarget.value)
                          }
                          error={errors[`sources.${index}.url`]}
                        />
                        <Textarea
                          label={t('libraryForm.sourceCitation', { number: index + 1 })}
                          autosize
                          minRows={1}
                          maxLength={CITATION_MAX_LENGTH}
                          value={source.citation}
                          onChange={(event) =>
                            updateSource(index, 'citation', event.currentTarget.value)
                          }
                          error={errors[`sources.${index}.citation`]}
                        />
                      </Stack>
                      {draft.sources.length > 1 && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          mt={24}
                          onClick={() => removeSource(index)}
                          aria-label={t('libraryForm.removeSource', { number: index + 1 })}
                        >
                          ✕
                        </ActionIcon>
                      )}
                    </Group>
                  </Paper>
                ))}
                {errors.sources && (
                  <Text size="sm" c="red" role="alert">
                    {errors.sources}
                  </Text>
                )}
                {draft.sources.length < SOURCES_MAX && (
                  <Button
                    variant="default"
                    size="xs"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => update('sources', [...draft.sources, newSource()])}
                  >
                    {t('libraryForm.addSource')}
                  </Button>
                )}
              </Stack>
            </fieldset>
            <ScopeField
              role={role}
              value={draft.scope}
              onChange={(scope) => update('scope', scope)}
              error={errors.scope}
            />
            <ApiErrorAlert error={save.error} />
            <Group>
              {published ? (
                <Button
                  type="submit"
                  loading={save.isPending}
                  disabled={overLimit}
                  onClick={() => (intent.current = undefined)}
                >
                  {t('libraryForm.save')}
                </Button>
              ) : (
                <>
                  <Button
                    type="submit"
                    loading={save.isPending && intent.current === 'published'}
                    disabled={overLimit || (save.isPending && intent.current !== 'published')}
                    onClick={() => (intent.current = 'published')}
                  >
                    {t('libraryForm.publish')}
                  </Button>
                  <Button
                    type="submit"
                    variant="default"
                    loading={save.isPending && intent.current === 'draft'}
                    disabled={overLimit || (save.isPending && intent.current !== 'draft')}
                    onClick={() => (intent.current = 'draft')}
                  >
                    {t('libraryForm.saveDraft')}
                  </Button>
                </>
              )}
              <Button
                variant="subtle"
                component={Link}
                to={existing ? `/library/research/${existing.id}` : '/library'}
              >
                {t('libraryForm.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
