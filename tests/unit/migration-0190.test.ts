// Migration 0190: the unit search's FTS5 table made again with prefix indexes (1, 2 and 3 characters).
// The same units are found as with the table before it, for every kind of search typed: whole words
// and every prefix of them, with and without diacritics, in capitals, decomposed (NFD), digits, one
// and two letters, several words, words nothing matches.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';
import { insertUnit, updateUnit } from '../../src/main/features/units/units';
import { searchUnitIds } from '../../src/main/db/search';
import { toFtsQuery } from '../../src/main/db/sqlite/search';
import { foldDiacritics } from '../../src/shared/text';
import type { UnitKind } from '../../src/shared/model/unit';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const PLACES = [
  'Điện Bàn',
  'Hội An',
  'Tam Kỳ',
  'Đại Lộc',
  'Duy Xuyên',
  'Quế Sơn',
  'Thăng Bình',
  'Núi Thành',
  'Phú Ninh',
];
const HEADS = ['UBND xã', 'UBND phường', 'Sở', 'Phòng Nội vụ', 'Trung tâm', 'Ban quản lý'];
const PEOPLE = ['Nguyễn Văn Ánh', 'Trần Thị Bích', 'Lê Đức Ðông', 'Phạm Ngọc Ý', ''];
const KINDS: UnitKind[] = ['so_nganh', 'ubnd_xa', 'ubnd_phuong'];

/** A register as users type it: diacritics, đ/Đ, digits, codes, emails, some names in NFD or capitals. */
function unitAt(i: number) {
  const place = PLACES[i % PLACES.length]!;
  let name = `${HEADS[i % HEADS.length]} ${place} số ${i}`;
  if (i % 7 === 0) name = name.normalize('NFD');
  if (i % 11 === 0) name = name.toUpperCase();
  return {
    code: i % 5 === 0 ? `X${String(i).padStart(2, '0')}` : `U${i}`,
    name,
    shortName: i % 3 === 0 ? place.split(' ')[0]! : '',
    kind: KINDS[i % 3]!,
    parentId: null,
    email: i % 4 === 0 ? `vanthu${i}@${foldDiacritics(place).replace(/ /g, '')}.gov.vn` : '',
    contactPerson: PEOPLE[i % PEOPLE.length]!,
    phone: '',
    activeFrom: null,
    activeTo: null,
    sortOrder: (i + 1) * 10,
  };
}

/**
 * What is typed: every prefix of every word of the register (folded, and as written: diacritics,
 * capitals, NFD), two words' prefixes together, single characters, digits, misses.
 */
function searches(texts: string[]): string[] {
  const words = new Set<string>();
  const typed = new Set<string>();
  for (const [i, t] of texts.entries()) {
    const ws = t.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w);
    for (const w of ws) words.add(w);
    // pairs of neighbouring words, cut short as people type them
    if (i % 5 === 0)
      for (let k = 0; k + 1 < ws.length; k++)
        for (const n of [1, 2, 3, 9]) typed.add(`${ws[k]!.slice(0, n)} ${ws[k + 1]!.slice(0, 2)}`);
  }
  for (const w of words) for (let n = 1; n <= w.length; n++) typed.add(w.slice(0, n));
  for (const c of 'abcdefghijklmnopqrstuvwxyzđ0123456789') typed.add(c);
  for (let n = 0; n < 100; n++) typed.add(String(n));
  for (const s of [
    'số 7',
    'SỐ 7',
    'so 7',
    'Sô 7',
    'số 7'.normalize('NFD'),
    'điện bàn',
    'ĐIỆN',
    'dien ban 4',
    'ubnd xa',
    'phòng nội vụ 1',
    'u1',
    'x0',
    'vanthu1',
    'gov vn',
    'ánh',
    'đông',
    'ý',
    'zz',
    'quế sơn số 99',
    'q s 1',
    'không có đơn vị',
    '“số” 7',
    '!!!',
    '',
  ])
    typed.add(s);
  return [...typed];
}

describe('migration 0190_unit_search_prefixes', () => {
  it('makes the search table again with prefix indexes; the same text is indexed and the same units are found', async () => {
    const conn = await migrateTo(migrationBefore('0190_unit_search_prefixes'));
    dirs.push(conn.dir);
    const db = conn.database.db;
    const h = conn.sql;
    const now = new Date('2025-01-02T03:04:05Z');
    for (let i = 0; i < 240; i++) await insertUnit(db, unitAt(i), now, true);
    const indexed = () => h.prepare('SELECT rowid, folded FROM units_fts ORDER BY rowid').all();
    const before = indexed();
    const register = h.prepare('SELECT code, name, short_name, email, contact_person FROM units').all() as Record<
      string,
      string
    >[];
    const typed = searches([
      ...(before as { folded: string }[]).map((r) => r.folded),
      ...register.map((u) => Object.values(u).join(' ')),
    ]);
    expect(typed.length).toBeGreaterThan(2000);
    const found = async () => {
      const out: (number[] | null)[] = [];
      for (const s of typed) out.push(await searchUnitIds(db, s));
      return out;
    };
    const plan = () =>
      (
        h.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM units_fts WHERE units_fts MATCH ?`).all('"so"* "7"*') as {
          detail: string;
        }[]
      ).map((p) => p.detail);
    const foundBefore = await found();
    const planBefore = plan();
    expect(foundBefore.filter((ids) => ids !== null && ids.length > 0).length).toBeGreaterThan(typed.length / 2);

    await conn.migrateTo('0190_unit_search_prefixes');
    const table = h.prepare(`SELECT sql FROM sqlite_master WHERE name = 'units_fts'`).get() as { sql: string };
    expect(table.sql).toMatch(/prefix = '1 2 3'/);
    expect(indexed()).toEqual(before);
    expect(await found()).toEqual(foundBefore);
    // the search still goes through the full-text index (a MATCH, not a scan of the table)
    expect(plan()).toEqual(planBefore);
    expect(plan().join('\n')).toMatch(/VIRTUAL TABLE INDEX 0:M/);
    // FTS5's own check covers the prefix indexes too
    expect(() => h.prepare(`INSERT INTO units_fts(units_fts) VALUES ('integrity-check')`).run()).not.toThrow();

    // later writes through the app: the table before it (made here beside it, from the same rows) finds the same
    h.exec(`CREATE VIRTUAL TABLE old_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2')`);
    const { id } = h.prepare(`SELECT id FROM units WHERE code = 'U3'`).get() as { id: number };
    await updateUnit(db, id, { ...unitAt(3), name: 'Phường Điện Nam Bắc số 777', email: 'dnb@dienban.gov.vn' }, now);
    await insertUnit(db, { ...unitAt(500), code: 'Đ500' }, now, true);
    h.exec(`INSERT INTO old_fts(rowid, folded) SELECT rowid, folded FROM units_fts`);
    const again = searches((indexed() as { folded: string }[]).map((r) => r.folded));
    const oldIds = h.prepare('SELECT rowid FROM old_fts WHERE old_fts MATCH ?').pluck();
    for (const s of again) {
      const q = toFtsQuery(s);
      const ids = await searchUnitIds(db, s);
      expect(ids, s).toEqual(q === null ? null : oldIds.all(q));
    }
    await conn.close();
  });
});
