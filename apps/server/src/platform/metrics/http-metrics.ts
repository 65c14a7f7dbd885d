import type { FastifyInstance } from 'fastify';
import type { MetricsService } from './metrics.service';

/**
 * Times every HTTP request by its route template (`/api/threads/:id/messages`), never the raw
 * URL: ids in labels would make one series per thread and exhaust Prometheus. Requests that
 * matched no route share one label. Register before the routes are (createApp does).
 */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: MetricsService): void {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observeHttp(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
}
