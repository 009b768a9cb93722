// Hostile input: ≥ 1,000 malformed inputs across the importers. Each must be refused with a
// Vietnamese message (never an internal error, never a crash) and leave the database
// byte-for-byte unchanged.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createDispatch, type Dispatch } from '../../src/main/dispatch';
import { exportUnitWorkbook } from '../../src/main/features/units/unit-import';
import { createUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { buildPackage } from '../../src/main/features/safety/package';
import { parseDocumentModel } from '../../src/main/documents/model';
import { renderDocx } from '../../src/main/documents/docx-writer';
import { sampleModel, SAMPLE_AGENCY } from '../../src/main/features/documents/samples';
import { AppError } from '../../src/shared/errors';
import type { Result } from '../../src/shared/errors';
import { databaseFingerprint, tempDir, freshCore } from './helpers';
import {
  hugeWorkbook,
  lyingBomb,
  mutateBytes,
  mutateObject,
  mutateZip,
  randomValue,
  seeded,
  zipBomb,
  ODD_TEXTS,
  type Random,
} from '../fuzz/mutations';
import { BYTE_MUTATIONS, mutatePart, mutatePartBytes, PART_MUTATIONS } from '../fuzz/hostile-families';
import { editBook, forgeLayout, unitBook, type TextForm } from '../fuzz/hostile-books';
import ExcelJS from 'exceljs';
import { META_SHEET } from '../../src/main/features/collect/collect-book';
import type { ReviewItem } from '../../src/shared/model/collect';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

let dir: string;
let core: Core;
let dispatch: Dispatch;
let nextOpen: string | null = null;
let total = 0;

beforeAll(async () => {
  dir = tempDir('bcnv-fuzz-');
  core = await freshCore({
    dir,
    file: 'data.db',
    exports: path.join(dir, 'out'),
    platform: { nextOpenPath: () => nextOpen },
  });
  dispatch = createDispatch(core);
  for (const [code, name] of [
    ['SNV', 'Sở Nội vụ'],
    ['XA1', 'UBND xã Hòa Vang'],
  ])
    await createUnit(
      core.db,
      unitInput.parse({
        code,
        name,
        shortName: '',
        kind: 'khac',
        parentId: null,
        email: '',
        contactPerson: '',
        phone: '',
        activeFrom: null,
        activeTo: null,
      }),
    );
}, 60_000);

afterAll(async () => {
  await core?.close();
  // the suite as a whole must have thrown at least 1,000 malformed inputs at the importers
  console.log(`fuzz: ${total} malformed inputs refused, database unchanged after each`);
  expect(total).toBeGreaterThanOrEqual(1000);
});

/** Sends each input and checks the refusal; returns how many were sent. */
async function expectAllRefused(cases: { label: string; call: () => Promise<Result<unknown>> }[]): Promise<number> {
  const before = databaseFingerprint(core);
  for (const c of cases) {
    const r = await c.call();
    expect(r.ok, `accepted: ${c.label}`).toBe(false);
    if (!r.ok) {
      expect(r.error.code, `${c.label}: ${r.error.message}`).not.toBe('INTERNAL');
      expect(r.error.message, c.label).toMatch(VIETNAMESE);
    }
    expect(databaseFingerprint(core), `database changed by: ${c.label}`).toBe(before);
  }
  total += cases.length;
  return cases.length;
}

const bytesCall = (method: string, fileName: string) => (bytes: Uint8Array) => () =>
  dispatch(method, { fileName, data: bytes });

const WORKBOOK_PARTS = [
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/worksheets/sheet1.xml',
  'xl/sharedStrings.xml',
  'xl/_rels/workbook.xml.rels',
];

async function workbookCases(
  seed: number,
  valid: Uint8Array,
  n: number,
  call: (b: Uint8Array) => () => Promise<Result<unknown>>,
) {
  const r = seeded(seed);
  const cases: { label: string; call: () => Promise<Result<unknown>> }[] = [];
  for (let i = 0; i < n; i++) {
    const m = r() < 0.6 ? mutateBytes(r, valid) : await mutateZip(r, valid, WORKBOOK_PARTS);
    cases.push({ label: m.label, call: call(m.bytes) });
  }
  return cases;
}

/** Inputs that are not JSON of the right shape: truncated, junk, random structures, binary. */
function jsonCases(
  seed: number,
  valid: Uint8Array,
  n: number,
  call: (b: Uint8Array) => () => Promise<Result<unknown>>,
) {
  const r = seeded(seed);
  const enc = new TextEncoder();
  return Array.from({ length: n }, (_, i) => {
    const k = i % 4;
    const bytes =
      k === 0
        ? valid.slice(0, Math.floor(r() * (valid.length - 2)))
        : k === 1
          ? enc.encode(JSON.stringify(randomValue(r)))
          : k === 2
            ? new Uint8Array(1 + Math.floor(r() * 2000)).map(() => Math.floor(r() * 256))
            : enc.encode(ODD_TEXTS[i % ODD_TEXTS.length]!);
    return { label: `json case ${i} (${k})`, call: call(bytes) };
  });
}

describe('hostile input', () => {
  it('unit workbooks: byte and structure damage, zip bombs (honest and lying), a 100,000-row sheet', async () => {
    const valid = await exportUnitWorkbook(core.db);
    const commit = bytesCall('units.importCommit', 'don-vi.xlsx');
    const cases = await workbookCases(1, valid, 250, commit);
    cases.push(...(await workbookCases(2, valid, 100, bytesCall('units.importPreview', 'xem-truoc.xlsx'))));
    const bomb = await zipBomb();
    cases.push({ label: 'zip bomb', call: commit(bomb) }, { label: 'lying zip bomb', call: commit(lyingBomb(bomb)) });
    cases.push({ label: '100,000 rows', call: commit(await hugeWorkbook(100_000, ['Mã', 'Tên đơn vị', 'Loại'])) });
    cases.push(
      { label: 'empty', call: commit(new Uint8Array()) },
      { label: 'old xls', call: commit(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])) },
    );
    expect(await expectAllRefused(cases)).toBeGreaterThanOrEqual(355);
  }, 300_000);

  it('template, plan and criteria-set files: broken JSON and wrong shapes', async () => {
    const template = await dispatch('templates.list', {});
    expect(template.ok).toBe(true);
    const valid = new TextEncoder().encode(
      JSON.stringify({
        format: 'bao-cao-noi-vu/template',
        formatVersion: 1,
        code: 'X',
        name: 'Y',
        sections: [],
        indicators: [],
      }),
    );
    const cases = [
      ...jsonCases(3, valid, 100, bytesCall('templates.import', 'mau.json')),
      ...jsonCases(4, valid, 100, bytesCall('plans.import', 'ke-hoach.json')),
      ...jsonCases(5, valid, 100, bytesCall('scoring.sets.import', 'bo-tieu-chi.json')),
    ];
    expect(await expectAllRefused(cases)).toBe(300);
  }, 120_000);

  it('document models: random structures refused at the boundary, broken models refused by the schema', async () => {
    const r = seeded(6);
    const cases = Array.from({ length: 100 }, (_, i) => ({
      label: `model ${i}`,
      call: () => dispatch('documents.export', { model: randomValue(r), takeNumber: r() < 0.5 }),
    }));
    expect(await expectAllRefused(cases)).toBe(100);
    // mutated real models: either still valid, or refused with a Vietnamese message naming the field
    const valid = sampleModel('bao-cao', SAMPLE_AGENCY, '2025-06-05');
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      try {
        parseDocumentModel(mutateObject(r, valid));
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).message).toMatch(VIETNAMESE);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(50);
    total += refused;
  }, 120_000);

  it('data packages: damaged, traversing, tampered and foreign zips', async () => {
    const valid = await buildPackage(core);
    const r = seeded(7);
    const file = path.join(dir, 'goi.zip');
    const cases: { label: string; call: () => Promise<Result<unknown>> }[] = [];
    const viaDialog = (bytes: Uint8Array) => async () => {
      fs.writeFileSync(file, bytes);
      nextOpen = file;
      return dispatch('package.inspect', {});
    };
    for (let i = 0; i < 150; i++) {
      const m =
        r() < 0.5 ? mutateBytes(r, valid) : await mutateZip(r, valid, ['manifest.json', 'data/bao-cao-noi-vu.db']);
      cases.push({ label: m.label, call: viaDialog(m.bytes) });
    }
    cases.push({ label: 'zip bomb as package', call: viaDialog(lyingBomb(await zipBomb())) });
    expect(await expectAllRefused(cases)).toBe(151);
  }, 300_000);

  it('plan files: damaged .docx, binary and wrongly encoded .txt refused; any pasted text parsed without harm', async () => {
    const docx = await renderDocx(parseDocumentModel(sampleModel('ke-hoach', SAMPLE_AGENCY, '2025-03-27')));
    const r = seeded(8);
    const parse = (fileName: string) => (bytes: Uint8Array) => () =>
      dispatch('planImport.parse', { file: { fileName, data: bytes } });
    const cases: { label: string; call: () => Promise<Result<unknown>> }[] = [];
    for (let i = 0; i < 120; i++) {
      const m =
        r() < 0.6 ? mutateBytes(r, docx) : await mutateZip(r, docx, ['[Content_Types].xml', 'word/document.xml']);
      cases.push({ label: `docx: ${m.label}`, call: parse('ke-hoach.docx')(m.bytes) });
    }
    for (let i = 0; i < 40; i++) {
      const bin = new Uint8Array(10 + Math.floor(r() * 3000)).map(() => Math.floor(r() * 256));
      bin[3] = 0;
      cases.push({ label: `binary txt ${i}`, call: parse('ke-hoach.txt')(bin) });
    }
    // Windows-1258 / TCVN3 bytes: not UTF-8
    cases.push({
      label: 'windows-1258',
      call: parse('kh.txt')(new Uint8Array([0x4b, 0xc3, 0xa0, 0xca, 0xd2, 0xde, 0x20, 0xf2, 0xec])),
    });
    cases.push({ label: 'lying zip bomb as docx', call: parse('bom.docx')(lyingBomb(await zipBomb())) });
    expect(await expectAllRefused(cases)).toBe(162);

    // pasted text is never refused for its content: odd text yields a proposal, nothing is stored
    const before = databaseFingerprint(core);
    for (let i = 0; i < 60; i++) {
      const text = Array.from({ length: 1 + Math.floor(r() * 30) }, () =>
        ODD_TEXTS[Math.floor(r() * ODD_TEXTS.length)]!.slice(0, 300),
      ).join(r() < 0.5 ? '\n' : ' ');
      const res = await dispatch('planImport.parse', { text });
      if (!res.ok) expect(res.error.code).not.toBe('INTERNAL');
    }
    expect(databaseFingerprint(core)).toBe(before);
  }, 300_000);

  it('returned report workbooks: every damaged file is a problem in the review and cannot be stored', async () => {
    const { setupCollect } = await import('./collect-helpers');
    const { period, units } = await setupCollect(core.db, 2, { year: 2031 });
    const exported = await dispatch('collect.export', { periodId: period.id, unitId: units[0]!.id });
    expect(exported.ok).toBe(true);
    const outDir = path.join(dir, 'out');
    const file = fs.readdirSync(outDir).find((f) => f.startsWith(`${period.id}`) || f.includes(units[0]!.code))!;
    const valid = new Uint8Array(fs.readFileSync(path.join(outDir, file)));
    const r = seeded(9);
    const cases: { label: string; call: () => Promise<Result<unknown>> }[] = [];
    const analyseThenCommit =
      (fileName: string, bytes: Uint8Array, label = '') =>
      async (): Promise<Result<unknown>> => {
        const review = await dispatch('collect.analyze', { periodId: period.id, files: [{ fileName, data: bytes }] });
        if (!review.ok) return review;
        const item = (review.value as { batchId: string; items: { status: string; problems: { message: string }[] }[] })
          .items[0]!;
        expect(item.status, `${fileName}: not a problem (${label})`).toBe('problem');
        expect(item.problems[0]!.message).toMatch(VIETNAMESE);
        return dispatch('collect.commit', {
          batchId: (review.value as { batchId: string }).batchId,
          accept: [{ index: 0 }],
        });
      };
    // The cover sheet (sheet1) is never read, by design: a unit may scribble on it. Every part the
    // reader needs is a target.
    const parts = Object.keys((await JSZip.loadAsync(valid)).files).filter(
      (n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && n !== 'xl/worksheets/sheet1.xml',
    );
    const needed = [...WORKBOOK_PARTS.filter((p) => p !== 'xl/worksheets/sheet1.xml'), ...parts];
    for (let i = 0; i < 150; i++) {
      const m = r() < 0.6 ? mutateBytes(r, valid) : await mutateZip(r, valid, needed);
      cases.push({ label: `collect: ${m.label}`, call: analyseThenCommit(`bieu-${i}.xlsx`, m.bytes, m.label) });
    }
    cases.push({ label: 'collect: lying zip bomb', call: analyseThenCommit('bom.xlsx', lyingBomb(await zipBomb())) });
    cases.push({
      label: 'collect: 100,000 rows',
      call: analyseThenCommit('lon.xlsx', await hugeWorkbook(100_000, ['Mã', 'Tên', 'Giá trị'])),
    });
    cases.push({
      label: 'collect: not made by the app',
      call: analyseThenCommit('la.xlsx', await exportUnitWorkbook(core.db)),
    });
    expect(await expectAllRefused(cases)).toBe(153);
  }, 300_000);

  it('scoring workbooks: damaged self-scoring books are refused and store nothing', async () => {
    const must = <T>(r: Result<unknown>): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const setId = must<{ id: number }[]>(await dispatch('scoring.sets.list', {}))[0]!.id;
    const units = must<{ id: number }[]>(await dispatch('units.list', {}));
    const roundId = must<{ id: number }>(
      await dispatch('scoring.rounds.create', { year: 2031, setId, unitIds: units.map((u) => u.id) }),
    ).id;
    const exported = must<{ path: string }>(
      await dispatch('scoring.workbook.export', { roundId, unitId: units[0]!.id }),
    );
    const valid = new Uint8Array(fs.readFileSync(exported.path));
    const parts = Object.keys((await JSZip.loadAsync(valid)).files).filter((n) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(n),
    );
    const r = seeded(10);
    const importBook = (bytes: Uint8Array) => () =>
      dispatch('scoring.workbook.import', { roundId, file: { fileName: 'phieu-tu-cham.xlsx', data: bytes } });
    const cases: { label: string; call: () => Promise<Result<unknown>> }[] = [];
    for (let i = 0; i < 120; i++) {
      const m =
        r() < 0.6
          ? mutateBytes(r, valid)
          : await mutateZip(r, valid, [
              ...WORKBOOK_PARTS.filter((p) => !p.includes('sheet1')),
              ...parts.filter((p) => !p.endsWith('sheet1.xml')),
            ]);
      cases.push({ label: `scoring: ${m.label}`, call: importBook(m.bytes) });
    }
    cases.push({ label: 'scoring: lying zip bomb', call: importBook(lyingBomb(await zipBomb())) });
    cases.push({ label: 'scoring: a unit list instead', call: importBook(await exportUnitWorkbook(core.db)) });
    expect(await expectAllRefused(cases)).toBe(122);
  }, 300_000);
});

describe('hostile families of issue 21 (each input: refused clearly, or read exactly as Excel shows it)', () => {
  const figures = { tried: 0, refused: 0, same: 0, warned: 0 };
  let hc: Core;
  let hd: Dispatch;
  beforeAll(async () => {
    hc = await freshCore({ dir, file: 'hostile.db', exports: path.join(dir, 'hostile-out') });
    hd = createDispatch(hc);
  });
  afterAll(async () => {
    await hc?.close();
    console.log(
      `hostile families: ${figures.tried} inputs, ${figures.refused} refused clearly, ${figures.same} read as Excel shows them, ${figures.warned} flagged with a warning; 0 hangs, 0 database changes`,
    );
    expect(figures.tried).toBeGreaterThanOrEqual(500);
  });

  /** A mutation of one of `parts` that applies, trying the parts in a random order. */
  async function mutated(r: Random, data: Uint8Array, parts: string[], i: number) {
    const text = i % 10 !== 9;
    const m = text ? PART_MUTATIONS[i % PART_MUTATIONS.length]! : BYTE_MUTATIONS[i % BYTE_MUTATIONS.length]!;
    const order = [...parts].sort(() => r() - 0.5);
    for (const part of order) {
      const bytes = text
        ? await mutatePart(data, part, m as (typeof PART_MUTATIONS)[number], r)
        : await mutatePartBytes(data, part, m as (typeof BYTE_MUTATIONS)[number], r);
      if (bytes) return { label: `${m.label} (${part})`, expect: m.expect, bytes };
    }
    return null;
  }

  it('returned report workbooks, part by part, in batches with a good file', async () => {
    const { setupCollect, fillWorkbook } = await import('./collect-helpers');
    const { period, units } = await setupCollect(hc.db, 2, { year: 2032 });
    const exported = await hd('collect.export', { periodId: period.id, unitId: units[0]!.id });
    expect(exported.ok).toBe(true);
    const outDir = path.join(dir, 'hostile-out');
    const file = fs.readdirSync(outDir).find((f) => f.includes(units[0]!.code))!;
    const good = await fillWorkbook(new Uint8Array(fs.readFileSync(path.join(outDir, file))), {
      DT01: 3,
      DT02: 12,
      LD04: 'Có',
      'muc:I': 'Đã tổ chức 3 hội nghị đối thoại & tiếp dân <định kỳ>.',
    });
    const zip = await JSZip.loadAsync(good);
    const parts = Object.keys(zip.files).filter((n) =>
      /^xl\/(worksheets\/sheet\d|sharedStrings|workbook|styles)/.test(n),
    );
    const analyze = async (files: { fileName: string; data: Uint8Array }[]) => {
      const res = await hd('collect.analyze', { periodId: period.id, files });
      if (!res.ok) throw new Error(`the whole batch was refused: ${res.error.message}`);
      return res.value as { batchId: string; items: ReviewItem[] };
    };
    const baseline = (await analyze([{ fileName: 'goc.xlsx', data: good }])).items[0]!;
    expect(baseline.problems).toEqual([]);
    const values = (item: ReviewItem) => JSON.stringify(item.changes.map((c) => [c.key, c.newValue]));
    const r = seeded(21);
    const before = databaseFingerprint(hc);
    for (let batch = 0; batch < 28; batch++) {
      const cases: { label: string; expect: string; bytes: Uint8Array }[] = [];
      for (let k = 0; cases.length < 8 && k < 30; k++) {
        const m = await mutated(r, good, parts, batch * 8 + k);
        if (m) cases.push(m);
      }
      const review = await analyze([
        ...cases.map((c, i) => ({ fileName: `bieu-${batch}-${i}.xlsx`, data: c.bytes })),
        { fileName: 'tot.xlsx', data: good },
      ]);
      // the good file is read whatever its neighbours were
      expect(values(review.items.at(-1)!)).toBe(values(baseline));
      cases.forEach((c, i) => {
        const item = review.items[i]!;
        if (process.env.FUZZ_DEBUG) console.log(c.expect, c.label, item.problems[0]?.message.slice(0, 150) ?? '');
        figures.tried++;
        if (c.expect === 'refuse') {
          expect(item.status, c.label).toBe('problem');
          expect(item.acceptable, c.label).toBe(false);
          expect(item.problems[0]!.message, c.label).toMatch(VIETNAMESE);
          expect(item.problems[0]!.message, c.label).toContain(item.fileName);
          figures.refused++;
        } else {
          expect(item.problems, c.label).toEqual([]);
          // the same warnings as the good file (its few filled cells), none of its own
          const said = (w: ReviewItem['warnings'], name: string) => w.map((x) => x.message.replaceAll(name, '…'));
          expect(said(item.warnings, item.fileName), c.label).toEqual(said(baseline.warnings, 'goc.xlsx'));
          expect(values(item), c.label).toBe(values(baseline));
          figures.same++;
        }
      });
      const refusedIndex = cases.findIndex((c) => c.expect === 'refuse');
      if (refusedIndex >= 0) {
        const commit = await hd('collect.commit', { batchId: review.batchId, accept: [{ index: refusedIndex }] });
        expect(commit.ok).toBe(false);
      }
    }
    // Whole-book forgeries: a second metadata sheet, sheets named alike, forged or copied layouts.
    const other = fs.readdirSync(outDir).find((f) => f.includes(units[1]!.code));
    const theirs = new ExcelJS.Workbook();
    if (other) await theirs.xlsx.load(fs.readFileSync(path.join(outDir, other)) as unknown as ArrayBuffer);
    const books: { label: string; expect: 'refuse' | 'warn'; bytes: Uint8Array }[] = [];
    const edit = async (label: string, expectIt: 'refuse' | 'warn', fn: (wb: ExcelJS.Workbook) => void) =>
      books.push({ label, expect: expectIt, bytes: await fillWorkbook(good, {}, fn) });
    for (const state of ['visible', 'hidden', 'veryHidden'] as const)
      for (const at of ['B1', 'F40'])
        await edit(`second metadata sheet (${state}, ${at})`, 'refuse', (wb) => {
          wb.addWorksheet(`Trang ${state}`, { state }).getCell(at).value = 'bao-cao-noi-vu/bieu-nhap-lieu';
        });
    for (const name of ['NHẬP LIỆU', 'nhập liệu', 'BCNV_META'])
      books.push({
        label: `two sheets named alike (${name})`,
        expect: 'refuse',
        bytes: await editBook(good, { 'xl/workbook.xml': (x) => x.replace('name="Hướng dẫn"', `name="${name}"`) }),
      });
    for (const when of ['2020-01-01', '2031-12-31', '1999-09-09'])
      await edit(`forged layout, public checksum (${when})`, 'warn', (wb) =>
        forgeLayout(wb, META_SHEET, (j) => j.replace(/"generatedAt":"[^"]+"/, `"generatedAt":"${when}T00:00:00.000Z"`)),
      );
    for (const [label, change] of [
      [
        'forged unit id',
        (j: string) =>
          j
            .replace(/"unitId":\d+/, `"unitId":${units[1]!.id}`)
            .replace(/"unitName":"[^"]+"/, `"unitName":"${units[1]!.name}"`)
            .replace(/"unitCode":"[^"]+"/, `"unitCode":"${units[1]!.code}"`),
      ],
      ['cells not a list', (j: string) => j.replace(/"cells":\[/, '"cells":{"x":[').replace(/\]\}$/, ']}}')],
      ['a cell address that is not one', (j: string) => j.replace(/"address":"D\d+"/, '"address":"D0"')],
      ['no unit code', (j: string) => j.replace(/"unitCode":"[^"]+",/, '')],
      ['not JSON', () => '{"format":'],
    ] as const)
      await edit(label, 'refuse', (wb) => forgeLayout(wb, META_SHEET, change));
    if (other)
      await edit("another unit's hidden sheet copied in", 'refuse', (wb) => {
        const meta = wb.getWorksheet(META_SHEET)!;
        theirs
          .getWorksheet(META_SHEET)!
          .eachRow((row, n) => row.eachCell((c, col) => (meta.getCell(n, col).value = c.value)));
      });
    await edit('a key written twice in the hidden sheet', 'refuse', (wb) => {
      const meta = wb.getWorksheet(META_SHEET)!;
      meta.getCell(meta.rowCount + 1, 1).value = 'checksum';
      meta.getCell(meta.rowCount, 2).value = 'x';
    });
    const review = await analyze([
      ...books.map((b, i) => ({ fileName: `sach-${i}.xlsx`, data: b.bytes })),
      { fileName: 'tot.xlsx', data: good },
    ]);
    expect(values(review.items.at(-1)!)).toBe(values(baseline));
    books.forEach((b, i) => {
      const item = review.items[i]!;
      figures.tried++;
      if (b.expect === 'refuse') {
        expect(item.status, b.label).toBe('problem');
        expect(item.problems[0]!.message, b.label).toContain(item.fileName);
        figures.refused++;
      } else {
        expect(item.warnings[0]?.message, b.label).toMatch(/^Cảnh báo: .*không mang dấu xác thực/);
        expect(item.suggested, b.label).toBe(false);
        figures.warned++;
      }
    });
    expect(databaseFingerprint(hc)).toBe(before);
  }, 600_000);

  it('unit lists in every text form, part by part', async () => {
    const rows = [
      ['SNV', 'Sở Nội vụ tỉnh Quảng Nam', 'Sở, ban, ngành'],
      ['XHV', 'UBND xã Hòa Vang 😀', 'UBND xã'],
      ['PĐB', 'UBND phường Điện Bàn', 'UBND phường'],
      ['TTLT', 'Trung tâm Lưu trữ & Thư viện <tỉnh>', 'Đơn vị sự nghiệp'],
    ];
    const forms: TextForm[] = ['inline', 'inline-rich', 'shared', 'shared-rich'];
    const r = seeded(22);
    const before = databaseFingerprint(hc);
    for (let i = 0; i < 200; i++) {
      const form = forms[i % forms.length]!;
      const good = await unitBook(rows, form);
      const expected = await hd('units.importPreview', { fileName: 'goc.xlsx', data: good });
      expect(expected.ok).toBe(true);
      const m = await mutated(r, good, ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'], i);
      if (!m) continue;
      const res = await hd('units.importPreview', { fileName: `don-vi-${i}.xlsx`, data: m.bytes });
      figures.tried++;
      if (m.expect === 'refuse') {
        expect(res.ok, `${m.label} (${form})`).toBe(false);
        if (!res.ok) {
          expect(res.error.code, m.label).not.toBe('INTERNAL');
          expect(res.error.message, m.label).toMatch(VIETNAMESE);
          expect(res.error.message, m.label).toContain(`don-vi-${i}.xlsx`);
        }
        figures.refused++;
      } else {
        expect(res.ok, `${m.label} (${form}): ${res.ok ? '' : res.error.message}`).toBe(true);
        if (res.ok && expected.ok)
          expect(JSON.stringify((res.value as { rows: unknown[] }).rows), m.label).toBe(
            JSON.stringify((expected.value as { rows: unknown[] }).rows),
          );
        figures.same++;
      }
    }
    expect(databaseFingerprint(hc)).toBe(before);
  }, 600_000);

  it('self-scoring books: every hostile part refused, nothing stored', async () => {
    const must = <T>(res: Result<unknown>): T => {
      if (!res.ok) throw new Error(res.error.message);
      return res.value as T;
    };
    const setId = must<{ id: number }[]>(await hd('scoring.sets.list', {}))[0]!.id;
    const units = must<{ id: number }[]>(await hd('units.list', {}));
    const roundId = must<{ id: number }>(
      await hd('scoring.rounds.create', { year: 2032, setId, unitIds: units.map((u) => u.id) }),
    ).id;
    const exported = must<{ path: string }>(await hd('scoring.workbook.export', { roundId, unitId: units[0]!.id }));
    const good = new Uint8Array(fs.readFileSync(exported.path));
    const parts = Object.keys((await JSZip.loadAsync(good)).files).filter((n) =>
      /^xl\/(worksheets\/sheet\d|sharedStrings|workbook)/.test(n),
    );
    const refusing = PART_MUTATIONS.filter((m) => m.expect === 'refuse');
    const r = seeded(23);
    const before = databaseFingerprint(hc);
    for (let i = 0; i < 100; i++) {
      const m = refusing[i % refusing.length]!;
      let bytes: Uint8Array | null = null;
      for (const part of [...parts].sort(() => r() - 0.5)) if (!bytes) bytes = await mutatePart(good, part, m, r);
      if (!bytes) continue;
      const res = await hd('scoring.workbook.import', { roundId, file: { fileName: `phieu-${i}.xlsx`, data: bytes } });
      figures.tried++;
      expect(res.ok, m.label).toBe(false);
      if (!res.ok) {
        expect(res.error.code, m.label).not.toBe('INTERNAL');
        expect(res.error.message, m.label).toMatch(VIETNAMESE);
      }
      figures.refused++;
    }
    expect(databaseFingerprint(hc)).toBe(before);
  }, 600_000);
});
