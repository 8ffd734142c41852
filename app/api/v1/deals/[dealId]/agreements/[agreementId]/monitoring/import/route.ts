import { NextResponse } from 'next/server';
import { ValidationError } from '@/lib/domain/errors';
import { importMonitoringTable, maxMonitoringTableBytes } from '@/lib/server/fund/import-monitoring-table';
import { apiRoute, limitedFormData } from '@/lib/server/http/api-route';

// multipart/form-data with "file": a CSV or .xlsx table of results (docs/api.md). All or nothing.
export const POST = apiRoute<{ dealId: string; agreementId: string }>(async (request, { actor, origin }, { dealId, agreementId }) => {
  const form = await limitedFormData(request, maxMonitoringTableBytes + 64 * 1024, () => new ValidationError(`the file is larger than ${maxMonitoringTableBytes / 1024 / 1024} MB: split it by year`, 'file'));
  const file = form?.get('file');
  if (!(file instanceof File)) throw new ValidationError('send the table as multipart/form-data in a field named "file"', 'file');
  const imported = await importMonitoringTable({ actor, origin, dealId, agreementId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return NextResponse.json(imported, { status: 201 });
});
