import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [UsersModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService, OrganisationsRepository],
})
export class OrganisationsModule {}
