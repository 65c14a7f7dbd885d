import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './platform/http/http-exception.filter';
import { strictValidationPipe } from './platform/http/validation';
import { useCursorSecret } from './platform/http/pagination';
import { answerFrameworkError, useJsonBodies } from './platform/http/request-body';
import {
  applyResponseHeaderRules,
  CONTENT_SECURITY_POLICY,
} from './platform/http/response-headers';
import { TandemIoAdapter } from './realtime/socket-io.adapter';
import { recordHttpMetrics } from './platform/metrics/http-metrics';
import { METRICS_ROUTE } from './platform/metrics/metrics.controller';
import { MetricsService } from './platform/metrics/metrics.service';
import type { AppConfig } from './platform/config/configuration';

/** Routes served outside the `/api` prefix (the route-table test reads this too). */
export const ROUTES_OUTSIDE_API = [METRICS_ROUTE];

/**
 * Builds the HTTP application exactly as production runs it; `main` and the end-to-end tests
 * both call this, so the tests exercise the real pipes, guards, filters and adapters.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestFastifyApplication> {
  const bodyLimit = 1_048_576;
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit,
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      bufferLogs: true,
      // A failed start (the database unreachable) throws to the caller, which reports it, instead
      // of Nest ending the whole process: main prints it and exits, a test fails alone.
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  useJsonBodies(app, bodyLimit);
  useCursorSecret(config.jwtSecret);
  applyResponseHeaderRules(adapter.getInstance(), [
    '/api',
    ...ROUTES_OUTSIDE_API.map((route) => `/${route.path}`),
  ]);
  const metrics = app.get(MetricsService);
  recordHttpMetrics(adapter.getInstance(), metrics);
  app.setGlobalPrefix('api', { exclude: ROUTES_OUTSIDE_API });
  app.useGlobalPipes(strictValidationPipe());
  const ioAdapter = new TandemIoAdapter(app, config, metrics);
  await ioAdapter.connectToRedis();
  app.useWebSocketAdapter(ioAdapter);

  const webDist = existsSync(config.webDist) ? config.webDist : null;
  app.useGlobalFilters(new HttpExceptionFilter(webDist));
  if (config.webOrigin) app.enableCors({ origin: config.webOrigin, credentials: false });

  await app.register(fastifyHelmet, {
    // No inline scripts; Swagger UI gets its own policy (platform/http/response-headers.ts).
    contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
  });
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }

  const openApi = new DocumentBuilder()
    .setTitle('Tandem API')
    .setDescription(
      'Practice exchange for integration programmes. Errors: { statusCode, error, message, details? }.',
    )
    .setVersion(config.version)
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
