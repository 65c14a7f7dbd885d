import { Select, Text } from '@mantine/core';
import {
  CONTENT_LANGUAGES,
  atLeast,
  type ContentLanguage,
  type LibraryScope,
  type NetworkView,
} from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../forms/choice-field';

export const isContentLanguage = (value: string | null): value is ContentLanguage =>
  value !== null && (CONTENT_LANGUAGES as readonly string[]).includes(value);

/** The networks the author belongs to; on an edit the item's network is fixed and only shown. */
export function NetworkField({
  networks,
  value,
  onChange,
  error,
  fixed,
}: {
  networks: NetworkView[];
  value: string;
  onChange: (slug: string) => void;
  error?: string;
  fixed?: boolean;
}) {
  const { t } = useTranslation();
  if (fixed) {
    const name = networks.find((network) => network.slug === value)?.name ?? value;
    return (
      <Text size="sm">
        {t('libraryForm.network')}: <strong>{name}</strong>
      </Text>
    );
  }
  return (
    <Select
      name="network"
      label={t('libraryForm.network')}
      description={t('libraryForm.networkHint')}
      required
      data={networks.map((network) => ({ value: network.slug, label: network.name }))}
      value={value || null}
      onChange={(slug) => onChange(slug ?? '')}
      error={error}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function LanguageField({
  value,
  onChange,
  error,
}: {
  value: ContentLanguage;
  onChange: (language: ContentLanguage) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      name="language"
      label={t('libraryForm.language')}
      required
      data={CONTENT_LANGUAGES.map((language) => ({
        value: language,
        label: t(`contentLanguage.${language}`),
      }))}
      value={value}
      onChange={(next) => {
        if (isContentLanguage(next)) onChange(next);
      }}
      error={error}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Public scope is offered only to the network's moderators and admins (the server refuses others). */
export function ScopeField({
  role,
  value,
  onChange,
  error,
}: {
  role: NetworkView['myRole'];
  value: LibraryScope;
  onChange: (scope: LibraryScope) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  if (!atLeast(role, 'moderator') && value !== 'public') return null;
  return (
    <ChoiceField
      name="scope"
      label={t('libraryForm.scope')}
      choices={[
        {
          value: 'network',
          label: t('libraryForm.scopeNetwork'),
          description: t('libraryForm.scopeNetworkDescription'),
        },
        {
          value: 'public',
          label: t('libraryForm.scopePublic'),
          description: t('libraryForm.scopePublicDescription'),
          disabled: !atLeast(role, 'moderator'),
        },
      ]}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
