import { Body, Controller, Delete, Get, Header, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountExport } from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { AccountService } from './account.service';
import { DeleteAccountDto } from './dto/account.dto';
import { RateLimit } from '../platform/rate-limit/rate-limit.decorator';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** All of the caller's own data, as a JSON file to keep. */
  @RateLimit('exportPerUser')
  @Get('data')
  @Header('Content-Disposition', 'attachment; filename="tandem-my-data.json"')
  @Header('Cache-Control', 'no-store')
  data(@CurrentActor() actor: Actor): Promise<AccountExport> {
    return this.account.export(actor);
  }

  /** Deletes (anonymises) the caller's account; the password confirms it. */
  @Delete()
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Body() dto: DeleteAccountDto): Promise<void> {
    await this.account.deleteAccount(actor, dto);
  }
}
