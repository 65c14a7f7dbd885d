import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  SEARCH_TYPES,
  type SearchQueryParams,
  type SearchResults,
  type SearchType,
} from '@tandem/domain';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Actor, CurrentActor } from '../platform/http/actor';
import { PlainText } from '../platform/http/validation';
import { SearchService } from './search.service';
import { RateLimit } from '../platform/rate-limit/rate-limit.decorator';

const splitTypes = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** Postgres refuses NUL in text: a query string carrying control characters is bad input. */
export class SearchQuery implements SearchQueryParams {
  @ApiPropertyOptional({ description: 'words, "a phrase", -excluded, or (websearch syntax)' })
  @IsString()
  @Length(1, 200, { message: 'q must be 1 to 200 characters' })
  @PlainText()
  q: string;

  @ApiPropertyOptional({ description: 'network slug' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  @PlainText()
  network?: string;

  @ApiPropertyOptional({ description: `comma-separated: ${SEARCH_TYPES.join(',')}` })
  @IsOptional()
  @Transform(splitTypes)
  @IsIn(SEARCH_TYPES, { each: true, message: `types must be from: ${SEARCH_TYPES.join(', ')}` })
  types?: SearchType[];

  @ApiPropertyOptional({ maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @RateLimit('searchPerUser')
  @Get()
  search(@CurrentActor() actor: Actor, @Query() query: SearchQuery): Promise<SearchResults> {
    return this.searchService.search(
      actor,
      query.q,
      query.types ?? [],
      query.network,
      query.limit ?? 20,
    );
  }
}
