import { NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  countWords,
  ENTRY_RESOURCES_NOTE_MAX_LENGTH,
  ENTRY_TEXT_MAX_LENGTH,
  ENTRY_WORD_LIMITS,
  type EntryScope,
  type EntryTextField,
} from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../forms/choice-field';

/** One of the entry's texts, with its hint and a word counter against its limit. */
export function EntryTextInput({
  field,
  required,
  value,
  onChange,
  error,
}: {
  field: EntryTextField;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const words = countWords(value);
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
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
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
}

export const RESOURCE_NUMBERS = ['budgetEur', 'staffFte', 'volunteers', 'durationMonths'] as const;
export type ResourceNumber = (typeof RESOURCE_NUMBERS)[number];

const NUMBER_LABEL = {
  budgetEur: 'budgetField',
  staffFte: 'staff',
  volunteers: 'volunteers',
  durationMonths: 'durationField',
} as const satisfies Record<ResourceNumber, string>;

/** What the practice takes to run: the four figures (each may stay empty) and a note. */
export function ResourcesFields({
  values,
  note,
  onNumberChange,
  onNoteChange,
  errors,
}: {
  values: Record<ResourceNumber, number | string>;
  note: string;
  onNumberChange: (field: ResourceNumber, value: number | string) => void;
  onNoteChange: (note: string) => void;
  /** Keyed by the form's field names, `resources.<figure>` and `resources.note`. */
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const number = (field: ResourceNumber, decimals = false) => (
    <NumberInput
      name={`resources.${field}`}
      label={t(`curation.resources.${NUMBER_LABEL[field]}`)}
      withAsterisk
      min={field === 'durationMonths' ? 1 : 0}
      allowNegative={false}
      allowDecimal={decimals}
      decimalScale={decimals ? 1 : undefined}
      thousandSeparator={field === 'budgetEur' ? ' ' : undefined}
      value={values[field]}
      onChange={(value) => onNumberChange(field, value)}
      error={errors[`resources.${field}`]}
    />
  );
  return (
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
          value={note}
          onChange={(event) => onNoteChange(event.currentTarget.value)}
          error={errors['resources.note']}
        />
      </Stack>
    </Paper>
  );
}

/** Network or public; public only while the network allows public entries (or already so). */
export function EntryScopeField({
  value,
  onChange,
  allowPublic,
  error,
}: {
  value: EntryScope;
  onChange: (scope: EntryScope) => void;
  allowPublic: boolean;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <ChoiceField
      name="scope"
      label={t('curation.field.scope')}
      choices={[
        {
          value: 'network',
          label: t('curation.scope.network'),
          description: t('curation.scope.networkHint'),
        },
        {
          value: 'public',
          label: t('curation.scope.public'),
          description: allowPublic
            ? t('curation.scope.publicHint')
            : t('curation.scope.publicNotAllowed'),
          disabled: !allowPublic && value !== 'public',
        },
      ]}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
