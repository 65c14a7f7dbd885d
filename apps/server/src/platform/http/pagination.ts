import { badRequest, DomainError, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@tandem/domain';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

/**
 * The key that signs cursors. Every process of a deployment must share it (a page may be asked of
 * another replica), so the composition root derives it from the JWT secret at start; until then
 * (a unit test calling a service directly) a key of this process's own serves.
 */
let cursorKey: Buffer = randomBytes(32);

export function useCursorSecret(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('tandem:pagination-cursor').digest();
}

const MAC_LENGTH = 16;
const signatureOf = (payload: string): Buffer =>
  createHmac('sha256', cursorKey).update(payload).digest().subarray(0, MAC_LENGTH);

/**
 * Cursors are opaque to clients: base64url JSON of the sort key of the last item, signed. The
 * services put the decoded parts straight into SQL (a timestamp, a uuid, an offset), so a cursor
 * the server did not issue must never decode: a forged `["yesterday", 1e300]` would otherwise
 * reach Postgres as a bad timestamp or an out-of-range number and answer 500.
 */
export function encodeCursor(key: (string | number)[]): string {
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${signatureOf(payload).toString('base64url')}`;
}

const invalidCursor = (): DomainError =>
  badRequest('Invalid cursor', [
    { field: 'cursor', problems: ['cursor is not one this server issued'] },
  ]);

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === undefined) return null;
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0) throw invalidCursor();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_LENGTH || !timingSafeEqual(given, signatureOf(payload)))
    throw invalidCursor();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
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
  throw invalidCursor();
}
