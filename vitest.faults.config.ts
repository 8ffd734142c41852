import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Fault tests: a private PostgreSQL stopped under load, the app killed mid-write, a database
// missing at start. Slow and disruptive by design, so not part of `npm test` or the e2e suite.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/faults/**/*.faults.ts'],
    globalSetup: ['tests/faults/global-setup.ts'],
    // Also writes test-results/faults/last.json.
    reporters: ['default', './tests/faults/support/json-reporter.ts'],
    testTimeout: 240_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
