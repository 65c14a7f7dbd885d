# syntax=docker/dockerfile:1
#
# Tandem server image: the NestJS API + socket.io gateway, serving the built web app.
# Used by docker-compose.yml for the one-shot `migrate` service and the server replicas.
#
#   docker build -t tandem .
#   docker run --rm -e DATABASE_URL=... -e JWT_SECRET=... tandem node dist/apps/server/apps/server/src/cli.js migrate
#   docker run --rm -p 3000:3000 -e DATABASE_URL=... -e JWT_SECRET=... tandem

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: every dependency (dev included), then `nest build server` + `vite build`.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY . .
# -> dist/apps/server/... (server + libs/domain, path aliases rewritten) and apps/web/dist
RUN npm run build

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies, the compiled server and the web build; nothing else.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspaces --include-workspace-root --no-audit --no-fund
# argon2 is the one native module the server needs: its prebuilt binary must load and hash
# here, or the build stops (instead of every replica crashing at its first login).
RUN node -e "require('argon2').hash('smoke-test').then(() => console.log('argon2 ok'))"

COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist

# DATA_DIR defaults to ./.data: writable by the unprivileged user, for a standalone
# `docker run` without DATABASE_URL (the embedded Postgres keeps its data there).
RUN mkdir -p /app/.data && chown node:node /app/.data

USER node
EXPOSE 3000

# Slim images have no curl: ask node itself. Fails on a non-2xx answer, an error or 4 s silence.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Must equal the `start:prod` script in package.json (test/infra/compose.spec.ts checks it).
CMD ["node", "dist/apps/server/apps/server/src/main.js"]
