import { Badge, Blockquote, Stack, Text } from '@mantine/core';
import type { EvidenceQuoteView } from '@tandem/domain';
import { quoteAttributionText } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { MarkdownBody } from '../discussions/markdown';
import { useFormatDate } from '../layout/format';

/** Quotes from the source thread, each with its attribution (a Chatham House label only). */
export function EvidenceQuotes({ quotes }: { quotes: EvidenceQuoteView[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (quotes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('curation.evidenceEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {quotes.map((quote) => (
        <li key={quote.messageId} data-testid="evidence-quote">
          <Blockquote color="indigo" p="sm" radius="sm" iconSize={0}>
            {quote.deleted ? (
              <Badge color="red" variant="light" tt="none">
                {t('curation.quoteDeleted')}
              </Badge>
            ) : (
              <MarkdownBody>{quote.body}</MarkdownBody>
            )}
            <Text size="sm" c="dimmed" mt={4} component="p">
              — {quoteAttributionText(quote.author)}, {formatDate(quote.postedAt)}
            </Text>
          </Blockquote>
        </li>
      ))}
    </Stack>
  );
}
