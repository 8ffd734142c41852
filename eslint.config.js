import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const engineForbidden = [
  '@prisma/*',
  '@/lib/generated/*',
  'next',
  'next/*',
  'next-auth',
  'next-auth/*',
  'react',
  'react-dom',
  'pg',
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'net',
  'child_process',
  '@/lib/server/*',
  '@/app/*',
  '@/components/*',
];

/**
 * The layers (docs/decisions/0070-layers-as-lint-rules.md): app → components → lib/server →
 * lib/domain → lib/engine and lib/terms, lib/infra beside lib/server; lib/contracts holds the DTO
 * types that cross from lib/server to app and components. Each zone: files in `target` may not
 * import files in `from`. Checked on resolved files (import/no-restricted-paths, from
 * eslint-config-next's eslint-plugin-import), so `@/lib/server/db` and `../lib/server/db` are the
 * same import; a test file of a layer may reach the test support and the layers above it.
 */
const zone = (target, from, message) => ({ target, from, message });
// The files at the root of the project (proxy.ts, instrumentation.ts, the tools' configurations), not its folders.
const rootFiles = './*.{ts,js,mjs}';
const layerZones = [
  zone('./app', ['./lib/infra', './lib/generated'], 'app reaches the database only through a use case of lib/server.'),
  zone(
    './components',
    ['./app', './lib/server', './lib/infra', './lib/generated', './lib/seed', './lib/interchange', './scripts', './bench', './tests'],
    'components render DTOs: types from lib/contracts, rules from lib/domain, arithmetic from lib/engine and lib/terms; actions come in as props.',
  ),
  zone('./lib/server', ['./app', './components', './scripts', './bench', './tests'], 'lib/server is below app and components.'),
  zone('./lib/infra', ['./app', './components', './lib/server', './scripts', './bench', './tests'], 'lib/infra sits beside lib/server and does not call it.'),
  zone(
    './lib/contracts',
    ['./app', './components', './lib/server', './lib/infra', './lib/generated', './lib/seed', './lib/interchange', './scripts', './bench', './tests'],
    'lib/contracts is plain types built from lib/domain, lib/engine and lib/terms only.',
  ),
  zone(
    './lib/interchange',
    ['./app', './components', './lib/server', './lib/infra', './lib/generated', './lib/seed', './lib/contracts'],
    'lib/interchange reads and writes files; it stands beside lib/domain, below lib/server.',
  ),
  zone(
    './lib/domain',
    ['./app', './components', './lib/server', './lib/infra', './lib/generated', './lib/seed', './lib/interchange', './lib/contracts', './scripts', './bench', './tests'],
    'lib/domain imports no lib/server, lib/infra, components or app.',
  ),
  zone(
    './lib/engine',
    ['./app', './components', './lib/server', './lib/infra', './lib/generated', './lib/seed', './lib/interchange', './lib/contracts', './lib/domain', './lib/terms', './scripts', './bench', './tests'],
    'lib/engine is the bottom layer: it imports only itself.',
  ),
  zone(
    './lib/terms',
    ['./app', './components', './lib/server', './lib/infra', './lib/generated', './lib/seed', './lib/interchange', './lib/contracts', './lib/domain', './scripts', './bench', './tests'],
    'lib/terms is pure: it imports only itself and lib/engine.',
  ),
  zone(
    './lib/seed',
    ['./app', './components', './lib/server', './lib/contracts', './lib/interchange', './i18n', './prisma', './scripts', './bench', './tests'],
    'lib/seed writes the demo through the Prisma client it is given: rules from lib/domain, documents from lib/engine, the audit chain from lib/infra.',
  ),
  zone(
    './i18n',
    [
      './app',
      './components',
      './lib/server',
      './lib/infra',
      './lib/generated',
      './lib/seed',
      './lib/interchange',
      './lib/contracts',
      './lib/engine',
      './lib/terms',
      './prisma',
      './scripts',
      './bench',
      './tests',
    ],
    'i18n picks the locale (lib/domain/locale) and loads messages/; nothing else.',
  ),
  zone(
    './prisma',
    ['./app', './components', './lib/server', './lib/contracts', './lib/interchange', './lib/domain', './lib/engine', './lib/terms', './i18n', './scripts', './bench', './tests'],
    'prisma/ seeds through lib/seed with the client of lib/infra, and nothing else.',
  ),
  zone(
    rootFiles,
    ['./app', './components', './lib/seed', './lib/interchange', './lib/contracts', './i18n', './prisma', './scripts', './bench', './tests'],
    'The root files are configuration and the hooks Next.js calls (proxy, instrumentation): they reach lib/infra and lib/server, never pages, components or tests.',
  ),
  zone('./scripts', ['./tests'], 'scripts import nothing from tests.'),
  zone('./bench', ['./tests'], 'bench imports nothing from tests.'),
];

// lib/contracts: types only, so that a component importing one brings no server code into the bundle.
const typesOnly = [
  { selector: "ImportDeclaration[importKind='value']", message: 'lib/contracts imports types only (import type …).' },
  {
    selector: 'Program > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration, ExpressionStatement, ExportDefaultDeclaration)',
    message: 'lib/contracts holds types only: no runtime code.',
  },
  { selector: 'ExportNamedDeclaration > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration)', message: 'lib/contracts holds types only: no runtime code.' },
  { selector: "ExportNamedDeclaration[exportKind='value'][source], ExportAllDeclaration[exportKind='value']", message: 'lib/contracts re-exports types only (export type …).' },
];

const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // lib/terms/expression/parser.*: generated from grammar.peggy (npm run terms:parser), checked fresh by its test.
    ignores: [
      '.next/**',
      'bench/floor/.next/**',
      'bench/floor/next-env.d.ts',
      'node_modules/**',
      'lib/generated/**',
      '.data/**',
      'test-results/**',
      'next-env.d.ts',
      'lib/terms/expression/parser.js',
      'lib/terms/expression/parser.d.ts',
    ],
  },
  {
    // The PES calculation and the payment terms stay pure: decimal.js, zod and their own files only (the terms' parser is generated code with no imports).
    files: ['lib/engine/**/*.ts', 'lib/terms/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: engineForbidden, message: 'lib/engine and lib/terms are pure: no I/O, framework or database imports.' }] }],
    },
  },
  {
    ignores: testFiles,
    rules: {
      'import/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // What a page's components reach goes to the browser: the engine's and the terms' barrels run every
    // module's schemas at load, which no bundler drops, so values come from the module that has them
    // (docs/decisions/0065-page-weight.md, 0099-page-weight-under-200-kb.md). Types may come from the barrel.
    files: ['components/**/*.{ts,tsx}', 'lib/domain/**/*.ts'],
    ignores: testFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/lib/engine', allowTypeImports: true, message: 'Import values from the engine module that has them (@/lib/engine/decimal, …/compute …), not the barrel.' },
            { name: '@/lib/terms', allowTypeImports: true, message: 'Import values from the terms module that has them (@/lib/terms/schema, …/settle …), not the barrel.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/contracts/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...typesOnly],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
