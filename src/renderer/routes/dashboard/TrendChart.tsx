// Tổng quan's chart: reporting and on-time rates of the last periods, as paired bars (hand-drawn SVG).
// Eight periods leave each about 38 px, narrower than “6 tháng đầu 2025”: a label is wrapped by words
// into lines measured in the chart's own font, so neighbouring labels never run into each other.
import { useMemo } from 'react';
import { formatDec } from '../../../shared/domain/decimal';
import type { TrendPoint } from '../../../shared/model/report';

const pct = (v: string | null) => (v === null ? '—' : `${formatDec(v)}%`);
const FONT_PX = 10;
const LINE = 13;
const MAX_LINES = 3;

/** "6 tháng đầu năm 2025" → "6 tháng đầu 2025": the word "năm" before the year says nothing on a chart. */
export function shortName(name: string): string {
  const m = /^(.*?)\s*(?:năm\s+)?(\d{4})$/.exec(name);
  return m ? `${m[1]!} ${m[2]}`.trim() : name;
}

/**
 * Words into lines no wider than `max` (greedy), at most `maxLines`; a word or a last line that does
 * not fit is cut with “…”. Linear in the label's length.
 */
export function wrapLabel(text: string, max: number, width: (s: string) => number, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (!line || width(joined) <= max) line = joined;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]!}…`;
  return kept.map((l) => fit(l, max, width));
}

function fit(line: string, max: number, width: (s: string) => number): string {
  if (width(line) <= max) return line;
  const chars = Array.from(line.replace(/…$/, ''));
  while (chars.length > 1 && width(`${chars.join('')}…`) > max) chars.pop();
  return `${chars.join('')}…`;
}

/** Text widths in the font the SVG text is drawn with (the page's), measured once per text. */
function textMeasure(): (s: string) => number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (ctx) ctx.font = `${FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  const seen = new Map<string, number>();
  return (s) => {
    let w = seen.get(s);
    if (w === undefined) {
      w = ctx ? ctx.measureText(s).width : s.length * FONT_PX * 0.6;
      seen.set(s, w);
    }
    return w;
  };
}

export function TrendChart({ points, current }: { points: TrendPoint[]; current: number }) {
  const W = 340;
  const left = 30;
  const plotH = 150;
  const n = Math.max(points.length, 1);
  const slot = (W - left - 6) / n;
  const bar = Math.min(16, slot / 3);
  const labels = useMemo(() => {
    const width = textMeasure();
    return points.map((p) => wrapLabel(shortName(p.name), slot - 4, width));
  }, [points, slot]);
  const lines = Math.max(1, ...labels.map((l) => l.length));
  const H = 10 + plotH + 4 + (lines + 1) * LINE + 6;
  const y = (v: string | null) => (v === null ? 0 : (Math.min(100, Number(v)) / 100) * plotH);
  return (
    <div className="rp-chart">
      <h2>Tỷ lệ báo cáo các kỳ gần đây</h2>
      <svg width={W} height={H} role="img" aria-label="Biểu đồ tỷ lệ báo cáo các kỳ gần đây">
        {[0, 50, 100].map((g) => (
          <g key={g}>
            <line
              x1={left}
              x2={W}
              y1={10 + plotH - (g / 100) * plotH}
              y2={10 + plotH - (g / 100) * plotH}
              stroke="#e5e7eb"
            />
            <text x={left - 4} y={14 + plotH - (g / 100) * plotH} fontSize={FONT_PX} textAnchor="end" fill="#5d6776">
              {g}%
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = left + i * slot + slot / 2;
          const r = y(p.reportingRate);
          const o = y(p.onTimeRate);
          const label = labels[i] ?? [];
          return (
            <g key={p.periodId}>
              <rect
                x={x - bar - 1}
                y={10 + plotH - r}
                width={bar}
                height={r}
                fill={p.periodId === current ? '#1f5fae' : '#8fb1dc'}
              >
                <title>{`${p.name}: tỷ lệ báo cáo ${pct(p.reportingRate)} (${p.actual}/${p.expected})`}</title>
              </rect>
              <rect
                x={x + 1}
                y={10 + plotH - o}
                width={bar}
                height={o}
                fill={p.periodId === current ? '#1e7a3c' : '#9fd0ac'}
              >
                <title>{`${p.name}: đúng hạn ${pct(p.onTimeRate)} (${p.onTime}/${p.expected})`}</title>
              </rect>
              <text x={x} y={10 + plotH + 4 + LINE} fontSize={FONT_PX} textAnchor="middle" fill="#1d2430">
                <title>{p.name}</title>
                {label.map((l, k) => (
                  <tspan key={k} x={x} dy={k ? LINE : 0}>
                    {l}
                  </tspan>
                ))}
              </text>
              <text x={x} y={10 + plotH + 4 + (lines + 1) * LINE} fontSize={FONT_PX} textAnchor="middle" fill="#5d6776">
                {pct(p.reportingRate)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="rp-legend">
        <span>
          <i style={{ background: '#1f5fae' }} />
          Tỷ lệ báo cáo
        </span>
        <span>
          <i style={{ background: '#1e7a3c' }} />
          Tỷ lệ đúng hạn
        </span>
      </div>
    </div>
  );
}
