import { z } from 'zod';
import { exportPortfolioLedger } from '@/lib/server/fund/export-ledger';
import { apiRoute } from '@/lib/server/http/api-route';

const ZFormat = z.strictObject({ format: z.enum(['csv', 'xlsx'], 'must be csv or xlsx').default('xlsx') });

// The whole portfolio's ledger as a file: every agreement of every deal where you are a fund member.
export const GET = apiRoute<Record<string, never>>(async (_request, { actor, origin, query }) => {
  const { format } = query(ZFormat);
  const file = await exportPortfolioLedger({ actor, origin, format });
  return new Response(new Uint8Array(file.bytes), {
    headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'private, no-store' },
  });
});
