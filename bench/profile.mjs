// Reads a V8 .cpuprofile (node --cpu-prof) and names where the server's CPU went: the top
// frames by self time, and self time grouped by package (node_modules/<pkg>, the app's own
// dist code, Node internals, GC).
//   node bench/profile.mjs bench/results/chat.cpuprofile
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { round } from './common.mjs';

function packageOf(url) {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node internals';
  const parts = url.split('node_modules/');
  if (parts.length > 1) return /^(@[^/]+\/[^/]+|[^/]+)/.exec(parts.at(-1))[0];
  if (url.includes('/dist/apps/server/')) return 'tandem server (dist)';
  return url;
}

export function summarizeProfile(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map();
  const deltas = profile.timeDeltas ?? [];
  // Self time per node: the time until the next sample is charged to the sampled node.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const dt = (deltas[i + 1] ?? 0) / 1000;
    selfMs.set(id, (selfMs.get(id) ?? 0) + dt);
  }
  const frames = new Map();
  const packages = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    const where = url
      ? `${url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '')}:${lineNumber + 1}`
      : '';
    const key = where ? `${name} (${where})` : name;
    frames.set(key, (frames.get(key) ?? 0) + ms);
    const pkg = name.startsWith('(') ? name : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  }
  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, ms]) => ({
        frame,
        selfMs: round(ms, 0),
        selfPercent: round((100 * ms) / total, 1),
      }));
  return {
    busyMs: round(total, 0),
    idleMs: round(idle, 0),
    topFrames: rank(frames),
    byPackage: rank(packages).map(({ frame, selfMs, selfPercent }) => ({
      package: frame,
      selfMs,
      selfPercent,
    })),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const summary = summarizeProfile(process.argv[2]);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
