/** Results are usually entered for the year that closed last; the newest of the years otherwise. */
export function latestClosed(years: number[]): number {
  const closed = years.filter((y) => y < new Date().getFullYear());
  return closed.length ? Math.max(...closed) : (years[0] ?? new Date().getFullYear());
}
