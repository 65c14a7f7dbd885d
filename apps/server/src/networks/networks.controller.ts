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
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ChathamSettingsView,
  InvitationCreated,
  InvitationPreview,
  InvitationView,
  MemberView,
  NetworkView,
  Page,
} from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import { PageQuery } from '../platform/http/pagination';
import {
  ChangeRoleDto,
  CreateInvitationDto,
  CreateNetworkDto,
  NetworkListQuery,
  UpdateChathamSettingsDto,
} from './dto/network.dto';
import { ChathamService } from './chatham.service';
import { NetworksService } from './networks.service';
import { RateLimit } from '../platform/rate-limit/rate-limit.decorator';

@ApiTags('networks')
@ApiBearerAuth()
@Controller()
export class NetworksController {
  constructor(
    private readonly networks: NetworksService,
    private readonly chatham: ChathamService,
  ) {}

  @Get('networks/:slug/chatham')
  @ApiOperation({
    summary: 'The Chatham House group size in force (members only)',
    description:
      'A Chatham House label is shown only when at least minGroup members share it; otherwise a coarser one. 404 where the caller is not a member.',
  })
  chathamSettings(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
  ): Promise<ChathamSettingsView & { canChange: boolean }> {
    return this.chatham.settings(actor, slug);
  }

  @Patch('networks/:slug/chatham')
  @ApiOperation({
    summary: 'Raise the Chatham House group size (admins only)',
    description:
      'Never below the server’s CHATHAM_MIN_GROUP (400). Posts already written keep their labels. 403 for members who are not admins, 404 for non-members.',
  })
  updateChathamSettings(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: UpdateChathamSettingsDto,
  ): Promise<ChathamSettingsView & { canChange: boolean }> {
    return this.chatham.updateSettings(actor, slug, dto);
  }

  @Post('networks')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateNetworkDto): Promise<NetworkView> {
    return this.networks.create(actor, dto);
  }

  @Get('networks')
  list(@CurrentActor() actor: Actor, @Query() query: NetworkListQuery): Promise<Page<NetworkView>> {
    return this.networks.list(actor, query);
  }

  @Get('networks/:slug')
  get(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<NetworkView> {
    return this.networks.get(actor, slug);
  }

  @Post('networks/:slug/join')
  join(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<NetworkView> {
    return this.networks.join(actor, slug);
  }

  @Post('networks/:slug/leave')
  @HttpCode(204)
  async leave(@CurrentActor() actor: Actor, @Param('slug') slug: string): Promise<void> {
    await this.networks.leave(actor, slug);
  }

  @Get('networks/:slug/members')
  members(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: PageQuery,
  ): Promise<Page<MemberView>> {
    return this.networks.members(actor, slug, query);
  }

  @Patch('networks/:slug/members/:userId')
  changeRole(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<MemberView> {
    return this.networks.changeRole(actor, slug, userId, dto);
  }

  @Delete('networks/:slug/members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<void> {
    await this.networks.remove(actor, slug, userId);
  }

  @RateLimit('invitationPerUser')
  @Post('networks/:slug/invitations')
  invite(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: CreateInvitationDto,
  ): Promise<InvitationCreated> {
    return this.networks.invite(actor, slug, dto);
  }

  @Get('networks/:slug/invitations')
  invitations(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Query() query: PageQuery,
  ): Promise<Page<InvitationView>> {
    return this.networks.invitations(actor, slug, query);
  }

  @Delete('networks/:slug/invitations/:id')
  @HttpCode(204)
  async revokeInvitation(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.networks.revokeInvitation(actor, slug, id);
  }

  @Get('invitations/:token')
  previewInvitation(
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
  ): Promise<InvitationPreview> {
    return this.networks.previewInvitation(actor, token);
  }

  @Post('invitations/:token/accept')
  @HttpCode(200)
  acceptInvitation(
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
  ): Promise<NetworkView> {
    return this.networks.acceptInvitation(actor, token);
  }
}
