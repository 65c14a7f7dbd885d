import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrganisationView, Page, UserView } from '@tandem/domain';
import { Actor, CurrentActor } from '../platform/http/actor';
import {
  CreateOrganisationDto,
  OrganisationSearchQuery,
  SetMyOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post('organisations')
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.organisations.create(actor, dto);
  }

  @Get('organisations')
  search(@Query() query: OrganisationSearchQuery): Promise<Page<OrganisationView>> {
    return this.organisations.search(query);
  }

  @Get('organisations/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrganisationView> {
    return this.organisations.get(id);
  }

  @Put('me/organisation')
  setMine(@CurrentActor() actor: Actor, @Body() dto: SetMyOrganisationDto): Promise<UserView> {
    return this.organisations.setMine(actor, dto.organisationId);
  }
}
