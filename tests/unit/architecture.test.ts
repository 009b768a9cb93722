// The shape of the source tree, checked like behaviour: no folder-level import cycles, the renderer
// and the main process never import each other, and source files stay small enough to read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Folder → folders it imports from (relative imports only; packages are not folders of ours). */
function folderGraph(files: string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of files) {
    const from = path.dirname(f);
    for (const m of fs.readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(from, m[1]!);
      const to = fs.existsSync(target) && fs.statSync(target).isDirectory() ? target : path.dirname(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Strongly connected components of more than one folder (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(path.relative(ROOT, w));
      } while (w !== v);
      if (c.length > 1) found.push(c.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Files allowed over 400 lines, each with the reason. Keep this list short. */
const LONG_FILE_REASONS: Record<string, string> = {};

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('has no import cycles between folders of src/main and src/shared', () => {
    const mainAndShared = files.filter((f) => !f.includes(`${path.sep}renderer${path.sep}`));
    expect(cycles(folderGraph(mainAndShared))).toEqual([]);
  });

  it('has no import cycles between folders of src/renderer (App → routes → components, hooks, lib)', () => {
    const renderer = files.filter((f) => f.includes(`${path.sep}renderer${path.sep}`));
    expect(cycles(folderGraph(renderer))).toEqual([]);
  });

  it('keeps the renderer and the main process apart', () => {
    const crossing: string[] = [];
    for (const f of files) {
      const side = path.relative(SRC, f).split(path.sep)[0];
      for (const m of fs.readFileSync(f, 'utf8').matchAll(IMPORT)) {
        const targetSide = path.relative(SRC, path.resolve(path.dirname(f), m[1]!)).split(path.sep)[0];
        const allowed = targetSide === side || targetSide === 'shared' || m[1]!.includes('/resources/');
        if (!allowed) crossing.push(`${path.relative(ROOT, f)} → ${m[1]}`);
      }
    }
    expect(crossing).toEqual([]);
  });

  it('keeps the database driver behind the seam: only src/main/db/<engine>/ opens it', () => {
    const leaks: string[] = [];
    for (const f of files) {
      const rel = path.relative(SRC, f).split(path.sep).join('/');
      if (/^main\/db\/(sqlite|postgres)\//.test(rel)) continue;
      const text = fs.readFileSync(f, 'utf8');
      if (/from\s+['"](better-sqlite3|pg)['"]/.test(text)) leaks.push(`${rel}: imports the driver`);
      if (/\bsqlite_master\b|\bpragma\b|VACUUM|\bfts5\b|RAISE\(/i.test(text.replace(/^\s*(\/\/|\*).*$/gm, '')))
        leaks.push(`${rel}: SQLite-specific SQL`);
    }
    expect(leaks).toEqual([]);
  });

  it('keeps source files under 400 lines, or says why', () => {
    const long = files
      .map((f) => ({
        file: path.relative(ROOT, f).split(path.sep).join('/'),
        lines: fs.readFileSync(f, 'utf8').split('\n').length,
      }))
      .filter((f) => f.lines > 400 && !LONG_FILE_REASONS[f.file]);
    expect(long).toEqual([]);
  });

  it('lists only files that are still over 400 lines (a file split leaves the list)', () => {
    const stale = Object.keys(LONG_FILE_REASONS).filter((rel) => {
      const abs = path.join(ROOT, rel);
      return !fs.existsSync(abs) || fs.readFileSync(abs, 'utf8').split('\n').length <= 400;
    });
    expect(stale).toEqual([]);
  });
});
