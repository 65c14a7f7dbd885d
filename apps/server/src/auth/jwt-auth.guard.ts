import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { unauthorized } from '@tandem/domain';
import { IS_PUBLIC } from '../common/public.decorator';

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
    // that cannot be asked (503 through the filter, so clients retry instead of signing out).
    if (error instanceof Error) throw error;
    if (error) throw unauthorized('Access token is not valid');
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
