import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { CITATION_MAX_LENGTH, SOURCES_MAX } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../forms/field-errors';

/** The field names of each source row, for the errors of `sources.<n>.url` and `.citation`. */
export const SOURCE_FIELDS = Array.from({ length: SOURCES_MAX }, (_, index) => [
  `sources.${index}.url`,
  `sources.${index}.citation`,
]).flat();

export interface SourceDraft {
  /** Stable across edits and removals, for React; never sent. */
  key: number;
  url: string;
  citation: string;
}

let nextSourceKey = 1;
export const newSource = (url = '', citation = ''): SourceDraft => ({
  key: nextSourceKey++,
  url,
  citation,
});

/** A research summary's sources: an address and a citation each, at least one, at most SOURCES_MAX. */
export function SourcesField({
  sources,
  onChange,
  errors,
  clearField,
}: {
  sources: SourceDraft[];
  /** Replaces the rows; the errors are cleared here, as each change affects them. */
  onChange: (sources: SourceDraft[]) => void;
  errors: FieldErrors<string>;
  clearField: (field: string) => void;
}) {
  const { t } = useTranslation();
  const updateSource = (index: number, part: 'url' | 'citation', value: string) => {
    onChange(sources.map((source, at) => (at === index ? { ...source, [part]: value } : source)));
    clearField(`sources.${index}.${part}`);
    clearField('sources');
  };
  const removeSource = (index: number) => {
    onChange(sources.filter((_, at) => at !== index));
    // Positions shift: earlier messages would point at the wrong row.
    SOURCE_FIELDS.forEach(clearField);
  };
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={500} size="sm" mb="xs">
        {t('libraryForm.sources')}
      </Text>
      <Stack gap="sm">
        {sources.map((source, index) => (
          <Paper key={source.key} withBorder p="sm" radius="sm">
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                <TextInput
                  type="url"
                  label={t('libraryForm.sourceUrl', { number: index + 1 })}
                  placeholder="https://"
                  value={source.url}
                  onChange={(event) => updateSource(index, 'url', event.currentTarget.value)}
                  error={errors[`sources.${index}.url`]}
                />
                <Textarea
                  label={t('libraryForm.sourceCitation', { number: index + 1 })}
                  autosize
                  minRows={1}
                  maxLength={CITATION_MAX_LENGTH}
                  value={source.citation}
                  onChange={(event) => updateSource(index, 'citation', event.currentTarget.value)}
                  error={errors[`sources.${index}.citation`]}
                />
              </Stack>
              {sources.length > 1 && (
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
        {sources.length < SOURCES_MAX && (
          <Button
            variant="default"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              onChange([...sources, newSource()]);
              clearField('sources');
            }}
          >
            {t('libraryForm.addSource')}
          </Button>
        )}
      </Stack>
    </fieldset>
  );
}
