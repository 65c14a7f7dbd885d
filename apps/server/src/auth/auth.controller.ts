import { Body, Controller, Get, Header, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthResponse, EmailVerified, UserView } from '@tandem/domain';
import { Actor, ClientAddress, CurrentActor } from '../platform/http/actor';
import { Public } from '../platform/http/public.decorator';
import { AuthService } from './auth.service';
import {
  PasswordResetConfirmDto,
  PasswordResetDto,
  VerifyEmailDto,
} from './dto/account-settings.dto';
import { LoginDto, RefreshDto, RegisterDto } from './dto/auth.dto';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  /** Also mails a link to confirm the address, in the new account's locale. */
  @Public()
  @Post('auth/register')
  @Header('Cache-Control', 'no-store')
  register(
    @Body() dto: RegisterDto,
    @ClientAddress() address: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<AuthResponse> {
    return this.auth.register(dto, address, acceptLanguage ?? null, userAgent ?? null);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  login(
    @Body() dto: LoginDto,
    @ClientAddress() address: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<AuthResponse> {
    return this.auth.login(dto, address, userAgent ?? null);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  refresh(
    @Body() dto: RefreshDto,
    @ClientAddress() address: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<AuthResponse> {
    return this.auth.refresh(dto, address, userAgent ?? null);
  }

  /** Public so that a client whose access token has expired can still end its session. */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto);
  }

  /**
   * Mails a single-use link (60 minutes) to PUBLIC_URL/reset-password when the address has an
   * account. Always 202, after the same minimum time: the answer never tells whether it has.
   */
  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'a reset link is mailed if the address has an account' })
  async requestPasswordReset(
    @Body() dto: PasswordResetDto,
    @ClientAddress() address: string,
  ): Promise<void> {
    await this.passwordReset.request(dto, address);
  }

  /** Sets the new password with the mailed token (once) and ends every session of the account. */
  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the password is changed; every session has ended' })
  async confirmPasswordReset(
    @Body() dto: PasswordResetConfirmDto,
    @ClientAddress() address: string,
  ): Promise<void> {
    await this.passwordReset.confirm(dto, address);
  }

  /**
   * Confirms an address with the mailed token (once, 48 hours): the sign-up address, or a new
   * one, which then replaces the old. Public: the link may be opened on another device.
   */
  @Public()
  @Post('auth/verify-email')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'the address now verified on the account' })
  verifyEmail(
    @Body() dto: VerifyEmailDto,
    @ClientAddress() address: string,
  ): Promise<EmailVerified> {
    return this.emailVerification.verify(dto, address);
  }

  @ApiBearerAuth()
  @Get('me')
  @Header('Cache-Control', 'no-store')
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.auth.me(actor);
  }
}
