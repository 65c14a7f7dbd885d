import { Module } from '@nestjs/common';
import { ChathamRepository } from './chatham.repository';
import { ChathamService } from './chatham.service';
import { InvitationsRepository } from './invitations.repository';
import { NetworksController } from './networks.controller';
import { NetworksRepository } from './networks.repository';
import { NetworksService } from './networks.service';

@Module({
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
