import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/configuration';

/** The per-user rules a route may name (AppConfig.rateLimits, set by RATE_LIMIT_* variables). */
export type RouteRateRule = Extract<
  keyof AppConfig['rateLimits'],
  'searchPerUser' | 'exportPerUser' | 'pdfExportPerUser' | 'flagPerUser' | 'invitationPerUser'
>;

/** A rule, or how to choose one from the request (a PDF export counts against its own). */
export type RouteRateLimit = RouteRateRule | ((request: FastifyRequest) => RouteRateRule);

export const RATE_LIMIT = 'tandem:rateLimit';

/**
 * Counts each call of the route against the signed-in caller's allowance under `rule`; past it
 * the route answers 429 with Retry-After and does nothing (RateLimitInterceptor).
 */
export const RateLimit = (rule: RouteRateLimit): MethodDecorator => SetMetadata(RATE_LIMIT, rule);

/** `@RateLimit(exportRule)`: PDF exports against their own, tighter allowance. */
export const exportRule = (request: FastifyRequest): RouteRateRule =>
  (request.query as { format?: unknown } | undefined)?.format === 'pdf'
    ? 'pdfExportPerUser'
    : 'exportPerUser';
