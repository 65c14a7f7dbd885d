import { Module } from '@nestjs/common';
import { AccountTokensRepository } from './account-tokens.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, UsersRepository, AccountTokensRepository],
  exports: [UsersService, AccountTokensRepository],
})
export class UsersModule {}
