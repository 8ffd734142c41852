import { z } from 'zod';

const ZId = z.uuid('must be an id (UUID)');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');

export const ZEvidenceLink = z.strictObject({
  target: z.string().regex(/^(scenario|(costs|subsidies|benefits|downstreamCosts)\[\d{1,4}\])$/, 'must be "scenario" or a line item such as costs[3]'),
  fileName: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  sha256,
  note: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
});

/** A scenario document may be up to 5 MB (scenario-format.md); the rest of the body is small. */
export const maxScenarioBodyBytes = 5 * 1024 * 1024 + 256 * 1024;

export const ZSaveVersion = z.strictObject({
  document: z.unknown().refine((value) => value !== undefined, 'missing: the pes-scenario/1 document'),
  message: z.string().trim().min(1, 'say what changed in this version').max(500, 'must be at most 500 characters'),
  baseVersionId: ZId.nullish(),
  evidence: z.array(ZEvidenceLink).max(500, 'at most 500 evidence links').optional(),
  // Calculator inputs by row key ("costs[3]|C_f|Forest construction"); opaque to the server.
  calculatorInputs: z.record(z.string().max(400), z.record(z.string(), z.unknown(), 'must be an object'), 'must be an object keyed by row').refine((inputs) => Object.keys(inputs).length <= 2000, 'at most 2000 calculated rows').optional(),
});

export const ZNewScenario = ZSaveVersion.omit({ baseVersionId: true }).extend({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
});

export const ZFork = z.strictObject({ name: z.string().trim().min(1, 'give the new scenario a name').max(200, 'must be at most 200 characters') });

export const ZComment = z.strictObject({
  body: z.string().trim().min(1, 'write something').max(4000, 'must be at most 4000 characters'),
  target: z.string().max(40).nullish(),
});

export const ZVersionFormat = z.strictObject({ format: z.enum(['scenario', 'result', 'csv', 'xlsx'], 'must be scenario, result, csv or xlsx').default('scenario') });
export const ZCompare = z.strictObject({ with: ZId });
