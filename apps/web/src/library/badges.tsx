import { Badge, Group } from '@mantine/core';
import type {
  ContentLanguage,
  LibraryScope,
  LibraryStatus,
  Phase,
  ResearchQuestion,
} from '@tandem/domain';
import { useTranslation } from 'react-i18next';

/** Status, scope, question, phase and language of a library item, as small badges. */
export function ItemBadges({
  status,
  scope,
  language,
  question,
  phase,
}: {
  status: LibraryStatus;
  scope: LibraryScope;
  language: ContentLanguage;
  question?: ResearchQuestion;
  phase?: Phase;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {status === 'draft' && (
        <Badge color="orange" variant="light" tt="none">
          {t('library.draft')}
        </Badge>
      )}
      {scope === 'public' && (
        <Badge color="teal" variant="light" tt="none">
          {t('library.public')}
        </Badge>
      )}
      {question && (
        <Badge color="indigo" variant="light" tt="none">
          {t(`question.${question}`)}
        </Badge>
      )}
      {phase && (
        <Badge color="violet" variant="light" tt="none">
          {t(`phase.${phase}`)}
        </Badge>
      )}
      <Badge color="gray" variant="outline" tt="none">
        {t(`contentLanguage.${language}`)}
      </Badge>
    </Group>
  );
}
