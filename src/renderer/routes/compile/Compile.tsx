// Tổng hợp: pick the period(s), see every indicator added up by its rule (by unit kind, by unit,
// against last year and the plan's targets), edit the draft of the report with its figures as
// visible {{placeholders}}, and export Word, Excel and the email draft.
import { DraftEditor } from './DraftEditor';
import { IndicatorsTab, KindsTab, StatusTab, UnitsTab } from './FigureTabs';
import { RestatedUnits } from './RestatedUnits';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, call, errorMessage } from '../../lib/api';
import { Confirm } from '../../components/Modal';
import { TabList } from '../../components/Tabs';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import type { PeriodListItem } from '../../../shared/model/period';
import type { CompileSettings } from '../../../shared/model/compile';
import type { DraftScreen, DraftWithLines, EmailDraft } from '../../../shared/contract/compile';
import { LINES_PAGE, useUnitLines, type ViewArgs } from './useUnitLines';
import './compile.css';
import { SettingsForm } from './SettingsForm';

type Tab = 'chi-so' | 'loai' | 'don-vi' | 'tinh-hinh' | 'du-thao' | 'noi-gui';
const TABS: { id: Tab; label: string }[] = [
  { id: 'chi-so', label: 'Chỉ số' },
  { id: 'loai', label: 'Theo loại đơn vị' },
  { id: 'don-vi', label: 'Theo đơn vị' },
  { id: 'tinh-hinh', label: 'Tình hình báo cáo' },
  { id: 'du-thao', label: 'Dự thảo báo cáo' },
  { id: 'noi-gui', label: 'Nơi gửi' },
];

export function CompileScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [periods, setPeriods] = useState<PeriodListItem[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [compare, setCompare] = useState<'auto' | 'none'>('auto');
  /** The compiled view; from a compile with a tab of unit lines open, with the first window of its lines. */
  const [view, setView] = useState<DraftScreen | DraftWithLines | null>(null);
  /** The window the view was compiled for (its unit lines are asked for with the same arguments). */
  const [viewArgs, setViewArgs] = useState<ViewArgs | null>(null);
  const [tab, setTab] = useState<Tab>('chi-so');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [dirty, setDirty] = useState(false);
  const [askRecompile, setAskRecompile] = useState(false);
  const [busy, setBusy] = useState('');
  const [takeNumber, setTakeNumber] = useState(false);
  const [images, setImages] = useState(false);
  const [askRenumber, setAskRenumber] = useState<{ message: string; retry: () => void } | null>(null);
  const [email, setEmail] = useState<EmailDraft | null>(null);
  const [settings, setSettings] = useState<CompileSettings | null>(null);

  useEffect(() => {
    void call('periods.list').then((ps) => {
      setPeriods(ps);
      if (ps[0]) setChosen([ps[0].id]);
    });
    void call('compile.settings').then(setSettings);
  }, []);

  const windowArgs = useCallback(
    () => ({ periodIds: chosen, compareIds: compare === 'none' ? [] : null }),
    [chosen, compare],
  );

  const accept = (v: DraftScreen | DraftWithLines, args: ReturnType<typeof windowArgs>) => {
    setView(v);
    setViewArgs(args);
    setTitle(v.draft.title);
    setTexts(Object.fromEntries(v.draft.sections.map((s) => [s.number, s.text])));
    setDirty(false);
  };

  const run = async <T,>(label: string, fn: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    const r = await tryCall(fn);
    setBusy('');
    return r ?? null;
  };

  const compile = async (dropEdits = false) => {
    if (chosen.length === 0) return notice('error', 'Chọn ít nhất một kỳ báo cáo để tổng hợp.');
    // A new compile replaces the draft on screen: unsaved edits are asked about, never lost silently.
    if (dirty && !dropEdits) return setAskRecompile(true);
    const args = windowArgs();
    // the open tab's first window of unit lines comes in the same answer: one round trip, not two
    const lines = tab === 'don-vi' || tab === 'tinh-hinh' ? { offset: 0, limit: LINES_PAGE } : null;
    const v = await run('Đang tổng hợp số liệu…', () => call('compile.draft', { ...args, lines }));
    if (v) accept(v, args);
  };

  // The newest period is compiled as soon as the screen opens: figures first, no extra click.
  const [autoCompiled, setAutoCompiled] = useState(false);
  useEffect(() => {
    if (autoCompiled || chosen.length === 0) return;
    setAutoCompiled(true);
    void compile();
  }, [chosen, autoCompiled]);

  const saveDraft = async () => {
    if (!view) return null;
    const args = windowArgs();
    const v = await run('Đang lưu dự thảo…', () =>
      call('compile.saveDraft', {
        ...args,
        title,
        sections: Object.entries(texts).map(([number, text]) => ({ number, text })),
      }),
    );
    if (v) {
      accept(v, args);
      notice('ok', 'Đã lưu dự thảo báo cáo.');
    }
    return v;
  };

  const refresh = async () => {
    if (dirty && !(await saveDraft())) return;
    const args = windowArgs();
    const v = await run('Đang cập nhật số liệu…', () => call('compile.refreshDraft', args));
    if (v) {
      accept(v, args);
      notice('ok', 'Đã cập nhật số liệu; phần bạn đã sửa được giữ nguyên.');
    }
  };

  /**
   * Runs an export that may take a number; a report that already has one is asked about first
   * (a second number makes a second document in the register), then run again if confirmed.
   */
  const numbered = async <T,>(label: string, fn: (renumber: boolean) => Promise<T>, renumber: boolean) => {
    setBusy(label);
    try {
      return await fn(renumber);
    } catch (err) {
      if (err instanceof ApiError && err.data.code === 'ALREADY_NUMBERED')
        setAskRenumber({
          message: err.data.message,
          retry: () => void tryCall(() => fn(true)),
        });
      else notice('error', errorMessage(err));
      return null;
    } finally {
      setBusy('');
    }
  };
  const exportWord = async (format: 'docx' | 'pdf' = 'docx') => {
    if (dirty && !(await saveDraft())) return;
    await numbered(
      format === 'pdf' ? 'Đang xuất tệp PDF…' : 'Đang xuất tệp Word…',
      async (renumber) => {
        const r = await call('compile.exportWord', { ...windowArgs(), takeNumber, renumber, format, images });
        if (r.saved)
          notice('ok', `Đã xuất báo cáo${r.number ? ` số ${String(r.number).padStart(2, '0')}` : ''}: ${r.path}`);
        return r;
      },
      false,
    );
  };
  const exportExcel = async () => {
    const r = await run('Đang xuất biểu Excel…', () => call('compile.exportExcel', windowArgs()));
    if (r?.saved) notice('ok', `Đã xuất biểu tổng hợp: ${r.path}`);
  };
  const makeEmail = async () => {
    if (dirty && !(await saveDraft())) return;
    await numbered(
      'Đang tạo tệp Word, Excel và thư nháp…',
      async (renumber) => {
        const r = await call('compile.email', { ...windowArgs(), takeNumber, renumber });
        if (r.saved) {
          setEmail(r);
          notice(r.opened ? 'ok' : 'error', r.opened ? 'Đã tạo thư nháp và mở bằng phần mềm thư.' : r.openError);
        }
        return r;
      },
      false,
    );
  };
  const openFolder = async () => {
    const r = await run('', () => call('compile.openFolder'));
    if (r && !r.opened) notice('error', r.error);
  };

  const c = view?.compile;
  const cur = c?.current;
  // Kept per compiled view: the unit rows are memoised on it.
  const inds = useMemo(() => cur?.indicators.filter((i) => i.rule !== 'TEXT' && i.rule !== 'NONE') ?? [], [cur]);
  const lines = useUnitLines(view, viewArgs, tab === 'don-vi' || tab === 'tinh-hinh');

  return (
    <div className="screen compile">
      {askRenumber && (
        <Confirm
          title="Lấy thêm số mới?"
          message={askRenumber.message}
          confirmLabel="Lấy số mới"
          onCancel={() => setAskRenumber(null)}
          onConfirm={() => {
            const retry = askRenumber.retry;
            setAskRenumber(null);
            retry();
          }}
        />
      )}
      {askRecompile && (
        <Confirm
          title="Bỏ phần dự thảo chưa lưu?"
          message="Dự thảo báo cáo có phần đã sửa mà chưa lưu. Tổng hợp lại sẽ thay dự thảo trên màn hình và bỏ những phần sửa đó; muốn giữ, hãy Hủy rồi bấm “Lưu dự thảo”."
          confirmLabel="Tổng hợp lại, bỏ phần sửa"
          onCancel={() => setAskRecompile(false)}
          onConfirm={() => {
            setAskRecompile(false);
            void compile(true);
          }}
        />
      )}
      <div className="screen-header">
        <div>
          <div className="breadcrumb">Tổng hợp</div>
          <h1>Tổng hợp báo cáo</h1>
        </div>
        {/* two groups in the tab order, so a narrow window wraps them whole, never one button alone */}
        <div className="toolbar-actions">
          <div className="toolbar-group">
            <label className="check">
              <input type="checkbox" checked={takeNumber} onChange={(e) => setTakeNumber(e.target.checked)} /> Lấy số từ
              sổ văn bản đi
            </label>
            <button disabled={!view || !!busy} onClick={() => void exportWord()}>
              Xuất Word
            </button>
            <button
              disabled={!view || !!busy}
              onClick={() => void exportWord('pdf')}
              title="PDF theo Nghị định 30, có sẵn ô ký số cho người ký và con dấu cơ quan"
            >
              Xuất PDF (ký số)
            </button>
          </div>
          <div className="toolbar-group">
            <label
              className="check"
              title="Bản không ký số: chèn ảnh chữ ký của người ký và ảnh con dấu (Cài đặt → Cơ quan)"
            >
              <input type="checkbox" checked={images} onChange={(e) => setImages(e.target.checked)} /> Kèm ảnh chữ ký,
              con dấu
            </label>
            <button disabled={!view || !!busy} onClick={() => void exportExcel()}>
              Xuất Excel
            </button>
            <button className="primary" disabled={!view || !!busy} onClick={() => void makeEmail()}>
              Gửi email
            </button>
          </div>
        </div>
      </div>

      <div className="card cp-pick" aria-label="Chọn kỳ tổng hợp">
        <div className="cp-periods">
          {periods.length === 0 && (
            <span className="muted">Chưa có kỳ báo cáo nào. Hãy tạo kỳ ở mục “Kỳ báo cáo”.</span>
          )}
          {periods.map((p) => (
            <label key={p.id} className="check cp-period">
              <input
                type="checkbox"
                name={`period-${p.id}`}
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
                }
              />
              {p.name}{' '}
              <span className="muted small">
                ({p.submittedCount}/{p.expectedCount} đã nộp)
              </span>
            </label>
          ))}
        </div>
        <div className="cp-pick-actions">
          <select aria-label="So sánh" value={compare} onChange={(e) => setCompare(e.target.value as 'auto' | 'none')}>
            <option value="auto">So với cùng kỳ năm trước</option>
            <option value="none">Không so sánh</option>
          </select>
          <button className="primary" disabled={!!busy} onClick={() => void compile()}>
            Tổng hợp
          </button>
        </div>
      </div>

      {/* a band laid over the top of the page, so the tables do not move down and up around each compile */}
      <div className="cp-progress-anchor">
        {busy && (
          <div className="cp-progress" role="progressbar" aria-label={busy}>
            <span className="cp-spinner" aria-hidden="true" /> {busy}
          </div>
        )}
      </div>

      {email && (
        <div className="card cp-email" aria-label="Thư nháp">
          <div className="card-title">Thư nháp gửi cấp trên</div>
          <div className="small">
            Gửi đến: {email.to.join(', ') || <em>chưa khai báo địa chỉ (xem thẻ “Nơi gửi”)</em>}
            <br />
            Tệp: {email.emlPath}
            <br />
            Kèm theo: {email.docxPath}; {email.xlsxPath}
          </div>
          {!email.opened && <div className="form-error">{email.openError}</div>}
          <label className="field">
            <span className="field-label">Tiêu đề</span>
            <input readOnly value={email.subject} />
          </label>
          <label className="field">
            <span className="field-label">Nội dung (có thể sao chép để dán vào phần mềm thư)</span>
            <textarea readOnly rows={6} value={email.body} />
          </label>
          <div className="form-actions">
            <button onClick={() => void openFolder()}>Mở thư mục</button>
            <button onClick={() => setEmail(null)}>Đóng</button>
          </div>
        </div>
      )}

      {cur && c && (
        <>
          <div className="cp-summary">
            <span>
              <b>{cur.periods.map((p) => p.name).join(', ')}</b>
            </span>
            <span>
              Đã gửi <b>{cur.status.reported}</b>/{cur.status.expected} đơn vị
            </span>
            <span>Đúng hạn {cur.status.onTime}</span>
            <span className={cur.status.late ? 'cp-warn' : ''}>Nộp muộn {cur.status.late}</span>
            <span className={cur.status.missing ? 'cp-bad' : ''}>Chưa gửi {cur.status.missing}</span>
            <span className="muted">
              {c.previous ? `So với: ${c.previous.periods.map((p) => p.name).join(', ')}` : 'Không so sánh cùng kỳ'}
            </span>
          </div>
          {cur.notes.length > 0 && (
            <ul className="cp-notes">
              {cur.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <RestatedUnits c={c} which="current" />
          <RestatedUnits c={c} />
          <TabList label="Tổng hợp" className="cp-tabs" tabs={TABS} current={tab} onChange={setTab} />

          {tab === 'chi-so' && <IndicatorsTab c={c} inds={inds} />}

          {tab === 'loai' && <KindsTab inds={inds} />}

          {tab === 'don-vi' && <UnitsTab lines={lines} inds={inds} />}

          {tab === 'tinh-hinh' && <StatusTab lines={lines} />}

          {tab === 'du-thao' && view && (
            <DraftEditor
              view={view}
              texts={texts}
              setTexts={setTexts}
              title={title}
              setTitle={setTitle}
              dirty={dirty}
              setDirty={setDirty}
              busy={busy}
              refresh={refresh}
              saveDraft={saveDraft}
            />
          )}
        </>
      )}
      {tab === 'noi-gui' && settings && <SettingsForm settings={settings} onSaved={setSettings} />}
    </div>
  );
}
