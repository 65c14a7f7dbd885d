import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../i18n/i18n';

const OPTIONS = LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }));

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Select<Language>
      aria-label={t('language.label')}
      data={OPTIONS}
      value={current}
      onChange={(value) => {
        if (value) void i18n.changeLanguage(value);
      }}
      allowDeselect={false}
      withCheckIcon={false}
      size="xs"
      w={116}
    />
  );
}
