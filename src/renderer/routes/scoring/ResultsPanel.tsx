// Kết quả: the round's totals and classes by unit, the class chart, the exports and the history of
// the round.
import { useEffect, useState } from 'react';
import { useCall } from '../../hooks/useCall';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { formatPoints, rangeText } from '../../../shared/domain/scoring';
import {
  SCORING_EVENT_LABELS,
  SCORING_STAGE_LABELS,
  type PreviousScore,
  type RoundResults,
} from '../../../shared/model/scoring';
import './scoring.css';

export const EVENT_LABELS = SCORING_EVENT_LABELS;

// ——— results ———

/** Last year's total and the change; "không so sánh" with the reason on hover (issue 20). */
function PreviousCells({ p }: { p: PreviousScore | undefined }) {
  if (!p || p.total === null)
    return (
      <>
        <td className="num muted small" title={p?.note}>
          {p?.sources.length ? 'Không so sánh' : '—'}
        </td>
        <td />
      </>
    );
  return (
    <>
      <td className="num" title={p.note || undefined}>
        {formatPoints(p.total)}
        {p.rankLabel ? <span className="muted small"> (hạng {p.rankLabel})</span> : null}
      </td>
      <td className="num">{p.change === null ? '' : `${p.change > 0 ? '+' : ''}${formatPoints(p.change)}`}</td>
    </>
  );
}

const CLASS_COLORS = ['#1b7f3b', '#2f6fb3', '#c98a00', '#b3261e', '#6d4c9f', '#555'];

export function ResultsPanel({ roundId }: { roundId: number }) {
  const notice = useNotice();
  const tryCall = useCall();
  const [res, setRes] = useState<RoundResults | null>(null);
  useEffect(() => {
    void tryCall(() => call('scoring.results', { roundId }).then(setRes));
  }, [roundId, tryCall]);
  if (!res) return <div className="empty">Đang tải…</div>;
  const classes = [...res.set.classes].sort((a, b) => b.from - a.from);
  const prev = res.previous;
  const prevOf = new Map((prev?.rows ?? []).map((p) => [p.unitId, p]));
  const exportDoc = (kind: 'docx' | 'pdf' | 'xlsx') =>
    void tryCall(async () => {
      const r = await (kind !== 'xlsx'
        ? call('scoring.export.docx', { roundId, takeNumber: false, format: kind })
        : call('scoring.export.xlsx', { roundId }));
      if (r.saved) notice('ok', `Đã xuất: ${r.path}`);
    });
  return (
    <div className="sc-results">
      <div className="toolbar-actions sc-exports">
        <button type="button" onClick={() => exportDoc('docx')}>
          Xuất báo cáo kết quả (Word)
        </button>
        <button type="button" onClick={() => exportDoc('pdf')}>
          Xuất báo cáo kết quả (PDF ký số)
        </button>
        <button type="button" onClick={() => exportDoc('xlsx')}>
          Xuất bảng điểm (Excel)
        </button>
      </div>
      {res.notApproved ? (
        <p className="warn-text">
          Còn {res.notApproved} đơn vị đã chấm chưa được duyệt: điểm của{' '}
          {res.notApproved === 1 ? 'đơn vị này' : 'các đơn vị này'} là điểm tạm tính.
        </p>
      ) : null}
      <div className="sc-results-grid">
        <div className="card">
          <h3 className="card-title">Số đơn vị theo mức xếp loại</h3>
          <ClassChart
            classes={classes.map((c, i) => ({
              label: c.label,
              count: res.classCounts[c.code] ?? 0,
              color: CLASS_COLORS[i % CLASS_COLORS.length]!,
              range: rangeText(c),
            }))}
            total={res.ranking.length}
          />
        </div>
        <div className="card">
          <h3 className="card-title">Theo loại đơn vị</h3>
          <table className="data" aria-label="Xếp loại theo loại đơn vị">
            <thead>
              <tr>
                <th>Loại đơn vị</th>
                {classes.map((c) => (
                  <th key={c.code} className="num">
                    {c.label}
                  </th>
                ))}
                <th className="num">Tổng</th>
              </tr>
            </thead>
            <tbody>
              {res.byKind.map((k) => (
                <tr key={k.kind}>
                  <td>{k.kindLabel}</td>
                  {classes.map((c) => (
                    <td key={c.code} className="num">
                      {k.counts[c.code] ?? 0}
                    </td>
                  ))}
                  <td className="num">{k.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {res.unscored.length ? (
        <p className="warn-text" data-testid="unscored">
          Chưa chấm ({res.unscored.length} đơn vị, không xếp hạng, không tính vào mức xếp loại):{' '}
          {res.unscored.map((u) => u.unitName).join(', ')}.
        </p>
      ) : null}
      {res.incomplete.length ? (
        <p className="warn-text" data-testid="incomplete">
          Chấm chưa đủ tiêu chí ({res.incomplete.length} đơn vị, chưa xếp loại, không xếp hạng):{' '}
          {res.incomplete.map((u) => `${u.unitName} (còn ${u.missing} tiêu chí)`).join(', ')}.
        </p>
      ) : null}
      <div className="card">
        <h3 className="card-title">Bảng xếp hạng</h3>
        <p className="muted small">{res.tieRule}</p>
        {res.ties.map((t) => (
          <p key={t} className="small sc-tie">
            {t}
          </p>
        ))}
        <table className="data sc-ranking" aria-label="Bảng xếp hạng">
          <thead>
            <tr>
              <th>Hạng</th>
              <th>Đơn vị</th>
              <th className="num">Tự chấm</th>
              <th className="num">Tiêu chí</th>
              <th className="num">Thưởng</th>
              <th className="num">Trừ</th>
              <th className="num">Tổng điểm</th>
              <th>Xếp loại</th>
              <th>Trạng thái</th>
              {prev && (
                <>
                  <th className="num">Năm {prev.round.year}</th>
                  <th className="num">Tăng, giảm</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {res.ranking.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  Chưa có đơn vị nào chấm đủ tiêu chí để xếp hạng.
                </td>
              </tr>
            )}
            {res.ranking.map((r) => (
              <tr key={r.unitId} data-unit={r.unitCode}>
                <td>{r.rankLabel}</td>
                <td>{r.unitName}</td>
                <td className="num">{formatPoints(r.selfTotal)}</td>
                <td className="num">{formatPoints(r.base)}</td>
                <td className="num">{formatPoints(r.bonus)}</td>
                <td className="num">{formatPoints(r.deductions)}</td>
                <td className="num">
                  <strong>{formatPoints(r.total)}</strong>
                </td>
                <td>{r.classLabel}</td>
                <td>
                  <span className={`badge sc-st-${r.stage}`}>{SCORING_STAGE_LABELS[r.stage]}</span>
                </td>
                {prev && <PreviousCells p={prevOf.get(r.unitId)} />}
              </tr>
            ))}
          </tbody>
        </table>
        {prev && (
          <p className="muted small" data-testid="previous-round">
            So với {prev.round.name} (năm {prev.round.year}).{prev.footnote ? ` ${prev.footnote}` : ''}
          </p>
        )}
      </div>
    </div>
  );
}

/** Horizontal bars drawn by hand in SVG: one per class. */
function ClassChart({
  classes,
  total,
}: {
  classes: { label: string; count: number; color: string; range: string }[];
  total: number;
}) {
  const rowH = 34;
  const labelW = 230;
  const barW = 300;
  const max = Math.max(1, ...classes.map((c) => c.count));
  return (
    <svg
      className="sc-chart"
      role="img"
      aria-label="Biểu đồ số đơn vị theo mức xếp loại"
      width={labelW + barW + 90}
      height={classes.length * rowH + 10}
      viewBox={`0 0 ${labelW + barW + 90} ${classes.length * rowH + 10}`}
    >
      {classes.map((c, i) => {
        const w = Math.round((c.count / max) * barW);
        const y = i * rowH + 6;
        return (
          <g key={c.label}>
            <text x={0} y={y + 14} fontSize="13">
              {c.label}
            </text>
            <text x={0} y={y + 27} fontSize="10" fill="#667">
              {c.range}
            </text>
            <rect x={labelW} y={y + 2} width={Math.max(w, 2)} height={22} rx={3} fill={c.color} />
            <text x={labelW + Math.max(w, 2) + 6} y={y + 18} fontSize="13">
              {c.count} ({total ? Math.round((c.count * 100) / total) : 0}%)
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// ——— criteria sets ———
