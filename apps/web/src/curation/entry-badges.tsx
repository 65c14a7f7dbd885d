import { Badge, Group } from '@mantine/core';
import type { EntryScope, EntryStatus, Phase } from '@tandem/domain';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<EntryStatus, string> = {
  draft: 'orange',
  in_review: 'yellow',
  published: 'green',
  archived: 'gray',
};

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOUR[status]} variant="light" tt="none">
      {t(`curation.status.${status}`)}
    </Badge>
  );
}

/** Status, scope, version and phase of an entry, as small badges. */
export function EntryBadges({
  status,
  scope,
  version,
  phase,
}: {
  status: EntryStatus;
  scope: EntryScope;
  version: number | null;
  phase: Phase;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <EntryStatusBadge status={status} />
      {version !== null && (
        <Badge color="indigo" variant="outline" tt="none">
          {t('curation.versionShort', { version })}
        </Badge>
      )}
      {scope === 'public' && (
        <Badge color="teal" variant="light" tt="none">
          {t('curation.scope.public')}
        </Badge>
      )}
      <Badge color="violet" variant="light" tt="none">
        {t(`phase.${phase}`)}
      </Badge>
    </Group>
  );
}
