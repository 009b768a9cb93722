// Thu biểu Excel: send each unit its data-entry workbook, then read the workbooks that come back
// (dropped files or a folder, or chosen), review them — unit, period, status, the diff of a changed
// report — and store only the files the user ticks. Long steps show a progress bar.
import { ExportCard, ImportCard } from './CollectCards';
import { isSpreadsheetName } from './dropped-files';
import { useEffect, useMemo, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { readTarget, rememberTarget } from '../../lib/reporting-nav';
import { formatDateShort, formatNumber, todayIso } from '../../../shared/format';
import { daysBetween } from '../../../shared/domain/periods';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import type { PeriodListItem, ExpectedUnit } from '../../../shared/model/period';
import {
  REVIEW_STATUS_LABELS,
  type CollectCommitResult,
  type CollectExportResult,
  type CollectReview,
  type ReviewItem,
} from '../../../shared/model/collect';
import './collect.css';
import { ReviewRow } from './ReviewRow';
import { useJob } from './useJob';
import { isCancelled } from '../../lib/jobs';

interface Picked {
  fileName: string;
  data: Uint8Array<ArrayBuffer>;
}

export function CollectExcelScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [periods, setPeriods] = useState<PeriodListItem[] | null>(null);
  const [periodId, setPeriodId] = useState<number | null>(readTarget().periodId ?? null);
  // The period's units to report (null while they are being read).
  const [units, setUnits] = useState<ExpectedUnit[] | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [exported, setExported] = useState<CollectExportResult | null>(null);
  const [saved, setSaved] = useState<CollectCommitResult['saved']>([]);
  const [review, setReview] = useState<CollectReview | null>(null);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [accepted, setAccepted] = useState<Set<number>>(new Set());
  const [mapped, setMapped] = useState<Set<number>>(new Set());
  const [open, setOpen] = useState<Set<number>>(new Set());
  // The day the files arrived (default today), and a file's own day when it came on another.
  const [receivedDate, setReceivedDate] = useState(todayIso());
  const [fileDates, setFileDates] = useState<Map<number, string>>(new Map());
  const [busy, setBusy] = useState<'export' | 'read' | 'commit' | null>(null);
  const [error, setError] = useState('');
  // In the job centre: leaving the screen loses neither the bar nor (for reading) the review.
  const exportJob = useJob('collect.export');
  const readJob = useJob('collect.analyze');
  const reviewRef = useRef<HTMLDivElement>(null);
  // A fresh review is what the user has to look at next.
  useEffect(() => {
    if (review) reviewRef.current?.scrollIntoView({ block: 'start' });
  }, [review]);

  useEffect(() => {
    void tryCall(() =>
      call('periods.list').then((list) => {
        setPeriods(list);
        setPeriodId((id) => (id !== null && list.some((p) => p.id === id) ? id : (list[0]?.id ?? null)));
      }),
    );
  }, [tryCall]);

  useEffect(() => {
    setUnits(null);
    setUnitId(null);
    setReview(null);
    setExported(null);
    if (periodId === null) return;
    rememberTarget({ periodId });
    void tryCall(() => call('periods.expectedUnits', { id: periodId }).then(setUnits));
  }, [periodId, tryCall]);

  const period = periods?.find((p) => p.id === periodId) ?? null;
  // A job started before the screen was left still holds its button.
  const working = busy ?? (exportJob.progress ? 'export' : readJob.progress ? 'read' : null);

  const doExport = async () => {
    if (periodId === null) return;
    setError('');
    setBusy('export');
    try {
      const r = await exportJob.run((jobId) => call('collect.export', { periodId, unitId, jobId }));
      if (r.saved) {
        setExported(r);
        notice('ok', `Đã xuất ${formatNumber(r.files.length)} biểu nhập liệu vào thư mục ${r.folder}.`);
      }
    } catch (err) {
      if (!isCancelled(err)) setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const showReview = (r: CollectReview) => {
    setReview(r);
    setAccepted(new Set(r.items.filter((i) => i.suggested).map((i) => i.index)));
    setMapped(new Set());
    setOpen(
      new Set(
        r.items
          .filter((i) => i.status === 'changed')
          .slice(0, 3)
          .map((i) => i.index),
      ),
    );
  };
  // Files read while the screen was closed: their review is waiting (its period is the remembered one).
  const { resume } = readJob;
  useEffect(
    () =>
      resume<CollectReview>(
        (r) => showReview(r),
        (err) => setError(errorMessage(err)),
      ),
    [resume],
  );

  const readFiles = async (files: File[], fromFolder: boolean) => {
    if (periodId === null || files.length === 0) return;
    setError('');
    setReview(null);
    setSaved([]);
    setBusy('read');
    const ok: Picked[] = [];
    const bad: string[] = [];
    let skip = 0;
    for (const f of files) {
      // From a folder only spreadsheets are taken; files chosen one by one all go to the check.
      if (fromFolder && !isSpreadsheetName(f.name)) {
        skip++;
        continue;
      }
      try {
        ok.push({ fileName: f.name, data: new Uint8Array(await f.arrayBuffer()) });
      } catch {
        bad.push(
          `Không đọc được tệp “${f.name}”: tệp đang được mở hoặc bị khóa bởi chương trình khác (Excel?). Hãy đóng tệp rồi chọn lại.`,
        );
      }
    }
    setUnreadable(bad);
    setSkipped(skip);
    try {
      if (ok.length === 0) {
        if (!bad.length) setError('Không có tệp bảng tính (.xlsx) nào trong những gì đã chọn.');
        return;
      }
      showReview(await readJob.run((jobId) => call('collect.analyze', { periodId, files: ok, jobId })));
    } catch (err) {
      if (!isCancelled(err)) setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const toggle = (item: ReviewItem, on: boolean) => {
    setAccepted((prev) => {
      const next = new Set(prev);
      if (on) {
        next.add(item.index);
        // Two files of one unit: ticking one unticks the other.
        if (item.conflictGroup)
          for (const other of review?.items ?? [])
            if (other.conflictGroup === item.conflictGroup && other.index !== item.index) next.delete(other.index);
      } else next.delete(item.index);
      return next;
    });
    if (on && item.mappable) setMapped((prev) => new Set(prev).add(item.index));
  };

  const chosen = useMemo(() => (review ? review.items.filter((i) => accepted.has(i.index)) : []), [review, accepted]);
  const unmapped = chosen.filter((i) => i.mappable && !mapped.has(i.index));

  const commit = async () => {
    if (!review) return;
    setError('');
    setBusy('commit');
    try {
      const r = await call('collect.commit', {
        batchId: review.batchId,
        accept: chosen.map((i) => ({
          index: i.index,
          map: mapped.has(i.index),
          receivedDate: fileDates.get(i.index) || null,
        })),
        receivedDate: receivedDate || null,
      });
      const flagged = r.saved.filter((x) => x.breachCount > 0).length;
      notice(
        'ok',
        `Đã nhập ${formatNumber(r.saved.length)} tệp${flagged ? `; ${flagged} báo cáo có số liệu vi phạm quy tắc (đã đánh dấu: hỏi lại hoặc trả lại đơn vị)` : ''}.`,
      );
      setFileDates(new Map());
      setSaved(r.saved);
      setReview(null);
      setAccepted(new Set());
    } catch (err) {
      if (!isCancelled(err)) setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const allAcceptable = () => {
    if (!review) return;
    const next = new Set<number>();
    const groups = new Set<string>();
    for (const i of review.items) {
      if (!i.acceptable || i.mappable) continue;
      if (i.conflictGroup) {
        if (groups.has(i.conflictGroup)) continue;
        groups.add(i.conflictGroup);
      }
      next.add(i.index);
    }
    setAccepted(next);
  };

  return (
    <section className="screen cx-screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">
            <a href="#/ky-bao-cao">Kỳ báo cáo</a> › Thu biểu Excel
          </div>
          <h1>Thu biểu Excel</h1>
        </div>
        <label className="field cx-period">
          <span className="field-label">Kỳ báo cáo</span>
          <select
            aria-label="Kỳ báo cáo"
            value={periodId ?? ''}
            onChange={(e) => setPeriodId(e.target.value ? Number(e.target.value) : null)}
          >
            {periods?.length === 0 ? <option value="">Chưa có kỳ báo cáo</option> : null}
            {(periods ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {p.templateName}
              </option>
            ))}
          </select>
        </label>
      </header>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}

      <div className="cx-grid">
        <ExportCard
          periodId={periodId}
          units={units ?? []}
          noPeriod={periods?.length === 0}
          noUnits={units?.length === 0}
          unitId={unitId}
          setUnitId={setUnitId}
          busy={working}
          onExport={doExport}
          progress={exportJob.progress}
          exported={exported}
        />

        <ImportCard
          onFiles={readFiles}
          busy={working}
          progress={readJob.progress}
          unreadable={unreadable}
          skipped={skipped}
          saved={saved}
        />
      </div>

      {review ? (
        <div className="card cx-review" aria-label="Xem lại trước khi nhập" ref={reviewRef}>
          <div className="cx-review-head">
            <h2 className="card-title">
              Xem lại {formatNumber(review.items.length)} tệp — kỳ {review.periodName}
            </h2>
            <div className="cx-counts">
              {(['new', 'changed', 'identical', 'problem'] as const).map((s) => (
                <span key={s} className={`rp-badge cx-${s}`}>
                  {REVIEW_STATUS_LABELS[s]}: {review.counts[s]}
                </span>
              ))}
            </div>
          </div>
          <div className="table-scroll cx-table-scroll">
            <table className="data cx-table">
              <thead>
                <tr>
                  <th className="cx-check">Nhập</th>
                  <th>Tệp</th>
                  <th>Đơn vị</th>
                  <th>Kỳ trong tệp</th>
                  <th>Trạng thái</th>
                  <th>Chi tiết</th>
                </tr>
              </thead>
              <tbody>
                {review.items.map((item) => (
                  <ReviewRow
                    key={item.index}
                    item={item}
                    checked={accepted.has(item.index)}
                    fileDate={fileDates.get(item.index) ?? ''}
                    onFileDate={(v) =>
                      setFileDates((prev) => {
                        const next = new Map(prev);
                        if (v) next.set(item.index, v);
                        else next.delete(item.index);
                        return next;
                      })
                    }
                    mappedOn={mapped.has(item.index)}
                    open={open.has(item.index)}
                    onCheck={(on) => toggle(item, on)}
                    onMap={(on) =>
                      setMapped((prev) => {
                        const next = new Set(prev);
                        if (on) next.add(item.index);
                        else next.delete(item.index);
                        return next;
                      })
                    }
                    onOpen={() =>
                      setOpen((prev) => {
                        const next = new Set(prev);
                        if (next.has(item.index)) next.delete(item.index);
                        else next.add(item.index);
                        return next;
                      })
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
          {unmapped.length ? (
            <p className="form-error small">
              Tệp {unmapped.map((i) => `“${i.fileName}”`).join(', ')} thuộc kỳ hoặc mẫu khác: hãy đánh dấu “Gán vào kỳ
              này” hoặc bỏ chọn.
            </p>
          ) : null}
          <div className="form-actions">
            <Field
              label="Ngày nhận các tệp"
              hint={
                period && receivedDate > period.deadline
                  ? `Sau hạn nộp ${formatDateShort(period.deadline)} ${daysBetween(period.deadline, receivedDate)} ngày: các tệp tính là nộp muộn. Tệp đến sớm hơn: ghi đúng ngày nhận.`
                  : 'Ngày các tệp đến (mặc định hôm nay); tệp đến ngày khác: ghi ở dòng của tệp.'
              }
            >
              <ViDateInput
                label="Ngày nhận các tệp"
                value={receivedDate}
                onChange={(v) => setReceivedDate(v || todayIso())}
              />
            </Field>
            <button type="button" onClick={allAcceptable} disabled={busy !== null}>
              Chọn tất cả tệp hợp lệ
            </button>
            <button type="button" onClick={() => setAccepted(new Set())} disabled={busy !== null}>
              Bỏ chọn tất cả
            </button>
            <button type="button" onClick={() => setReview(null)} disabled={busy !== null}>
              Hủy
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy !== null || chosen.length === 0 || unmapped.length > 0}
              onClick={() => void commit()}
            >
              Nhập {formatNumber(chosen.length)} tệp đã chọn
            </button>
          </div>
          <p className="small muted">
            Đã đọc {formatNumber(review.items.length)} tệp{period ? ` cho kỳ ${period.name}` : ''}. Tệp được nhập sẽ lưu
            thành một lần sửa của báo cáo (ghi tên tệp và mã SHA-256), bản gốc được giữ trong thư mục dữ liệu của phần
            mềm.
          </p>
        </div>
      ) : null}
    </section>
  );
}
