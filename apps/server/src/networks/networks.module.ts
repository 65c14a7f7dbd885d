import { Module } from '@nestjs/common';
import { ChathamRepository } from './chatham.repository';
import { ChathamService } from './chatham.service';
import { MailModule } from '../platform/mail/mail.module';
import { UsersModule } from '../users/users.module';
import { InvitationsRepository } from './invitations.repository';
import { NetworksController } from './networks.controller';
import { NetworksRepository } from './networks.repository';
import { NetworksService } from './networks.service';

@Module({
  imports: [MailModule, UsersModule],
  controllers: [NetworksController],
  providers: [
    NetworksService,
    NetworksRepository,
    InvitationsRepository,
    ChathamService,
    ChathamRepository,
  ],
  exports: [NetworksService, ChathamService],
})
export class NetworksModule {}
