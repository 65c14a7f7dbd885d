import { Badge, Group, MultiSelect } from '@mantine/core';
import { TOPICS, TOPICS_MAX, type Topic } from '@tandem/domain';
import { useTranslation } from 'react-i18next';

const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

export function TopicBadges({ topics }: { topics: readonly Topic[] }) {
  const { t } = useTranslation();
  if (topics.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap">
      {topics.map((topic) => (
        <Badge key={topic} size="sm" variant="default" tt="none" radius="sm">
          {t(`topics.${topic}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** The fixed topic list with translated labels, at most TOPICS_MAX chosen. */
export function TopicsSelect({
  value,
  onChange,
  error,
}: {
  value: Topic[];
  onChange: (topics: Topic[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const data = TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return (
    <MultiSelect
      name="topics"
      label={t('topicsField.label')}
      description={t('topicsField.hint', { max: TOPICS_MAX })}
      data={data}
      value={value}
      onChange={(next) => onChange(next.filter(isTopic))}
      maxValues={TOPICS_MAX}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('topicsField.none')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
