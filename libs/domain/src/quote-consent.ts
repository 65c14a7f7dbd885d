import { DomainError } from './errors';
import type { Decision } from './networks';

/*
 * Consent before a quote leaves its audience. A best-practice entry shared beyond its network
 * (scope `public`) may carry a quote only with its author's consent; the author answers each
 * request, or their standing choice answers for them.
 */

export const QUOTE_CONSENT_STATES = ['pending', 'granted', 'refused'] as const;
export type QuoteConsentState = (typeof QUOTE_CONSENT_STATES)[number];

/** An author's standing choice: ask each time, or always / never allow. */
export const QUOTE_CONSENT_CHOICES = ['ask', 'always', 'never'] as const;
export type QuoteConsentChoice = (typeof QUOTE_CONSENT_CHOICES)[number];

export const QUOTE_CONSENT_DECISIONS = ['grant', 'refuse'] as const;
export type QuoteConsentDecision = (typeof QUOTE_CONSENT_DECISIONS)[number];

/** Who settled a request: the author, or their standing choice. */
export type QuoteConsentDecidedBy = 'person' | 'setting';

/**
 * How a new request starts. The curator quoting themselves has consented by doing so; an
 * author whose account is gone cannot be asked, so the request stays pending and the quote
 * cannot leave the network.
 */
export function initialQuoteConsent(input: {
  authorId: string | null;
  curatorId: string;
  choice: QuoteConsentChoice;
}): { state: QuoteConsentState; decidedBy: QuoteConsentDecidedBy | null } {
  if (input.authorId === null) return { state: 'pending', decidedBy: null };
  if (input.authorId === input.curatorId) return { state: 'granted', decidedBy: 'person' };
  if (input.choice === 'always') return { state: 'granted', decidedBy: 'setting' };
  if (input.choice === 'never') return { state: 'refused', decidedBy: 'setting' };
  return { state: 'pending', decidedBy: null };
}

/** Only the quoted author answers, and may change their mind while the entry is unpublished. */
export function decideQuoteConsent(input: { isAuthor: boolean }): Decision {
  if (!input.isAuthor)
    return { allowed: false, error: new DomainError('not_found', 'Quote consent not found') };
  return { allowed: true };
}

/**
 * Whether a public entry may publish: every quote consented or refused (refused ones are left
 * out of the shared version). Pending ones block, named in the error.
 */
export function publishWithQuotes(
  consents: { messageId: string; state: QuoteConsentState }[],
): Decision {
  const waiting = consents.filter((consent) => consent.state === 'pending');
  if (waiting.length === 0) return { allowed: true };
  return {
    allowed: false,
    error: new DomainError(
      'conflict',
      `This entry is shared beyond its network and ${waiting.length} quoted author(s) have not consented yet`,
      [
        {
          field: 'messageIds',
          problems: waiting.map(
            (consent) =>
              `${consent.messageId} waits for its author's consent to be quoted publicly`,
          ),
        },
      ],
    ),
  };
}

/** `GET /api/me/quote-consents`: a request as its author sees it. */
export interface QuoteConsentView {
  id: string;
  entryId: string;
  /** The entry's title when asked (the author may not be able to open a draft). */
  entryTitle: string;
  messageId: string;
  /** The quoted words. */
  excerpt: string;
  state: QuoteConsentState;
  decidedBy: QuoteConsentDecidedBy | null;
  decidedAt: string | null;
  createdAt: string;
}

/** `POST /api/quote-consents/:id`. */
export interface DecideQuoteConsentBody {
  decision: QuoteConsentDecision;
}

/** `GET|PUT /api/me/quote-consent-settings`. */
export interface QuoteConsentSettingsView {
  choice: QuoteConsentChoice;
}

/** What an editor of an entry sees for each quote when the entry is shared beyond its network. */
export interface QuoteConsentStatus {
  messageId: string;
  state: QuoteConsentState;
  decidedAt: string | null;
}
