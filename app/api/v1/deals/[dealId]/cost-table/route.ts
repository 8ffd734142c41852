import { ValidationError } from '@/lib/domain/errors';
import { apiRoute, formJson, limitedFormData } from '@/lib/server/http/api-route';
import { importCostTable, maxCostTableBytes } from '@/lib/server/scenarios/import-cost-table';
import { text } from '@/lib/domain/local-text';

// multipart/form-data: "file" (.xlsx or CSV) and "base" (the pes-scenario/1 document the table
// goes into, as JSON). Answers { document }: a draft, nothing is saved.
export const POST = apiRoute<{ dealId: string }>(async (request, { actor, origin }, { dealId }) => {
  const form = await limitedFormData(request, 2 * maxCostTableBytes + 64 * 1024, () => new ValidationError(text('fileTooLarge', { mb: maxCostTableBytes / 1024 / 1024 }), 'file'));
  const file = form?.get('file');
  if (!(file instanceof File)) {
    throw new ValidationError(text('sendTableAsMultipart', { field: 'file' }), 'file');
  }
  const base = formJson(form, 'base');
  if (!base || typeof base !== 'object') throw new ValidationError(text('sendBaseScenario'), 'base');
  return importCostTable({ actor, origin, dealId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), base });
});
