import { Text } from '@mantine/core';
import type { OrganisationView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { countryName } from './countries';

/** Name on one line; sector, level and place on the next, in the UI language. */
export function OrganisationSummary({ organisation }: { organisation: OrganisationView }) {
  const { t, i18n } = useTranslation();
  const place = [organisation.city, countryName(organisation.country, i18n.language)]
    .filter(Boolean)
    .join(', ');
  return (
    <div>
      <Text fw={600}>{organisation.name}</Text>
      <Text size="sm" c="dimmed">
        {t(`sector.${organisation.sector}`)} · {t(`level.${organisation.level}`)} · {place}
      </Text>
    </div>
  );
}
