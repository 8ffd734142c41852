// Writes test-results/faults/last.json, which the project's report script reads:
// { ranAt, cases: [{ name, outcome: 'passed' | 'failed', details }] }. Details are what a test
// put in its task meta (see recordDetails) and, for a failure, the error messages.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const outFile = path.resolve(import.meta.dirname, '../../../test-results/faults/last.json');

export default class FaultJsonReporter implements Reporter {
  private startedAt = new Date();

  onTestRunStart() {
    this.startedAt = new Date();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const cases = modules.flatMap((module) => {
      const tests = [...module.children.allTests()];
      const moduleErrors = module.errors().map((e) => e.message);
      if (!tests.length && moduleErrors.length) return [{ name: path.basename(module.moduleId), outcome: 'failed' as const, details: { errors: moduleErrors } }];
      return tests.map((test) => {
        const result = test.result();
        const meta = test.meta() as { details?: unknown };
        const errors = (result.errors ?? []).map((e) => e.message);
        return {
          name: test.fullName,
          outcome: result.state === 'passed' ? ('passed' as const) : ('failed' as const),
          details: {
            ...(result.state !== 'passed' && result.state !== 'failed' ? { state: result.state } : {}),
            ...(errors.length ? { errors } : {}),
            ...(meta.details === undefined ? {} : { observed: meta.details }),
          },
        };
      });
    });
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify({ ranAt: this.startedAt.toISOString(), cases }, null, 2)}\n`);
  }
}
