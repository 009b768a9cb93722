// Reading the audit log the triggers keep: filtered, paged, exported.
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { auditFilter } from '../../../shared/contract/safety';
import { tableLabel, type AuditEntry, type AuditPage } from '../../../shared/model/safety';
import { HIDDEN_COLUMNS, auditUserText, auditValue, columnLabel } from '../../../shared/model/audit-labels';
import { AuditNames } from './audit-refs';

type Filter = z.output<typeof auditFilter>;

/** A–Z to a–z only, as the engines' lower() folds them. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Changed columns only, in Vietnamese, each value as people read it; bookkeeping columns left out. */
function changesOf(
  table: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  names: AuditNames,
): AuditEntry['changes'] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const raw = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return (
    keys
      .filter((k) => !HIDDEN_COLUMNS.has(k))
      .filter((k) => !before || !after || raw(before[k]) !== raw(after[k]))
      // An added or removed row: only the columns that held something.
      .filter((k) => (before && after) || ![null, undefined, ''].includes((before ?? after)![k] as never))
      .map((k) => {
        // An id of another record reads as that record's name; the id is only a detail.
        const ref = (row: Record<string, unknown> | null) => (row ? names.ref(table, k, row[k]) : null);
        const [b, a] = [ref(before), ref(after)];
        return {
          field: k,
          label: columnLabel(k, table),
          before: b ? b.text : before ? auditValue(k, before[k], table) : null,
          after: a ? a.text : after ? auditValue(k, after[k], table) : null,
          ...(b?.detail ? { beforeDetail: b.detail } : {}),
          ...(a?.detail ? { afterDetail: a.detail } : {}),
        };
      })
  );
}

/** Settings whose values are secrets: the log says they changed, never what they hold. */
const SECRET_SETTINGS = new Set(['books.secret']);

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const row = JSON.parse(json) as Record<string, unknown>;
    if (typeof row.key === 'string' && SECRET_SETTINGS.has(row.key) && 'value' in row)
      return { ...row, value: '(khóa bí mật, không hiển thị)' };
    return row;
  } catch {
    return null;
  }
}

export async function listAudit(db: Kysely<DB>, f: Filter): Promise<AuditPage> {
  let q = db.selectFrom('audit_log');
  if (f.table) q = q.where('table_name', '=', f.table);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', `${f.to}T99`);
  if (f.search) {
    // Case-blind for A–Z on both engines alike: SQLite's LIKE already is, PostgreSQL's is not, so
    // both sides are lowered; lower() of a collate "C" column (PostgreSQL) and SQLite's lower()
    // both fold only A–Z, so the two engines return the same rows (Đ/đ stay distinct on both).
    const like = `%${asciiLower(f.search.replace(/[%_]/g, ''))}%`;
    const low = (c: 'before_json' | 'after_json' | 'user') => sql<string>`lower(${sql.ref(c)})`;
    q = q.where((eb) =>
      eb.or([eb(low('before_json'), 'like', like), eb(low('after_json'), 'like', like), eb(low('user'), 'like', like)]),
    );
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0)
    .execute();
  const parsed = rows.map((r) => ({ table: r.table_name, before: parse(r.before_json), after: parse(r.after_json) }));
  const names = await new AuditNames(db).load(parsed);
  return {
    total,
    rows: rows.map((r, i) => ({
      id: r.id,
      at: r.at,
      user: r.user,
      tableName: r.table_name,
      tableLabel: tableLabel(r.table_name),
      rowId: r.row_id,
      rowName: names.subject(r.table_name, parsed[i]!.after ?? parsed[i]!.before),
      action: r.action as AuditEntry['action'],
      changes: changesOf(r.table_name, parsed[i]!.before, parsed[i]!.after, names),
    })),
  };
}

const ACTION_LABEL = { insert: 'Thêm', update: 'Sửa', delete: 'Xóa' } as const;

/** Text written to a cell is always text: a leading = + - @ never becomes a formula. */
export function safeCellText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** "Xã Tam Kỳ (X01) [#17]": the name, the id after it. */
const withDetail = (text: string | null, detail: string | undefined) =>
  !text ? 'trống' : detail ? `${text} [${detail}]` : text;

export async function auditWorkbook(db: Kysely<DB>, f: Filter): Promise<Uint8Array> {
  const page = await listAudit(db, { ...f, limit: 1000, offset: 0 });
  const all = [...page.rows];
  for (let offset = 1000; offset < Math.min(page.total, 100_000); offset += 1000)
    all.push(...(await listAudit(db, { ...f, limit: 1000, offset })).rows);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo Nội vụ';
  const ws = wb.addWorksheet('Nhật ký', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  ws.columns = [
    { header: 'Thời điểm', key: 'at', width: 22 },
    { header: 'Người thực hiện', key: 'user', width: 16 },
    { header: 'Dữ liệu', key: 'table', width: 22 },
    { header: 'Bản ghi', key: 'name', width: 32 },
    { header: 'Mã bản ghi', key: 'row', width: 10 },
    { header: 'Thao tác', key: 'action', width: 10 },
    { header: 'Thay đổi (trước → sau)', key: 'changes', width: 90 },
  ];
  for (const r of all) {
    ws.addRow({
      at: new Date(r.at).toLocaleString('vi-VN'),
      user: safeCellText(auditUserText(r.user)),
      table: r.tableLabel,
      name: safeCellText(r.rowName ?? ''),
      row: r.rowId,
      action: ACTION_LABEL[r.action],
      changes: safeCellText(
        r.changes.length
          ? r.changes
              .map((c) => `${c.label}: ${withDetail(c.before, c.beforeDetail)} → ${withDetail(c.after, c.afterDetail)}`)
              .join('\n')
          : 'Lưu lại, không đổi nội dung',
      ),
    });
  }
  ws.eachRow((row, n) =>
    row.eachCell((cell) => {
      cell.font = { name: 'Times New Roman', size: 11, bold: n === 1 };
      cell.alignment = { vertical: 'top', wrapText: true };
    }),
  );
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
