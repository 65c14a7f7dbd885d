// Shared helpers for the benchmarks: configuration knobs, exact percentiles, a keep-alive HTTP
// client, and small process utilities. Everything binds and connects to 127.0.0.1 only.
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

export const HOST = '127.0.0.1';

/** A whole or decimal number from the environment, with a default. */
export function knob(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  }
  return value;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export function nowMs() {
  return performance.timeOrigin + performance.now();
}

export function log(scope, message) {
  const stamp = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[${stamp}] ${scope}: ${message}\n`);
}

/**
 * Exact percentiles over every sample (nearest-rank on the sorted samples), so nothing is
 * approximated or dropped. Values are milliseconds.
 */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const at = (p) => (n === 0 ? null : round(sorted[Math.min(n - 1, Math.ceil((p / 100) * n) - 1)]));
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: n,
    min: n ? round(sorted[0]) : null,
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p999: at(99.9),
    max: n ? round(sorted[n - 1]) : null,
    mean: n ? round(sum / n) : null,
  };
}

export function round(value, digits = 2) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A port the kernel says is free on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A small JSON-over-HTTP client on a keep-alive agent (less client CPU than fetch, which
 * matters when the load generator shares two cores with the server).
 */
export function httpClient(baseUrl, { maxSockets = 64 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);
  function request(method, path, { body, token } = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
      const headers = { accept: 'application/json' };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(payload.length);
      }
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(
        { agent, host: base.hostname, port: base.port, method, path, headers },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = text ? JSON.parse(text) : null;
            } catch {
              json = { raw: text };
            }
            resolve({ status: res.statusCode ?? 0, json });
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }
  /** Like request, but throws unless the status is the expected one (or any 2xx). */
  async function call(method, path, options = {}) {
    const res = await request(method, path, options);
    const ok = options.expect ? options.expect.includes(res.status) : res.status < 300;
    if (!ok) {
      throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
    }
    return res.json;
  }
  return { request, call, close: () => agent.destroy() };
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count, concurrency, work) {
  let next = 0;
  const results = new Array(count);
  async function lane() {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return results;
}

/** Reads one JSON document from stdin (used to hand a child its configuration). */
export async function readStdinJson() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A printable body of about `size` characters that carries a unique id and a timestamp. */
export function stampedBody(id, plannedMs, size) {
  const head = `bench ${id} ${plannedMs.toFixed(3)} `;
  return head + 'x'.repeat(Math.max(1, size - head.length));
}

/** The inverse of stampedBody. */
export function parseStamp(body) {
  if (typeof body !== 'string' || !body.startsWith('bench ')) return null;
  const end = body.indexOf(' ', 6);
  const end2 = body.indexOf(' ', end + 1);
  return { id: body.slice(6, end), plannedMs: Number(body.slice(end + 1, end2)) };
}
