// Tổng quan: the board of a period's expected units, its rates, days left, and reporting rates
// over the last periods. One click (or Enter) on a unit opens its report. The table's rows come a
// window at a time, filtered on the server (dashboard.page): the screen costs the same on 10 units
// as on 1,000.
import { useDataRefresh } from '../../hooks/useDataRefresh';
import { memo, useCallback, useEffect, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Field } from '../../components/Field';
import { formatDateShort } from '../../../shared/format';
import { formatDec } from '../../../shared/domain/decimal';
import {
  BOARD_FILTERS,
  BOARD_FILTER_LABELS,
  CHANNEL_LABELS,
  type Board,
  type BoardChip,
  type BoardRow,
  type TrendPoint,
} from '../../../shared/model/report';
import { filterCount, isReceived } from '../../../shared/domain/report-status';
import { standingClass } from '../../lib/standing';
import { ViDateInput } from '../../components/ViDateInput';
import { todayIso } from '../../../shared/format';
import type { PeriodListItem } from '../../../shared/model/period';
import { goTo, readTarget, rememberTarget } from '../../lib/reporting-nav';
import { ReminderDialog } from '../reminder/Reminder';
import { VirtualTbody } from '../../components/VirtualTbody';
import { SetupChecklist } from './SetupChecklist';
import { TrendChart } from './TrendChart';
import { usePagedRows } from '../../hooks/usePagedRows';
import '../../styles/reporting.css';

const OUTSIDE_LABEL = 'Ngoài danh sách phải báo cáo';

const pct = (v: string | null) => (v === null ? '—' : `${formatDec(v)}%`);

/*
 * The board's rows as drawn (one line: rp-table's padding, the status badge, the border) and the rows
 * drawn beyond the screen, as the other long tables: a period switch draws a screenful of new rows, not
 * two. A window of rows covers what the table draws before it knows its scroller (VirtualTbody's
 * 900 px: 30 rows and the overscan), so opening the screen asks once.
 */
const ROW_HEIGHT = 31;
const OVERSCAN = 3;
const PAGE_ROWS = 40;
/** Kept, not made anew each render: a new key function has the virtualiser lay out every row again. */
const unitKey = (r: BoardRow) => r.unitId;

/**
 * A unit's row. Memoised: the screen draws again when the period is chosen (before its rows come) and
 * the virtualiser when it measures a row; a row whose data did not change is not drawn again.
 */
const UnitRow = memo(function UnitRow({
  r,
  periodId,
  index,
  measure,
}: {
  r: BoardRow;
  periodId: number;
  index: number;
  measure: (el: Element | null) => void;
}) {
  const open = () => goTo('bao-cao-don-vi', { periodId, unitId: r.unitId });
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      ref={measure}
      className="clickable"
      data-unit={r.unitCode}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      title="Enter hoặc bấm: mở báo cáo của đơn vị; ↑/↓ sang đơn vị khác"
    >
      <td className="mono">{r.unitCode}</td>
      <td>
        {r.unitName}
        {!r.expected ? <span className="rp-muted-note"> (ngoài danh sách phải báo cáo)</span> : null}
      </td>
      <td>
        <span className={standingClass(r)}>{r.label}</span>
        {r.daysLate ? <span className="small"> {r.daysLate} ngày</span> : null}
      </td>
      <td>{formatDateShort(r.receivedDate)}</td>
      <td className="nowrap">{r.channel ? CHANNEL_LABELS[r.channel] : ''}</td>
      <td className="num">{r.breachCount || ''}</td>
    </tr>
  );
});

export function DashboardScreen() {
  const tryCall = useCall();
  const notice = useNotice();
  const [periods, setPeriods] = useState<PeriodListItem[]>([]);
  const [periodId, setPeriodId] = useState<number | null>(readTarget().periodId ?? null);
  const [trend, setTrend] = useState<TrendPoint[]>([]);
  const [filter, setFilter] = useState<BoardChip>('all');
  const [asOf, setAsOf] = useState(todayIso());
  /** The whole board and its units not received, loaded when the reminder letter is asked for. */
  const [reminding, setReminding] = useState<{ board: Board; units: BoardRow[] } | null>(null);

  /** Moves when others changed data: the periods, the trend and the board are read again. */
  const [changes, setChanges] = useState(0);
  useDataRefresh(() => setChanges((n) => n + 1));
  useEffect(() => {
    void tryCall(async () => {
      const [list, t] = await Promise.all([call('periods.list'), call('dashboard.trend', { limit: 8 })]);
      setPeriods(list);
      setTrend(t);
      setPeriodId((cur) => (cur !== null && list.some((p) => p.id === cur) ? cur : (list[0]?.id ?? null)));
    });
  }, [tryCall, changes]);

  const pageOf = useCallback(
    (offset: number, limit: number) =>
      call('dashboard.page', { periodId: periodId!, asOf: asOf || null, filter, offset, limit }),
    // `changes`: the same question asked again after others changed data
    [periodId, asOf, filter, changes],
  );
  const {
    head: board,
    rows,
    want,
  } = usePagedRows(periodId === null ? null : pageOf, (err) => notice('error', errorMessage(err)), PAGE_ROWS);
  const remind = () =>
    void tryCall(async () => {
      const b = await call('dashboard.board', { periodId: board!.period.id, asOf: null });
      setReminding({ board: b, units: b.rows.filter((r) => r.expected && !isReceived(r.status)) });
    });

  if (periods.length === 0) {
    return (
      <section className="screen">
        <header className="screen-header">
          <h1>Tổng quan</h1>
        </header>
        <SetupChecklist />
        <div className="not-built">
          Chưa có kỳ báo cáo nào. <a href="#/ky-bao-cao">Tạo kỳ báo cáo</a> từ mẫu báo cáo để bắt đầu theo dõi.
        </div>
      </section>
    );
  }

  // The rows under a chip are exactly what its count counts (board.counts, the expected units): the server cuts them.
  const outside = board?.outside ?? 0;
  const isToday = asOf === todayIso();
  const c = board?.counts;

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Tổng quan</div>
          <h1>Theo dõi báo cáo của đơn vị</h1>
        </div>
        <div className="rp-row-actions">
          <Field label="Tình hình tại ngày">
            <ViDateInput label="Tình hình tại ngày" value={asOf} onChange={(v) => setAsOf(v || todayIso())} />
          </Field>
          <Field label="Kỳ báo cáo">
            <select
              aria-label="Kỳ báo cáo"
              value={periodId ?? ''}
              onChange={(e) => {
                setPeriodId(Number(e.target.value));
                rememberTarget({ periodId: Number(e.target.value) });
              }}
            >
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (hạn {formatDateShort(p.deadline)})
                </option>
              ))}
            </select>
          </Field>
        </div>
      </header>
      <SetupChecklist />
      {board && c ? (
        <>
          {!isToday ? (
            <p className="small muted" role="status">
              Tình hình tại ngày {formatDateShort(board.asOf)}: báo cáo nhận sau ngày này chưa được tính.
            </p>
          ) : null}
          <div className="rp-cards" aria-label="Số liệu tổng hợp">
            <Card
              label="Phải báo cáo"
              value={String(c.expected)}
              sub={board.period.expectedFrozenAt ? 'đơn vị (danh sách đã chốt)' : 'đơn vị'}
            />
            <Card
              label="Đã nhận"
              value={String(c.received)}
              sub={`đúng hạn ${c.onTime} · muộn ${c.late} · đã duyệt ${c.da_duyet}`}
            />
            <Card
              label="Chưa nhận"
              value={String(c.notReceived)}
              sub={`chưa nộp ${c.chua_nop} · đang nhập ${c.dang_nhap} · trả lại ${c.tra_lai}`}
              tone={c.overdue ? 'warn' : undefined}
            />
            <Card label="Quá hạn, chưa nhận" value={String(c.overdue)} tone={c.overdue ? 'warn' : undefined} />
            <Card
              label="Có vi phạm quy tắc"
              value={String(c.withBreaches ?? 0)}
              sub="đã đánh dấu, vẫn tính là đã nhận"
            />
            <Card
              label="Tỷ lệ báo cáo"
              value={pct(c.reportingRate)}
              sub="đã nhận / phải báo cáo"
              // Green only when every unit's report is in: 0% in green read as "all is well".
              tone={c.expected > 0 && c.notReceived === 0 ? 'good' : undefined}
              testId="reporting-rate"
            />
            <Card
              label="Tỷ lệ đúng hạn"
              value={pct(c.onTimeRate)}
              sub="đúng hạn / phải báo cáo"
              testId="on-time-rate"
            />
            <Card
              label="Hạn nộp"
              value={board.daysLeft >= 0 ? `còn ${board.daysLeft} ngày` : 'đã qua'}
              testId="days-left"
              sub={
                board.daysLeft >= 0
                  ? formatDateShort(board.period.deadline)
                  : `${formatDateShort(board.period.deadline)}, cách ${-board.daysLeft} ngày`
              }
              tone={board.daysLeft < 0 && c.notReceived > 0 ? 'warn' : undefined}
            />
          </div>
          <div className="rp-board-grid">
            <div>
              <div className="rp-chips" role="group" aria-label="Lọc theo tình trạng">
                {BOARD_FILTERS.map((f) => (
                  <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
                    {BOARD_FILTER_LABELS[f]} ({filterCount(c, f)})
                  </button>
                ))}
                {outside ? (
                  <button
                    type="button"
                    aria-pressed={filter === 'ngoai_danh_sach'}
                    onClick={() => setFilter('ngoai_danh_sach')}
                  >
                    {OUTSIDE_LABEL} ({outside})
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={remind}
                  disabled={c.notReceived === 0 || !isToday}
                  title={
                    isToday
                      ? 'Soạn công văn đôn đốc các đơn vị chưa nộp'
                      : 'Công văn đôn đốc soạn theo tình hình hôm nay: hãy chọn ngày hôm nay'
                  }
                >
                  Công văn đôn đốc…
                </button>
              </div>
              <div className="rp-table-wrap">
                <table className="rp-table" aria-label="Bảng theo dõi đơn vị" aria-rowcount={rows.length + 1}>
                  <thead>
                    <tr>
                      <th>Mã</th>
                      <th>Đơn vị</th>
                      <th>Tình trạng</th>
                      <th>Ngày nhận</th>
                      <th>Hình thức</th>
                      <th className="num">Vi phạm quy tắc</th>
                    </tr>
                  </thead>
                  <VirtualTbody
                    items={rows}
                    rowKey={unitKey}
                    colSpan={6}
                    estimate={ROW_HEIGHT}
                    overscan={OVERSCAN}
                    empty="Không có đơn vị nào ở tình trạng này."
                    onRange={want}
                    rowKeys
                    renderRow={(r, v) => (
                      <UnitRow
                        key={r.unitId}
                        r={r}
                        periodId={board.period.id}
                        index={v['data-index']}
                        measure={v.ref}
                      />
                    )}
                  />
                </table>
              </div>
            </div>
            <TrendChart points={trend} current={board.period.id} />
          </div>
        </>
      ) : null}
      {reminding ? (
        <ReminderDialog board={reminding.board} units={reminding.units} onClose={() => setReminding(null)} />
      ) : null}
    </section>
  );
}

function Card({
  label,
  value,
  sub,
  tone,
  testId,
}: {
  label: string;
  value: string;
  sub?: string;
  tone?: 'warn' | 'good';
  testId?: string;
}) {
  return (
    <div className={`rp-card${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      <div className="rp-card-label">{label}</div>
      <div className="rp-card-value">{value}</div>
      {sub ? <div className="rp-card-sub">{sub}</div> : null}
    </div>
  );
}
