import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIBRARY_SCOPES,
  LIBRARY_STATUSES,
  TOPICS,
  TOPICS_MAX,
  type LibraryScope,
  type LibraryStatus,
  type Topic,
} from '@tandem/domain';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, ValidateIf } from 'class-validator';

export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/**
 * Optional, but not nullable: an edit may leave a field out, while `null` is validated like any
 * other value (and refused), instead of reaching a NOT NULL column. Use IsOptional only where
 * null is a meaningful value.
 */
export const Omittable = () =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined);

/** The fields every library item has besides its own: topics, audience and workflow state. */
export class TopicsAndLanguage {
  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, { each: true, message: 'each topic must be one of the fixed topics' })
  topics?: Topic[];

  @ApiPropertyOptional({
    enum: LIBRARY_SCOPES,
    description: 'public: every signed-in user (moderators and admins only)',
  })
  @Omittable()
  @IsIn(LIBRARY_SCOPES, { message: `scope must be one of: ${LIBRARY_SCOPES.join(', ')}` })
  scope?: LibraryScope;

  @ApiPropertyOptional({ enum: LIBRARY_STATUSES })
  @Omittable()
  @IsIn(LIBRARY_STATUSES, { message: `status must be one of: ${LIBRARY_STATUSES.join(', ')}` })
  status?: LibraryStatus;
}
