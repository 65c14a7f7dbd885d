// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { readFileSync } from 'node:fs';

// Features import downwards only (apps/server/layers.json; docs/architecture.md).
const serverLayers = JSON.parse(
  readFileSync(new URL('./apps/server/layers.json', import.meta.url), 'utf8'),
);
const isPeer = (a, b) =>
  serverLayers.peers.some((pair) => pair.includes(a) && pair.includes(b) && a !== b);
const layerRules = Object.entries(serverLayers.layers).flatMap(([feature, layer]) => {
  const above = Object.entries(serverLayers.layers)
    .filter(
      ([other, otherLayer]) =>
        other !== feature &&
        (otherLayer > layer || (otherLayer === layer && !isPeer(feature, other))),
    )
    .map(([other]) => other);
  if (above.length === 0) return [];
  return {
    files: [`apps/server/src/${feature}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^\\.{1,2}/(?:\\.\\./)*(?:${above.join('|')})(?:/|$)`,
              message: `${feature} is on layer ${layer}: it may not import a feature on its own layer or above (apps/server/layers.json). Declare an interface here and let the higher feature implement it.`,
            },
          ],
        },
      ],
    },
  };
});

const frameworkImports = [
  {
    group: [
      '@nestjs/*',
      'typeorm',
      'typeorm/*',
      'socket.io',
      'socket.io-client',
      'react',
      'react-dom',
      'pg',
      'ioredis',
    ],
    message: 'libs/domain is pure: no framework, ORM, transport or UI imports.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      'coverage/**',
      'test/artifacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', '*.js', 'test/browser/*.mjs', 'bench/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frameworkImports }],
    },
  },
  ...layerRules,
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(apps/)?server/|^(\\.\\./)+(apps|libs|test)/',
              message:
                'The web app imports server contracts from @tandem/domain only, never server or test code by path.',
            },
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'ioredis', 'socket.io'],
              message:
                'The web app runs in the browser: no server framework, ORM or database client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tool configuration and scripts run in plain Node.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
