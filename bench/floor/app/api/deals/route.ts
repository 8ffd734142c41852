import { dealsOf } from '../../../deals-query';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = new URL(request.url).searchParams.get('user');
  return Response.json({ deals: await dealsOf(user) });
}
