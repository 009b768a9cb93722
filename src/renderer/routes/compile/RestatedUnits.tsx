// Across a reorganisation (issue 20): the new units whose last-year figures were read from the old
// units they took over (cùng kỳ), or — a window spanning the date — that took over the old units'
// reports of this window; with those units, their shares, and why a figure is missing.
import { formatFigure } from '../../../shared/domain/draft';
import { formatPercent } from '../../../shared/format';
import { isPercentIndicator } from '../../../shared/domain/indicators';
import type { DraftScreen } from '../../../shared/contract/compile';

const LABELS = {
  previous: { title: 'Cùng kỳ quy đổi theo đơn vị mới', count: 'đơn vị hình thành từ đơn vị cũ' },
  current: { title: 'Kỳ này quy đổi theo đơn vị mới', count: 'đơn vị nhận số liệu của đơn vị cũ' },
} as const;

export function RestatedUnits({ c, which = 'previous' }: { c: DraftScreen['compile']; which?: keyof typeof LABELS }) {
  const r = which === 'previous' ? c.restatement : c.folding;
  const label = LABELS[which];
  if (!r || r.units.length === 0) return null;
  // The added-up indicators that have a restated figure somewhere (a template has dozens).
  const inds = c.current.indicators.filter(
    (i) => (i.rule === 'SUM' || i.rule === 'RATE') && r.units.some((u) => (u.values[i.code] ?? null) !== null),
  );
  return (
    <details className="cp-restated" aria-label={label.title}>
      <summary>
        {label.title}: {r.units.length} {label.count}
        {which === 'current' ? '; các cột là phần nhận từ đơn vị cũ' : ''}
      </summary>
      <div className="cp-scroll">
        <table className="rp-table">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>{which === 'current' ? 'Nhận từ' : 'Hình thành từ'}</th>
              {inds.map((i) => (
                <th key={i.code} className="num" title={i.name}>
                  {i.code}
                </th>
              ))}
              <th>Ghi chú</th>
            </tr>
          </thead>
          <tbody>
            {r.units.map((u) => (
              <tr key={u.unitId}>
                <td>
                  {u.code} — {u.name}
                </td>
                <td className="small">
                  {u.sources
                    .map(
                      (s) =>
                        `${s.code}${s.weight === null ? ' (không rõ tỷ lệ)' : s.weight < 1 ? ` (${formatPercent(s.weight)})` : ''}`,
                    )
                    .join(', ')}
                </td>
                {inds.map((i) => (
                  <td key={i.code} className="num">
                    {formatFigure(u.values[i.code] ?? null, isPercentIndicator(i))}
                  </td>
                ))}
                <td className="small muted">{u.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
