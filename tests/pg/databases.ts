// Test databases on the tests' PostgreSQL server (cluster.ts), one per data folder: the URL is
// kept in the folder, so opening the same folder again opens the same data, as with a SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pgCluster } from './cluster';

export async function serverDatabaseOf(dir: string): Promise<string> {
  const file = path.join(dir, 'postgres-url.txt');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const url = await (await pgCluster()).createDatabase();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, url);
  return url;
}

/**
 * "Nothing changes" on the tests' throwaway server (this test file's own): no autovacuum worker
 * analysing a table in between. An ANALYZE is a transaction too: it moves the server's snapshot,
 * the key of kept reads and the screens' change marker (harmless to the app, which only reads once
 * more, but not what a test of "read once" or "moves only then" means).
 */
export async function quietServer(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('ALTER SYSTEM SET autovacuum = off');
    await admin.query('SELECT pg_reload_conf()');
    for (;;) {
      const r = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
      );
      if (r.rows[0]!.n === 0) break;
      await new Promise((done) => setTimeout(done, 50));
    }
  } finally {
    await admin.end();
  }
}
