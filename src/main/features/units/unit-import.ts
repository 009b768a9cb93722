// Importing and exporting the unit register as a workbook: preview first, then all or nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { UNIT_TEXT_CAPS, unitInput } from '../../../shared/contract/units';
import type { UnitImportPreview, UnitImportRow } from '../../../shared/model/unit';
import {
  readUnitWorkbook,
  UNIT_COLUMNS,
  parseUnitKind,
  writeUnitWorkbook,
  type RowProblem,
  type UnitColumnKey,
} from './units-book';
import { changeUnit, insertUnit, listUnits, toUnit, type UnitData } from './units';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { unitCodeKey } from '../../../shared/domain/validity';
import { trimRun } from '../../../shared/text';

const HEADER_OF = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, c.header])) as Record<UnitColumnKey, string>;

interface Analysis {
  preview: UnitImportPreview;
  /** Rows ready to store, each with its parent code. */
  ready: { row: UnitImportRow; data: UnitData; existingId: number | null }[];
}

async function analyse(db: Kysely<DB>, fileName: string, bytes: Uint8Array): Promise<Analysis> {
  const { rows, dates } = await readUnitWorkbook(bytes, fileName);
  const existing = (await db.selectFrom('units').selectAll().execute()).map(toUnit);
  // Codes match after NFC and case folding, as the register compares them.
  const byCode = new Map(existing.map((u) => [unitCodeKey(u.code), u]));
  const codeOfId = new Map(existing.map((u) => [u.id, u.code]));
  const errors: RowProblem[] = [];
  const ready: Analysis['ready'] = [];
  const firstRowOfCode = new Map<string, number>();
  const at = (r: (typeof rows)[number], key: UnitColumnKey) =>
    `cột ${(r.cells[key] === undefined ? undefined : trimRun(r.cells[key], '0123456789', 'end')) ?? '?'} “${HEADER_OF[key]}”`;

  for (const r of rows) {
    const rowErrors: RowProblem[] = [];
    const f = r.fields;
    // Every text is held to its cap before anything else reads it (a 10-million-character name
    // gets this message, not a misleading one from a later check).
    for (const c of UNIT_COLUMNS)
      if (f[c.key].length > UNIT_TEXT_CAPS[c.key])
        rowErrors.push({
          row: r.row,
          column: c.header,
          message: `Dòng ${r.row}, ${at(r, c.key)}: dài ${f[c.key].length.toLocaleString('vi-VN')} ký tự, tối đa ${UNIT_TEXT_CAPS[c.key].toLocaleString('vi-VN')} ký tự.`,
        });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const kind = parseUnitKind(f.kind);
    if (f.kind && !kind) {
      rowErrors.push({
        row: r.row,
        column: HEADER_OF.kind,
        message: `Dòng ${r.row}, ${at(r, 'kind')}: loại “${f.kind}” không hợp lệ (chọn một trong: ${Object.values(UNIT_KIND_LABELS).join('; ')}).`,
      });
    }
    const d = dates.get(r.row) ?? {};
    for (const key of ['activeFrom', 'activeTo'] as const) {
      if (d[key] === 'invalid')
        rowErrors.push({
          row: r.row,
          column: HEADER_OF[key],
          message: `Dòng ${r.row}, ${at(r, key)}: ngày “${f[key]}” không hợp lệ (dạng dd/mm/yyyy).`,
        });
    }
    let sortOrder: number | undefined;
    if (f.sortOrder !== '') {
      const n = Number(f.sortOrder.replace(',', '.'));
      if (!Number.isInteger(n) || n < 0)
        rowErrors.push({
          row: r.row,
          column: HEADER_OF.sortOrder,
          message: `Dòng ${r.row}, ${at(r, 'sortOrder')}: thứ tự “${f.sortOrder}” phải là số nguyên không âm.`,
        });
      else sortOrder = n;
    }
    const candidate = {
      code: f.code,
      name: f.name,
      shortName: f.shortName,
      kind: kind ?? (f.kind ? 'khac' : ''),
      parentId: null,
      email: f.email,
      contactPerson: f.contactPerson,
      phone: f.phone,
      sortOrder,
      // An empty "Hoạt động từ": a new unit starts the day it is imported, an existing one keeps its day.
      activeFrom: d.activeFrom === 'invalid' || !d.activeFrom ? undefined : d.activeFrom,
      activeTo: d.activeTo === 'invalid' ? null : (d.activeTo ?? null),
    };
    const parsed = unitInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = (issue.path[0] as UnitColumnKey | undefined) ?? 'code';
        const message = key === 'kind' && !f.kind ? 'Loại đơn vị không được để trống.' : issue.message;
        rowErrors.push({
          row: r.row,
          column: HEADER_OF[key] ?? String(key),
          message: `Dòng ${r.row}, ${at(r, key)}: ${message}`,
        });
      }
    }
    if (f.code) {
      const first = firstRowOfCode.get(unitCodeKey(f.code));
      if (first !== undefined)
        rowErrors.push({
          row: r.row,
          column: HEADER_OF.code,
          message: `Dòng ${r.row}, ${at(r, 'code')}: mã “${f.code}” trùng với dòng ${first}.`,
        });
      else firstRowOfCode.set(unitCodeKey(f.code), r.row);
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && parsed.success) {
      const old = byCode.get(unitCodeKey(parsed.data.code)) ?? null;
      const row: UnitImportRow = {
        row: r.row,
        code: parsed.data.code,
        name: parsed.data.name,
        shortName: parsed.data.shortName,
        kind: parsed.data.kind,
        parentCode: f.parentCode,
        email: parsed.data.email,
        contactPerson: parsed.data.contactPerson,
        phone: parsed.data.phone,
        sortOrder: parsed.data.sortOrder ?? null,
        activeFrom: parsed.data.activeFrom ?? null,
        activeTo: parsed.data.activeTo,
        action: old ? 'update' : 'create',
      };
      if (old) {
        const same =
          old.name === row.name &&
          old.shortName === row.shortName &&
          old.kind === row.kind &&
          (old.parentId === null ? '' : codeOfId.get(old.parentId)) === row.parentCode &&
          old.email === row.email &&
          old.contactPerson === row.contactPerson &&
          old.phone === row.phone &&
          (row.sortOrder === null || old.sortOrder === row.sortOrder) &&
          (parsed.data.activeFrom === undefined || old.activeFrom === row.activeFrom) &&
          old.activeTo === row.activeTo;
        if (same) row.action = 'unchanged';
      }
      ready.push({ row, data: parsed.data, existingId: old?.id ?? null });
    }
  }

  // Parents: each must exist in the file or the register, and the tree must have no cycle.
  const fileParent = new Map(ready.map((x) => [x.row.code, x.row.parentCode]));
  const parentOfCode = (code: string): string => {
    if (fileParent.has(code)) return fileParent.get(code) ?? '';
    const u = byCode.get(unitCodeKey(code));
    return u && u.parentId !== null ? (codeOfId.get(u.parentId) ?? '') : '';
  };
  for (const x of ready) {
    const p = x.row.parentCode;
    if (!p) continue;
    const col = `cột ${HEADER_OF.parentCode}`;
    if (p === x.row.code) {
      errors.push({
        row: x.row.row,
        column: HEADER_OF.parentCode,
        message: `Dòng ${x.row.row}, ${col}: đơn vị không thể là cấp trên của chính nó.`,
      });
    } else if (!fileParent.has(p) && !byCode.has(unitCodeKey(p))) {
      errors.push({
        row: x.row.row,
        column: HEADER_OF.parentCode,
        message: `Dòng ${x.row.row}, ${col}: không có đơn vị cấp trên mã “${p}” trong tệp hay trong danh sách hiện có.`,
      });
    } else {
      const seen = new Set<string>([x.row.code]);
      for (let cur = p; cur; cur = parentOfCode(cur)) {
        if (seen.has(cur)) {
          errors.push({
            row: x.row.row,
            column: HEADER_OF.parentCode,
            message: `Dòng ${x.row.row}, ${col}: quan hệ cấp trên tạo thành vòng lặp (${[...seen, cur].join(' → ')}).`,
          });
          break;
        }
        seen.add(cur);
      }
    }
  }
  if (rows.length === 0) errors.push({ message: `Tệp “${fileName}” không có dòng dữ liệu nào dưới dòng tiêu đề.` });
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const x of ready) counts[x.row.action]++;
  return { preview: { fileName, rows: ready.map((x) => x.row), errors, counts }, ready };
}

export async function previewUnitImport(
  db: Kysely<DB>,
  fileName: string,
  bytes: Uint8Array,
): Promise<UnitImportPreview> {
  return (await analyse(db, fileName, bytes)).preview;
}

/** Stores every row or none: any row error refuses the whole file. */
export async function commitUnitImport(
  db: Kysely<DB>,
  fileName: string,
  bytes: Uint8Array,
  now = new Date(),
): Promise<{ created: number; updated: number }> {
  const { preview, ready } = await analyse(db, fileName, bytes);
  if (preview.errors.length > 0) {
    throw new AppError(
      'IMPORT_ROWS',
      `Tệp “${fileName}” có ${preview.errors.length} lỗi; chưa nhập dòng nào. Lỗi đầu tiên: ${preview.errors[0]!.message}`,
      { file: fileName, row: preview.errors[0]!.row, column: preview.errors[0]!.column },
      preview.errors.map((e) => ({ message: e.message, where: { row: e.row, column: e.column } })),
    );
  }
  return db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    const idOfCode = new Map(
      (await trx.selectFrom('units').select(['id', 'code']).execute()).map((r) => [unitCodeKey(r.code), r.id]),
    );
    // First without parents (a parent may come later in the file), then the parents.
    for (const x of ready) {
      if (x.row.action === 'unchanged') continue;
      if (x.existingId === null) {
        const u = await insertUnit(trx, { ...x.data, parentId: null }, now, true);
        idOfCode.set(unitCodeKey(u.code), u.id);
        created++;
      }
    }
    for (const x of ready) {
      if (x.row.action === 'unchanged') continue;
      const id = idOfCode.get(unitCodeKey(x.row.code))!;
      const parentId = x.row.parentCode ? (idOfCode.get(unitCodeKey(x.row.parentCode)) ?? null) : null;
      await changeUnit(trx, id, { ...x.data, parentId }, now, true);
      if (x.existingId !== null) updated++;
    }
    const events = ready
      .filter((x) => x.row.action !== 'unchanged')
      .map((x) => ({
        unit_id: idOfCode.get(unitCodeKey(x.row.code))!,
        kind: 'imported',
        at: now.toISOString(),
        detail: `Từ tệp ${fileName}, dòng ${x.row.row}`,
      }));
    if (events.length > 0) await trx.insertInto('unit_events').values(events).execute();
    return { created, updated };
  });
}

export async function exportUnitWorkbook(db: Kysely<DB>): Promise<Uint8Array> {
  const units = await listUnits(db, { includeClosed: true });
  return writeUnitWorkbook(units);
}
