import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ROUTES_OUTSIDE_API } from '../apps/server/src/create-app';
import { IS_PUBLIC } from '../apps/server/src/platform/http/public.decorator';
import { startTestApp, TestApp } from './support/app';

/** Routes that may be called without a token. Adding one here is a deliberate, reviewed act. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  // Account mail links: opened from a mail, perhaps on another device, before any sign-in.
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/verify-email',
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  // Guarded by METRICS_TOKEN instead, when it is set (see test/ops/metrics.e2e-spec.ts).
  'GET /metrics',
  // Authenticated by a personal feed key instead: feed readers cannot send bearer tokens.
  'GET /api/feeds/research.atom',
]);

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
}

/** Walks every controller Nest registered and reads each handler's method, path and @Public(). */
function routeTable(): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata('path', controller) as string | undefined) ?? '';
      const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata('path', handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        const relative = [base, path].filter((p) => p && p !== '/').join('/');
        const prefix = ROUTES_OUTSIDE_API.some((route) => route.path === relative) ? '' : '/api';
        const full = `${prefix}/${relative}`.replace(/\/+/g, '/').replace(/\/$/, '');
        routes.push({
          method: RequestMethod[method],
          path: full,
          isPublic: classPublic || Reflect.getMetadata(IS_PUBLIC, handler) === true,
        });
      }
    }
  }
  return routes;
}

it('finds the routes (the walk itself works)', () => {
  const routes = routeTable();
  expect(routes.length).toBeGreaterThan(15);
  expect(routes).toContainEqual({ method: 'GET', path: '/api/me', isPublic: false });
});

it('marks exactly the allow-listed routes public', () => {
  const publicRoutes = routeTable()
    .filter((r) => r.isPublic)
    .map((r) => `${r.method} ${r.path}`)
    .sort();
  expect(publicRoutes).toEqual([...PUBLIC_ROUTES].sort());
});

it('answers 401 without a token on every other route', async () => {
  const guarded = routeTable().filter((r) => !r.isPublic);
  const failures: string[] = [];
  for (const route of guarded) {
    const path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
      /id$/i.test(name) ? '00000000-0000-4000-8000-000000000000' : 'some-value',
    );
    const response = await t.http.request(
      route.method,
      path,
      route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
    );
    if (response.status !== 401)
      failures.push(`${route.method} ${route.path} answered ${response.status}`);
  }
  expect(failures).toEqual([]);
});
