import pg from 'pg';

/** Where a connection string points, without its password, for messages. */
export function describeTarget(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}

/** Resolves when PostgreSQL answers within the timeout; otherwise rejects with a message naming the host. */
export async function ensureReachable(connectionString: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`Cannot reach PostgreSQL at ${describeTarget(connectionString)} (${reason}). Check DATABASE_URL and that the server is running.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
