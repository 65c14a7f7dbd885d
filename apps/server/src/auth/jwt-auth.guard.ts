import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, unauthorized } from '@tandem/domain';
import { isDatabaseUnavailable } from '../platform/database/database-errors';
import { IS_PUBLIC } from '../platform/http/public.decorator';

/** Global guard: every route needs a valid access token unless it is marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    // Sockets are authenticated once, in the gateway's handshake middleware, before any handler
    // can run; there is no HTTP request here for passport to read.
    if (context.getType() !== 'http') return true;
    return super.canActivate(context);
  }

  /** Tells the client whether to refresh (expired) or to sign in again (missing or invalid). */
  override handleRequest<T>(error: unknown, user: T | false, info: unknown): T {
    // Errors from validate() itself: an ended session (401 with its own message) or a database
    // that cannot be asked (503, so clients retry instead of signing out). Driver errors may come
    // from another realm, so they are recognised by shape, not by instanceof.
    if (error) {
      if (error instanceof DomainError) throw error;
      if (isDatabaseUnavailable(error))
        throw new DomainError('unavailable', 'The database is unavailable; try again shortly');
      throw error instanceof Error ? error : new Error('Authentication failed unexpectedly');
    }
    if (!user) {
      const name = info instanceof Error ? info.name : '';
      if (name === 'TokenExpiredError') throw unauthorized('Access token expired; refresh it');
      if (info instanceof Error && info.message === 'No auth token')
        throw unauthorized('Authentication required');
      throw unauthorized('Access token is not valid');
    }
    return user;
  }
}
