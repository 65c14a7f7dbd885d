import type { FastifyInstance } from 'fastify';

/** Where Swagger UI is served: the one place whose pages keep inline scripts and styles. */
export const API_DOCS_PATH = '/api/docs';

/**
 * The Content Security Policy of everything the server sends: the web app's scripts come from its
 * own origin only (no inline script, no eval); inline styles stay, since Mantine sets style
 * attributes. Swagger UI gets its own, looser policy on API_DOCS_PATH (see below).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
};

const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const isApiDocs = (url: string): boolean =>
  url === API_DOCS_PATH ||
  url.startsWith(`${API_DOCS_PATH}/`) ||
  url.startsWith(`${API_DOCS_PATH}-`);

/**
 * One rule for caching: nothing the API answers may be kept by a browser or a proxy. Almost every
 * answer is personal (it depends on the token: what the caller may read) or private (a network's
 * records, CSV, iCal, exports, the Atom feed behind its key), and the few public ones (health,
 * OpenAPI) lose nothing by it. A route that sets its own Cache-Control keeps it only if that
 * still says no-store. Also gives Swagger UI the inline scripts the app's policy refuses.
 */
export function applyResponseHeaderRules(
  fastify: FastifyInstance,
  privatePrefixes: string[],
): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const url = request.url.split('?')[0];
    if (privatePrefixes.some((prefix) => url === prefix || url.startsWith(`${prefix}/`))) {
      const current = reply.getHeader('cache-control');
      if (typeof current !== 'string' || !current.includes('no-store'))
        void reply.header('cache-control', 'no-store');
    }
    if (isApiDocs(url)) void reply.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
    done(null, payload);
  });
}
