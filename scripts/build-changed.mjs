// Builds the server and the web app only when what they are built from changed since their last
// successful build here, so a second `npm start` of an unchanged checkout goes straight to the
// server's own start-up. Each part's inputs are fingerprinted by content (paths and bytes), and
// the fingerprint is written beside the output once the build succeeds; a missing output, a
// failed or interrupted build, or any changed input means a full build of that part.
//
//   node scripts/build-changed.mjs            both parts
//   node scripts/build-changed.mjs server     one part
//   TANDEM_FORCE_BUILD=1 node scripts/...     build whatever the fingerprints say
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = ['libs/domain/src', 'package-lock.json', 'package.json', 'tsconfig.base.json'];

export const PARTS = {
  server: {
    inputs: [...SHARED, 'apps/server/src', 'apps/server/tsconfig.app.json', 'nest-cli.json'],
    output: 'dist/apps/server/apps/server/src/main.js',
    stamp: 'dist/.build/server.sha256',
    script: 'build:server',
  },
  web: {
    inputs: [
      ...SHARED,
      'apps/web/src',
      'apps/web/index.html',
      'apps/web/package.json',
      'apps/web/postcss.config.cjs',
      'apps/web/tsconfig.json',
      'apps/web/vite.config.ts',
    ],
    output: 'apps/web/dist/index.html',
    stamp: 'dist/.build/web.sha256',
    script: 'build:web',
  },
};

/** Every file under the inputs, sorted, skipping tests (they are not built into the output). */
function files(root, inputs) {
  const found = [];
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry === 'dist') continue;
        walk(join(path, entry));
      }
    } else if (!/\.spec\.tsx?$/.test(path)) {
      found.push(path);
    }
  };
  for (const input of inputs) walk(join(root, input));
  return found.sort();
}

/** The content fingerprint of a part's inputs under `root`. */
export function fingerprint(root, inputs) {
  const hash = createHash('sha256');
  for (const file of files(root, inputs)) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether the part must be built: no output, no stamp, or a stamp of other inputs. */
export function isStale(root, part) {
  const stamp = join(root, part.stamp);
  if (!existsSync(join(root, part.output)) || !existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8').trim() !== fingerprint(root, part.inputs);
}

function build(name) {
  const part = PARTS[name];
  if (!process.env.TANDEM_FORCE_BUILD && !isStale(ROOT, part)) {
    process.stdout.write(`${name}: up to date, not rebuilt\n`);
    return;
  }
  // Fingerprint before building: an edit during the build must trigger the next one.
  const print = fingerprint(ROOT, part.inputs);
  const result = spawnSync('npm', ['run', part.script], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(dirname(join(ROOT, part.stamp)), { recursive: true });
  writeFileSync(join(ROOT, part.stamp), `${print}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asked = process.argv.slice(2);
  const names = asked.length ? asked : Object.keys(PARTS);
  for (const name of names) {
    if (!(name in PARTS)) {
      process.stderr.write(`Unknown part "${name}": server or web\n`);
      process.exit(2);
    }
    build(name);
  }
}
