import { Module } from '@nestjs/common';
import { InvitationsRepository } from './invitations.repository';
import { NetworksController } from './networks.controller';
import { NetworksRepository } from './networks.repository';
import { NetworksService } from './networks.service';

@Module({
  controllers: [NetworksController],
  providers: [NetworksService, NetworksRepository, InvitationsRepository],
  exports: [NetworksService],
})
export class NetworksModule {}
