import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthResponse, UserView } from '@tandem/domain';
import { Actor, ClientAddress, CurrentActor } from '../platform/http/actor';
import { Public } from '../platform/http/public.decorator';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, RegisterDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/register')
  register(@Body() dto: RegisterDto, @ClientAddress() address: string): Promise<AuthResponse> {
    return this.auth.register(dto, address);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @ClientAddress() address: string): Promise<AuthResponse> {
    return this.auth.login(dto, address);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @ClientAddress() address: string): Promise<AuthResponse> {
    return this.auth.refresh(dto, address);
  }

  /** Public so that a client whose access token has expired can still end its session. */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.auth.me(actor);
  }
}
