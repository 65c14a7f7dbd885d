import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { DomainError, ERROR_CODES, ErrorBody, ErrorCode, HTTP_STATUS_FOR } from '@tandem/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import {
  databaseUnavailability,
  RETRY_AFTER_SECONDS,
  UNAVAILABLE_MESSAGE,
} from '../database/database-errors';
import { isRefusedValue, REFUSED_VALUE_MESSAGE } from './input-rules';
import { unsupportedMediaType } from './request-body';

const CODE_FOR_STATUS: Partial<Record<number, ErrorCode>> = Object.fromEntries(
  ERROR_CODES.map((code) => [HTTP_STATUS_FOR[code], code]),
);
CODE_FOR_STATUS[409] = 'conflict';

function codeFor(status: number): string {
  return CODE_FOR_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Maps every error to the one shape `{ statusCode, error, message, details? }`. Services throw
 * DomainErrors; framework and driver errors are translated here and nowhere else.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly webDist: string | null) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();

    if (this.isSpaNavigation(exception, request)) {
      void reply.type('text/html').sendFile('index.html');
      return;
    }

    const refusedValue = isRefusedValue(exception);
    if (refusedValue) {
      this.logger.warn(
        `Postgres refused a value (${refusedValue}) on ${request.method} ${request.routeOptions?.url ?? '?'}: ${
          exception instanceof Error ? exception.message : ''
        }`,
      );
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.error !== 'unavailable') {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (body.statusCode === 429) {
      const details = body.details as { retryAfterSeconds?: number } | undefined;
      void reply.header(
        'Retry-After',
        String(Math.max(1, Math.ceil(details?.retryAfterSeconds ?? 1))),
      );
    }
    if (body.error === 'unavailable') {
      const details = body.details as { retryAfterSeconds?: number } | undefined;
      void reply.header(
        'Retry-After',
        String(details?.retryAfterSeconds ?? RETRY_AFTER_SECONDS.down),
      );
    }
    // Explicitly JSON: a route may have declared another type (the Atom feed) before failing.
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  /** Unknown non-API GETs belong to the single-page app's router. */
  private isSpaNavigation(exception: unknown, request: FastifyRequest): boolean {
    return (
      this.webDist !== null &&
      exception instanceof HttpException &&
      exception.getStatus() === 404 &&
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/socket.io') &&
      existsSync(join(this.webDist, 'index.html'))
    );
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = HTTP_STATUS_FOR[exception.code];
      return {
        statusCode,
        error: exception.code,
        message: exception.message,
        ...this.details(exception.details),
      };
    }
    if (exception instanceof HttpException && exception.getStatus() === 415) {
      // Nest's answer to a body type no parser accepts: the same 400 as a refused form post.
      const error = unsupportedMediaType(undefined);
      return {
        statusCode: 400,
        error: error.code,
        message: error.message,
        ...this.details(error.details),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : exception.message;
      return { statusCode, error: codeFor(statusCode), message };
    }
    const unavailable = databaseUnavailability(exception);
    if (unavailable) {
      return {
        statusCode: 503,
        error: 'unavailable',
        message: UNAVAILABLE_MESSAGE[unavailable],
        details: { retryAfterSeconds: RETRY_AFTER_SECONDS[unavailable] },
      };
    }
    if (isRefusedValue(exception)) {
      return { statusCode: 400, error: 'bad_request', message: REFUSED_VALUE_MESSAGE };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === '23505')
        return { statusCode: 409, error: 'conflict', message: 'That already exists' };
    }
    const fastifyError = exception as FastifyLikeError;
    if (fastifyError?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const error = unsupportedMediaType(undefined);
      return {
        statusCode: 400,
        error: error.code,
        message: error.message,
        ...this.details(error.details),
      };
    }
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      const message =
        fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The request body is not valid JSON'
          : (fastifyError.message ?? 'Bad request');
      return {
        statusCode: fastifyError.statusCode,
        error: codeFor(fastifyError.statusCode),
        message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'internal',
      message: 'Something went wrong on our side',
    };
  }

  private details(details: unknown): { details?: unknown } {
    return details === undefined ? {} : { details };
  }
}
