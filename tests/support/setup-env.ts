import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
// Tests render server messages as the server does, from the whole catalogue.
import '@/lib/domain/catalogue';

// Every test file talks to the run's own database, whatever DATABASE_URL said at start.
process.env.DATABASE_URL = inject('databaseUrl');
if (inject('databaseEmbedded')) process.env.DATABASE_POOL_MAX = '1';

// Chain heads are anchored in a log of this run's own (lib/infra/audit-anchors.ts): anchors of a
// database that the run drops afterwards must not end up in the installation's log under .data/.
process.env.PES_AUDIT_ANCHOR_LOG = path.join(os.tmpdir(), `pes-audit-anchors-${new URL(process.env.DATABASE_URL).pathname.slice(1)}.log`);
