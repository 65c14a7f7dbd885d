import { Group, Text } from '@mantine/core';
import {
  attributionLabel,
  type MentoringPersonView,
  type PairingState,
  type SuggestionReason,
} from '@tandem/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Name — Organisation (label, country)". */
export function PersonLine({ person }: { person: MentoringPersonView }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm" component="span" style={{ overflowWrap: 'anywhere' }}>
      <strong>{person.displayName}</strong>
      {person.organisation && (
        <>
          {' — '}
          {person.organisation.name} ({attributionLabel(person.organisation, i18n.language)},{' '}
          {person.organisation.country})
        </>
      )}
    </Text>
  );
}

const STATE_COLOR: Record<PairingState, string> = {
  proposed: 'yellow',
  active: 'green',
  completed: 'blue',
  declined: 'gray',
  cancelled: 'gray',
};

export function StateBadge({ state }: { state: PairingState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" tt="none">
      {t(`mentoring.state.${state}`)}
    </Badge>
  );
}

/** A language code as its name in the UI language ("it" → "Italian" / "italien"). */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  } catch {
    names = null;
  }
  return (code: string) => names?.of(code) ?? code;
}

/** One line per reason, translated from its code and numbers, with its points. */
export function ReasonList({ reasons }: { reasons: SuggestionReason[] }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const text = (reason: SuggestionReason): string => {
    switch (reason.code) {
      case 'topic_overlap':
        return t('mentoring.reason.topic_overlap', {
          topics: reason.topics.map((topic) => t(`topics.${topic}`)).join(', '),
        });
      case 'shared_language':
        return t('mentoring.reason.shared_language', {
          languages: reason.languages.map(languageName).join(', '),
        });
      case 'cross_country':
        return t('mentoring.reason.cross_country', {
          from: reason.menteeCountry,
          to: reason.mentorCountry,
        });
      case 'similar_level':
        return reason.distance === 0
          ? t('mentoring.reason.same_level')
          : t('mentoring.reason.near_level');
      case 'same_sector':
        return t('mentoring.reason.same_sector');
      case 'capacity_left':
        return t('mentoring.reason.capacity_left', { free: reason.free });
      default: {
        const unknown: never = reason;
        return String(unknown);
      }
    }
  };
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }} data-testid="reasons">
      {reasons.map((reason) => (
        <li key={reason.code}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="sm" span>
              {text(reason)}
            </Text>
            <Text size="xs" c="dimmed" span>
              {t('mentoring.points', { points: reason.points })}
            </Text>
          </Group>
        </li>
      ))}
    </ul>
  );
}
