import { ApiProperty } from '@nestjs/swagger';
import {
  QUOTE_CONSENT_CHOICES,
  QUOTE_CONSENT_DECISIONS,
  type DecideQuoteConsentBody,
  type QuoteConsentChoice,
  type QuoteConsentDecision,
  type QuoteConsentSettingsView,
} from '@tandem/domain';
import { IsIn } from 'class-validator';

export class DecideQuoteConsentDto implements DecideQuoteConsentBody {
  @ApiProperty({ enum: QUOTE_CONSENT_DECISIONS, description: 'allow or refuse the quote' })
  @IsIn(QUOTE_CONSENT_DECISIONS, {
    message: `decision must be one of: ${QUOTE_CONSENT_DECISIONS.join(', ')}`,
  })
  decision: QuoteConsentDecision;
}

export class QuoteConsentSettingsDto implements QuoteConsentSettingsView {
  @ApiProperty({
    enum: QUOTE_CONSENT_CHOICES,
    description:
      'when a message of yours is quoted in an entry shared beyond its network: ask each time, always allow, never allow',
  })
  @IsIn(QUOTE_CONSENT_CHOICES, {
    message: `choice must be one of: ${QUOTE_CONSENT_CHOICES.join(', ')}`,
  })
  choice: QuoteConsentChoice;
}
