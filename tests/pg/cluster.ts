// A throwaway PostgreSQL server for the tests: Debian's initdb and pg_ctl make a cluster in a
// temporary folder, listening on 127.0.0.1 at a free port (and a private socket folder), with
// trust authentication for its one user. As root, the server runs as the `postgres` user (or a
// user made for it): PostgreSQL refuses to run as root. One cluster per test process, each test
// gets a database of its own; a watchdog stops the server when the process ends, however it ends.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** A new empty database's URL. */
  createDatabase(): Promise<string>;
  /** The URL of a database by name (for tests that make their own). */
  url(database: string): string;
  stop(): void;
}

const USER = 'bcnv';

/** The newest PostgreSQL server binaries installed (Debian: /usr/lib/postgresql/<version>/bin). */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The system user the server runs as when the tests run as root. */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'bcnv-pg']) {
    try {
      execFileSync('id', ['-u', name], { stdio: 'ignore' });
      return name;
    } catch {
      // not there
    }
  }
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'bcnv-pg']);
  return 'bcnv-pg';
}

function run(bin: string, args: string[], asUser: string | null): void {
  const [cmd, all] = asUser ? ['runuser', ['-u', asUser, '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, all, { stdio: 'pipe' });
}

let started: Promise<PgCluster> | null = null;

export function pgCluster(): Promise<PgCluster> {
  started ??= start();
  return started;
}

async function start(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (.ci/run installs it).');
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-pg-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'socket');
  fs.mkdirSync(socket);
  if (user) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['-R', `${user}:`, dir]);
  }
  run(path.join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], user);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${socket}`,
    `-c listen_addresses=127.0.0.1`,
    // A test server: durability does not matter, speed does.
    `-c fsync=off`,
    `-c synchronous_commit=off`,
    `-c full_page_writes=off`,
    `-c max_connections=200`,
  ].join(' ');
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start'], user);
  const pgCtl = path.join(bin, 'pg_ctl');
  const stopCommand = user
    ? `runuser -u ${user} -- ${pgCtl} -D ${data} -m immediate stop`
    : `${pgCtl} -D ${data} -m immediate stop`;
  // The watchdog: when this process is gone (finished, killed), the server stops and its folder goes.
  const watchdog = spawn(
    'sh',
    ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${stopCommand} >/dev/null 2>&1; rm -rf ${dir}`],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const url = (database: string) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  let n = 0;
  let stopped = false;
  return {
    url,
    async createDatabase() {
      const name = `t${process.pid}_${++n}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        execFileSync('sh', ['-c', stopCommand], { stdio: 'ignore' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        started = null;
      }
    },
  };
}
