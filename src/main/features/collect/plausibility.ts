// Plausibility of a returned workbook, checked in review: warnings the user confirms by ticking
// the file, never refusals. A number far above the unit's own history or its peers of the same
// kind (a typo of 10^15 for a count), a mostly empty workbook, a formula whose calculated value
// the file does not carry (the app never computes formulas, so the cell would be read as empty).
import { sql } from 'kysely';
import { compareDec, formatDec } from '../../../shared/domain/decimal';
import { COUNTED_STATUSES } from '../../../shared/model/compile';
import type { ReviewMessage } from '../../../shared/model/collect';
import type { Template } from '../../../shared/model/template';
import type { UnitKind } from '../../../shared/model/unit';
import type { Executor } from '../../db/executor';
import { engineOf } from '../../db/database';
import type { ReadBook } from './collect-reader';

/** A value more than ten times the reference is "far outside". */
/** Peers needed before their values say anything. */
const MIN_PEERS = 5;
/** Below this share of input cells filled, a workbook is "mostly empty". */
const MIN_FILLED_SHARE = 0.5;
/** A count this large has no reference to be judged against and is still implausible for one unit. */
const COUNT_CEILING = '10000000';

/** The numbers the values of a batch are compared with: each unit's history and each kind's values. */
export interface Reference {
  /** unit id → code → the largest value it reported in other periods. */
  own: Map<number, Map<string, string>>;
  /** kind → code → [unit id, value] of every counted report (all periods). */
  peers: Map<UnitKind, Map<string, [number, string][]>>;
}

/** Loads the counted reports' numeric values of these codes (one query per batch). */
export async function loadReference(db: Executor, periodId: number, template: Template): Promise<Reference> {
  const codes = template.indicators
    .filter((i) => (i.type === 'count' || i.type === 'amount') && i.rule !== 'RATE')
    .map((i) => i.code);
  const out: Reference = { own: new Map(), peers: new Map() };
  if (codes.length === 0) return out;
  const rows = await sql<{ unit_id: number; period_id: number; kind: string; code: string; value: string }>`
    SELECT r.unit_id AS unit_id, r.period_id AS period_id, u.kind AS kind, v.field_key AS code,
      COALESCE(CAST(v.int_value AS TEXT), v.dec_value) AS value
    FROM reports r JOIN report_values v ON v.report_id = r.id JOIN units u ON u.id = r.unit_id
    WHERE r.status IN (${engineOf(db).listOf(COUNTED_STATUSES, 'text')})
      AND v.field_key IN (${engineOf(db).listOf(codes, 'text')})
      AND (v.int_value IS NOT NULL OR v.dec_value IS NOT NULL)`.execute(db);
  for (const r of rows.rows) {
    if (r.period_id !== periodId) {
      const m = out.own.get(r.unit_id) ?? new Map<string, string>();
      const prev = m.get(r.code);
      if (prev === undefined || compareDec(r.value, prev) > 0) m.set(r.code, r.value);
      out.own.set(r.unit_id, m);
    }
    const k = out.peers.get(r.kind as UnitKind) ?? new Map<string, [number, string][]>();
    const list = k.get(r.code) ?? [];
    list.push([r.unit_id, r.value]);
    k.set(r.code, list);
    out.peers.set(r.kind as UnitKind, k);
  }
  return out;
}

/** The 90th percentile of the peers' values (other units only), or null with too few of them. */
function peerLevel(values: [number, string][] | undefined, unitId: number): string | null {
  const others = (values ?? []).filter(([u]) => u !== unitId).map(([, v]) => v);
  if (others.length < MIN_PEERS) return null;
  others.sort(compareDec);
  return others[Math.min(others.length - 1, Math.floor(others.length * 0.9))]!;
}

/** A canonical decimal times ten, exactly (the decimal point moves). */
function times10(v: string): string {
  const neg = v.startsWith('-');
  const [int, frac = ''] = (neg ? v.slice(1) : v).split('.');
  const i = `${int}${frac[0] ?? '0'}`.replace(/^0+(?=\d)/, '');
  const f = frac.slice(1);
  return `${neg ? '-' : ''}${i}${f ? `.${f}` : ''}`;
}

const atLeastOne = (v: string) => (compareDec(v, '1') < 0 ? '1' : v);
const farAbove = (v: string, ref: string) => compareDec(v, times10(atLeastOne(ref))) > 0;

/** The warnings of one workbook: `values` as parsed (canonical text, null for empty). */
export function plausibilityWarnings(
  fileName: string,
  book: ReadBook,
  template: Template,
  unit: { id: number; kind: UnitKind },
  values: { key: string; value: string | null }[],
  ref: Reference,
): ReviewMessage[] {
  const out: ReviewMessage[] = [];
  const where = (cell: string) => ({ file: fileName, sheet: book.sheet, cell });
  const address = new Map(book.cells.map((c) => [c.cell.key, c.address]));
  for (const c of book.cells) {
    if (c.formula !== null && c.content.kind === 'empty')
      out.push({
        message: `Ô ${c.address} (${c.cell.label}) có công thức “=${c.formula.slice(0, 60)}” nhưng tệp không lưu giá trị đã tính: phần mềm không tự tính công thức nên ô này được coi là trống. Hãy mở tệp bằng Excel, lưu lại rồi đọc lại, hoặc xác nhận nhận như vậy.`,
        where: where(c.address),
      });
  }
  const inputs = book.cells.filter((c) => !(c.cell.kind === 'indicator' && c.cell.computed));
  const filled = values.filter((v) => v.value !== null && v.value !== '').length;
  if (inputs.length >= 4 && filled < inputs.length * MIN_FILLED_SHARE)
    out.push({
      message: `Tệp “${fileName}” chỉ điền ${filled}/${inputs.length} ô nhập liệu: có thể đơn vị gửi nhầm bản chưa hoàn chỉnh.`,
      where: { file: fileName },
    });
  const indicators = new Map(template.indicators.map((i) => [i.code, i]));
  for (const v of values) {
    const ind = indicators.get(v.key);
    if (!ind || v.value === null || (ind.type !== 'count' && ind.type !== 'amount') || ind.rule === 'RATE') continue;
    const own = ref.own.get(unit.id)?.get(v.key) ?? null;
    const peers = peerLevel(ref.peers.get(unit.kind)?.get(v.key), unit.id);
    const reasons: string[] = [];
    if (own !== null && farAbove(v.value, own)) reasons.push(`số lớn nhất đơn vị từng báo cáo là ${formatDec(own)}`);
    if (peers !== null && farAbove(v.value, peers))
      reasons.push(`các đơn vị cùng loại thường không quá ${formatDec(peers)}`);
    if (own === null && peers === null && ind.type === 'count' && compareDec(v.value, COUNT_CEILING) > 0)
      reasons.push(`số đếm quá lớn đối với một đơn vị`);
    if (reasons.length)
      out.push({
        message: `Ô ${address.get(v.key) ?? ''} (${ind.code} — ${ind.name}): ${formatDec(v.value)} cao bất thường (${reasons.join('; ')}). Hãy kiểm tra trước khi nhận.`,
        where: where(address.get(v.key) ?? ''),
      });
  }
  return out;
}
