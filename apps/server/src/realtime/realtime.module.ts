import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ChannelsModule } from '../channels/channels.module';
import { DiscussionsModule } from '../discussions/discussions.module';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeListener } from './realtime.listener';
import { RealtimeRepository } from './realtime.repository';

@Module({
  imports: [AuthModule, ChannelsModule, DiscussionsModule],
  providers: [RealtimeGateway, RealtimeListener, RealtimeRepository],
})
export class RealtimeModule {}
