import { dealsOf } from '../../deals-query';

export default async function DealsPage({ searchParams }: { searchParams: Promise<{ user?: string }> }) {
  const { user } = await searchParams;
  const deals = await dealsOf(user ?? null);
  return (
    <main>
      <h1>Deals</h1>
      <ul>
        {deals.map((deal) => (
          <li key={deal.id}>
            {deal.nameZh} · {deal.watershedZh} · {deal.startYear}–{deal.endYear} · {deal.status}
          </li>
        ))}
      </ul>
    </main>
  );
}
