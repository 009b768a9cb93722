// Understanding the decision annex against the register: which old unit goes where, which units
// are made, which close, which continue; every problem named by row and column. Pure: reads the
// rows and the units it is given, writes nothing.
import type { Unit, UnitKind } from '../../../shared/model/unit';
import type { ReorgChange, ReorgPreview, ReorgProblem, ReorgRow, ReorgTarget } from '../../../shared/model/reorganise';
import { foldDiacritics } from '../../../shared/text';
import { formatDateShort } from '../../../shared/format';
import { parseUnitKind } from '../units/units-book';
import { isActiveOn, unitCodeKey } from '../../../shared/domain/validity';
import { MAPPING_HEADER, type MappingBook, type MappingColumnKey, type RawMappingRow } from './mapping-book';

/** Codes compare as the register does: NFC, case folded. */
export const codeKey = unitCodeKey;
const CODE_RE = /^[\p{L}\p{N}._-]+$/u;
const SHARE_TOLERANCE = 0.001;

export interface PlannedTarget extends ReorgTarget {
  /** The unit in the register: null for one the act creates. */
  existingId: number | null;
  /** Fields to change on an existing target (null: unchanged). */
  rename: { name: string | null; kind: UnitKind | null };
  /** The parent after the act, as a code among targets or the register; '' for none. */
  parentKey: string;
  firstRow: number;
}

export interface ReorgPlan {
  preview: ReorgPreview;
  date: string;
  targets: PlannedTarget[];
  /** Old units to close, each with its successors (empty: abolished). */
  closing: { unit: Unit; successors: string[] }[];
  links: { fromId: number; toKey: string | null; change: ReorgChange; share: number | null }[];
  /** Units outside the annex whose parent closes: moved to the parent's successor. */
  moved: { unit: Unit; parentKey: string }[];
}

function parseShare(r: RawMappingRow): number | null | 'invalid' {
  if (r.shareNumber !== null) {
    const n = r.shareNumber;
    return n > 0 && n <= 1 ? n : n > 1 && n <= 100 ? n / 100 : 'invalid';
  }
  const t = r.fields.share.replace(/\s+/g, '');
  if (!t) return null;
  const pct = t.endsWith('%');
  const body = (pct ? t.slice(0, -1) : t).replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(body)) return 'invalid';
  const n = Number(body);
  const v = pct || n > 1 ? n / 100 : n;
  return v > 0 && v <= 1 ? v : 'invalid';
}

export function planReorganisation(
  fileName: string,
  book: MappingBook,
  units: Unit[],
  commandDate: string | null,
): ReorgPlan {
  const errors: ReorgProblem[] = [];
  const warnings: ReorgProblem[] = [];
  const at = (r: RawMappingRow, key: MappingColumnKey) =>
    `Dòng ${r.row}, cột ${r.letters[key] ?? '?'} “${MAPPING_HEADER[key]}”`;
  const err = (r: RawMappingRow, key: MappingColumnKey, text: string) =>
    errors.push({ row: r.row, column: MAPPING_HEADER[key], message: `${at(r, key)}: ${text}` });
  for (const c of book.ignored)
    warnings.push({ column: c.text, message: `Cột ${c.letter} “${c.text}” không dùng đến khi sắp xếp đơn vị.` });

  // The date: the command's, or the one every row gives.
  let date = commandDate;
  for (const r of book.rows) {
    if (r.date === 'invalid') err(r, 'date', `ngày “${r.fields.date}” không hợp lệ (dạng dd/mm/yyyy).`);
    else if (r.date && date && r.date !== date)
      err(r, 'date', `ngày ${formatDateShort(r.date)} khác ngày hiệu lực ${formatDateShort(date)}.`);
    else if (r.date && !date) date = r.date;
  }
  if (!date) errors.push({ message: 'Chưa có ngày hiệu lực: ghi cột “Ngày hiệu lực” trong tệp hoặc chọn ngày.' });
  const day = date ?? '9999-12-31';

  const byKey = new Map(units.map((u) => [codeKey(u.code), u]));
  const rows: { raw: RawMappingRow; old: Unit; newKey: string; kind: UnitKind | null; share: number | null }[] = [];
  const seenPair = new Map<string, number>();
  for (const r of book.rows) {
    const f = r.fields;
    const before = errors.length;
    for (const key of ['oldCode', 'newCode', 'parentCode'] as const)
      if (f[key].length > 30) err(r, key, `dài ${f[key].length} ký tự, tối đa 30 ký tự.`);
      else if (f[key] && !CODE_RE.test(f[key]))
        err(r, key, `mã “${f[key]}” chỉ được gồm chữ, số, dấu chấm, gạch ngang, gạch dưới.`);
    for (const key of ['oldName', 'newName'] as const) if (f[key].length > 250) err(r, key, `dài quá 250 ký tự.`);
    if (!f.oldCode) err(r, 'oldCode', 'thiếu mã đơn vị cũ.');
    const old = f.oldCode ? byKey.get(codeKey(f.oldCode)) : undefined;
    if (f.oldCode && !old) err(r, 'oldCode', `không có đơn vị mã “${f.oldCode}” trong danh sách đơn vị.`);
    else if (old && !isActiveOn(old, day))
      err(r, 'oldCode', `đơn vị “${old.name}” không còn hoạt động vào ngày ${formatDateShort(day)}.`);
    else if (old && f.oldName && foldDiacritics(f.oldName) !== foldDiacritics(old.name))
      warnings.push({
        row: r.row,
        column: MAPPING_HEADER.oldName,
        message: `${at(r, 'oldName')}: tên “${f.oldName}” khác tên trong danh sách “${old.name}” (mã ${old.code}).`,
      });
    if (!f.newCode && f.newName) err(r, 'newCode', `thiếu mã cho đơn vị mới “${f.newName}”.`);
    const kind = f.kind ? parseUnitKind(f.kind) : null;
    if (f.kind && !kind) err(r, 'kind', `loại “${f.kind}” không hợp lệ.`);
    const share = parseShare(r);
    if (share === 'invalid') err(r, 'share', `tỷ lệ “${f.share}” phải lớn hơn 0 và không quá 100%.`);
    const pair = `${codeKey(f.oldCode)}→${codeKey(f.newCode)}`;
    const dup = seenPair.get(pair);
    if (dup !== undefined)
      err(r, 'oldCode', `cặp mã “${f.oldCode}” → “${f.newCode || '(giải thể)'}” trùng với dòng ${dup}.`);
    else seenPair.set(pair, r.row);
    if (errors.length === before && old)
      rows.push({
        raw: r,
        old,
        newKey: f.newCode ? codeKey(f.newCode) : '',
        kind,
        share: share === 'invalid' ? null : share,
      });
  }
  if (book.rows.length === 0)
    errors.push({ message: `Tệp “${fileName}” không có dòng dữ liệu nào dưới dòng tiêu đề.` });

  const byOld = new Map<number, typeof rows>();
  const byNew = new Map<string, typeof rows>();
  for (const x of rows) {
    byOld.set(x.old.id, [...(byOld.get(x.old.id) ?? []), x]);
    if (x.newKey) byNew.set(x.newKey, [...(byNew.get(x.newKey) ?? []), x]);
  }
  // Splits: shares on every row summing to 100 %, or on none (then not comparable).
  for (const list of byOld.values()) {
    if (list.some((x) => !x.newKey) && list.length > 1) {
      for (const x of list.filter((y) => !y.newKey))
        err(x.raw, 'newCode', `đơn vị “${x.old.code}” vừa giải thể vừa chuyển sang đơn vị khác.`);
      continue;
    }
    const given = list.filter((x) => x.share !== null);
    if (list.length === 1) {
      if (given.length && Math.abs(given[0]!.share! - 1) > SHARE_TOLERANCE)
        err(given[0]!.raw, 'share', 'tỷ lệ chỉ dùng khi một đơn vị cũ chia cho nhiều đơn vị mới.');
      list[0]!.share = null;
    } else if (given.length === 0) {
      warnings.push({
        row: list[0]!.raw.row,
        message: `Đơn vị “${list[0]!.old.code}” chia cho ${list.length} đơn vị không kèm tỷ lệ: số liệu cùng kỳ của các đơn vị nhận sẽ ghi “không so sánh được”.`,
      });
    } else if (given.length < list.length) {
      for (const x of list.filter((y) => y.share === null))
        err(x.raw, 'share', `thiếu tỷ lệ (đơn vị “${x.old.code}” chia cho nhiều đơn vị, các dòng khác đã ghi tỷ lệ).`);
    } else {
      const sum = given.reduce((s, x) => s + x.share!, 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE)
        err(
          list.at(-1)!.raw,
          'share',
          `tổng tỷ lệ chia của đơn vị “${list[0]!.old.code}” là ${(sum * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%, phải bằng 100%.`,
        );
    }
  }

  const oldIds = new Set(rows.map((x) => x.old.id));
  const targets: PlannedTarget[] = [];
  for (const [key, list] of byNew) {
    const first = list[0]!.raw;
    const pick = <T>(keyOf: MappingColumnKey, valueOf: (x: (typeof list)[number]) => T | null): T | null => {
      let found: { v: T; row: number } | null = null;
      for (const x of list) {
        const v = valueOf(x);
        if (v === null || (v as unknown) === '') continue;
        if (found && found.v !== v)
          err(x.raw, keyOf, `khác giá trị “${String(found.v)}” đã ghi ở dòng ${found.row} cho cùng đơn vị mới.`);
        else if (!found) found = { v, row: x.raw.row };
      }
      return found?.v ?? null;
    };
    const name = pick('newName', (x) => x.raw.fields.newName);
    const kind = pick('kind', (x) => x.kind);
    const parent = pick('parentCode', (x) => x.raw.fields.parentCode);
    const existing = byKey.get(key) ?? null;
    const fromCodes = list.map((x) => x.old.code);
    let action: ReorgTarget['action'] = 'create';
    if (existing && oldIds.has(existing.id)) {
      action = 'continue';
      if (!byOld.get(existing.id)!.some((x) => x.newKey === key))
        err(
          first,
          'newCode',
          `đơn vị “${existing.code}” được ghi là đóng (chuyển sang đơn vị khác) nhưng lại nhận đơn vị cũ.`,
        );
    } else if (existing) {
      action = 'existing';
      if (!isActiveOn(existing, day))
        err(
          first,
          'newCode',
          `đơn vị nhận “${existing.code} — ${existing.name}” không hoạt động vào ngày ${formatDateShort(day)}.`,
        );
    } else if (!name) err(first, 'newName', `thiếu tên cho đơn vị mới mã “${first.fields.newCode}”.`);
    let finalKind = kind ?? existing?.kind ?? null;
    if (!finalKind) {
      const kinds = new Set(list.map((x) => x.old.kind));
      if (kinds.size === 1) finalKind = list[0]!.old.kind;
      else
        err(
          first,
          'kind',
          `thiếu loại cho đơn vị mới “${name ?? first.fields.newCode}” (các đơn vị cũ khác loại nhau).`,
        );
    }
    targets.push({
      code: existing?.code ?? first.fields.newCode,
      name: name ?? existing?.name ?? '',
      kind: finalKind ?? 'khac',
      parentCode: parent ?? '',
      action,
      fromCodes,
      existingId: existing?.id ?? null,
      rename: {
        name: existing && name && name !== existing.name ? name : null,
        kind: existing && kind && kind !== existing.kind ? kind : null,
      },
      parentKey: parent ? codeKey(parent) : '',
      firstRow: first.row,
    });
  }
  const targetByKey = new Map(targets.map((t) => [codeKey(t.code), t]));

  // Old units that close, and each one's successors.
  const closing: ReorgPlan['closing'] = [];
  const successorsOf = new Map<number, string[]>();
  for (const [id, list] of byOld) {
    const succ = list.filter((x) => x.newKey).map((x) => x.newKey);
    successorsOf.set(id, succ);
    if (!succ.includes(codeKey(list[0]!.old.code))) closing.push({ unit: list[0]!.old, successors: succ });
  }
  const closingIds = new Set(closing.map((c) => c.unit.id));
  const byId = new Map(units.map((u) => [u.id, u]));
  /** Where a parent goes: itself if it stays, its one successor, or (abolished, split) its own parent's place. */
  const placeOf = (id: number | null, depth = 0): string => {
    if (id === null || depth > units.length) return '';
    const u = byId.get(id);
    if (!u) return '';
    if (!closingIds.has(id)) return codeKey(u.code);
    const succ = successorsOf.get(id) ?? [];
    return succ.length === 1 ? succ[0]! : placeOf(u.parentId, depth + 1);
  };
  for (const t of targets) {
    if (t.parentKey) {
      const p = byKey.get(t.parentKey);
      const row = book.rows.find((r) => r.row === t.firstRow)!;
      if (!targetByKey.has(t.parentKey) && (!p || closingIds.has(p.id) || !isActiveOn(p, day)))
        err(
          row,
          'parentCode',
          `đơn vị cấp trên “${t.parentCode}” không có hoặc không còn hoạt động sau ngày hiệu lực.`,
        );
      continue;
    }
    if (t.action !== 'create') {
      const own = t.existingId !== null ? byId.get(t.existingId)!.parentId : null;
      t.parentKey = placeOf(own);
    } else {
      const places = new Set(byNew.get(codeKey(t.code))!.map((x) => placeOf(x.old.parentId)));
      t.parentKey = places.size === 1 ? [...places][0]! : '';
      if (places.size > 1)
        warnings.push({
          row: t.firstRow,
          message: `Đơn vị mới “${t.code}” hình thành từ đơn vị thuộc nhiều cấp trên khác nhau: chưa gắn cấp trên (ghi cột “${MAPPING_HEADER.parentCode}” để chọn).`,
        });
    }
    if (t.parentKey === codeKey(t.code)) t.parentKey = '';
  }
  for (const t of targets) {
    const seen = new Set<string>();
    for (let k = codeKey(t.code); k && targetByKey.has(k); k = targetByKey.get(k)!.parentKey) {
      if (seen.has(k)) {
        errors.push({
          row: t.firstRow,
          message: `Dòng ${t.firstRow}: quan hệ cấp trên của các đơn vị mới tạo thành vòng lặp.`,
        });
        break;
      }
      seen.add(k);
    }
    t.parentCode = t.parentKey ? (targetByKey.get(t.parentKey)?.code ?? byKey.get(t.parentKey)?.code ?? '') : '';
  }

  // Sub-units not in the annex whose parent closes follow the parent's place.
  const moved: ReorgPlan['moved'] = [];
  for (const u of units)
    if (u.parentId !== null && closingIds.has(u.parentId) && !oldIds.has(u.id) && isActiveOn(u, day))
      moved.push({ unit: u, parentKey: placeOf(u.parentId) });
  if (moved.length)
    warnings.push({
      message: `${moved.length} đơn vị cấp dưới không có trong tệp sẽ chuyển theo đơn vị cấp trên mới: ${moved
        .slice(0, 5)
        .map((m) => m.unit.code)
        .join(', ')}${moved.length > 5 ? '…' : ''}.`,
    });

  const links: ReorgPlan['links'] = [];
  const previewRows: ReorgRow[] = [];
  for (const x of rows) {
    const split = byOld.get(x.old.id)!.length > 1;
    const self = x.newKey === codeKey(x.old.code);
    const t = x.newKey ? targetByKey.get(x.newKey) : undefined;
    const change: ReorgChange = !x.newKey
      ? 'abolish'
      : split
        ? 'split'
        : self
          ? t && (t.rename.name || t.rename.kind)
            ? 'rename'
            : 'continue'
          : byNew.get(x.newKey)!.length > 1
            ? 'merge'
            : 'rename';
    links.push({ fromId: x.old.id, toKey: x.newKey || null, change, share: x.share });
    previewRows.push({
      row: x.raw.row,
      oldCode: x.old.code,
      oldName: x.old.name,
      newCode: t?.code ?? '',
      newName: t?.name ?? '',
      change,
      share: x.share,
    });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const counts = {
    oldUnits: byOld.size,
    created: targets.filter((t) => t.action === 'create').length,
    closed: closing.length,
    merges: targets.filter((t) => t.fromCodes.length > 1).length,
    splits: [...byOld.values()].filter((l) => l.length > 1).length,
    renames: links.filter((l) => l.change === 'rename').length,
    abolished: links.filter((l) => l.change === 'abolish').length,
  };
  return {
    preview: {
      fileName,
      effectiveDate: date,
      rows: previewRows,
      targets: targets.map(({ code, name, kind, parentCode, action, fromCodes }) => ({
        code,
        name,
        kind,
        parentCode,
        action,
        fromCodes,
      })),
      errors,
      warnings,
      counts,
    },
    date: day,
    targets,
    closing,
    links,
    moved,
  };
}
