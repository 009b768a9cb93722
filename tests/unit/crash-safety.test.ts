// Crash safety: a worker doing imports, exports, autosaves and migrations is killed with
// SIGKILL at ≥ 100 random points. After every kill the database is intact, every committed
// change is there, nothing is half there, and no half-written export stands under its name.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { freshCore, tempDir } from './helpers';
import { setupCollect } from './collect-helpers';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';

const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const HOSTILE_KILLS = Number(process.env.CRASH_HOSTILE_KILLS ?? 40);
let bundle: string;
let hostileBundle: string;

beforeAll(async () => {
  const outDir = tempDir('bcnv-crash-build-');
  bundle = path.join(outDir, 'worker.cjs');
  hostileBundle = path.join(outDir, 'hostile-worker.cjs');
  for (const [entry, outfile] of [
    ['tests/crash/worker.ts', bundle],
    ['tests/crash/hostile-worker.ts', hostileBundle],
  ] as const)
    await build({
      entryPoints: [path.resolve(entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
  // the bundles resolve packages from the project
  fs.symlinkSync(path.resolve('node_modules'), path.join(outDir, 'node_modules'));
}, 60_000);

/**
 * Runs the worker and kills it `delayMs` after it has committed `steps` pieces of work: the kill
 * lands inside the next piece whatever the machine's speed or load. Nothing else kills it: a start
 * slowed by load is waited for (a worker that hangs fails the test by its overall timeout).
 */
function runAndKill(dir: string, start: number, steps: number, delayMs: number, worker = bundle): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [dir, String(start)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let done = 0;
    let armed = false;
    child.on('message', (m) => {
      if (m === 'step') done++;
      if (!armed && done >= steps) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`worker ended by itself (code ${code}): ${stderr}`));
    });
  });
}

function verify(dir: string): void {
  const db = new Database(path.join(dir, 'data.db'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const lines = fs.existsSync(path.join(dir, 'journal.log'))
      ? fs.readFileSync(path.join(dir, 'journal.log'), 'utf8').split('\n').filter(Boolean)
      : [];
    // every committed import is whole; no import is partly there
    const perBatch = new Map<string, number>();
    for (const r of db.prepare(`SELECT code FROM units`).all() as { code: string }[]) {
      const batch = r.code.split('-')[0]!;
      perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    for (const [batch, n] of perBatch) expect(n, `batch ${batch} half-present`).toBe(20);
    for (const l of lines.filter((x) => x.startsWith('import '))) expect(perBatch.get(l.split(' ')[1]!), l).toBe(20);
    // the agency holds the last committed save or a later one
    const lastAgency = lines
      .filter((x) => x.startsWith('agency '))
      .map((x) => Number(x.split(' ')[1]))
      .at(-1);
    if (lastAgency !== undefined) {
      const name = (db.prepare(`SELECT name FROM agency WHERE id = 1`).get() as { name: string }).name;
      expect(Number(name.replace('SỞ NỘI VỤ ', ''))).toBeGreaterThanOrEqual(lastAgency);
    }
    // audit log rows exist for every unit row (same transaction)
    const units = (db.prepare(`SELECT count(*) AS n FROM units`).get() as { n: number }).n;
    const logged = (
      db.prepare(`SELECT count(*) AS n FROM audit_log WHERE table_name = 'units' AND action = 'insert'`).get() as {
        n: number;
      }
    ).n;
    expect(logged).toBe(units);
  } finally {
    db.close();
  }
  // exports: every journaled file exists; every file under a final name is a whole workbook
  const exportsDir = path.join(dir, 'exports');
  const lines = fs.existsSync(path.join(dir, 'journal.log'))
    ? fs.readFileSync(path.join(dir, 'journal.log'), 'utf8').split('\n')
    : [];
  for (const l of lines.filter((x) => x.startsWith('export ')))
    expect(fs.existsSync(path.join(exportsDir, l.split(' ')[1]!)), l).toBe(true);
  // migrations: each file is either all-old (0001 only) or all-new (latest), never between
  const migDir = path.join(dir, 'migrations');
  if (fs.existsSync(migDir)) {
    for (const f of fs.readdirSync(migDir).filter((x) => x.endsWith('.db'))) {
      const m = new Database(path.join(migDir, f));
      try {
        expect(m.pragma('integrity_check', { simple: true })).toBe('ok');
        const hasTable = m.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'`).get();
        if (!hasTable) continue; // killed before the first migration committed
        const names = (m.prepare(`SELECT name FROM schema_migrations ORDER BY name`).all() as { name: string }[]).map(
          (r) => r.name,
        );
        // nothing yet, all old, or all new: never a version in between
        expect([[], ['0001_initial'], Object.keys(migrations)], f).toContainEqual(names);
      } finally {
        m.close();
      }
    }
  }
}

async function checkExportsWhole(dir: string): Promise<void> {
  const exportsDir = path.join(dir, 'exports');
  if (!fs.existsSync(exportsDir)) return;
  for (const f of fs.readdirSync(exportsDir).filter((x) => x.endsWith('.xlsx'))) {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(exportsDir, f)));
    expect(zip.file('xl/workbook.xml'), `${f} is whole`).not.toBeNull();
  }
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random points`, async () => {
    const dir = tempDir('bcnv-crash-');
    let seed = 20261123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < KILLS; k++) {
      // each run starts with a different kind of work, so every kind is cut off somewhere
      await runAndKill(dir, k * 1000 + (k % 4), k % 3, Math.floor(5 + random() * 400));
      verify(dir);
    }
    await checkExportsWhole(dir);
    const journal = fs.readFileSync(path.join(dir, 'journal.log'), 'utf8');
    // the kills landed in the middle of real work, not only before it started
    expect(journal.match(/^import /gm)?.length ?? 0).toBeGreaterThan(KILLS / 10);
    expect(journal.match(/^migration-done /gm)?.length ?? 0).toBeGreaterThan(KILLS / 20);
    expect(journal.match(/^export /gm)?.length ?? 0).toBeGreaterThan(KILLS / 20);
  }, 600_000);
});

/** The schema objects of the app's own data, by kind and name (what every kill must leave). */
async function referenceSchema(): Promise<string[]> {
  const d = tempDir('bcnv-crash-ref-');
  const core = await freshCore({ dir: d, file: 'data.db', engine: 'sqlite', exports: d });
  await core.close();
  const db = new Database(path.join(d, 'data.db'), { readonly: true });
  try {
    return schemaNames(db);
  } finally {
    db.close();
  }
}

const schemaNames = (db: Database.Database) =>
  (
    db
      .prepare(`SELECT type || ' ' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY o`)
      .all() as { o: string }[]
  ).map((r) => r.o);

const figures = { kills: 0, collects: 0, restores: 0, packages: 0, refused: 0 };

/** After a kill: the app starts again, its schema is whole, nothing committed is lost, nothing half there, no copy orphaned. */
async function verifyHostile(dir: string, reference: string[]): Promise<void> {
  const file = path.join(dir, 'data.db');
  const check = new Database(file, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
  // the next start (which also removes the copies of an import killed half-way)
  const next = await freshCore({ dir, file: 'data.db', engine: 'sqlite' });
  await next.close();
  const db = new Database(file, { readonly: true });
  try {
    expect(schemaNames(db), 'the schema is the app’s, whole').toEqual(reference);
    const journal = path.join(dir, 'journal.log');
    const lines = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8').split('\n').filter(Boolean) : [];
    const rows = db.prepare(`SELECT file_name, stored_path FROM collect_sources`).all() as {
      file_name: string;
      stored_path: string;
    }[];
    const perBatch = new Map<string, number>();
    for (const r of rows) perBatch.set(r.file_name.split('-')[0]!, (perBatch.get(r.file_name.split('-')[0]!) ?? 0) + 1);
    for (const [batch, n] of perBatch) expect(n, `batch ${batch} half-present`).toBe(3);
    for (const l of lines.filter((x) => x.startsWith('collect ')))
      expect(perBatch.get(`c${l.split(' ')[1]}`), l).toBe(3);
    // every kept copy is there, and every copy there is recorded
    for (const r of rows) expect(fs.existsSync(path.join(dir, r.stored_path)), r.stored_path).toBe(true);
    const recorded = new Set(rows.map((r) => r.stored_path));
    const walk = (d: string): string[] =>
      fs.existsSync(d)
        ? fs
            .readdirSync(d, { withFileTypes: true })
            .flatMap((e) =>
              e.isDirectory()
                ? walk(path.join(d, e.name))
                : [path.relative(dir, path.join(d, e.name)).split(path.sep).join('/')],
            )
        : [];
    expect(
      walk(path.join(dir, 'sources')).filter((f) => !recorded.has(f)),
      'orphaned copies',
    ).toEqual([]);
    // a finished restore took the data back to its backup
    const codes = new Set((db.prepare(`SELECT code FROM units`).all() as { code: string }[]).map((r) => r.code));
    for (const l of lines.filter((x) => x.startsWith('restore ')))
      expect(codes.has(`R${l.split(' ')[1]}`), l).toBe(false);
  } finally {
    db.close();
  }
}

describe('crash safety of hostile-file work', () => {
  it(`survives ${HOSTILE_KILLS} SIGKILLs in collect commits, restores and package imports`, async () => {
    const dir = tempDir('bcnv-crash-hostile-');
    const reference = await referenceSchema();
    // three units, a period and their blank workbooks, made once before the kills
    const setup = await freshCore({ dir, file: 'data.db', engine: 'sqlite', exports: dir });
    const { period } = await setupCollect(setup.db, 3);
    await exportCollectBooks(setup.db, path.join(dir, 'books'), { periodId: period.id, unitId: null });
    await setup.close();
    let seed = 20261124;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < HOSTILE_KILLS; k++) {
      await runAndKill(dir, k * 1000 + (k % 4), k % 3, Math.floor(5 + random() * 600), hostileBundle);
      figures.kills++;
      await verifyHostile(dir, reference);
    }
    const journal = fs.existsSync(path.join(dir, 'journal.log'))
      ? fs.readFileSync(path.join(dir, 'journal.log'), 'utf8')
      : '';
    for (const kind of ['collect', 'restore', 'package', 'refused'] as const)
      figures[
        kind === 'collect' ? 'collects' : kind === 'restore' ? 'restores' : kind === 'package' ? 'packages' : 'refused'
      ] = journal.match(new RegExp(`^${kind} `, 'gm'))?.length ?? 0;
    console.log(
      `crash (hostile files): ${figures.kills} kills; ${figures.collects} batches stored, ${figures.restores} restores, ${figures.packages} package imports, ${figures.refused} tampered backups refused; 0 damaged, 0 schema changes, 0 losses, 0 orphaned copies`,
    );
    expect(figures.collects).toBeGreaterThan(HOSTILE_KILLS / 10);
    expect(figures.restores).toBeGreaterThan(HOSTILE_KILLS / 20);
    expect(figures.packages).toBeGreaterThan(HOSTILE_KILLS / 20);
  }, 900_000);
});
