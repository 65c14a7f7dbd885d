import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { unauthorized } from '@tandem/domain';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/configuration';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * With METRICS_TOKEN set, a scrape must bring it as a bearer token; unset, the metrics are
 * public (for a scraper on the private network in front of the replicas). The metrics route is
 * @Public() for the account guard either way: a person's access token never opens it.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.metricsToken === null ? null : digest(config.metricsToken);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === null) return true;
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const match = /^Bearer (.+)$/i.exec(header ?? '');
    // Compared as digests: equal lengths for timingSafeEqual, whatever was sent.
    if (match && timingSafeEqual(digest(match[1]), this.expected)) return true;
    throw unauthorized('The metrics need the METRICS_TOKEN bearer token');
  }
}
