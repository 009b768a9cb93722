// The arithmetic of scoring, shared by the main process (what is stored and exported) and the
// renderer (live totals while typing): checks of a criteria set, totals with the bonus cap and
// deductions, the class of a total, and the ranking with ties. All sums in whole hundredths.
import type { CriteriaSetContent, ScoreClass, ScoreItem, Totals } from '../model/scoring';
import { trimRun } from '../text';

/** Points → whole hundredths; null when the number has more than two decimals or is not finite. */
export function toCenti(points: number): number | null {
  if (!Number.isFinite(points)) return null;
  const c = Math.round(points * 100);
  return Math.abs(c - points * 100) < 1e-6 ? c : null;
}

export const fromCenti = (c: number): number => c / 100;

/** "89,99", "90", "7,5": points the Vietnamese way. */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined) return '';
  const c = Math.round(points * 100);
  const neg = c < 0;
  const abs = Math.abs(c);
  const int = Math.floor(abs / 100);
  const frac = trimRun(String(abs % 100).padStart(2, '0'), '0', 'end');
  const intText = String(int).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${intText}${frac ? `,${frac}` : ''}`;
}

/** Reads "7,5", "7.5" or "10" typed by a person; a lone "." is read as the decimal mark here (points are small). */
export function parsePoints(input: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = input.normalize('NFC').replace(/\s+/g, '');
  if (t === '') return { ok: true, value: null };
  if (!/^-?\d+([.,]\d+)?$/.test(t))
    return { ok: false, message: `“${input.trim()}” không phải là số điểm (ví dụ: 7 hoặc 7,5).` };
  const n = Number(t.replace(',', '.'));
  if (toCenti(n) === null) return { ok: false, message: `Điểm “${input.trim()}” có quá hai chữ số thập phân.` };
  return { ok: true, value: n };
}

export interface SetProblem {
  message: string;
  field: string;
}

const sumCenti = (values: number[]): number => values.reduce((s, v) => s + (toCenti(v) ?? 0), 0);

/** Every rule a criteria set must keep; an empty list means it is sound. */
export function checkCriteriaSet(set: CriteriaSetContent): SetProblem[] {
  const problems: SetProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const pointsOk = (field: string, label: string, v: number) => {
    if (toCenti(v) === null) add(field, `${label}: điểm ${v} có quá hai chữ số thập phân.`);
    else if (v < 0) add(field, `${label}: điểm tối đa không được âm.`);
  };
  if (set.groups.length === 0) add('groups', 'Bộ tiêu chí chưa có nhóm tiêu chí nào.');
  pointsOk('totalPoints', 'Thang điểm', set.totalPoints);
  const groupSum = sumCenti(set.groups.map((g) => g.maxPoints));
  if (set.groups.length > 0 && groupSum !== toCenti(set.totalPoints)) {
    add(
      'totalPoints',
      `Tổng điểm tối đa của các nhóm tiêu chí là ${formatPoints(fromCenti(groupSum))}, không bằng thang điểm ${formatPoints(set.totalPoints)} của bộ tiêu chí.`,
    );
  }
  const codes = new Map<string, string>();
  const useCode = (code: string, field: string) => {
    const key = code.toUpperCase();
    const before = codes.get(key);
    if (before) add(field, `Mã “${code}” bị trùng (đã dùng ở ${before}).`);
    else codes.set(key, field);
  };
  set.groups.forEach((g, gi) => {
    const gf = `groups[${gi}]`;
    useCode(g.code, gf);
    pointsOk(`${gf}.maxPoints`, `Nhóm “${g.title}”`, g.maxPoints);
    if (g.criteria.length === 0) add(`${gf}.criteria`, `Nhóm “${g.title}” chưa có tiêu chí nào.`);
    const cs = sumCenti(g.criteria.map((c) => c.maxPoints));
    if (g.criteria.length > 0 && cs !== toCenti(g.maxPoints)) {
      add(
        `${gf}.maxPoints`,
        `Nhóm “${g.code}. ${g.title}”: tổng điểm tối đa của các tiêu chí là ${formatPoints(fromCenti(cs))}, không bằng điểm tối đa của nhóm (${formatPoints(g.maxPoints)}).`,
      );
    }
    g.criteria.forEach((c, ci) => {
      const cf = `${gf}.criteria[${ci}]`;
      useCode(c.code, cf);
      pointsOk(`${cf}.maxPoints`, `Tiêu chí ${c.code}`, c.maxPoints);
      const scored = c.subCriteria.filter((s) => s.maxPoints !== null);
      if (scored.length > 0) {
        if (scored.length !== c.subCriteria.length)
          add(
            `${cf}.subCriteria`,
            `Tiêu chí ${c.code}: hoặc mọi nội dung con đều có điểm, hoặc không nội dung nào có điểm.`,
          );
        const ss = sumCenti(scored.map((s) => s.maxPoints!));
        if (ss !== toCenti(c.maxPoints))
          add(
            `${cf}.subCriteria`,
            `Tiêu chí ${c.code}: tổng điểm các nội dung con là ${formatPoints(fromCenti(ss))}, không bằng điểm tối đa của tiêu chí (${formatPoints(c.maxPoints)}).`,
          );
      }
    });
  });
  pointsOk('bonus.cap', 'Điểm thưởng tối đa', set.bonus.cap);
  set.bonus.items.forEach((b, i) => {
    useCode(b.code, `bonus.items[${i}]`);
    pointsOk(`bonus.items[${i}].maxPoints`, `Mục thưởng ${b.code}`, b.maxPoints);
  });
  if (set.bonus.items.length > 0 && set.bonus.cap === 0)
    add('bonus.cap', 'Có mục điểm thưởng nhưng mức thưởng tối đa bằng 0.');
  if (set.deductions.cap !== null) pointsOk('deductions.cap', 'Điểm trừ tối đa', set.deductions.cap);
  set.deductions.items.forEach((d, i) => {
    useCode(d.code, `deductions.items[${i}]`);
    pointsOk(`deductions.items[${i}].maxPoints`, `Mục trừ điểm ${d.code}`, d.maxPoints);
  });
  problems.push(...checkClasses(set.classes));
  return problems;
}

/** The classes must cover every total from 0 upward exactly once. */
export function checkClasses(classes: ScoreClass[]): SetProblem[] {
  const problems: SetProblem[] = [];
  if (classes.length === 0) return [{ field: 'classes', message: 'Chưa có mức xếp loại nào.' }];
  const labels = new Set<string>();
  classes.forEach((c, i) => {
    if (labels.has(c.code))
      problems.push({ field: `classes[${i}].code`, message: `Mã xếp loại “${c.code}” bị trùng.` });
    labels.add(c.code);
    if (toCenti(c.from) === null || (c.to !== null && toCenti(c.to) === null))
      problems.push({ field: `classes[${i}]`, message: `Mức “${c.label}”: ngưỡng điểm có quá hai chữ số thập phân.` });
    if (c.to !== null && c.to <= c.from)
      problems.push({
        field: `classes[${i}].to`,
        message: `Mức “${c.label}”: cận trên (${formatPoints(c.to)}) phải lớn hơn cận dưới (${formatPoints(c.from)}).`,
      });
  });
  if (problems.length > 0) return problems;
  const sorted = [...classes].sort((a, b) => a.from - b.from);
  if (toCenti(sorted[0]!.from) !== 0)
    problems.push({
      field: 'classes',
      message: `Các mức xếp loại bỏ trống khoảng điểm từ 0 đến dưới ${formatPoints(sorted[0]!.from)}: mức thấp nhất phải bắt đầu từ 0.`,
    });
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    const prevTo = prev.to === null ? null : toCenti(prev.to)!;
    const from = toCenti(cur.from)!;
    if (prevTo === null || from < prevTo) {
      problems.push({
        field: 'classes',
        message: `Mức “${prev.label}” (${rangeText(prev)}) và mức “${cur.label}” (${rangeText(cur)}) chồng lên nhau.`,
      });
    } else if (from > prevTo) {
      problems.push({
        field: 'classes',
        message: `Có khoảng trống giữa mức “${prev.label}” (${rangeText(prev)}) và mức “${cur.label}” (${rangeText(cur)}): điểm từ ${formatPoints(prev.to)} đến dưới ${formatPoints(cur.from)} không thuộc mức nào.`,
      });
    }
  }
  if (sorted.at(-1)!.to !== null)
    problems.push({
      field: 'classes',
      message: `Mức cao nhất “${sorted.at(-1)!.label}” phải không có cận trên (từ ${formatPoints(sorted.at(-1)!.from)} điểm trở lên).`,
    });
  return problems;
}

/** "từ 80 đến dưới 90", "từ 90 trở lên", "dưới 65". */
export function rangeText(c: Pick<ScoreClass, 'from' | 'to'>): string {
  if (c.to === null) return `từ ${formatPoints(c.from)} điểm trở lên`;
  if (c.from === 0) return `dưới ${formatPoints(c.to)} điểm`;
  return `từ ${formatPoints(c.from)} đến dưới ${formatPoints(c.to)} điểm`;
}

/** The class a total falls in; the classes are assumed sound (checkClasses). */
export function classify(classes: ScoreClass[], totalCenti: number): ScoreClass {
  for (const c of classes) {
    const from = toCenti(c.from)!;
    const to = c.to === null ? null : toCenti(c.to)!;
    if (totalCenti >= from && (to === null || totalCenti < to)) return c;
  }
  // Below every class cannot happen for a sound set (totals are never negative): the lowest one.
  return [...classes].sort((a, b) => a.from - b.from)[0]!;
}

/** The lines that take a score, in the order of the set. */
export function scoreItems(set: CriteriaSetContent): ScoreItem[] {
  const items: ScoreItem[] = [];
  for (const g of set.groups)
    for (const c of g.criteria)
      items.push({ code: c.code, kind: 'criterion', title: c.title, maxPoints: c.maxPoints, groupCode: g.code });
  for (const b of set.bonus.items)
    items.push({ code: b.code, kind: 'bonus', title: b.title, maxPoints: b.maxPoints, groupCode: null });
  for (const d of set.deductions.items)
    items.push({ code: d.code, kind: 'deduction', title: d.title, maxPoints: d.maxPoints, groupCode: null });
  return items;
}

/**
 * Totals of one scoring: criteria add up, the bonus is capped, deductions are taken off (capped
 * when the set says so) and the total never goes below zero. `scores` maps item code → points.
 */
export function computeTotals(set: CriteriaSetContent, scores: ReadonlyMap<string, number | null>): Totals {
  let base = 0;
  let bonus = 0;
  let deductions = 0;
  let missing = 0;
  for (const item of scoreItems(set)) {
    const v = scores.get(item.code);
    const c = v === null || v === undefined ? null : toCenti(v);
    if (c === null) {
      if (item.kind === 'criterion') missing++;
      continue;
    }
    if (item.kind === 'criterion') base += c;
    else if (item.kind === 'bonus') bonus += c;
    else deductions += c;
  }
  const bonusCapped = Math.min(bonus, toCenti(set.bonus.cap)!);
  const deductionsCapped =
    set.deductions.cap === null ? deductions : Math.min(deductions, toCenti(set.deductions.cap)!);
  const total = Math.max(0, base + bonusCapped - deductionsCapped);
  const cls = classify(set.classes, total);
  return {
    base: fromCenti(base),
    bonus: fromCenti(bonusCapped),
    bonusUncapped: fromCenti(bonus),
    deductions: fromCenti(deductionsCapped),
    deductionsUncapped: fromCenti(deductions),
    total: fromCenti(total),
    classCode: cls.code,
    classLabel: cls.label,
    missing,
  };
}

export const TIE_RULE =
  'Xếp hạng theo tổng điểm sau thẩm định, từ cao xuống thấp. Các đơn vị bằng tổng điểm thì đồng hạng và hạng kế tiếp bỏ qua số đơn vị đồng hạng (ví dụ: 1, 2, 2, 4); trong cùng hạng, đơn vị được trình bày theo thứ tự trong danh mục đơn vị.';

/**
 * Competition ranking ("1, 2, 2, 4") by total, highest first; equal totals share a rank and keep
 * the order they came in (the unit register's order).
 */
export function rankByTotal<T extends { total: number }>(rows: T[]): (T & { rank: number; tied: boolean })[] {
  const indexed = rows.map((r, i) => ({ r, i, c: toCenti(r.total) ?? Math.round(r.total * 100) }));
  indexed.sort((a, b) => b.c - a.c || a.i - b.i);
  const out: (T & { rank: number; tied: boolean })[] = [];
  indexed.forEach((x, pos) => {
    const prev = indexed[pos - 1];
    const rank = prev && prev.c === x.c ? out[pos - 1]!.rank : pos + 1;
    const tied = prev?.c === x.c || indexed[pos + 1]?.c === x.c;
    out.push({ ...x.r, rank, tied });
  });
  return out;
}

/**
 * The sentence every results document prints about units not scored yet ("chưa chấm"): named apart,
 * outside the classes, the ranking and the counts (a total of 0 would put them in the lowest class).
 */
export function unscoredSentence(unscored: readonly { unitName: string }[]): string | null {
  if (unscored.length === 0) return null;
  return `Chưa chấm điểm: ${unscored.length} đơn vị (${unscored.map((u) => u.unitName).join(', ')}), không xếp loại, không xếp hạng và không tính vào số liệu trên.`;
}

/**
 * Units with criteria still unscored: their class would be stated from part of the points (1 of 18
 * criteria put a unit in the lowest class), so they are named apart as the unscored are.
 */
export function incompleteSentence(
  incomplete: readonly { unitName: string; missing: number }[],
  criteria: number,
): string | null {
  if (incomplete.length === 0) return null;
  const each = incomplete.map((u) => `${u.unitName}: còn ${u.missing}/${criteria} tiêu chí`).join('; ');
  return `Chấm chưa đủ tiêu chí: ${incomplete.length} đơn vị (${each}), chưa xếp loại, không xếp hạng và không tính vào số liệu trên.`;
}

/** A sheet's class as a statement: none while criteria are still without points. */
export function classText(t: Pick<Totals, 'classLabel' | 'missing'>): string {
  return t.missing > 0 ? `chưa xếp loại (còn ${t.missing} tiêu chí chưa chấm)` : t.classLabel;
}

/** Every sentence a results document prints about units outside the ranking, in order. */
export function apartSentences(results: {
  unscored: readonly { unitName: string }[];
  incomplete: readonly { unitName: string; missing: number }[];
  set: CriteriaSetContent;
}): string[] {
  const criteria = scoreItems(results.set).filter((i) => i.kind === 'criterion').length;
  return [unscoredSentence(results.unscored), incompleteSentence(results.incomplete, criteria)].filter(
    (s): s is string => s !== null,
  );
}
