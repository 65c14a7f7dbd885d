import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  FUNDING_SOURCES,
  type CaseStudyView,
  type ContentLanguage,
  type FundingSource,
  type LibraryScope,
  type LibraryStatus,
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
import { countryOptions } from '../organisations/countries';
import { LanguageField, NetworkField, ScopeField } from './form-parts';
import { getCaseStudy, saveCaseStudy, type CaseStudyInput } from './library-api';
import { useMyNetworks } from './use-networks';

const FIELDS = [
  'network',
  'programmeName',
  'city',
  'country',
  'summary',
  'targetGroups',
  'twoWay',
  'annualBudgetEur',
  'staffFte',
  'volunteers',
  'durationMonths',
  'fundingSources',
  'outcomes',
  'evaluation',
  'adaptation',
  'contact',
  'topics',
  'language',
  'scope',
  'status',
] as const;
type Field = (typeof FIELDS)[number];

const NUMBERS = ['annualBudgetEur', 'staffFte', 'volunteers', 'durationMonths'] as const;
type NumberField = (typeof NUMBERS)[number];

interface Draft {
  network: string;
  programmeName: string;
  city: string;
  country: string | null;
  summary: string;
  targetGroups: string[];
  twoWay: string;
  annualBudgetEur: number | string;
  staffFte: number | string;
  volunteers: number | string;
  durationMonths: number | string;
  fundingSources: FundingSource[];
  outcomes: string;
  evaluation: string;
  adaptation: string;
  contact: string;
  topics: Topic[];
  language: ContentLanguage;
  scope: LibraryScope;
}

function draftFrom(item: CaseStudyView | undefined, language: string): Draft {
  if (!item) {
    return {
      network: '',
      programmeName: '',
      city: '',
      country: null,
      summary: '',
      targetGroups: [],
      twoWay: '',
      annualBudgetEur: '',
      staffFte: '',
      volunteers: '',
      durationMonths: '',
      fundingSources: [],
      outcomes: '',
      evaluation: '',
      adaptation: '',
      contact: '',
      topics: [],
      language: (['en', 'fr', 'it', 'de'] as const).find((code) => code === language) ?? 'en',
      scope: 'network',
    };
  }
  return {
    network: item.networkSlug ?? '',
    programmeName: item.programmeName,
    city: item.city,
    country: item.country,
    summary: item.summary,
    targetGroups: item.targetGroups,
    twoWay: item.twoWay ?? '',
    ...item.resources,
    fundingSources: item.fundingSources,
    outcomes: item.outcomes,
    evaluation: item.evaluation,
    adaptation: item.adaptation,
    contact: item.contact,
    topics: item.topics,
    language: item.language,
    scope: item.scope,
  };
}

/** `/library/case-studies/new` and `/library/case-studies/:id/edit`. */
export function CaseStudyFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  const existing = useQuery({
    queryKey: queryKeys.caseStudy(id ?? ''),
    queryFn: () => getCaseStudy(api, id ?? ''),
    enabled: id !== undefined,
  });
  const { query: networksQuery } = useMyNetworks();

  if ((id && existing.isPending) || networksQuery.isPending) return <PageLoader />;
  if (existing.isError) return <ErrorState error={existing.error} />;
  if (networksQuery.isError) return <ErrorState error={networksQuery.error} />;
  return (
    <Stack gap="md">
      <Anchor
        component={Link}
        to={id ? `/library/case-studies/${id}` : '/library?type=case-studies'}
        size="sm"
      >
        ← {t('library.back')}
      </Anchor>
      <CaseStudyForm key={id ?? 'new'} existing={existing.data} />
    </Stack>
  );
}

export function CaseStudyForm({ existing }: { existing?: CaseStudyView }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { networks } = useMyNetworks();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(existing, i18n.language));
  const intent = useRef<LibraryStatus | undefined>(undefined);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const role = networks.find((network) => network.slug === draft.network)?.myRole ?? null;

  const save = useMutation({
    mutationFn: (body: CaseStudyInput) => saveCaseStudy(api, existing?.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.caseStudy(saved.id), saved);
      notifications.show({ color: 'green', message: t('libraryForm.saved') });
      await queryClient.invalidateQueries({ queryKey: ['library', 'case_study', 'list'] });
      await navigate(`/library/case-studies/${saved.id}`);
    },
    onError: (error) => showApiError(error),
  });

  const update = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if ((FIELDS as readonly string[]).includes(field)) clearField(field);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const status = intent.current;
    const found: FieldErrors<Field> = {};
    const programmeName = draft.programmeName.trim();
    if (!existing && !draft.network) found.network = t('validation.choose');
    if (!programmeName) found.programmeName = t('validation.required');
    if (!draft.country) found.country = t('validation.choose');
    if (!draft.summary.trim()) found.summary = t('validation.required');
    const numbers: Partial<Record<NumberField, number>> = {};
    for (const field of NUMBERS) {
      const value = draft[field];
      if (value === '' || typeof value !== 'number' || Number.isNaN(value)) {
        found[field] = t('validation.required');
      } else if (value < 0) {
        found[field] = t('libraryForm.notNegative');
      } else if (field !== 'staffFte' && !Number.isInteger(value)) {
        found[field] = t('libraryForm.wholeNumber');
      } else {
        numbers[field] = value;
      }
    }
    if (showErrors(found)) return;
    save.mutate({
      ...(existing ? {} : { network: draft.network }),
      programmeName,
      city: draft.city.trim(),
      country: draft.country,
      summary: draft.summary.trim(),
      targetGroups: draft.targetGroups.map((group) => group.trim()).filter(Boolean),
      twoWay: draft.twoWay.trim() || null,
      ...numbers,
      fundingSources: draft.fundingSources,
      outcomes: draft.outcomes.trim(),
      evaluation: draft.evaluation.trim(),
      adaptation: draft.adaptation.trim(),
      contact: draft.contact.trim(),
      topics: draft.topics,
      language: draft.language,
      scope: draft.scope,
      ...(status ? { status } : {}),
    });
  };

  if (!existing && networks.length === 0) {
    return <Alert color="blue">{t('libraryForm.noNetworks')}</Alert>;
  }
  const published = existing?.status === 'published';
  const text = (field: 'outcomes' | 'evaluation' | 'adaptation', label: string) => (
    <Textarea
      name={field}
      label={label}
      autosize
      minRows={2}
      maxLength={3000}
      value={draft[field]}
      onChange={(event) => update(field, event.currentTarget.value)}
      error={errors[field]}
    />
  );
  const number = (field: NumberField, label: string, decimals = false) => (
    <NumberInput
      name={field}
      label={label}
      required
      min={field === 'durationMonths' ? 1 : 0}
      allowNegative={false}
      allowDecimal={decimals}
      decimalScale={decimals ? 1 : undefined}
      value={draft[field]}
      onChange={(value) => update(field, value)}
      error={errors[field]}
    />
  );

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="case-study-form-title"
    >
      <Stack>
        <Title order={1} size="h2" id="case-study-form-title">
          {existing ? t('libraryForm.editCaseStudyTitle') : t('libraryForm.newCaseStudyTitle')}
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
              name="programmeName"
              label={t('libraryForm.programmeName')}
              required
              maxLength={200}
              value={draft.programmeName}
              onChange={(event) => update('programmeName', event.currentTarget.value)}
              error={errors.programmeName}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                name="city"
                label={t('libraryForm.city')}
                maxLength={100}
                value={draft.city}
                onChange={(event) => update('city', event.currentTarget.value)}
                error={errors.city}
              />
              <Select
                name="country"
                label={t('libraryForm.country')}
                required
                searchable
                data={countryOptions(i18n.language)}
                value={draft.country}
                onChange={(value) => update('country', value)}
                nothingFoundMessage={t('libraryForm.countryNone')}
                error={errors.country}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <Textarea
              name="summary"
              label={t('library.summary')}
              required
              autosize
              minRows={4}
              maxLength={3000}
              value={draft.summary}
              onChange={(event) => update('summary', event.currentTarget.value)}
              error={errors.summary}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {number('annualBudgetEur', t('libraryForm.annualBudget'))}
              {number('staffFte', t('libraryForm.staffFte'), true)}
              {number('volunteers', t('libraryForm.volunteers'))}
              {number('durationMonths', t('libraryForm.durationMonths'))}
            </SimpleGrid>
            <Checkbox.Group
              label={t('libraryForm.fundingSources')}
              value={draft.fundingSources}
              onChange={(value) =>
                update(
                  'fundingSources',
                  FUNDING_SOURCES.filter((source) => value.includes(source)),
                )
              }
              error={errors.fundingSources}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {FUNDING_SOURCES.map((source) => (
                  <Checkbox key={source} value={source} label={t(`funding.${source}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <TagsInput
              name="targetGroups"
              label={t('libraryForm.targetGroups')}
              description={t('libraryForm.targetGroupsHint')}
              value={draft.targetGroups}
              onChange={(value) => update('targetGroups', value)}
              maxTags={10}
              error={errors.targetGroups}
            />
            <Textarea
              name="twoWay"
              label={t('libraryForm.twoWay')}
              description={t('libraryForm.twoWayHint')}
              autosize
              minRows={2}
              maxLength={2000}
              value={draft.twoWay}
              onChange={(event) => update('twoWay', event.currentTarget.value)}
              error={errors.twoWay}
            />
            {text('outcomes', t('libraryForm.outcomes'))}
            {text('evaluation', t('libraryForm.evaluation'))}
            {text('adaptation', t('libraryForm.adaptation'))}
            <TextInput
              name="contact"
              label={t('libraryForm.contact')}
              maxLength={300}
              value={draft.contact}
              onChange={(event) => update('contact', event.currentTarget.value)}
              error={errors.contact}
            />
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
                  onClick={() => (intent.current = undefined)}
                >
                  {t('libraryForm.save')}
                </Button>
              ) : (
                <>
                  <Button
                    type="submit"
                    loading={save.isPending && intent.current === 'published'}
                    disabled={save.isPending && intent.current !== 'published'}
                    onClick={() => (intent.current = 'published')}
                  >
                    {t('libraryForm.publish')}
                  </Button>
                  <Button
                    type="submit"
                    variant="default"
                    loading={save.isPending && intent.current === 'draft'}
                    disabled={save.isPending && intent.current !== 'draft'}
                    onClick={() => (intent.current = 'draft')}
                  >
                    {t('libraryForm.saveDraft')}
                  </Button>
                </>
              )}
              <Button
                variant="subtle"
                component={Link}
                to={
                  existing ? `/library/case-studies/${existing.id}` : '/library?type=case-studies'
                }
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
