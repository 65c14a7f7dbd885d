import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { QuoteConsentSettingsView, QuoteConsentView } from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { DecideQuoteConsentDto, QuoteConsentSettingsDto } from './dto/quote-consent.dto';
import { QuoteConsentsService } from './quote-consents.service';

const uuid = new ParseUUIDPipe();

@ApiTags('curation')
@ApiBearerAuth()
@Controller()
export class QuoteConsentsController {
  constructor(private readonly consents: QuoteConsentsService) {}

  @Get('me/quote-consents')
  @ApiOperation({
    summary: 'Requests to quote your messages in entries shared beyond their network',
    description: 'Pending ones first, then the newest; each with its state and the date decided.',
  })
  mine(@CurrentActor() actor: Actor): Promise<QuoteConsentView[]> {
    return this.consents.mine(actor);
  }

  @Post('quote-consents/:id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Allow or refuse a quote of your message (the quoted author only)',
    description:
      'A refused quote is left out of what the entry shares, also from versions already published. 404 for anyone but the author.',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Body() dto: DecideQuoteConsentDto,
  ): Promise<QuoteConsentView> {
    return this.consents.decide(actor, id, dto);
  }

  @Get('me/quote-consent-settings')
  @ApiOperation({ summary: 'Your standing choice for quotes: ask, always or never' })
  settings(@CurrentActor() actor: Actor): Promise<QuoteConsentSettingsView> {
    return this.consents.settings(actor);
  }

  @Put('me/quote-consent-settings')
  @ApiOperation({
    summary: 'Set your standing choice for quotes',
    description: 'Applies to requests made from now on; earlier answers stay as they are.',
  })
  updateSettings(
    @CurrentActor() actor: Actor,
    @Body() dto: QuoteConsentSettingsDto,
  ): Promise<QuoteConsentSettingsView> {
    return this.consents.updateSettings(actor, dto);
  }
}
