import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import type { Actor } from '../http/actor';
import { RATE_LIMIT, RouteRateLimit, RouteRateRule } from './rate-limit.decorator';
import { RateLimitService } from './rate-limit.service';

const REFUSAL: Record<RouteRateRule, string> = {
  searchPerUser: 'Too many searches; wait a moment before searching again',
  exportPerUser: 'Too many exports and downloads; wait a moment before the next one',
  pdfExportPerUser: 'Too many PDF exports; wait a moment before the next one',
  flagPerUser: 'Too many flags; wait a moment before flagging again',
  invitationPerUser: 'Too many invitations; wait a while before sending more',
};

/**
 * Applies `@RateLimit(...)`. An interceptor rather than a guard: interceptors run after every
 * guard, so the caller is authenticated and the allowance is theirs (a route without a caller is
 * not counted here). Runs before the pipes, so a refused call costs no validation or query.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const limit = this.reflector.get<RouteRateLimit | undefined>(RATE_LIMIT, context.getHandler());
    if (!limit) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    const userId = request.user?.userId;
    if (!userId) return next.handle();
    const rule = typeof limit === 'function' ? limit(request) : limit;
    await this.limits.consume(
      `${rule}:user:${userId}`,
      this.config.rateLimits[rule],
      REFUSAL[rule],
    );
    return next.handle();
  }
}
