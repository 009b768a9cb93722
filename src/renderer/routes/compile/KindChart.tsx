// Rates by unit kind as small bars, beside the table of the same figures.
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { formatFigure } from '../../../shared/domain/draft';
import { isPercentIndicator } from '../../../shared/domain/indicators';
import type { ScreenIndicator } from '../../../shared/contract/compile';
import './compile.css';

/** Bars of the main indicators by unit kind: SHARE and RATE in %, on one 0–100 scale. */
export function KindChart({ inds }: { inds: ScreenIndicator[] }) {
  const shown = inds.filter((i) => isPercentIndicator(i) && i.value !== null).slice(0, 6);
  if (shown.length === 0) return null;
  const kinds = shown[0]!.byKind.map((k) => k.kind);
  const w = 120;
  return (
    <figure className="cp-chart" aria-label="Biểu đồ tỷ lệ theo loại đơn vị">
      <svg width={shown.length * (w + 20) + 40} height={190} role="img">
        <line x1={30} y1={150} x2={shown.length * (w + 20) + 30} y2={150} stroke="#9aa3af" />
        {shown.map((i, n) => {
          const bars = [
            ...i.byKind.map((k) => ({ label: UNIT_KIND_LABELS[k.kind], v: k.figure.value })),
            { label: 'Toàn bộ', v: i.value },
          ];
          const bw = (w - 8) / bars.length;
          return (
            <g key={i.code} transform={`translate(${40 + n * (w + 20)},0)`}>
              {bars.map((b, k) => {
                const h = b.v === null ? 0 : (Math.min(100, Number(b.v)) / 100) * 130;
                return (
                  <g key={b.label}>
                    <rect
                      x={k * bw}
                      y={150 - h}
                      width={bw - 2}
                      height={h}
                      fill={k === bars.length - 1 ? '#1f5fa8' : '#8fb3dc'}
                    >
                      <title>{`${b.label}: ${formatFigure(b.v, true)}`}</title>
                    </rect>
                  </g>
                );
              })}
              <text x={w / 2 - 4} y={168} textAnchor="middle" fontSize={12}>
                {i.code}
              </text>
              <text x={w / 2 - 4} y={184} textAnchor="middle" fontSize={11} fill="#555">
                {formatFigure(i.value, true)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        Cột nhạt: {kinds.map((k) => UNIT_KIND_LABELS[k]).join(', ')}; cột đậm: toàn bộ.
      </figcaption>
    </figure>
  );
}
