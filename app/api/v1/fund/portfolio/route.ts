import { getFundPortfolio } from '@/lib/server/fund/get-fund-portfolio';
import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute<Record<string, never>>(async (_request, { actor, origin }) => getFundPortfolio({ actor, origin }));
