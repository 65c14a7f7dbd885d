import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Who is acting: the authenticated user behind the access token. Services take it first. */
export interface Actor {
  userId: string;
  /** The refresh-token family the access token was issued from (one per sign-in). */
  sessionId: string;
}

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    if (!request.user) throw new Error('CurrentActor used on a route without authentication');
    return request.user;
  },
);

/** The caller's address as Fastify resolved it (honouring TRUST_PROXY). */
export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<FastifyRequest>().ip,
);
