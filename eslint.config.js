import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const engineForbidden = ['@prisma/*', '@/lib/generated/*', 'next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react-dom', 'pg', 'node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', '@/lib/server/*', '@/app/*', '@/components/*'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // lib/terms/expression/parser.*: generated from grammar.peggy (npm run terms:parser), checked fresh by its test.
    ignores: ['.next/**', 'bench/floor/.next/**', 'bench/floor/next-env.d.ts', 'node_modules/**', 'lib/generated/**', '.data/**', 'test-results/**', 'next-env.d.ts', 'lib/terms/expression/parser.js', 'lib/terms/expression/parser.d.ts'],
  },
  {
    // The PES calculation and the payment terms stay pure: decimal.js, zod and their own files only (the terms' parser is generated code with no imports).
    files: ['lib/engine/**/*.ts', 'lib/terms/**/*.ts'],
    ignores: ['lib/engine/**/*.test.ts', 'lib/terms/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: engineForbidden, message: 'lib/engine and lib/terms are pure: no I/O, framework or database imports.' }] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
