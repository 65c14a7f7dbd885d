import { badRequest, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@tandem/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}

export function pageSize(query: PageQuery): number {
  return query.limit ?? PAGE_SIZE_DEFAULT;
}

/** Cursors are opaque to clients: base64url JSON of the sort key of the last item. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('Invalid cursor', [
    { field: 'cursor', problems: ['cursor is not one this server issued'] },
  ]);
}
