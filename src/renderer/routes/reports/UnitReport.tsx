// Báo cáo đơn vị: the data-entry form generated from the period's template. Every keystroke lands
// in local state first; changed fields are saved shortly after typing stops (and at once on leaving
// a field, switching report or pressing Ctrl+S). A field that does not parse stays as typed, marked,
// and is not sent; nothing typed is dropped.
import { useCall } from '../../hooks/useCall';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDateShort, todayIso } from '../../../shared/format';
import { formatDec } from '../../../shared/domain/decimal';
import { computeRate, evaluateRule, formatRule, parseRule, ruleCodes } from '../../../shared/domain/rules';
import { parseIndicatorInput, storedText } from '../../../shared/domain/report-values';
import {
  BOARD_STATE_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  REPORT_STATUS_LABELS,
  sectionKey,
  type Board,
  type Channel,
  type ReportForm,
  type ReportHistory,
  type ReportStatus,
  type ValueMap,
} from '../../../shared/model/report';
import type { PeriodListItem } from '../../../shared/model/period';
import type { Template, TemplateIndicator } from '../../../shared/model/template';
import { actorName, NAV_EVENT, readTarget, rememberTarget, setActorName } from '../../lib/reporting-nav';
import '../../styles/reporting.css';

const REASON_PREFIX = 'lydo:';
const EDITABLE: ReportStatus[] = ['chua_nop', 'dang_nhap', 'tra_lai'];
const SAVE_DELAY_MS = 600;

/** The text a stored value is shown as in its field. */
function toDraft(ind: TemplateIndicator | undefined, value: string | undefined): string {
  if (value === undefined) return '';
  if (!ind) return value;
  if (ind.type === 'yesno') return value === '1' ? 'có' : value === '0' ? 'không' : value;
  if (ind.type === 'text') return value;
  return formatDec(value);
}

/** A value as shown in history and comparisons. */
export function displayValue(template: Template, key: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const ind = template.indicators.find((i) => i.code === key);
  return ind
    ? ind.type === 'yesno'
      ? value === '1'
        ? 'Có'
        : 'Không'
      : ind.type === 'text'
        ? value
        : formatDec(value)
    : value;
}

export function keyLabel(template: Template, key: string): string {
  if (key.startsWith('muc:')) {
    const s = template.sections.find((x) => sectionKey(x.number) === key);
    return `Mục ${key.slice(4)}${s ? `. ${s.title}` : ''}`;
  }
  if (key.startsWith(REASON_PREFIX)) return `Lý do vi phạm ${formatRuleText(key.slice(REASON_PREFIX.length))}`;
  const ind = template.indicators.find((i) => i.code === key);
  return ind ? `${key} · ${ind.name}` : key;
}

/** "23/11/2025 14:05" in local time. */
function whenText(isoTime: string): string {
  const d = new Date(isoTime);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatDateShort(todayIso(d))} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function formatRuleText(expr: string): string {
  const p = parseRule(expr);
  return p.ok ? formatRule(p.rule) : expr;
}

function draftsFrom(form: ReportForm): Record<string, string> {
  const out: Record<string, string> = {};
  const byCode = new Map(form.template.indicators.map((i) => [i.code, i]));
  for (const [k, v] of Object.entries(form.values)) out[k] = toDraft(byCode.get(k), v);
  return out;
}

export function UnitReportScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [periods, setPeriods] = useState<PeriodListItem[]>([]);
  const [periodId, setPeriodId] = useState<number | null>(readTarget().periodId ?? null);
  const [board, setBoard] = useState<Board | null>(null);
  const [unitId, setUnitId] = useState<number | null>(readTarget().unitId ?? null);
  const [form, setForm] = useState<ReportForm | null>(null);
  const [loadError, setLoadError] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; text: string }>({
    kind: 'idle',
    text: '',
  });
  const [actor, setActor] = useState(actorName());
  const [dialog, setDialog] = useState<null | 'submit' | 'return' | 'history'>(null);

  // Autosave bookkeeping: an edit counter per field and the counter last saved.
  const draftsRef = useRef(drafts);
  const edits = useRef<Record<string, number>>({});
  const saved = useRef<Record<string, number>>({});
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const formRef = useRef(form);
  formRef.current = form;
  const actorRef = useRef(actor);
  actorRef.current = actor;

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

  const reloadBoard = useCallback(async () => {
    if (periodId === null) return;
    await tryCall(async () => {
      setBoard(await call('dashboard.board', { periodId }));
    });
  }, [periodId, tryCall]);

  useEffect(() => {
    void reloadBoard();
  }, [reloadBoard]);

  const dirtyKeys = useCallback(
    () => Object.keys(edits.current).filter((k) => (edits.current[k] ?? 0) > (saved.current[k] ?? 0)),
    [],
  );

  /** Which drafts do not parse: they stay as typed and are not sent. */
  const localErrors = useMemo(() => {
    const out: Record<string, string> = {};
    if (!form) return out;
    for (const ind of form.template.indicators) {
      const d = drafts[ind.code];
      if (d === undefined || ind.rule === 'RATE') continue;
      const r = parseIndicatorInput(ind, d);
      if (typeof r === 'string') out[ind.code] = r;
    }
    return out;
  }, [drafts, form]);
  const localErrorsRef = useRef(localErrors);
  localErrorsRef.current = localErrors;

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    while (inflight.current) await inflight.current;
    const f = formRef.current;
    if (!f || !EDITABLE.includes(f.report.status)) return;
    const keys = dirtyKeys().filter((k) => !localErrorsRef.current[k]);
    if (keys.length === 0) return;
    const sent = keys.map((k) => ({ key: k, text: draftsRef.current[k] ?? '', version: edits.current[k] ?? 0 }));
    const values = sent
      .filter((s) => !s.key.startsWith(REASON_PREFIX))
      .map((s) => ({ key: s.key, input: s.text.trim() === '' ? null : s.text }));
    const reasons = sent
      .filter((s) => s.key.startsWith(REASON_PREFIX))
      .map((s) => ({ expression: s.key.slice(REASON_PREFIX.length), reason: s.text }));
    setSaveState({ kind: 'saving', text: 'Đang lưu…' });
    const job = (async () => {
      try {
        const next = await call('reports.save', {
          periodId: f.period.id,
          unitId: f.unit.id,
          values,
          reasons,
          actor: actorRef.current || 'Người dùng',
        });
        for (const s of sent) saved.current[s.key] = Math.max(saved.current[s.key] ?? 0, s.version);
        if (formRef.current && formRef.current.period.id === next.period.id && formRef.current.unit.id === next.unit.id)
          setForm(next);
        setSaveState({ kind: 'saved', text: `Đã lưu lúc ${new Date().toLocaleTimeString('vi-VN')}` });
      } catch (err) {
        setSaveState({ kind: 'error', text: `Chưa lưu được: ${errorMessage(err)}` });
      }
    })();
    inflight.current = job;
    await job;
    inflight.current = null;
  }, [dirtyKeys]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  // Save what is pending when the window is hidden or the screen goes away.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    // Closing the window: the save request leaves synchronously when nothing else is in flight.
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
      void flush();
    };
  }, [flush]);

  const loadForm = useCallback(async () => {
    if (periodId === null || unitId === null) {
      setForm(null);
      return;
    }
    try {
      const f = await call('reports.form', { periodId, unitId });
      edits.current = {};
      saved.current = {};
      const d = draftsFrom(f);
      draftsRef.current = d;
      setDrafts(d);
      setForm(f);
      setLoadError('');
      setSaveState({
        kind: 'idle',
        text: f.report.updatedAt ? `Lưu lần cuối ${whenText(f.report.updatedAt)}` : 'Chưa có số liệu',
      });
    } catch (err) {
      setForm(null);
      setLoadError(errorMessage(err));
    }
  }, [periodId, unitId]);

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

  const edit = (key: string, text: string) => {
    const next = { ...draftsRef.current, [key]: text };
    draftsRef.current = next;
    edits.current[key] = (edits.current[key] ?? 0) + 1;
    setDrafts(next);
    setSaveState({ kind: 'idle', text: 'Có thay đổi chưa lưu…' });
    schedule();
  };

  /** On leaving a valid numeric field, show it the Vietnamese way ("1234" → "1.234"). */
  const tidy = (ind: TemplateIndicator) => {
    const d = draftsRef.current[ind.code];
    if (d === undefined || ind.type === 'text') return;
    const r = parseIndicatorInput(ind, d);
    if (r && typeof r !== 'string') {
      const shown = toDraft(ind, storedText(r));
      if (shown !== d) {
        draftsRef.current = { ...draftsRef.current, [ind.code]: shown };
        setDrafts(draftsRef.current);
      }
    }
    void flush();
  };

  const moveNext = (e: KeyboardEvent<HTMLElement>) => {
    if (
      e.key !== 'Enter' ||
      e.target instanceof HTMLTextAreaElement ||
      !(e.target as HTMLElement).hasAttribute('data-entry')
    )
      return;
    e.preventDefault();
    const all = [...document.querySelectorAll<HTMLElement>('[data-entry]')].filter(
      (el) => !(el as HTMLInputElement).disabled,
    );
    const i = all.indexOf(e.target as HTMLElement);
    all[(i + 1) % all.length]?.focus();
  };

  // Live values: what parses now, for rates and rules.
  const live = useMemo(() => {
    const out: ValueMap = {};
    if (!form) return out;
    for (const ind of form.template.indicators) {
      const d = drafts[ind.code];
      if (d === undefined) continue;
      const r = parseIndicatorInput(ind, d);
      if (r && typeof r !== 'string') out[ind.code] = storedText(r);
    }
    return out;
  }, [drafts, form]);

  const checks = useMemo(() => {
    if (!form) return [];
    return form.template.rules.flatMap((r) => {
      const p = parseRule(r.expression);
      if (!p.ok) return [];
      const holds = evaluateRule(p.rule, live);
      return [
        {
          expression: r.expression,
          message: r.message,
          holds,
          detail: formatRule(p.rule, live),
          anchor: p.rule.left.terms.find((t) => t.code)?.code ?? ruleCodes(p.rule)[0]!,
        },
      ];
    });
  }, [form, live]);

  const editable = !!form && EDITABLE.includes(form.report.status);
  const pendingInvalid = Object.keys(localErrors).filter((k) => (edits.current[k] ?? 0) > (saved.current[k] ?? 0));
  const breaches = checks.filter((c) => c.holds === false);
  const unexplained = breaches.filter((c) => !(drafts[REASON_PREFIX + c.expression] ?? '').trim());

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
        actor: actor || 'Người dùng',
        ...extra,
      });
      setForm(next);
      setDialog(null);
      notice('ok', `Báo cáo của ${next.unit.name}: ${REPORT_STATUS_LABELS[next.report.status]}.`);
      void reloadBoard();
    });
  };

  const period = periods.find((p) => p.id === periodId) ?? null;
  const groups = useMemo(() => {
    const out: { group: string; items: TemplateIndicator[] }[] = [];
    for (const ind of form?.template.indicators ?? []) {
      const last = out.at(-1);
      if (last && last.group === ind.group) last.items.push(ind);
      else out.push({ group: ind.group, items: [ind] });
    }
    return out;
  }, [form]);

  return (
    <section className="screen" onKeyDown={moveNext}>
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
        <Field label="Đơn vị">
          <select
            aria-label="Đơn vị"
            value={unitId ?? ''}
            onChange={(e) => void choose({ unitId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">— Chọn đơn vị —</option>
            {board?.rows.map((r) => (
              <option key={r.unitId} value={r.unitId}>
                {r.unitCode} — {r.unitName} ({BOARD_STATE_LABELS[r.state]})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Người nhập" hint="Ghi vào lịch sử mỗi lần sửa">
          <input
            aria-label="Người nhập"
            value={actor}
            onChange={(e) => {
              setActor(e.target.value);
              setActorName(e.target.value);
            }}
            placeholder="Họ tên người nhập"
          />
        </Field>
      </div>
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
                {form.report.receivedDate ? (
                  <span className="small">
                    Ngày nhận {formatDateShort(form.report.receivedDate)} ·{' '}
                    {form.report.channel ? CHANNEL_LABELS[form.report.channel] : ''}
                  </span>
                ) : null}
                <span
                  className={`rp-save-state ${saveState.kind === 'error' ? 'error' : saveState.kind === 'idle' && dirtyKeys().length ? 'dirty' : ''}`}
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
              {form.allowed.includes('da_nop') ? (
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
                <button type="button" className="primary" onClick={() => void transition('da_duyet')}>
                  Duyệt
                </button>
              ) : null}
              <button type="button" onClick={() => void flush().then(() => setDialog('history'))}>
                Lịch sử ({form.report.revision})
              </button>
            </div>
          </div>
          {!editable ? (
            <p className="rp-muted-note">
              Báo cáo đang ở trạng thái “{REPORT_STATUS_LABELS[form.report.status]}” nên không sửa được. Muốn sửa, hãy
              trả lại báo cáo.
            </p>
          ) : null}
          {breaches.length ? (
            <p className="rp-muted-note" role="note">
              {breaches.length} quy tắc kiểm tra chưa đạt
              {unexplained.length
                ? `, ${unexplained.length} chưa ghi lý do (cần lý do trước khi ghi nhận đã nộp)`
                : ', đã ghi lý do'}
              .
            </p>
          ) : null}

          <div className="rp-narrative" aria-label="Nội dung báo cáo">
            {form.template.sections.map((s) => (
              <div key={s.number}>
                <h3 className={`lvl-${s.level}`}>
                  {s.number}. {s.title}
                </h3>
                {s.hasText ? (
                  <textarea
                    data-entry
                    aria-label={`Mục ${s.number}. ${s.title}`}
                    disabled={!editable}
                    value={drafts[sectionKey(s.number)] ?? ''}
                    onChange={(e) => edit(sectionKey(s.number), e.target.value)}
                    onBlur={() => void flush()}
                    rows={Math.min(14, Math.max(3, (drafts[sectionKey(s.number)] ?? '').split('\n').length + 1))}
                  />
                ) : null}
                {s.hint && s.hasText ? <div className="field-hint">{s.hint}</div> : null}
              </div>
            ))}
          </div>

          <h2 style={{ fontSize: 15, color: 'var(--brand)' }}>Phụ lục: biểu số liệu</h2>
          <div className="rp-table-wrap">
            <table className="rp-table rp-ind-table" aria-label="Biểu số liệu">
              <thead>
                <tr>
                  <th>Mã</th>
                  <th>Chỉ số</th>
                  <th className="num">Số liệu</th>
                  <th>Đơn vị tính</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => [
                  g.group ? (
                    <tr key={`g-${g.group}`} className="group">
                      <td colSpan={4}>{g.group}</td>
                    </tr>
                  ) : null,
                  ...g.items.map((ind) => {
                    const err = localErrors[ind.code];
                    const anchored = checks.filter((c) => c.anchor === ind.code && c.holds === false);
                    const value = drafts[ind.code] ?? '';
                    return (
                      <tr key={ind.code} data-code={ind.code}>
                        <td className="code">{ind.code}</td>
                        <td>
                          <label htmlFor={`f-${ind.code}`}>{ind.name}</label>
                          {err ? (
                            <div className="rp-field-error" role="alert">
                              {err}
                            </div>
                          ) : null}
                          {anchored.map((c) => {
                            const rk = REASON_PREFIX + c.expression;
                            const explained = !!(drafts[rk] ?? '').trim();
                            return (
                              <div
                                key={c.expression}
                                className={`rp-breach${explained ? ' explained' : ''}`}
                                data-testid={`breach-${ind.code}`}
                              >
                                <strong>Chưa đúng quy tắc:</strong> {c.detail}
                                {c.message ? <div className="small">{c.message}</div> : null}
                                <input
                                  data-entry
                                  aria-label={`Lý do vi phạm ${c.expression}`}
                                  placeholder="Ghi lý do để vẫn lưu và nộp số liệu này"
                                  disabled={!editable}
                                  value={drafts[rk] ?? ''}
                                  onChange={(e) => edit(rk, e.target.value)}
                                  onBlur={() => void flush()}
                                />
                              </div>
                            );
                          })}
                        </td>
                        <td className="input">
                          {ind.rule === 'RATE' ? (
                            <div
                              className="rp-computed"
                              data-testid={`rate-${ind.code}`}
                              title={`${ind.numerator} / ${ind.denominator}`}
                            >
                              {(() => {
                                const r = computeRate(ind, live);
                                return r === null ? '—' : `${formatDec(r)}`;
                              })()}
                            </div>
                          ) : ind.type === 'yesno' ? (
                            <select
                              id={`f-${ind.code}`}
                              data-entry
                              disabled={!editable}
                              value={value === 'có' || value === 'không' ? value : value ? value : ''}
                              onChange={(e) => {
                                edit(ind.code, e.target.value);
                              }}
                              onBlur={() => void flush()}
                            >
                              <option value="">—</option>
                              <option value="có">Có</option>
                              <option value="không">Không</option>
                            </select>
                          ) : ind.type === 'text' ? (
                            <textarea
                              id={`f-${ind.code}`}
                              data-entry
                              disabled={!editable}
                              value={value}
                              onChange={(e) => edit(ind.code, e.target.value)}
                              onBlur={() => void flush()}
                            />
                          ) : (
                            <input
                              id={`f-${ind.code}`}
                              data-entry
                              inputMode="decimal"
                              autoComplete="off"
                              className={err ? 'invalid' : ''}
                              aria-invalid={err ? true : undefined}
                              disabled={!editable}
                              value={value}
                              onChange={(e) => edit(ind.code, e.target.value)}
                              onBlur={() => tidy(ind)}
                            />
                          )}
                        </td>
                        <td className="unit">{ind.unit || (ind.type === 'yesno' ? 'Có/Không' : '')}</td>
                      </tr>
                    );
                  }),
                ])}
              </tbody>
            </table>
          </div>
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
      {dialog === 'submit' && form ? (
        <SubmitDialog
          form={form}
          blocked={unexplained.map((c) => c.detail)}
          onClose={() => setDialog(null)}
          onSubmit={(x) => void transition('da_nop', x)}
        />
      ) : null}
      {dialog === 'return' && form ? (
        <ReturnDialog
          unitName={form.unit.name}
          onClose={() => setDialog(null)}
          onSubmit={(note) => void transition('tra_lai', { note })}
        />
      ) : null}
      {dialog === 'history' && form ? <HistoryDialog form={form} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

function SubmitDialog({
  form,
  blocked,
  onClose,
  onSubmit,
}: {
  form: ReportForm;
  blocked: string[];
  onClose: () => void;
  onSubmit: (x: { receivedDate: string; channel: Channel; note: string }) => void;
}) {
  const [receivedDate, setReceivedDate] = useState(todayIso());
  const [channel, setChannel] = useState<Channel>(form.report.channel ?? 'typed');
  const [note, setNote] = useState('');
  const late = receivedDate > form.period.deadline;
  return (
    <Modal title={`Ghi nhận báo cáo của ${form.unit.name} đã nộp`} onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({ receivedDate, channel, note });
        }}
      >
        <Field
          label="Ngày nhận"
          required
          hint={
            late
              ? `Sau hạn nộp ${formatDateShort(form.period.deadline)}: tính là nộp muộn.`
              : `Hạn nộp ${formatDateShort(form.period.deadline)}.`
          }
        >
          <ViDateInput label="Ngày nhận" value={receivedDate} onChange={setReceivedDate} />
        </Field>
        <Field label="Hình thức nhận">
          <select aria-label="Hình thức nhận" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Ghi chú">
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {blocked.length ? (
          <div className="rp-problems span-all" role="alert">
            Còn quy tắc chưa đạt mà chưa ghi lý do:
            <ul>
              {blocked.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Ghi nhận đã nộp
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ReturnDialog({
  unitName,
  onClose,
  onSubmit,
}: {
  unitName: string;
  onClose: () => void;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState('');
  return (
    <Modal title={`Trả lại báo cáo của ${unitName}`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(note);
        }}
      >
        <Field label="Lý do trả lại" required hint="Đơn vị sẽ biết cần sửa gì.">
          <textarea aria-label="Lý do trả lại" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="danger" disabled={!note.trim()}>
            Trả lại
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Every revision (who, when, what changed) and two of them side by side. */
function HistoryDialog({ form, onClose }: { form: ReportForm; onClose: () => void }) {
  const [history, setHistory] = useState<ReportHistory | null>(null);
  const [a, setA] = useState(0);
  const [b, setB] = useState(0);
  const [snapA, setSnapA] = useState<ValueMap>({});
  const [snapB, setSnapB] = useState<ValueMap>({});
  const [onlyChanged, setOnlyChanged] = useState(true);
  const ref = { periodId: form.period.id, unitId: form.unit.id };
  useEffect(() => {
    void call('reports.history', ref).then((h) => {
      setHistory(h);
      const last = h.revisions.at(-1)?.number ?? 0;
      setB(last);
      setA(Math.max(0, last - 1));
    });
  }, []);
  useEffect(() => {
    void call('reports.snapshot', { ...ref, revision: a }).then(setSnapA);
  }, [a]);
  useEffect(() => {
    void call('reports.snapshot', { ...ref, revision: b }).then(setSnapB);
  }, [b]);
  const t = form.template;
  const order = [
    ...t.sections.map((s) => sectionKey(s.number)),
    ...t.indicators.map((i) => i.code),
    ...t.rules.map((r) => REASON_PREFIX + r.expression),
  ];
  const keys = order.filter((k) => (k in snapA || k in snapB) && (!onlyChanged || snapA[k] !== snapB[k]));
  const revOptions = [0, ...(history?.revisions.map((r) => r.number) ?? [])];
  const revLabel = (n: number) => {
    if (n === 0) return 'Trước lần nhập đầu';
    const r = history?.revisions.find((x) => x.number === n);
    return r ? `Lần ${n} — ${r.actor}, ${whenText(r.at)}` : `Lần ${n}`;
  };
  return (
    <Modal title={`Lịch sử báo cáo của ${form.unit.name}`} onClose={onClose} wide>
      {!history ? (
        <p>Đang tải…</p>
      ) : (
        <>
          <div className="rp-history-list">
            <table className="rp-table" aria-label="Các lần sửa">
              <thead>
                <tr>
                  <th>Lần</th>
                  <th>Người sửa</th>
                  <th>Thời điểm</th>
                  <th>Thay đổi</th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...history.revisions.map((r) => ({ at: r.at, kind: 'rev' as const, r })),
                  ...history.events.map((e) => ({ at: e.at, kind: 'event' as const, e })),
                ]
                  .sort((x, y) => x.at.localeCompare(y.at) || (x.kind === y.kind ? 0 : x.kind === 'rev' ? -1 : 1))
                  .map((item, i) =>
                    item.kind === 'rev' ? (
                      <tr key={`r${item.r.number}`}>
                        <td className="num">{item.r.number}</td>
                        <td>{item.r.actor}</td>
                        <td>{whenText(item.r.at)}</td>
                        <td className="small">
                          {item.r.changes
                            .map(
                              (c) =>
                                `${c.key.startsWith('muc:') || c.key.startsWith(REASON_PREFIX) ? keyLabel(t, c.key) : c.key}: ${displayValue(t, c.key, c.oldValue) || '∅'} → ${displayValue(t, c.key, c.newValue) || '∅'}`,
                            )
                            .join(' · ')
                            .slice(0, 400)}
                        </td>
                      </tr>
                    ) : (
                      <tr key={`e${i}`} className="muted">
                        <td>—</td>
                        <td>{item.e.actor}</td>
                        <td>{whenText(item.e.at)}</td>
                        <td className="small">
                          Trạng thái: {REPORT_STATUS_LABELS[item.e.from]} → {REPORT_STATUS_LABELS[item.e.to]}
                          {item.e.note ? ` (${item.e.note})` : ''}
                        </td>
                      </tr>
                    ),
                  )}
              </tbody>
            </table>
          </div>
          <div className="rp-form-top" style={{ marginTop: 12 }}>
            <Field label="So sánh bản">
              <select aria-label="Bản A" value={a} onChange={(e) => setA(Number(e.target.value))}>
                {revOptions.map((n) => (
                  <option key={n} value={n}>
                    {revLabel(n)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="với bản">
              <select aria-label="Bản B" value={b} onChange={(e) => setB(Number(e.target.value))}>
                {revOptions.map((n) => (
                  <option key={n} value={n}>
                    {revLabel(n)}
                  </option>
                ))}
              </select>
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={onlyChanged}
                onChange={(e) => setOnlyChanged(e.target.checked)}
                style={{ width: 'auto' }}
              />{' '}
              Chỉ hiện chỗ khác nhau
            </label>
          </div>
          <div className="rp-table-wrap" style={{ maxHeight: 360 }}>
            <table className="rp-table rp-compare" aria-label="So sánh hai lần sửa">
              <thead>
                <tr>
                  <th>Trường</th>
                  <th>Lần {a}</th>
                  <th>Lần {b}</th>
                </tr>
              </thead>
              <tbody>
                {keys.length === 0 ? (
                  <tr>
                    <td colSpan={3} className="muted">
                      Hai bản giống nhau.
                    </td>
                  </tr>
                ) : null}
                {keys.map((k) => {
                  const changed = snapA[k] !== snapB[k];
                  return (
                    <tr key={k}>
                      <td>{keyLabel(t, k)}</td>
                      <td className={changed ? 'changed old' : ''}>{displayValue(t, k, snapA[k])}</td>
                      <td className={changed ? 'changed' : ''}>{displayValue(t, k, snapB[k])}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  );
}
