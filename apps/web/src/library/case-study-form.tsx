import {
  Checkbox,
  NumberInput,
  Select,
  SimpleGrid,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { FUNDING_SOURCES, type CaseStudyView, type FundingSource } from '@tandem/domain';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { queryKeys } from '../api/query-client';
import type { FieldErrors } from '../forms/field-errors';
import { countryOptions } from '../organisations/countries';
import { getCaseStudy, saveCaseStudy } from './library-api';
import {
  LIBRARY_FIELDS,
  LibraryFormFrame,
  LibraryFormPage,
  libraryDraftFrom,
  useLibraryForm,
  type LibraryDraft,
} from './library-form';

const FIELDS = [
  ...LIBRARY_FIELDS,
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
] as const;
type Field = (typeof FIELDS)[number];

const NUMBERS = ['annualBudgetEur', 'staffFte', 'volunteers', 'durationMonths'] as const;
type NumberField = (typeof NUMBERS)[number];

interface Draft extends LibraryDraft {
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
}

function draftFrom(item: CaseStudyView | undefined, language: string): Draft {
  const common = libraryDraftFrom(item, language);
  if (!item) {
    return {
      ...common,
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
    };
  }
  return {
    ...common,
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
  };
}

const caseStudyPath = (id: string) => `/library/case-studies/${id}`;
const LIST_PATH = '/library?type=case-studies';

/** `/library/case-studies/new` and `/library/case-studies/:id/edit`. */
export function CaseStudyFormPage() {
  const { id } = useParams();
  return (
    <LibraryFormPage
      id={id}
      queryKey={queryKeys.caseStudy(id ?? '')}
      load={getCaseStudy}
      backTo={id ? caseStudyPath(id) : LIST_PATH}
    >
      {(existing) => <CaseStudyForm key={id ?? 'new'} existing={existing} />}
    </LibraryFormPage>
  );
}

export function CaseStudyForm({ existing }: { existing?: CaseStudyView }) {
  const { t, i18n } = useTranslation();
  const form = useLibraryForm({
    existing,
    initial: () => draftFrom(existing, i18n.language),
    fields: FIELDS,
    save: saveCaseStudy,
    itemKey: queryKeys.caseStudy,
    listKey: ['library', 'case_study', 'list'],
    itemPath: caseStudyPath,
  });
  const { draft, update, errors } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    const programmeName = draft.programmeName.trim();
    if (form.missingNetwork) found.network = t('validation.choose');
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
    if (form.showErrors(found)) return;
    form.saveItem({
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
    });
  };

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
    <LibraryFormFrame
      form={form}
      titleId="case-study-form-title"
      title={existing ? t('libraryForm.editCaseStudyTitle') : t('libraryForm.newCaseStudyTitle')}
      cancelTo={existing ? caseStudyPath(existing.id) : LIST_PATH}
      onSubmit={submit}
    >
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
    </LibraryFormFrame>
  );
}
