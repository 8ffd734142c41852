import { NextResponse } from 'next/server';
import { ValidationError } from '@/lib/domain/errors';
import { importMonitoringTable, maxMonitoringTableBytes } from '@/lib/server/fund/import-monitoring-table';
import { apiRoute, limitedFormData } from '@/lib/server/http/api-route';
import { text } from '@/lib/domain/local-text';

// multipart/form-data with "file": a CSV or .xlsx table of results (docs/api.md). All or nothing.
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (request, { actor, origin }, { dealId, agreementId }) => {
  const form = await limitedFormData(request, maxMonitoringTableBytes + 64 * 1024, () => new ValidationError(text('tableTooLarge', { mb: maxMonitoringTableBytes / 1024 / 1024 }), 'file'));
  const file = form?.get('file');
  if (!(file instanceof File)) throw new ValidationError(text('sendTableAsMultipart', { field: 'file' }), 'file');
  const imported = await importMonitoringTable({ actor, origin, dealId, agreementId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return NextResponse.json(imported, { status: 201 });
});
