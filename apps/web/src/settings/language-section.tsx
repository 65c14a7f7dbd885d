import { Button, MultiSelect, Paper, Select, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { READING_LANGUAGES_MAX, type UserView } from '@tandem/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/i18n';
import { updateProfile } from './settings-api';
import { useSaveLanguage } from './use-save-language';

/**
 * Languages people in integration work often read beyond the interface languages (ISO 639-1):
 * offered as reading languages, named in the reader's own interface language.
 */
const MORE_READING_LANGUAGES = [
  'am',
  'bg',
  'bs',
  'da',
  'et',
  'fa',
  'fi',
  'hu',
  'ku',
  'lt',
  'lv',
  'no',
  'ps',
  'ru',
  'sk',
  'sl',
  'so',
  'sq',
  'sr',
  'ti',
  'tr',
  'ur',
  'zh',
];

/** The interface language (the account's, used for mail too) and the languages one reads. */
export function LanguageSection({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const saveLanguage = useSaveLanguage();
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const [reading, setReading] = useState<string[]>(user.readingLanguages);

  const readingOptions = useMemo(() => {
    const names = new Intl.DisplayNames([current], { type: 'language' });
    return [...new Set([...LANGUAGES, ...MORE_READING_LANGUAGES, ...user.readingLanguages])]
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort((a, b) => a.label.localeCompare(b.label, current));
  }, [current, user.readingLanguages]);

  const saveReading = useMutation({
    mutationFn: (languages: string[]) => updateProfile(api, { readingLanguages: languages }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      notifications.show({ color: 'green', message: t('accountSettings.saved') });
    },
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="language-title">
      <Stack>
        <Title order={2} size="h3" id="language-title">
          {t('accountSettings.languageTitle')}
        </Title>
        <Select<Language>
          label={t('accountSettings.uiLanguage')}
          description={t('accountSettings.uiLanguageHint')}
          data={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          value={current}
          onChange={(value) => {
            if (value) {
              // Said in the language just chosen (`t` still speaks the previous one).
              void saveLanguage(value).then(() =>
                notifications.show({ color: 'green', message: i18n.t('accountSettings.saved') }),
              );
            }
          }}
          allowDeselect={false}
          maw={320}
        />
        <MultiSelect
          label={t('accountSettings.readingLanguages')}
          description={t('accountSettings.readingLanguagesHint')}
          data={readingOptions}
          value={reading}
          onChange={setReading}
          maxValues={READING_LANGUAGES_MAX}
          searchable
          clearable
        />
        <ApiErrorAlert error={saveReading.error} />
        <Button
          onClick={() => saveReading.mutate(reading)}
          loading={saveReading.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('accountSettings.saveReadingLanguages')}
        </Button>
      </Stack>
    </Paper>
  );
}
