import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm start` rebuilds only what changed (scripts/build-changed.mjs). Run here on a scratch
 * project whose build scripts only count their runs and write the output, so the decisions are
 * tested without a real build.
 */
const SCRIPT = resolve(__dirname, '../../scripts/build-changed.mjs');
let root: string;

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const runs = (part: string) =>
  existsSync(join(root, `${part}.runs`))
    ? readFileSync(join(root, `${part}.runs`), 'utf8').length
    : 0;
// A build fails while the file `fail` exists (outside every part's inputs).
const buildScript = (output: string, part: string) =>
  `node -e "const fs=require('fs');fs.appendFileSync('${part}.runs','x');if(fs.existsSync('fail'))process.exit(3);fs.mkdirSync(require('path').dirname('${output}'),{recursive:true});fs.writeFileSync('${output}','built')"`;

function packageJson() {
  write(
    'package.json',
    JSON.stringify({
      name: 'scratch',
      scripts: {
        'build:server': buildScript('dist/apps/server/apps/server/src/main.js', 'server'),
        'build:web': buildScript('apps/web/dist/index.html', 'web'),
      },
    }),
  );
}

function build(...parts: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/build-changed.mjs'), ...parts], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TANDEM_FORCE_BUILD: '' },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-build-'));
  mkdirSync(join(root, 'scripts'));
  copyFileSync(SCRIPT, join(root, 'scripts/build-changed.mjs'));
  packageJson();
  write('apps/server/src/main.ts', 'server v1');
  write('apps/web/src/app.tsx', 'web v1');
  write('libs/domain/src/index.ts', 'domain v1');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('builds each part once, then skips both while nothing changed', () => {
  expect(build().status).toBe(0);
  expect([runs('server'), runs('web')]).toEqual([1, 1]);
  const second = build();
  expect(second.status).toBe(0);
  expect(second.output).toContain('server: up to date, not rebuilt');
  expect(second.output).toContain('web: up to date, not rebuilt');
  expect([runs('server'), runs('web')]).toEqual([1, 1]);
});

it('rebuilds only the part whose inputs changed, and both for a shared one', () => {
  build();
  write('apps/web/src/app.tsx', 'web v2');
  build();
  expect([runs('server'), runs('web')]).toEqual([1, 2]);
  write('apps/server/src/main.spec.ts', 'a test is not built');
  build();
  expect([runs('server'), runs('web')]).toEqual([1, 2]);
  write('libs/domain/src/index.ts', 'domain v2');
  build();
  expect([runs('server'), runs('web')]).toEqual([2, 3]);
});

it('rebuilds a part whose output is gone', () => {
  build();
  rmSync(join(root, 'apps/web/dist'), { recursive: true });
  build();
  expect([runs('server'), runs('web')]).toEqual([1, 2]);
});

it('keeps no stamp for a failed build, so the next start tries again', () => {
  write('fail', '');
  const failed = build('server');
  expect(failed.status).toBe(3);
  rmSync(join(root, 'fail'));
  build('server');
  build('server');
  expect(runs('server')).toBe(2);
});
