import { Alert, Badge, Group, Text, Tooltip } from '@mantine/core';
import { type AuthorView, renderLabel } from '@tandem/domain';
import { useTranslation } from 'react-i18next';

/** The badge every Chatham House thread carries, wherever it is listed or shown. */
export function ChathamBadge() {
  const { t } = useTranslation();
  return (
    // The tooltip is a convenience for mouse users; the thread itself explains the rule in full.
    <Tooltip label={t('chatham.short')} multiline w={260} withArrow>
      <Badge color="grape" variant="light" tt="none" data-testid="chatham-badge">
        {t('chatham.badge')}
      </Badge>
    </Tooltip>
  );
}

/** The explanation at the top of a Chatham House thread. */
export function ChathamNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="grape" variant="light" title={t('chatham.title')} role="note">
      {t('chatham.explanation')}
    </Alert>
  );
}

/** An author as the viewer may see them: a label in Chatham House threads, else name and organisation. */
export function AuthorLine({ author, isMine }: { author: AuthorView; isMine: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" component="span" style={{ minWidth: 0 }}>
      {author.kind === 'chatham' ? (
        <Text span fw={600} size="sm" data-label-code={author.labelCode}>
          {chathamLabel(author, i18n.language)}
        </Text>
      ) : (
        <>
          <Text span fw={600} size="sm">
            {author.displayName || t('author.former')}
          </Text>
          {author.organisationLabel && (
            <Text span size="xs" c="dimmed">
              {author.organisationLabelCode
                ? renderLabel(author.organisationLabelCode, i18n.language)
                : author.organisationLabel}
            </Text>
          )}
        </>
      )}
      {isMine && (
        <Badge size="xs" variant="outline" tt="none">
          {t('author.you')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * A Chatham House label in the interface language, from its code (the texts live in
 * @tandem/domain, shared with the server). Notifications stored before labels had codes carry
 * only the server's English text.
 */
export function chathamLabel(
  author: Extract<AuthorView, { kind: 'chatham' }>,
  language: string,
): string {
  return author.labelCode ? renderLabel(author.labelCode, language) : author.label;
}

/** The author as plain text, for sentences and announcements. */
export function authorName(author: AuthorView, language = 'en'): string {
  return author.kind === 'chatham' ? chathamLabel(author, language) : author.displayName;
}
