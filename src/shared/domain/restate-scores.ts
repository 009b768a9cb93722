// Scores across a reorganisation (issue 20): last year's round read onto today's units through the
// same lineage parts as the figures (restate.ts partsAcross). A score is a judgement of one unit's
// work, not a quantity: it is never added up, split by shares or averaged.
//   one old unit taken over whole (the unit goes on, renamed, or went alone into another unit):
//     that unit's total and rank of last year, and the change in points;
//   formed from several old units (a merge, an absorption) or from a part of a split: not
//     comparable; the old units and their scores are named beside it, for reference.
import type { Part } from './restate';
import { formatPoints } from './scoring';
import type { PreviousScore } from '../model/scoring';

export interface ScoredUnit {
  unitId: number;
  code: string;
  name: string;
  total: number;
  rankLabel: string;
}

const centi = (n: number) => Math.round(n * 100);

/**
 * Last year's score of each unit of today's ranking. `parts`: where each unit scored last year
 * went (partsAcross); a unit no act touched goes to itself.
 */
export function scoresAcross(
  today: { unitId: number; total: number }[],
  previous: ScoredUnit[],
  parts: Map<number, Part[]>,
): PreviousScore[] {
  const into = new Map<number, { from: ScoredUnit; weight: number | null }[]>();
  for (const p of previous)
    for (const part of parts.get(p.unitId) ?? [{ toId: p.unitId, weight: 1 }])
      into.set(part.toId, [...(into.get(part.toId) ?? []), { from: p, weight: part.weight }]);
  return today.map((t) => {
    // The old units by code (last year's ranking order would hide which is which).
    const src = [...(into.get(t.unitId) ?? [])].sort((a, b) => a.from.code.localeCompare(b.from.code));
    const sources = src.map((s) => ({
      unitId: s.from.unitId,
      code: s.from.code,
      name: s.from.name,
      weight: s.weight,
      total: s.from.total,
    }));
    const none = { unitId: t.unitId, total: null, rankLabel: null, change: null, sources };
    if (src.length === 0) return { ...none, note: 'Năm trước không có điểm.' };
    const one = src[0]!;
    if (src.length === 1 && one.weight === 1)
      return {
        ...none,
        total: one.from.total,
        rankLabel: one.from.rankLabel,
        change: (centi(t.total) - centi(one.from.total)) / 100,
        note: one.from.unitId === t.unitId ? '' : `Điểm năm trước của ${one.from.name} (${one.from.code}).`,
      };
    const list = src
      .map(
        (s) =>
          `${s.from.name}${s.weight === null ? ' (một phần, không rõ tỷ lệ)' : s.weight < 1 ? ` (${formatPoints(Math.round(s.weight * 10000) / 100)}%)` : ''}: ${formatPoints(s.from.total)} điểm`,
      )
      .join('; ');
    const how = src.length === 1 ? 'Nhận một phần của đơn vị cũ' : `Hình thành từ ${src.length} đơn vị cũ`;
    return {
      ...none,
      note: `${how} (${list}): điểm chấm không cộng, chia hay lấy bình quân được nên không so sánh với năm trước.`,
    };
  });
}
