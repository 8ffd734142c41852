import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('architecture', () => {
  it('every data-access module starts with server-only', () => {
    const offenders = files(path.join(root, 'lib/server')).filter((file) => !readFileSync(file, 'utf8').trimStart().startsWith("import 'server-only';"));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });

  it('pages, actions and route handlers reach the database only through lib/server', () => {
    const offenders = files(path.join(root, 'app')).filter((file) => /from '(@\/lib\/generated|@prisma\/|@\/lib\/infra\/prisma)/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});

/**
 * The layer rules of eslint.config.js, run on small files placed in each layer: each forbidden
 * import is reported by the rule that guards it, and the imports a layer may make are not.
 */
describe('layer rules', () => {
  const eslint = new ESLint({ cwd: root });
  async function ruleIds(filePath: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
    return result!.messages.map((m) => m.ruleId);
  }

  const forbidden: [string, string, string][] = [
    ['components/probe.tsx', "import type { PendingTasks } from '@/lib/server/deals/list-pending-tasks';\nexport type P = PendingTasks;\n", 'import/no-restricted-paths'],
    ['components/probe.tsx', "import { chooseLocale } from '@/app/actions/locale';\nexport const c = chooseLocale;\n", 'import/no-restricted-paths'],
    ['components/fund/probe.tsx', "import { createPrismaClient } from '../../lib/infra/prisma';\nexport const c = createPrismaClient;\n", 'import/no-restricted-paths'],
    ['lib/domain/probe.ts', "import { db } from '../server/db';\nexport const d = db;\n", 'import/no-restricted-paths'],
    ['lib/domain/probe.ts', "import { createPrismaClient } from '@/lib/infra/prisma';\nexport const c = createPrismaClient;\n", 'import/no-restricted-paths'],
    ['lib/domain/probe.ts', "import { Button } from '@/components/ui/button';\nexport const b = Button;\n", 'import/no-restricted-paths'],
    ['lib/engine/probe.ts', "import { sides } from '@/lib/domain/actor';\nexport const s = sides;\n", 'import/no-restricted-paths'],
    ['lib/engine/probe.ts', "import { parseTerms } from '../terms';\nexport const p = parseTerms;\n", 'import/no-restricted-paths'],
    ['lib/terms/probe.ts', "import { sides } from '../domain/actor';\nexport const s = sides;\n", 'import/no-restricted-paths'],
    ['lib/terms/probe.ts', "import { createPrismaClient } from '@/lib/infra/prisma';\nexport const c = createPrismaClient;\n", 'import/no-restricted-paths'],
    ['lib/infra/probe.ts', "import { db } from '@/lib/server/db';\nexport const d = db;\n", 'import/no-restricted-paths'],
    ['lib/server/probe.ts', "import { Button } from '@/components/ui/button';\nexport const b = Button;\n", 'import/no-restricted-paths'],
    ['app/probe.ts', "import { createPrismaClient } from '@/lib/infra/prisma';\nexport const c = createPrismaClient;\n", 'import/no-restricted-paths'],
    ['scripts/probe.ts', "import { english } from '../tests/support/english';\nexport const e = english;\n", 'import/no-restricted-paths'],
    ['bench/probe.ts', "import { english } from '@/tests/support/english';\nexport const e = english;\n", 'import/no-restricted-paths'],
    ['lib/contracts/probe.ts', "import type { Side } from '@/lib/domain/actor';\nexport const side: Side = 'UPSTREAM';\n", 'no-restricted-syntax'],
    ['lib/contracts/probe.ts', "import { sides } from '@/lib/domain/actor';\nexport type S = typeof sides;\n", 'no-restricted-syntax'],
    ['lib/contracts/probe.ts', "import type { Prisma } from '@/lib/generated/prisma/client';\nexport type J = Prisma.JsonValue;\n", 'import/no-restricted-paths'],
    ['lib/engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'no-restricted-imports'],
    ['lib/seed/probe.ts', "import { Button } from '@/components/ui/button';\nexport const b = Button;\n", 'import/no-restricted-paths'],
    ['lib/seed/probe.ts', "import { db } from '@/lib/server/db';\nexport const d = db;\n", 'import/no-restricted-paths'],
    ['i18n/probe.ts', "import { db } from '@/lib/server/db';\nexport const d = db;\n", 'import/no-restricted-paths'],
    ['i18n/probe.ts', "import { formatDecimal } from '@/lib/engine';\nexport const f = formatDecimal;\n", 'import/no-restricted-paths'],
    ['prisma/probe.ts', "import { sides } from '../lib/domain/actor';\nexport const s = sides;\n", 'import/no-restricted-paths'],
    ['prisma/probe.ts', "import { db } from '../lib/server/db';\nexport const d = db;\n", 'import/no-restricted-paths'],
    ['probe.ts', "import { Button } from '@/components/ui/button';\nexport const b = Button;\n", 'import/no-restricted-paths'],
    ['probe.ts', "import { english } from './tests/support/english';\nexport const e = english;\n", 'import/no-restricted-paths'],
    // What components and lib/domain reach goes to the browser: values from the engine's and the terms' modules, not their barrels.
    ['components/probe.tsx', "import { formatDecimal } from '@/lib/engine';\nexport const f = formatDecimal;\n", '@typescript-eslint/no-restricted-imports'],
    ['lib/domain/probe.ts', "import { parseTerms } from '@/lib/terms';\nexport const p = parseTerms;\n", '@typescript-eslint/no-restricted-imports'],
  ];
  const firstLine = (code: string) => code.split('\n')[0];
  it.each(forbidden.map(([filePath, code, rule]) => ({ filePath, code, rule, first: firstLine(code) })))(
    '$filePath: $first is refused by $rule',
    async ({ filePath, code, rule }) => {
      expect(await ruleIds(filePath, code)).toContain(rule);
    },
    60_000,
  );

  const allowed: [string, string][] = [
    [
      'components/probe.tsx',
      "import type { PendingTasks } from '@/lib/contracts/deals';\nimport { sides } from '@/lib/domain/actor';\nimport { formatDecimal } from '@/lib/engine/decimal';\nimport type { Dec } from '@/lib/engine';\nexport type P = PendingTasks;\nexport type D = Dec;\nexport const s = [sides, formatDecimal];\n",
    ],
    [
      'lib/server/probe.ts',
      "import { createPrismaClient } from '@/lib/infra/prisma';\nimport type { PendingTasks } from '@/lib/contracts/deals';\nexport type P = PendingTasks;\nexport const c = createPrismaClient;\n",
    ],
    ['scripts/probe.ts', "import { createPrismaClient } from '../lib/infra/prisma';\nexport const c = createPrismaClient;\n"],
    ['lib/terms/probe.ts', "import { ZERO } from '../engine/decimal';\nexport const z = ZERO;\n"],
    ['lib/contracts/probe.ts', "import type { Side } from '@/lib/domain/actor';\nexport interface S {\n  side: Side;\n}\nexport type T = S[];\n"],
    [
      'lib/seed/probe.ts',
      "import { prepareVersion } from '@/lib/domain/scenario-version';\nimport { appendToChain } from '@/lib/infra/audit-chain';\nimport { miyunDocument } from '@/lib/engine';\nexport const s = [prepareVersion, appendToChain, miyunDocument];\n",
    ],
    ['i18n/probe.ts', "import { isLocale } from '@/lib/domain/locale';\nexport const l = isLocale;\n"],
    ['prisma/probe.ts', "import { createPrismaClient } from '../lib/infra/prisma';\nimport { seedDemo } from '../lib/seed/seed-demo';\nexport const s = [createPrismaClient, seedDemo];\n"],
    ['probe.ts', "import { readSessionCookie } from '@/lib/infra/session-token';\nexport const r = readSessionCookie;\n"],
  ];
  it.each(allowed.map(([filePath, code]) => ({ filePath, code, first: firstLine(code) })))(
    '$filePath: $first … is allowed',
    async ({ filePath, code }) => {
      expect(await ruleIds(filePath, code)).toEqual([]);
    },
    60_000,
  );
});
