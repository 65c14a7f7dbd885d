import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ChannelView } from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { ChannelsService } from './channels.service';
import {
  AddChannelMemberDto,
  ChannelListQuery,
  CreateChannelDto,
  UpdateChannelDto,
} from './dto/channel.dto';

@ApiTags('channels')
@ApiBearerAuth()
@Controller()
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post('networks/:slug/channels')
  create(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: CreateChannelDto,
  ): Promise<ChannelView> {
    return this.channels.create(actor, slug, dto);
  }

  @Get('networks/:slug/channels')
  list(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: ChannelListQuery,
  ): Promise<ChannelView[]> {
    return this.channels.list(actor, slug, query);
  }

  @Get('channels/:id')
  get(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ChannelView> {
    return this.channels.get(actor, id);
  }

  @Patch('channels/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateChannelDto,
  ): Promise<ChannelView> {
    return this.channels.update(actor, id, dto);
  }

  @Post('channels/:id/members')
  @HttpCode(200)
  addMember(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AddChannelMemberDto,
  ): Promise<ChannelView> {
    return this.channels.addMember(actor, id, dto);
  }

  @Delete('channels/:id/members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<void> {
    await this.channels.removeMember(actor, id, userId);
  }
}
