import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../i18n/i18n';
import { useSaveLanguage } from '../settings/use-save-language';

const OPTIONS = LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }));

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const saveLanguage = useSaveLanguage();
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Select<Language>
      aria-label={t('language.label')}
      data={OPTIONS}
      value={current}
      onChange={(value) => {
        // Signed in, the choice is kept on the account: the app and every mail use it.
        if (value) void saveLanguage(value);
      }}
      allowDeselect={false}
      withCheckIcon={false}
      size="xs"
      w={116}
    />
  );
}
