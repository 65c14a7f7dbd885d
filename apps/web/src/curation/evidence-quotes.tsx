import { Badge, Blockquote, Stack, Text } from '@mantine/core';
import type { AuthorView, EvidenceQuoteView } from '@tandem/domain';
import { quoteAttributionText, renderLabel } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { MarkdownBody } from '../discussions/markdown';
import { useFormatDate } from '../layout/format';

/** A quote's attribution with its label in the interface language (rendered from its code). */
export function localQuoteAttribution(author: AuthorView, language: string): string {
  if (author.kind === 'chatham')
    return author.labelCode ? renderLabel(author.labelCode, language) : author.label;
  return quoteAttributionText({
    ...author,
    organisationLabel: author.organisationLabelCode
      ? renderLabel(author.organisationLabelCode, language)
      : author.organisationLabel,
  });
}

const CONSENT_TEXT = {
  pending: 'quoteConsent.statePending',
  granted: 'quoteConsent.stateGranted',
  refused: 'quoteConsent.stateRefused',
} as const;
const CONSENT_COLOR = { pending: 'yellow', granted: 'green', refused: 'red' } as const;

/** For editors of an entry shared beyond its network: whether the quoted author consented. */
export function QuoteConsentBadge({ consent }: { consent: EvidenceQuoteView['consent'] }) {
  const { t } = useTranslation();
  if (!consent) return null;
  return (
    <Badge
      color={CONSENT_COLOR[consent.state]}
      variant="light"
      tt="none"
      data-testid="quote-consent"
      data-state={consent.state}
    >
      {t(CONSENT_TEXT[consent.state])}
    </Badge>
  );
}

/** Quotes from the source thread, each with its attribution (a Chatham House label only). */
export function EvidenceQuotes({ quotes }: { quotes: EvidenceQuoteView[] }) {
  const { t, i18n } = useTranslation();
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
              — {localQuoteAttribution(quote.author, i18n.language)}, {formatDate(quote.postedAt)}
            </Text>
            <QuoteConsentBadge consent={quote.consent} />
          </Blockquote>
        </li>
      ))}
    </Stack>
  );
}
