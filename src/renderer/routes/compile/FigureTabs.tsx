// The figures of a compiled window, tab by tab: by indicator (with last year and the targets),
// by unit kind, by unit, and who has reported.
import { formatFigure } from '../../../shared/domain/draft';
import { isPercentIndicator } from '../../../shared/domain/indicators';
import { formatDec } from '../../../shared/domain/decimal';
import { formatDateShort } from '../../../shared/format';
import { AGGREGATION_LABELS } from '../../../shared/model/template';
import { eachUnitVerdict } from '../../../shared/domain/target-units';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import type { ScreenUnitLine as UnitLine } from '../../../shared/contract/compile-lines';
import type { DraftScreen, ScreenIndicator } from '../../../shared/contract/compile';
import { KindChart } from './KindChart';
import { VirtualTbody } from '../../components/VirtualTbody';
import { memo } from 'react';

/** The window's unit lines as far as loaded (hooks/usePagedRows): holes are rows not loaded yet. */
export interface Lines {
  rows: (UnitLine | undefined)[];
  want: (first: number, last: number) => void;
  /** The rows are still the previous window's (or none yet): the table says it is busy and dims them. */
  loading: boolean;
}

/** "+12", "−3", "0": the change against the same period last year. */
const signed = (v: string | null) =>
  v === null ? '—' : v === '0' ? '0' : v.startsWith('-') ? `−${formatDec(v.slice(1))}` : `+${formatDec(v)}`;

export function IndicatorsTab({ c, inds }: { c: DraftScreen['compile']; inds: ScreenIndicator[] }) {
  return (
    <div className="cp-scroll">
      <table className="rp-table" aria-label="Tổng hợp theo chỉ số">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Chỉ số</th>
            <th>Cách tổng hợp</th>
            <th className="num">Kỳ này</th>
            <th className="num">Cùng kỳ</th>
            <th className="num">Tăng, giảm</th>
            <th className="num">Đã báo cáo</th>
            <th className="num">Chưa báo cáo</th>
            <th>Chỉ tiêu</th>
          </tr>
        </thead>
        <tbody>
          {inds.map((i) => {
            const cmp = c.comparison.find((x) => x.code === i.code);
            const ts = c.targets.filter((t) => t.indicatorCode === i.code);
            return (
              <tr key={i.code} data-code={i.code}>
                <td className="mono">{i.code}</td>
                <td>
                  {i.name}
                  {i.unit && !isPercentIndicator(i) ? <span className="muted small"> ({i.unit})</span> : null}
                </td>
                <td className="small">
                  {i.rule === 'RATE' ? `${i.numeratorCode}/${i.denominatorCode}` : AGGREGATION_LABELS[i.rule]}
                  {i.accumulation === 'cumulative' ? ' · lũy kế (kỳ cuối)' : ''}
                  {i.rule === 'SHARE' ? ` · ${i.numerator}/${i.denominator}` : ''}
                </td>
                <td className="num cp-value">{formatFigure(i.value, isPercentIndicator(i))}</td>
                <td className="num" title={cmp?.note || undefined}>
                  {formatFigure(cmp?.previous ?? null, isPercentIndicator(i))}
                </td>
                <td className="num">{signed(cmp?.delta ?? null)}</td>
                <td className="num">{i.reported}</td>
                <td className={`num ${i.missing ? 'cp-warn' : ''}`}>{i.missing}</td>
                <td className="small">
                  {ts.map((t) => (
                    <div key={t.text} className={t.met === true ? 'cp-ok' : t.met === false ? 'cp-bad' : 'muted'}>
                      {t.met === null
                        ? t.problem
                        : t.units
                          ? `${eachUnitVerdict(t)}${t.units.missing.length ? ` — chưa đạt: ${t.units.missing.map((m) => m.name).join(', ')}` : ''}`
                          : `${t.met ? 'Đạt' : 'Chưa đạt'} (${formatFigure(t.actual, t.targetUnit === '%')} / ${t.target}${t.targetUnit === '%' ? '%' : ` ${t.targetUnit}`})`}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function KindsTab({ inds }: { inds: ScreenIndicator[] }) {
  return (
    <div className="cp-scroll">
      <KindChart inds={inds} />
      <table className="rp-table" aria-label="Tổng hợp theo loại đơn vị">
        <thead>
          <tr>
            <th>Chỉ số</th>
            {(inds[0]?.byKind ?? []).map((k) => (
              <th key={k.kind} className="num">
                {UNIT_KIND_LABELS[k.kind]}
              </th>
            ))}
            <th className="num">Toàn bộ</th>
          </tr>
        </thead>
        <tbody>
          {inds.map((i) => (
            <tr key={i.code}>
              <td>
                <span className="mono">{i.code}</span> {i.name}
              </td>
              {i.byKind.map((k) => (
                <td key={k.kind} className="num">
                  {formatFigure(k.figure.value, isPercentIndicator(i))}
                </td>
              ))}
              <td className="num cp-value">{formatFigure(i.value, isPercentIndicator(i))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row's place from VirtualTbody: its index and the measuring ref (stable: the virtualiser's). */
interface Place {
  index: number;
  measure: (el: Element | null) => void;
}

const unitKey = (u: UnitLine) => u.unitId;
/** A unit line's height (one line of text, rp-table's padding and border): drawn once, not again when measured. */
const LINE_HEIGHT = 29;
/** As the Đơn vị register: a few rows past each edge (each unit line is a row of twenty cells). */
const OVERSCAN = 3;

/** Whether two compiled views draw a unit's cells alike: a row reads only each indicator's code, type and rule. */
const sameColumns = (a: ScreenIndicator[], b: ScreenIndicator[]) =>
  a === b ||
  (a.length === b.length && a.every((x, k) => x.code === b[k]!.code && x.type === b[k]!.type && x.rule === b[k]!.rule));

type UnitRowProps = { u: UnitLine; inds: ScreenIndicator[] } & Place;

/**
 * A unit's figures, one cell per indicator. Memoised: the virtualiser draws again on every row it
 * measures, and a new compile's totals arrive before its lines (the rows already drawn stay as they are).
 */
const UnitRow = memo(
  function UnitRow({ u, inds, index, measure }: UnitRowProps) {
    return (
      <tr data-index={index} aria-rowindex={index + 2} ref={measure} data-unit={u.code}>
        <td>
          {u.name}
          {!u.expected && <span className="muted small"> (không thuộc danh sách)</span>}
        </td>
        {inds.map((i) => {
          const x = u.values[i.code] ?? null;
          return (
            <td key={i.code} className="num">
              {i.type === 'yesno'
                ? x === null
                  ? ''
                  : x === '1'
                    ? 'Có'
                    : 'Không'
                : x === null
                  ? ''
                  : formatFigure(x, i.rule === 'RATE')}
            </td>
          );
        })}
      </tr>
    );
  },
  (a: UnitRowProps, b: UnitRowProps) =>
    a.u === b.u && a.index === b.index && a.measure === b.measure && sameColumns(a.inds, b.inds),
);

export function UnitsTab({ lines, inds }: { lines: Lines; inds: ScreenIndicator[] }) {
  return (
    <div className="cp-scroll">
      <table
        className="rp-table cp-wide"
        aria-label="Số liệu theo đơn vị"
        aria-rowcount={lines.rows.length + 2}
        aria-busy={lines.loading}
      >
        <thead>
          <tr>
            <th>Đơn vị</th>
            {inds.map((i) => (
              <th key={i.code} className="num" title={i.name}>
                {i.code}
              </th>
            ))}
          </tr>
        </thead>
        <VirtualTbody
          items={lines.rows}
          rowKey={unitKey}
          colSpan={inds.length + 1}
          scroller=".cp-scroll"
          estimate={LINE_HEIGHT}
          overscan={OVERSCAN}
          onRange={lines.want}
          renderRow={(u, v) => <UnitRow key={u.unitId} u={u} inds={inds} index={v['data-index']} measure={v.ref} />}
          after={
            <tr className="cp-total">
              <td>Tổng cộng</td>
              {inds.map((i) => (
                <td key={i.code} className="num">
                  {formatFigure(i.value, isPercentIndicator(i))}
                </td>
              ))}
            </tr>
          }
        />
      </table>
    </div>
  );
}

/** Who has reported: memoised as UnitRow is. */
const StatusRow = memo(function StatusRow({ u, index, measure }: { u: UnitLine } & Place) {
  return (
    <tr data-index={index} aria-rowindex={index + 2} ref={measure} data-unit={u.code}>
      <td>{u.name}</td>
      <td>{UNIT_KIND_LABELS[u.kind]}</td>
      <td className={u.timeliness === 'muon' ? 'cp-warn' : u.timeliness === null ? 'cp-bad' : ''}>{u.label}</td>
      <td>{formatDateShort(u.receivedDate)}</td>
      <td className="small">
        {[u.daysLate ? `Muộn ${u.daysLate} ngày` : '', u.expected ? '' : 'Không thuộc danh sách phải báo cáo']
          .filter(Boolean)
          .join('; ')}
      </td>
    </tr>
  );
});

export function StatusTab({ lines }: { lines: Lines }) {
  return (
    <div className="cp-scroll">
      <table
        className="rp-table"
        aria-label="Tình hình gửi báo cáo"
        aria-rowcount={lines.rows.length + 1}
        aria-busy={lines.loading}
      >
        <thead>
          <tr>
            <th>Đơn vị</th>
            <th>Loại</th>
            <th>Tình trạng</th>
            <th>Ngày nhận</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <VirtualTbody
          items={lines.rows}
          rowKey={unitKey}
          colSpan={5}
          scroller=".cp-scroll"
          estimate={LINE_HEIGHT}
          overscan={OVERSCAN}
          onRange={lines.want}
          renderRow={(u, v) => <StatusRow key={u.unitId} u={u} index={v['data-index']} measure={v.ref} />}
        />
      </table>
    </div>
  );
}
