// Features import downwards only: apps/server/layers.json names each feature folder's layer.
// ESLint's no-restricted-imports guards the editor; this test guards the suite, resolving every
// relative import (import, export … from, import type, require(), import()) to the folder it
// lands in. The web app may import the server's contracts from @tandem/domain only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

const SERVER_SRC = __dirname;
const WEB_SRC = resolve(__dirname, '../../web/src');
const layout = JSON.parse(readFileSync(join(__dirname, '../layers.json'), 'utf8')) as {
  layers: Record<string, number>;
  peers: [string, string][];
};

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, pattern);
    return entry.isFile() && pattern.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name)
      ? [path]
      : [];
  });
}

const imports = (text: string): string[] =>
  preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);

/** The feature folder a path lies in, or null for the composition root and outside paths. */
function featureOf(path: string): string | null {
  const parts = relative(SERVER_SRC, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : null;
}

const isPeer = (a: string, b: string) =>
  layout.peers.some((pair) => pair.includes(a) && pair.includes(b));

/** Why `from` may not import `to`, or null when it may. */
export function layerViolation(from: string, to: string): string | null {
  if (from === to) return null;
  const a = layout.layers[from];
  const b = layout.layers[to];
  if (a === undefined) return `${from} has no layer in apps/server/layers.json`;
  if (b === undefined) return `${to} has no layer in apps/server/layers.json`;
  if (b > a) return `${from} (layer ${a}) imports ${to} (layer ${b}), a higher layer`;
  if (b === a && !isPeer(from, to)) return `${from} imports ${to}, on its own layer`;
  return null;
}

/** Every import of the server's feature files that goes against the layers. */
function serverViolations(): string[] {
  return sourceFiles(SERVER_SRC, /\.ts$/).flatMap((file) => {
    const from = featureOf(file);
    if (!from) return [];
    return imports(readFileSync(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .flatMap((specifier) => {
        const to = featureOf(resolve(dirname(file), specifier));
        const why = to ? layerViolation(from, to) : null;
        return why ? [`${relative(SERVER_SRC, file)}: ${specifier} — ${why}`] : [];
      });
  });
}

describe('server features import downwards only', () => {
  it('gives every feature folder a layer', () => {
    const folders = readdirSync(SERVER_SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => layout.layers[folder] === undefined)).toEqual([]);
  });

  it('has no import from a feature to one on its own layer or above', () => {
    expect(serverViolations()).toEqual([]);
  });

  it('keeps platform free of features', () => {
    expect(Object.entries(layout.layers).filter(([, layer]) => layer === 0)).toEqual([
      ['platform', 0],
    ]);
  });
});

describe('the layer rule itself', () => {
  it.each([
    ['discussions', 'curation'],
    ['discussions', 'library'],
    ['library', 'curation'],
    ['networks', 'channels'],
    ['platform', 'users'],
    ['library', 'moderation'],
    ['realtime', 'feeds'],
  ])('refuses %s importing %s', (from, to) => {
    expect(layerViolation(from, to)).not.toBeNull();
  });

  it.each([
    ['curation', 'library'],
    ['realtime', 'discussions'],
    ['discussions', 'channels'],
    ['users', 'organisations'],
    ['organisations', 'users'],
    ['networks', 'platform'],
    ['demo', 'curation'],
  ])('allows %s importing %s', (from, to) => {
    expect(layerViolation(from, to)).toBeNull();
  });

  it('finds a reverse import written in any form', () => {
    const source = [
      "import { a } from '../curation/curation.service';",
      "export { b } from '../library/thread-links';",
      "import type { C } from '../mentoring/mentoring.entities';",
      "const d = require('../realtime/acks');",
    ].join('\n');
    const found = imports(source)
      .map((specifier) => featureOf(resolve(SERVER_SRC, 'discussions', specifier)))
      .map((to) => (to ? layerViolation('discussions', to) : null));
    expect(found.every((why) => why !== null)).toBe(true);
    expect(found).toHaveLength(4);
  });
});

describe('the web app imports no server code', () => {
  it('reaches the server only through @tandem/domain', () => {
    const offending = sourceFiles(WEB_SRC, /\.tsx?$/).flatMap((file) =>
      imports(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => !resolve(dirname(file), specifier).startsWith(WEB_SRC + sep))
        .map((specifier) => `${relative(WEB_SRC, file)}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
