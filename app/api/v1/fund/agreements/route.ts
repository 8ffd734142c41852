import { ZFundArchiveFilter } from '@/lib/domain/fund-schemas';
import { searchFundArchive } from '@/lib/server/fund/search-fund-archive';
import { apiRoute } from '@/lib/server/http/api-route';

// ?q=&watershed=&party=&status=&fromYear=&toYear=&minAmount=&maxAmount= — only deals where you are a fund member.
export const GET = apiRoute<Record<string, never>>(async (_request, { actor, origin, query }) => searchFundArchive({ actor, origin, filter: query(ZFundArchiveFilter) }));
