import { inject } from 'vitest';

// Every test file talks to the run's own database, whatever DATABASE_URL said at start.
process.env.DATABASE_URL = inject('databaseUrl');
if (inject('databaseEmbedded')) process.env.DATABASE_POOL_MAX = '1';
