import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EmailChangeRequested, SessionView, UserView } from '@tandem/domain';
import { Actor, ClientAddress, CurrentActor } from '../platform/http/actor';
import { AccountSettingsService } from './account-settings.service';
import { ChangeEmailDto, ChangePasswordDto, UpdateProfileDto } from './dto/account-settings.dto';
import { EmailVerificationService } from './email-verification.service';
import { SessionsService } from './sessions.service';

/** The signed-in person's own account: profile, language, email, password and sessions. */
@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly settings: AccountSettingsService,
    private readonly emailVerification: EmailVerificationService,
    private readonly sessions: SessionsService,
  ) {}

  /** Changes the fields given; `locale` is the app's language and every mail's. */
  @Patch()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'the account as it is now' })
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<UserView> {
    return this.settings.updateProfile(actor, dto);
  }

  /** Confirmed by the current password; every other session ends. */
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'changed; the other sessions have ended' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.settings.changePassword(actor, dto);
  }

  /**
   * Mails a verification link to the new address; it replaces the current one only once the
   * link is opened (`POST /api/auth/verify-email`).
   */
  @Post('email')
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiAcceptedResponse({ description: 'a verification link was mailed to the new address' })
  changeEmail(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangeEmailDto,
    @ClientAddress() address: string,
  ): Promise<EmailChangeRequested> {
    return this.emailVerification.requestChange(actor, dto, address);
  }

  /** A fresh verification link: for the address waiting, else for an unverified own address. */
  @Post('email/resend')
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiAcceptedResponse({ description: 'a new verification link was mailed' })
  resendVerification(
    @CurrentActor() actor: Actor,
    @ClientAddress() address: string,
  ): Promise<EmailChangeRequested> {
    return this.emailVerification.resend(actor, address);
  }

  /** The live sign-in sessions, most recently active first; `current` marks this one. */
  @Get('sessions')
  @Header('Cache-Control', 'no-store')
  sessionList(@CurrentActor() actor: Actor): Promise<SessionView[]> {
    return this.sessions.list(actor);
  }

  /** Ends one of the caller's sessions at once (its access tokens and sockets too). */
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'no live session of the caller has this id' })
  async endSession(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.settings.endSession(actor, id);
  }
}
