// Test databases on the tests' PostgreSQL server (cluster.ts), one per data folder: the URL is
// kept in the folder, so opening the same folder again opens the same data, as with a SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import { pgCluster } from './cluster';

export async function serverDatabaseOf(dir: string): Promise<string> {
  const file = path.join(dir, 'postgres-url.txt');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const url = await (await pgCluster()).createDatabase();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, url);
  return url;
}
