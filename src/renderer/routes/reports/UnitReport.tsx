// Báo cáo đơn vị: the data-entry form generated from the period's template. Every keystroke lands
// in local state first; changed fields are saved shortly after typing stops (and at once on leaving
// a field, switching report or pressing Ctrl+S). A field that does not parse stays as typed, marked,
// and is not sent; nothing typed is dropped.
import { useDataRefresh } from '../../hooks/useDataRefresh';
import { draftsFrom, toDraft, useLiveChecks, type LiveChecks } from './report-form';
import { moveToNextEntry, ReportEntry } from './ReportEntry';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useAutosave } from '../../hooks/useAutosave';
import { useCall } from '../../hooks/useCall';
import { Field } from '../../components/Field';
import { formatDateShort } from '../../../shared/format';
import { parseIndicatorInput, storedText } from '../../../shared/domain/report-values';
import { isEditableStatus } from '../../../shared/domain/report-status';
import {
  REASON_KEY_PREFIX,
  reasonKey,
  REPORT_STATUS_LABELS,
  type Channel,
  type ReportForm,
  type ReportStatus,
  type UnitChoice,
} from '../../../shared/model/report';
import type { PeriodListItem } from '../../../shared/model/period';
import type { TemplateIndicator } from '../../../shared/model/template';
import { NAV_EVENT, readTarget, rememberTarget } from '../../lib/reporting-nav';
import { actorOf, useUserName } from '../../hooks/useUserName';
import { Modal } from '../../components/Modal';
import { UserName } from '../settings/AuditUser';
import '../../styles/reporting.css';
import { StepDialogFor, type ApprovalStep } from './ReportDialogs';
import { whenText, HistoryDialog } from './HistoryDialog';
import { BreachNote, LockNote, ReceivedLine } from './ReportStanding';
import { UnitPicker } from './UnitPicker';

export function UnitReportScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [periods, setPeriods] = useState<PeriodListItem[]>([]);
  const [periodId, setPeriodId] = useState<number | null>(readTarget().periodId ?? null);
  const [unitId, setUnitId] = useState<number | null>(readTarget().unitId ?? null);
  const [form, setForm] = useState<ReportForm | null>(null);
  const [loadError, setLoadError] = useState('');
  // "Người nhập" is the user's name from Cài đặt → Nhật ký (one home; changed from here too)
  const user = useUserName();
  const actor = actorOf(user);
  const [naming, setNaming] = useState(false);
  const [dialog, setDialog] = useState<null | ApprovalStep | 'history'>(null);

  const actorRef = useRef(actor);
  actorRef.current = actor;
  const formRef = useRef(form);
  formRef.current = form;
  const checksRef = useRef<LiveChecks | null>(null);

  const autosave = useAutosave({
    canSave: () => !!formRef.current && isEditableStatus(formRef.current.report.status),
    isInvalid: (key) => !!checksRef.current?.localErrors[key],
    save: async (changed) => {
      const f = formRef.current!;
      const next = await call('reports.save', {
        periodId: f.period.id,
        unitId: f.unit.id,
        values: changed
          .filter((c) => !c.key.startsWith(REASON_KEY_PREFIX))
          .map((c) => ({ key: c.key, input: c.text.trim() === '' ? null : c.text })),
        reasons: changed
          .filter((c) => c.key.startsWith(REASON_KEY_PREFIX))
          .map((c) => ({ expression: c.key.slice(REASON_KEY_PREFIX.length), reason: c.text })),
        actor: actorRef.current, // none: the contract says "Người dùng"
        // Someone else's save since this form was loaded is refused, not overwritten (issue 19).
        expectedRevision: f.report.revision,
      });
      // A save that finishes after switching report must not show the old report.
      if (formRef.current && formRef.current.period.id === next.period.id && formRef.current.unit.id === next.unit.id) {
        // The next save (possibly before React renders again) starts from this revision.
        formRef.current = next;
        setForm(next);
      }
    },
  });
  const { drafts, saveState, edit, flush, reset } = autosave;
  const liveChecks = useLiveChecks(form, drafts);
  checksRef.current = liveChecks;

  useEffect(() => {
    void call('periods.list').then((list) => {
      setPeriods(list);
      setPeriodId((cur) => (cur !== null && list.some((p) => p.id === cur) ? cur : (list[0]?.id ?? null)));
    });
    const onNav = () => {
      const t = readTarget();
      if (t.periodId) setPeriodId(t.periodId);
      if (t.unitId) setUnitId(t.unitId);
    };
    window.addEventListener(NAV_EVENT, onNav);
    return () => window.removeEventListener(NAV_EVENT, onNav);
  }, []);

  /**
   * Moves when data changed (others' saves, a transition here): the unit picker's list asks again; the form
   * being typed in is left alone (its row version guards it). The picker asks the server for the units
   * matching what is typed, so the screen never loads the whole board.
   */
  const [changes, setChanges] = useState(0);
  const reloadBoard = useCallback(() => setChanges((n) => n + 1), []);
  useDataRefresh(reloadBoard);
  /** The unit last chosen in the picker (its name shows before its form has loaded, or if it fails to). */
  const [picked, setPicked] = useState<UnitChoice | null>(null);

  const loadForm = useCallback(async () => {
    if (periodId === null || unitId === null) {
      setForm(null);
      return;
    }
    try {
      const f = await call('reports.form', { periodId, unitId });
      reset(draftsFrom(f), f.report.updatedAt ? `Lưu lần cuối ${whenText(f.report.updatedAt)}` : 'Chưa có số liệu');
      setForm(f);
      setLoadError('');
    } catch (err) {
      setForm(null);
      setLoadError(errorMessage(err));
    }
  }, [periodId, unitId, reset]);

  useEffect(() => {
    void loadForm();
  }, [loadForm]);

  /** Switching report: save what is pending first. */
  const choose = async (next: { periodId?: number; unitId?: number | null }) => {
    await flush();
    if (next.periodId !== undefined) setPeriodId(next.periodId);
    if (next.unitId !== undefined) setUnitId(next.unitId);
    rememberTarget({ periodId: next.periodId ?? periodId ?? undefined, unitId: next.unitId ?? unitId ?? undefined });
  };

  /** On leaving a valid numeric field, show it the Vietnamese way ("1234" → "1.234"). */
  const tidy = (ind: TemplateIndicator) => {
    const d = autosave.draftsRef.current[ind.code];
    if (d === undefined || ind.type === 'text') return;
    const r = parseIndicatorInput(ind, d);
    if (r && typeof r !== 'string') autosave.tidy(ind.code, toDraft(ind, storedText(r)));
    void flush();
  };

  const editable = !!form && isEditableStatus(form.report.status);
  const { localErrors, checks } = liveChecks;
  const pendingInvalid = Object.keys(localErrors).filter(autosave.isPending);
  const breaches = checks.filter((c) => c.holds === false);
  const unexplained = breaches.filter((c) => !(drafts[reasonKey(c.expression)] ?? '').trim());

  const transition = async (
    to: ReportStatus,
    extra: { receivedDate?: string; channel?: Channel; note?: string } = {},
  ) => {
    if (!form) return;
    await flush();
    await tryCall(async () => {
      const next = await call('reports.transition', {
        periodId: form.period.id,
        unitId: form.unit.id,
        to,
        actor,
        ...extra,
      });
      setForm(next);
      setDialog(null);
      notice('ok', `Báo cáo của ${next.unit.name}: ${REPORT_STATUS_LABELS[next.report.status]}.`);
      void reloadBoard();
    });
  };

  const period = periods.find((p) => p.id === periodId) ?? null;
  const chosenUnit =
    form && form.unit.id === unitId
      ? { id: form.unit.id, code: form.unit.code, name: form.unit.name }
      : picked && picked.unitId === unitId
        ? { id: picked.unitId, code: picked.unitCode, name: picked.unitName }
        : null;
  return (
    <section className="screen" onKeyDown={moveToNextEntry}>
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Báo cáo đơn vị</div>
          <h1>Nhập báo cáo của đơn vị</h1>
        </div>
      </header>
      <div className="rp-form-top">
        <Field label="Kỳ báo cáo">
          <select
            aria-label="Kỳ báo cáo"
            value={periodId ?? ''}
            onChange={(e) => void choose({ periodId: Number(e.target.value), unitId: null })}
          >
            {periods.length === 0 ? <option value="">— Chưa có kỳ báo cáo —</option> : null}
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} (hạn {formatDateShort(p.deadline)})
              </option>
            ))}
          </select>
        </Field>
        <UnitPicker
          periodId={periodId}
          chosen={chosenUnit}
          changes={changes}
          onChoose={(c) => {
            setPicked(c);
            void choose({ unitId: c.unitId });
          }}
        />
        <div className="field rp-actor" role="group" aria-label="Người nhập">
          <span className="field-label">Người nhập</span>
          <span className="rp-actor-line">
            <strong data-testid="report-actor">{user === null ? '…' : user.name || 'Chưa đặt tên'}</strong>
            {user && !user.name && user.account ? (
              <span className="muted small">(tài khoản máy: {user.account})</span>
            ) : null}
            <button type="button" className="link" onClick={() => setNaming(true)}>
              Đổi tên…
            </button>
          </span>
          <span className="field-hint">Ghi vào lịch sử mỗi lần sửa và vào nhật ký (Cài đặt → Nhật ký)</span>
        </div>
      </div>
      {naming ? (
        <Modal title="Tên người sử dụng máy này" onClose={() => setNaming(false)}>
          <UserName onSaved={() => setNaming(false)} />
        </Modal>
      ) : null}
      {periods.length === 0 ? (
        <div className="not-built">
          Chưa có kỳ báo cáo. <a href="#/ky-bao-cao">Tạo kỳ báo cáo</a> trước.
        </div>
      ) : null}
      {loadError ? <p className="form-error">{loadError}</p> : null}
      {form && period ? (
        <>
          <div className="rp-report-head">
            <div>
              <h2>{form.unit.name}</h2>
              <div className="muted small">
                {form.period.name} · số liệu {formatDateShort(form.period.windowStart)}–
                {formatDateShort(form.period.windowEnd)} · hạn nộp {formatDateShort(form.period.deadline)} · mẫu{' '}
                {form.template.name} (phiên bản {form.template.version})
              </div>
              <div style={{ marginTop: 6, display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <span className={`rp-badge st-${form.report.status}`} data-testid="report-status">
                  {REPORT_STATUS_LABELS[form.report.status]}
                </span>
                <ReceivedLine form={form} />
                <span
                  className={`rp-save-state ${saveState.kind === 'error' ? 'error' : saveState.kind === 'idle' && autosave.pendingKeys().length ? 'dirty' : ''}`}
                  role="status"
                  data-testid="save-state"
                >
                  {saveState.text}
                  {pendingInvalid.length ? ` · ${pendingInvalid.length} ô nhập sai chưa được lưu` : ''}
                </span>
              </div>
            </div>
            <div className="rp-row-actions">
              {form.allowed.includes('dang_nhap') ? (
                <button type="button" onClick={() => void transition('dang_nhap')}>
                  {form.report.status === 'tra_lai' ? 'Sửa lại' : 'Bắt đầu nhập'}
                </button>
              ) : null}
              {form.allowed.includes('da_nop') && form.report.status !== 'da_duyet' ? (
                <button type="button" className="primary" onClick={() => void flush().then(() => setDialog('submit'))}>
                  {form.report.status === 'tra_lai' ? 'Nộp lại…' : 'Ghi nhận đã nộp…'}
                </button>
              ) : null}
              {form.allowed.includes('tra_lai') ? (
                <button type="button" onClick={() => setDialog('return')}>
                  Trả lại…
                </button>
              ) : null}
              {form.allowed.includes('da_duyet') ? (
                <button type="button" className="primary" onClick={() => setDialog('accept')}>
                  Duyệt…
                </button>
              ) : null}
              {form.report.status === 'da_duyet' ? (
                <button type="button" onClick={() => setDialog('reopen')}>
                  Mở lại…
                </button>
              ) : null}
              <button type="button" onClick={() => void flush().then(() => setDialog('history'))}>
                Lịch sử ({form.report.revision})
              </button>
            </div>
          </div>
          {!editable ? <LockNote status={form.report.status} /> : null}
          <BreachNote status={form.report.status} breaches={breaches.length} unexplained={unexplained.length} />

          <ReportEntry
            form={form}
            drafts={drafts}
            editable={editable}
            liveChecks={liveChecks}
            onEdit={edit}
            onLeave={() => void flush()}
            onTidy={tidy}
          />
        </>
      ) : period && unitId === null && !loadError ? (
        <div className="not-built" role="status">
          <p>
            Chọn <strong>đơn vị</strong> ở trên để nhập hoặc xem báo cáo của kỳ “{period.name}”.
          </p>
          <p>
            Muốn xem đơn vị nào đã nộp, nộp muộn hay chưa nộp: <a href="#/tong-quan">Tổng quan</a>.
          </p>
        </div>
      ) : null}
      {form && dialog !== null && dialog !== 'history' ? (
        <StepDialogFor
          step={dialog}
          form={form}
          actor={actor}
          unexplained={unexplained.map((c) => c.detail)}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setForm(next);
            setDialog(null);
            notice('ok', `Báo cáo của ${next.unit.name}: ${REPORT_STATUS_LABELS[next.report.status]}.`);
            void reloadBoard();
          }}
        />
      ) : null}
      {dialog === 'history' && form ? <HistoryDialog form={form} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
