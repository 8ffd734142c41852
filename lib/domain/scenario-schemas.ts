import { z } from 'zod';
import { SCENARIO_TEMPLATES } from '@/lib/engine/templates';
import { codeNames, say } from './local-text';

const ZId = z.uuid(say('mustBeId'));
/** What a piece of evidence or a comment is about, as the API names it (the message gives an example). */
export const evidenceTargetNames = { scenario: 'scenario', example: 'costs[3]' } as const;
const versionFormats = ['scenario', 'result', 'csv', 'xlsx'] as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, say('mustBeSha256'));

export const ZEvidenceLink = z.strictObject({
  target: z.string().regex(/^(scenario|(costs|subsidies|benefits|downstreamCosts)\[\d{1,4}\])$/, say('mustBeEvidenceTarget', evidenceTargetNames)),
  fileName: z
    .string()
    .trim()
    .min(1, say('mustNotBeEmpty'))
    .max(255, say('atMostCharacters', { max: 255 })),
  sha256,
  note: z
    .string()
    .trim()
    .max(2000, say('atMostCharacters', { max: 2000 }))
    .nullish(),
});

/** A scenario document may be up to 5 MB (scenario-format.md); the rest of the body is small. */
export const maxScenarioBodyBytes = 5 * 1024 * 1024 + 256 * 1024;

export const ZSaveVersion = z.strictObject({
  document: z.unknown().refine((value) => value !== undefined, say('missingScenarioDocument')),
  message: z
    .string()
    .trim()
    .min(1, say('sayWhatChanged'))
    .max(500, say('atMostCharacters', { max: 500 })),
  baseVersionId: ZId.nullish(),
  evidence: z
    .array(ZEvidenceLink)
    .max(500, say('atMostEvidenceLinks', { max: 500 }))
    .optional(),
  // Calculator inputs by row key ("costs[3]|C_f|Forest construction"); opaque to the server.
  calculatorInputs: z
    .record(z.string().max(400), z.record(z.string(), z.unknown(), say('mustBeObject')), say('mustBeObjectByRow'))
    .refine((inputs) => Object.keys(inputs).length <= 2000, say('atMostCalculatedRows', { max: 2000 }))
    .optional(),
});

/** A new scenario from a pes-scenario/1 document (an uploaded file, a client's own). */
export const ZNewScenarioFromDocument = ZSaveVersion.omit({ baseVersionId: true }).extend({
  name: z
    .string()
    .trim()
    .min(1, say('mustNotBeEmpty'))
    .max(200, say('atMostCharacters', { max: 200 }))
    .optional(),
});

/** A new scenario from a template of lib/engine/templates.ts, on the deal's settings (decision 0041). */
export const ZNewScenarioFromTemplate = z.strictObject({
  template: z.enum(SCENARIO_TEMPLATES, say('mustBeTemplate', { templates: [...SCENARIO_TEMPLATES] })),
  name: z
    .string()
    .trim()
    .min(1, say('nameNewScenario'))
    .max(200, say('atMostCharacters', { max: 200 })),
  message: ZSaveVersion.shape.message,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `POST /deals/{id}/scenarios`: `{ document, … }` or `{ template, name, message }`, told apart by
 * the key `template` (a document has no literal to discriminate on). Either is checked whole by
 * its own schema, so a wrong template name is that field's problem, not "matches no option".
 */
export const ZNewScenario = z.unknown().transform((body, ctx) => {
  if (isRecord(body) && 'template' in body && 'document' in body) {
    ctx.issues.push({ code: 'custom', path: ['template'], message: say('documentOrTemplate').error, input: body });
    return z.NEVER;
  }
  const parsed = isRecord(body) && 'template' in body ? ZNewScenarioFromTemplate.safeParse(body) : ZNewScenarioFromDocument.safeParse(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: undefined } as (typeof ctx.issues)[number]);
  return z.NEVER;
});

export const ZFork = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, say('nameNewScenario'))
    .max(200, say('atMostCharacters', { max: 200 })),
});

export const ZComment = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, say('writeSomething'))
    .max(4000, say('atMostCharacters', { max: 4000 })),
  target: z.string().max(40).nullish(),
});

export const ZVersionFormat = z.strictObject({
  format: z.enum(versionFormats, say('mustBeVersionFormat', codeNames(versionFormats, { scenario: 'scenario', result: 'result', csvValue: 'csv', xlsxValue: 'xlsx' }))).default('scenario'),
});
export const ZCompare = z.strictObject({ with: ZId });

/** The message of a version being saved, as the save bar's form checks it (the server checks the same). */
export const ZVersionMessage = ZSaveVersion.pick({ message: true });

const periodYear = z.coerce.number(say('mustBeYear')).int(say('mustBeWholeYear')).min(1900, say('yearFrom1900')).max(2200, say('yearTo2200'));
const periodLabel = z
  .string()
  .trim()
  .min(1, say('mustNotBeEmpty'))
  .max(200, say('atMostCharacters', { max: 200 }));

/** Cutting a period in two: the last year of the first part and the two parts' labels. */
export const ZSplitPeriod = z.strictObject({ lastYearOfFirst: periodYear, firstLabel: periodLabel, secondLabel: periodLabel });

/** A period added after the last one: its last year and label. */
export const ZAddPeriod = z.strictObject({ to: periodYear, label: periodLabel });
