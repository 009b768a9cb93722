// Nhật ký names what an id refers to: "Đơn vị: Xã Tam Kỳ (X01)" with "#17" as a detail, never a
// bare number. Names are read for the page shown only (one query per kind of record); a record
// deleted since is said as "(đã xóa)", with the name it had when the log saw it deleted.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { planReference, type PlanType } from '../../../shared/model/plan';
import { formatDateShort } from '../../../shared/format';

type Row = Record<string, unknown>;
type Kind = 'unit' | 'period' | 'plan' | 'template' | 'set' | 'round' | 'report' | 'scoring' | 'docTemplate' | 'task';

/** The table each kind of record lives in. */
const TABLE: Record<Kind, string> = {
  unit: 'units',
  period: 'periods',
  plan: 'plans',
  template: 'templates',
  set: 'scoring_sets',
  round: 'scoring_rounds',
  report: 'reports',
  scoring: 'scorings',
  docTemplate: 'doc_templates',
  task: 'plan_tasks',
};

/** Columns that hold the id of another record (a JSON list for the plural ones). */
const COLUMN_KIND: Record<string, Kind> = {
  unit_id: 'unit',
  merged_into_id: 'unit',
  from_unit_id: 'unit',
  to_unit_id: 'unit',
  to_unit_ids: 'unit',
  period_id: 'period',
  period_ids: 'period',
  compare_ids: 'period',
  // A draft's window: the ids of its periods, joined by commas.
  window_key: 'period',
  plan_id: 'plan',
  template_id: 'template',
  report_template_id: 'template',
  set_id: 'set',
  round_id: 'round',
  report_id: 'report',
  scoring_id: 'scoring',
  doc_template_id: 'docTemplate',
  task_id: 'task',
};

export function refKind(table: string, column: string): Kind | null {
  if (column === 'parent_id') return table === 'units' ? 'unit' : null;
  // A new version points at the one it was made from, in its own table.
  if (column === 'based_on_id') return table === 'templates' ? 'template' : table === 'scoring_sets' ? 'set' : null;
  return COLUMN_KIND[column] ?? null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A record's own name, from its columns (a live row or the JSON the log kept). */
const OWN_NAME: Record<string, (r: Row) => string> = {
  units: (r) => `${str(r.name)} (${str(r.code)})`,
  periods: (r) => str(r.name),
  plans: (r) =>
    planReference({
      type: str(r.type) as PlanType,
      number: str(r.number),
      symbol: str(r.symbol),
      issuedDate: (r.issued_date as string | null) ?? null,
    }),
  templates: (r) => `${str(r.name)} (phiên bản ${str(r.version)})`,
  scoring_sets: (r) => `${str(r.name)} (phiên bản ${str(r.version)})`,
  scoring_rounds: (r) => str(r.name),
  doc_templates: (r) => str(r.name),
  plan_tasks: (r) => `Nhiệm vụ ${str(r.position)}: ${short(str(r.text))}`,
  signers: (r) => `${str(r.full_name)}${r.title ? `, ${str(r.title)}` : ''}`,
  reorganisations: (r) => short(str(r.summary)) || `Sắp xếp ngày ${formatDateShort(str(r.effective_date))}`,
  document_register: (r) => `Số ${str(r.number)}/${str(r.symbol)} ngày ${formatDateShort(str(r.date))}`,
};

/** Columns read for a name (never a plan's whole body). */
const NAME_COLUMNS: Record<string, string[]> = {
  units: ['id', 'name', 'code'],
  periods: ['id', 'name'],
  plans: ['id', 'type', 'number', 'symbol', 'issued_date'],
  templates: ['id', 'name', 'version'],
  scoring_sets: ['id', 'name', 'version'],
  scoring_rounds: ['id', 'name'],
  doc_templates: ['id', 'name'],
  plan_tasks: ['id', 'position', 'text'],
  reports: ['id', 'unit_id', 'period_id'],
  scorings: ['id', 'unit_id', 'round_id'],
};

/** Records whose name is made of the records they belong to. */
const PARTS: Record<string, [string, Kind][]> = {
  reports: [
    ['unit_id', 'unit'],
    ['period_id', 'period'],
  ],
  scorings: [
    ['unit_id', 'unit'],
    ['round_id', 'round'],
  ],
};

/** Which references say what a row of another table is about, first ones first. */
const SUBJECT_COLUMNS = [
  'report_id',
  'scoring_id',
  'unit_id',
  'period_id',
  'window_key',
  'round_id',
  'plan_id',
  'template_id',
  'doc_template_id',
];

export interface AuditRow {
  table: string;
  before: Row | null;
  after: Row | null;
}

/** Ids in a column: one number, or a JSON list of them. */
export function idsIn(v: unknown): number[] {
  if (typeof v === 'number' && Number.isInteger(v)) return [v];
  if (typeof v === 'string' && /^\d+(,\d+)*$/.test(v)) return v.split(',').map(Number);
  if (typeof v === 'string' && v.startsWith('[')) {
    try {
      const list = JSON.parse(v) as unknown;
      return Array.isArray(list) ? list.flatMap(idsIn) : [];
    } catch {
      return [];
    }
  }
  if (Array.isArray(v)) return v.flatMap(idsIn);
  return [];
}

type Loose = Record<string, Record<string, unknown>>;

export class AuditNames {
  readonly #names = new Map<string, string>();
  constructor(private readonly db: Kysely<DB>) {}

  /** Reads the names every reference of these rows needs, one query per kind. */
  async load(rows: AuditRow[]): Promise<this> {
    const wanted = new Map<Kind, Set<number>>();
    const want = (kind: Kind, ids: number[]) => {
      const set = wanted.get(kind) ?? new Set<number>();
      ids.forEach((id) => set.add(id));
      wanted.set(kind, set);
    };
    for (const r of rows)
      for (const side of [r.before, r.after])
        for (const [column, v] of Object.entries(side ?? {})) {
          const kind = refKind(r.table, column);
          if (kind) want(kind, idsIn(v));
        }
    // Reports and scorings first: their names need their unit, period or round.
    for (const kind of ['report', 'scoring'] as const) {
      const found = await this.#fetch(kind, [...(wanted.get(kind) ?? [])]);
      for (const row of found) for (const [column, k] of PARTS[TABLE[kind]]!) want(k, idsIn(row[column]));
    }
    for (const [kind, ids] of wanted) if (kind !== 'report' && kind !== 'scoring') await this.#fetch(kind, [...ids]);
    for (const kind of ['report', 'scoring'] as const) this.#nameParts(kind);
    return this;
  }

  readonly #parts = new Map<string, Row>();

  async #fetch(kind: Kind, ids: number[]): Promise<Row[]> {
    const table = TABLE[kind];
    const missing = ids.filter((id) => !this.#names.has(`${kind}:${id}`));
    if (!missing.length) return [];
    const db = this.db as unknown as Kysely<Loose>;
    const rows: Row[] = [];
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      rows.push(...(await db.selectFrom(table).select(NAME_COLUMNS[table]!).where('id', 'in', chunk).execute()));
    }
    for (const row of rows) {
      const id = Number(row.id);
      if (PARTS[table]) this.#parts.set(`${kind}:${id}`, row);
      else this.#names.set(`${kind}:${id}`, OWN_NAME[table]!(row));
    }
    const seen = new Set(rows.map((r) => Number(r.id)));
    const gone = missing.filter((id) => !seen.has(id));
    if (gone.length) await this.#deleted(kind, gone);
    return rows;
  }

  /** A record deleted since: "(đã xóa)", with its last name when the log kept its deletion. */
  async #deleted(kind: Kind, ids: number[]): Promise<void> {
    const table = TABLE[kind];
    const last = new Map<number, string>();
    if (OWN_NAME[table]) {
      const logged = await this.db
        .selectFrom('audit_log')
        .select(['row_id', 'before_json'])
        .where('table_name', '=', table)
        .where('action', '=', 'delete')
        .where('row_id', 'in', ids)
        .execute();
      for (const l of logged) {
        try {
          last.set(Number(l.row_id), OWN_NAME[table](JSON.parse(l.before_json ?? '{}') as Row));
        } catch {
          // an unreadable entry leaves the name unknown
        }
      }
    }
    for (const id of ids) this.#names.set(`${kind}:${id}`, last.has(id) ? `(đã xóa) ${last.get(id)}` : '(đã xóa)');
  }

  #nameParts(kind: 'report' | 'scoring'): void {
    const table = TABLE[kind];
    for (const [key, row] of this.#parts) {
      if (!key.startsWith(`${kind}:`)) continue;
      const parts = PARTS[table]!.flatMap(([column, k]) => idsIn(row[column]).map((id) => this.name(k, id)));
      this.#names.set(key, parts.join(' · '));
    }
  }

  name(kind: Kind, id: number): string {
    return this.#names.get(`${kind}:${id}`) ?? '(đã xóa)';
  }

  /** A reference column's value as a name, the ids as its detail; null when the column is not one. */
  ref(table: string, column: string, v: unknown): { text: string; detail: string } | null {
    const kind = refKind(table, column);
    if (!kind || v === null || v === undefined) return null;
    const ids = idsIn(v);
    if (!ids.length) return typeof v === 'string' && v.startsWith('[') ? { text: '(không có)', detail: '' } : null;
    return { text: ids.map((id) => this.name(kind, id)).join(', '), detail: ids.map((id) => `#${id}`).join(', ') };
  }

  /** What a row is about: its own name, or the records it belongs to. */
  subject(table: string, row: Row | null): string | null {
    if (!row) return null;
    if (OWN_NAME[table]) return OWN_NAME[table](row);
    const part = PARTS[table];
    if (part) return part.flatMap(([column, k]) => idsIn(row[column]).map((id) => this.name(k, id))).join(' · ');
    const names: string[] = [];
    for (const column of SUBJECT_COLUMNS) {
      const kind = refKind(table, column);
      const ids = kind ? idsIn(row[column]) : [];
      if (kind && ids.length) names.push(ids.map((id) => this.name(kind, id)).join(', '));
      if (names.length === 2) break;
    }
    // A report's name already says its unit and period: said once.
    return names.length ? [...new Set(names.join(' · ').split(' · '))].join(' · ') : null;
  }
}
