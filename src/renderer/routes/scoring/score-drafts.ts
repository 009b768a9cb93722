// A unit's score sheet as typed: the text of each cell, and the totals computed live from what
// reads as points (a cell that does not is counted as empty and marked).
import { useMemo } from 'react';
import { computeTotals, formatPoints, parsePoints, toCenti } from '../../../shared/domain/scoring';
import type { UnitScoring } from '../../../shared/model/scoring';

export interface Draft {
  self: string;
  selfNote: string;
  appraised: string;
  reason: string;
}

export function draftsOf(s: UnitScoring): Record<string, Draft> {
  const text = (v: number | null) => (v === null ? '' : formatPoints(v));
  return Object.fromEntries(
    s.lines.map((l) => [
      l.code,
      { self: text(l.selfScore), selfNote: l.selfNote, appraised: text(l.appraisedScore), reason: l.reason },
    ]),
  );
}

// Live totals from what is typed; a cell that does not read as points counts as empty and is marked.
export function useLiveScores(sheet: UnitScoring | null, drafts: Record<string, Draft>) {
  return useMemo(() => {
    if (!sheet) return null;
    const self = new Map<string, number | null>();
    const fin = new Map<string, number | null>();
    const bad: Record<string, string> = {};
    const items = new Map(
      [...sheet.set.groups.flatMap((g) => g.criteria), ...sheet.set.bonus.items, ...sheet.set.deductions.items].map(
        (i) => [i.code, i.maxPoints],
      ),
    );
    for (const l of sheet.lines) {
      const d = drafts[l.code];
      if (!d) continue;
      const read = (text: string, key: string) => {
        const p = parsePoints(text);
        if (!p.ok) {
          bad[key] = p.message;
          return null;
        }
        if (p.value !== null && (toCenti(p.value)! > toCenti(items.get(l.code) ?? 0)! || p.value < 0)) {
          bad[key] = `Điểm phải từ 0 đến ${formatPoints(items.get(l.code) ?? 0)}.`;
          return null;
        }
        return p.value;
      };
      const s = read(d.self, `${l.code}:self`);
      const a = read(d.appraised, `${l.code}:appraised`);
      self.set(l.code, s);
      fin.set(l.code, a ?? s);
      if (a !== null && s !== null && toCenti(a) !== toCenti(s) && d.reason.trim() === '')
        bad[`${l.code}:reason`] = 'Điểm thẩm định khác điểm tự chấm: phải ghi lý do.';
    }
    return { self: computeTotals(sheet.set, self), final: computeTotals(sheet.set, fin), bad };
  }, [sheet, drafts]);
}
