// Chấm điểm, xếp loại: rounds, each unit's self-score and appraisal side by side with evidence and
// live totals, approval and reopening, the results (ranking, counts, chart, exports) and the
// criteria sets.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { Confirm, Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { computeTotals, formatPoints, parsePoints, rangeText, toCenti } from '../../../shared/domain/scoring';
import {
  SCORING_STAGE_LABELS,
  type CriteriaSet,
  type CriteriaSetListItem,
  type RoundCandidate,
  type RoundResults,
  type ScoringRound,
  type ScoringRoundListItem,
  type UnitScoring,
} from '../../../shared/model/scoring';
import { formatDateShort } from '../../../shared/format';
import type { CriteriaSetInput } from '../../../shared/contract/scoring';
import { CriteriaSetForm } from './ScoringSetEditor';
import './scoring.css';

type Tab = 'don-vi' | 'ket-qua' | 'bo-tieu-chi';

async function fileBytes(file: File): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
  return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

export function ScoringScreen() {
  const notice = useNotice();
  const [rounds, setRounds] = useState<ScoringRoundListItem[]>([]);
  const [sets, setSets] = useState<CriteriaSetListItem[]>([]);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [round, setRound] = useState<ScoringRound | null>(null);
  const [tab, setTab] = useState<Tab>('don-vi');
  const [creating, setCreating] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [r, s] = await Promise.all([call('scoring.rounds.list'), call('scoring.sets.list')]);
      setRounds(r);
      setSets(s);
      setRoundId((cur) => cur ?? r[0]?.id ?? null);
    } catch (err) {
      notice('error', errorMessage(err));
    }
  }, [notice]);

  const reloadRound = useCallback(async () => {
    if (roundId === null) return setRound(null);
    try {
      setRound(await call('scoring.rounds.get', { id: roundId }));
    } catch (err) {
      notice('error', errorMessage(err));
    }
  }, [roundId, notice]);

  useEffect(() => void reload(), [reload]);
  useEffect(() => void reloadRound(), [reloadRound]);

  const TABS: { id: Tab; label: string }[] = [
    { id: 'don-vi', label: 'Chấm điểm đơn vị' },
    { id: 'ket-qua', label: 'Kết quả, xếp hạng' },
    { id: 'bo-tieu-chi', label: 'Bộ tiêu chí' },
  ];

  return (
    <section className="screen sc-screen">
      <header className="screen-header">
        <div>
          <h1>Chấm điểm, xếp loại</h1>
          <div className="muted">Đơn vị tự chấm, Sở thẩm định; điểm thẩm định là điểm chính thức.</div>
        </div>
        <div className="toolbar-actions">
          <label className="sc-inline">
            Đợt chấm điểm{' '}
            <select
              aria-label="Đợt chấm điểm"
              value={roundId ?? ''}
              onChange={(e) => setRoundId(e.target.value ? Number(e.target.value) : null)}
            >
              {rounds.length === 0 ? <option value="">(chưa có đợt nào)</option> : null}
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} — {r.approvedCount}/{r.unitCount} đã duyệt
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            + Tạo đợt chấm điểm
          </button>
        </div>
      </header>
      {round ? (
        <div className="muted sc-round-line">
          Bộ tiêu chí: {round.setName} (phiên bản {round.setVersion}) · Hạn tự chấm:{' '}
          {formatDateShort(round.selfDeadline) || '—'} · Hạn thẩm định:{' '}
          {formatDateShort(round.appraisalDeadline) || '—'}
        </div>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Chấm điểm">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="sc-panel">
        {tab === 'bo-tieu-chi' ? (
          <SetsPanel sets={sets} onChanged={reload} />
        ) : !round ? (
          <div className="empty">Chưa có đợt chấm điểm nào. Bấm “+ Tạo đợt chấm điểm” để bắt đầu.</div>
        ) : tab === 'don-vi' ? (
          <UnitsPanel round={round} onChanged={() => void Promise.all([reloadRound(), reload()])} />
        ) : (
          <ResultsPanel roundId={round.id} />
        )}
      </div>
      {creating ? (
        <CreateRound
          sets={sets}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            setRoundId(r.id);
            notice('ok', `Đã tạo đợt "${r.name}" với ${r.units.length} đơn vị.`);
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}

function CreateRound({
  sets,
  onClose,
  onCreated,
}: {
  sets: CriteriaSetListItem[];
  onClose: () => void;
  onCreated: (r: ScoringRound) => void;
}) {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [setId, setSetId] = useState<number | ''>(sets[0]?.id ?? '');
  const [name, setName] = useState('');
  const [selfDeadline, setSelfDeadline] = useState('');
  const [appraisalDeadline, setAppraisalDeadline] = useState('');
  const [error, setError] = useState('');
  const submit = async () => {
    try {
      onCreated(
        await call('scoring.rounds.create', {
          year: Number(year),
          setId: Number(setId),
          name,
          selfDeadline: selfDeadline || null,
          appraisalDeadline: appraisalDeadline || null,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Modal title="Tạo đợt chấm điểm" onClose={onClose}>
      <form
        className="form-grid"
        aria-label="Đợt chấm điểm"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Năm" required>
          <input name="year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        </Field>
        <Field label="Bộ tiêu chí" required>
          <select name="setId" value={setId} onChange={(e) => setSetId(e.target.value ? Number(e.target.value) : '')}>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — v{s.version} ({s.province}, {s.year})
              </option>
            ))}
          </select>
        </Field>
        <div className="span-all">
          <Field label="Tên đợt" hint="Để trống: “Chấm điểm công tác dân vận chính quyền năm …”">
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
        </div>
        <Field label="Hạn tự chấm">
          <input
            name="selfDeadline"
            type="date"
            value={selfDeadline}
            onChange={(e) => setSelfDeadline(e.target.value)}
          />
        </Field>
        <Field label="Hạn thẩm định">
          <input
            name="appraisalDeadline"
            type="date"
            value={appraisalDeadline}
            onChange={(e) => setAppraisalDeadline(e.target.value)}
          />
        </Field>
        <div className="span-all muted small">Các đơn vị đang hoạt động trong năm được đưa vào đợt.</div>
        {error ? (
          <div className="span-all form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Tạo đợt
          </button>
        </div>
      </form>
    </Modal>
  );
}

// ——— per unit ———

interface Draft {
  self: string;
  selfNote: string;
  appraised: string;
  reason: string;
}

function draftsOf(s: UnitScoring): Record<string, Draft> {
  const text = (v: number | null) => (v === null ? '' : formatPoints(v));
  return Object.fromEntries(
    s.lines.map((l) => [
      l.code,
      { self: text(l.selfScore), selfNote: l.selfNote, appraised: text(l.appraisedScore), reason: l.reason },
    ]),
  );
}

function UnitsPanel({ round, onChanged }: { round: ScoringRound; onChanged: () => void }) {
  const notice = useNotice();
  const [unitId, setUnitId] = useState<number | null>(round.units[0]?.unitId ?? null);
  const [sheet, setSheet] = useState<UnitScoring | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [confirmApprove, setConfirmApprove] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reopenReason, setReopenReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [editingUnits, setEditingUnits] = useState(false);
  const bookInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!round.units.some((u) => u.unitId === unitId)) setUnitId(round.units[0]?.unitId ?? null);
  }, [round, unitId]);

  const load = useCallback(async () => {
    if (unitId === null) return;
    try {
      const s = await call('scoring.unit.get', { roundId: round.id, unitId });
      setSheet(s);
      setDrafts(draftsOf(s));
      setProblems({});
    } catch (err) {
      notice('error', errorMessage(err));
    }
  }, [round.id, unitId, notice]);
  useEffect(() => void load(), [load]);

  const applied = (s: UnitScoring, msg: string) => {
    setSheet(s);
    setDrafts(draftsOf(s));
    setProblems({});
    notice('ok', msg);
    onChanged();
  };
  const fail = (err: unknown) => {
    const e = err as { data?: { details?: { message: string; where?: { field?: string } }[] } };
    const byCode: Record<string, string> = {};
    for (const d of e.data?.details ?? [])
      if (d.where?.field && !byCode[d.where.field]) byCode[d.where.field] = d.message;
    setProblems(byCode);
    notice('error', errorMessage(err));
  };

  // Live totals from what is typed; a cell that does not read as points counts as empty and is marked.
  const live = useMemo(() => {
    if (!sheet) return null;
    const self = new Map<string, number | null>();
    const fin = new Map<string, number | null>();
    const bad: Record<string, string> = {};
    const items = new Map(
      [...sheet.set.groups.flatMap((g) => g.criteria), ...sheet.set.bonus.items, ...sheet.set.deductions.items].map(
        (i) => [i.code, i.maxPoints],
      ),
    );
    for (const l of sheet.lines) {
      const d = drafts[l.code];
      if (!d) continue;
      const read = (text: string, key: string) => {
        const p = parsePoints(text);
        if (!p.ok) {
          bad[key] = p.message;
          return null;
        }
        if (p.value !== null && (toCenti(p.value)! > toCenti(items.get(l.code) ?? 0)! || p.value < 0)) {
          bad[key] = `Điểm phải từ 0 đến ${formatPoints(items.get(l.code) ?? 0)}.`;
          return null;
        }
        return p.value;
      };
      const s = read(d.self, `${l.code}:self`);
      const a = read(d.appraised, `${l.code}:appraised`);
      self.set(l.code, s);
      fin.set(l.code, a ?? s);
      if (a !== null && s !== null && toCenti(a) !== toCenti(s) && d.reason.trim() === '')
        bad[`${l.code}:reason`] = 'Điểm thẩm định khác điểm tự chấm: phải ghi lý do.';
    }
    return { self: computeTotals(sheet.set, self), final: computeTotals(sheet.set, fin), bad };
  }, [sheet, drafts]);

  if (!sheet || !live) return <div className="empty">Chọn một đơn vị.</div>;
  const locked = sheet.locked;
  const set = sheet.set;
  const change = (code: string, key: keyof Draft, value: string) =>
    setDrafts((d) => ({ ...d, [code]: { ...d[code]!, [key]: value } }));

  const saveSide = async (side: 'self' | 'appraisal') => {
    const keys = side === 'self' ? [':self'] : [':appraised', ':reason'];
    const bad = Object.entries(live.bad).find(([k]) => keys.some((x) => k.endsWith(x)));
    if (bad) return notice('error', `Chưa lưu: tiêu chí ${bad[0].split(':')[0]}: ${bad[1]}`);
    const lines = sheet.lines
      .filter((l) => {
        const d = drafts[l.code]!;
        return side === 'self'
          ? d.self !== (l.selfScore === null ? '' : formatPoints(l.selfScore)) || d.selfNote !== l.selfNote
          : d.appraised !== (l.appraisedScore === null ? '' : formatPoints(l.appraisedScore)) || d.reason !== l.reason;
      })
      .map((l) => {
        const d = drafts[l.code]!;
        const p = parsePoints(side === 'self' ? d.self : d.appraised);
        return { code: l.code, score: p.ok ? p.value : Number.NaN, note: side === 'self' ? d.selfNote : d.reason };
      });
    if (lines.length === 0) return notice('ok', 'Không có thay đổi nào để lưu.');
    try {
      applied(
        await call('scoring.unit.save', { roundId: round.id, unitId: sheet.unitId, side, lines }),
        side === 'self' ? 'Đã lưu điểm tự chấm.' : 'Đã lưu điểm thẩm định.',
      );
    } catch (err) {
      fail(err);
    }
  };

  const attach = async (code: string, files: FileList | null) => {
    if (!files) return;
    for (const f of Array.from(files)) {
      try {
        applied(
          await call('scoring.evidence.add', {
            roundId: round.id,
            unitId: sheet.unitId,
            itemCode: code,
            file: await fileBytes(f),
          }),
          `Đã đính kèm "${f.name}".`,
        );
      } catch (err) {
        notice('error', errorMessage(err));
      }
    }
  };

  const row = (code: string, title: string, max: number, hint: string, evidenceHint: string) => {
    const d = drafts[code]!;
    const ev = sheet.evidence.filter((e) => e.itemCode === code);
    const err = (k: string): string | undefined => live.bad[`${code}:${k}`];
    const serverProblem = problems[code];
    return (
      <tr key={code} data-code={code} className={serverProblem ? 'sc-row-error' : undefined}>
        <td className="mono">{code}</td>
        <td>
          <div>{title}</div>
          {hint ? (
            <div className="muted small sc-hint" title={hint}>
              {hint}
            </div>
          ) : null}
          {serverProblem ? <div className="danger-text small">{serverProblem}</div> : null}
        </td>
        <td className="num">{formatPoints(max)}</td>
        <td>
          <input
            aria-label={`Tự chấm ${code}`}
            name={`self-${code}`}
            className={`sc-score${err('self') ? ' invalid' : ''}`}
            value={d.self}
            disabled={locked}
            title={err('self')}
            onChange={(e) => change(code, 'self', e.target.value)}
          />
        </td>
        <td>
          <textarea
            aria-label={`Ghi chú ${code}`}
            name={`note-${code}`}
            rows={1}
            value={d.selfNote}
            disabled={locked}
            onChange={(e) => change(code, 'selfNote', e.target.value)}
          />
        </td>
        <td className="sc-evidence">
          {ev.map((e) => (
            <div key={e.id} className="sc-ev">
              <button
                type="button"
                className="link"
                title={`SHA-256 ${e.sha256}`}
                onClick={() =>
                  void call('scoring.evidence.open', { evidenceId: e.id }).catch((x: unknown) =>
                    notice('error', errorMessage(x)),
                  )
                }
              >
                {e.fileName}
              </button>
              {!locked ? (
                <button
                  type="button"
                  className="link danger-text"
                  aria-label={`Bỏ ${e.fileName}`}
                  onClick={() =>
                    void call('scoring.evidence.remove', {
                      roundId: round.id,
                      unitId: sheet.unitId,
                      evidenceId: e.id,
                    }).then((s) => applied(s, `Đã bỏ "${e.fileName}".`), fail)
                  }
                >
                  ×
                </button>
              ) : null}
            </div>
          ))}
          {!locked ? (
            <label className="sc-attach" title={evidenceHint || 'Đính kèm minh chứng'}>
              + Minh chứng
              <input
                type="file"
                aria-label={`Minh chứng ${code}`}
                multiple
                hidden
                onChange={(e) => void attach(code, e.target.files).then(() => (e.target.value = ''))}
              />
            </label>
          ) : null}
        </td>
        <td>
          <input
            aria-label={`Thẩm định ${code}`}
            name={`appraised-${code}`}
            className={`sc-score${err('appraised') ? ' invalid' : ''}${d.appraised !== '' && d.appraised !== d.self ? ' changed' : ''}`}
            value={d.appraised}
            disabled={locked}
            placeholder={d.self}
            title={err('appraised')}
            onChange={(e) => change(code, 'appraised', e.target.value)}
          />
        </td>
        <td>
          <textarea
            aria-label={`Lý do ${code}`}
            name={`reason-${code}`}
            rows={1}
            className={err('reason') ? 'invalid' : undefined}
            title={err('reason')}
            placeholder={err('reason') ? 'Bắt buộc ghi lý do' : ''}
            value={d.reason}
            disabled={locked}
            onChange={(e) => change(code, 'reason', e.target.value)}
          />
        </td>
      </tr>
    );
  };

  const badCount = Object.keys(live.bad).length;
  const totalsCard = (label: string, t: typeof live.self, id: string) => (
    <div className="rp-card sc-total" data-testid={id}>
      <div className="rp-card-label">{label}</div>
      <div className="rp-card-value">{formatPoints(t.total)}</div>
      <div className="rp-card-sub">
        {t.classLabel}
        <br />
        tiêu chí {formatPoints(t.base)} · thưởng {formatPoints(t.bonus)}
        {t.bonusUncapped > t.bonus ? ` (đã giới hạn từ ${formatPoints(t.bonusUncapped)})` : ''} · trừ{' '}
        {formatPoints(t.deductions)}
        {t.missing ? ` · còn ${t.missing} tiêu chí chưa chấm` : ''}
      </div>
    </div>
  );

  return (
    <div className="sc-units">
      <aside className="sc-unit-list" aria-label="Đơn vị trong đợt">
        {round.units.map((u) => (
          <button
            key={u.unitId}
            type="button"
            className={`sc-unit${u.unitId === unitId ? ' active' : ''}`}
            onClick={() => setUnitId(u.unitId)}
            data-unit={u.code}
          >
            <span className="sc-unit-name">{u.name}</span>
            <span className="sc-unit-meta">
              <span className={`badge sc-st-${u.stage}`}>{SCORING_STAGE_LABELS[u.stage]}</span>{' '}
              {u.finalTotal !== null ? `${formatPoints(u.finalTotal)} đ` : ''}
            </span>
          </button>
        ))}
        <button type="button" onClick={() => setEditingUnits(true)}>
          Đơn vị trong đợt…
        </button>
      </aside>
      {editingUnits ? (
        <RoundUnitsDialog
          round={round}
          onClose={() => setEditingUnits(false)}
          onSaved={(msg) => {
            setEditingUnits(false);
            notice('ok', msg);
            onChanged();
          }}
        />
      ) : null}
      <div className="sc-sheet">
        <div className="sc-sheet-head">
          <div>
            <h2>{sheet.unitName}</h2>
            <span className={`badge sc-st-${sheet.stage}`}>{SCORING_STAGE_LABELS[sheet.stage]}</span>
            {locked ? <span className="muted small"> Đã khóa: mở lại (ghi lý do) để sửa.</span> : null}
          </div>
          <div className="toolbar-actions">
            <button
              type="button"
              onClick={() =>
                void call('scoring.workbook.export', { roundId: round.id, unitId: sheet.unitId }).then(
                  (r) => r.saved && notice('ok', `Đã xuất phiếu tự chấm: ${r.path}`),
                  fail,
                )
              }
            >
              Xuất phiếu Excel
            </button>
            <button type="button" disabled={locked} onClick={() => bookInput.current?.click()}>
              Nhập phiếu Excel…
            </button>
            <input
              ref={bookInput}
              type="file"
              accept=".xlsx"
              aria-label="Nhập phiếu tự chấm"
              hidden
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                try {
                  const s = await call('scoring.workbook.import', { roundId: round.id, file: await fileBytes(f) });
                  if (s.unitId !== sheet.unitId) setUnitId(s.unitId);
                  applied(s, `Đã nhập phiếu tự chấm của ${s.unitName}: ${formatPoints(s.self.total)} điểm.`);
                } catch (err) {
                  fail(err);
                }
              }}
            />
            {!locked ? (
              <>
                <button type="button" onClick={() => void saveSide('self')}>
                  Lưu tự chấm
                </button>
                <button type="button" onClick={() => void saveSide('appraisal')}>
                  Lưu thẩm định
                </button>
              </>
            ) : null}
            {locked ? (
              <button type="button" onClick={() => setReopening(true)}>
                Mở lại…
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => setConfirmApprove(true)}>
                Duyệt kết quả
              </button>
            )}
          </div>
        </div>
        <div className="rp-cards sc-totals">
          {totalsCard('Tự chấm', live.self, 'total-self')}
          {totalsCard('Sau thẩm định (điểm chính thức)', live.final, 'total-final')}
        </div>
        <div className="rp-table-wrap sc-table-wrap">
          <table className="data sc-table">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Tiêu chí</th>
                <th className="num">Tối đa</th>
                <th>Tự chấm</th>
                <th>Ghi chú của đơn vị</th>
                <th>Minh chứng</th>
                <th>Thẩm định</th>
                <th>Lý do điều chỉnh</th>
              </tr>
            </thead>
            <tbody>
              {set.groups.map((g) => [
                <tr key={`g-${g.code}`} className="sc-group">
                  <td className="mono">{g.code}</td>
                  <td colSpan={7}>
                    {g.title} <span className="muted">(tối đa {formatPoints(g.maxPoints)} điểm)</span>
                  </td>
                </tr>,
                ...g.criteria.map((c) =>
                  row(
                    c.code,
                    c.title,
                    c.maxPoints,
                    [c.guidance, c.evidence && `Minh chứng: ${c.evidence}`].filter(Boolean).join(' · '),
                    c.evidence,
                  ),
                ),
              ])}
              {set.bonus.items.length ? (
                <tr className="sc-group">
                  <td />
                  <td colSpan={7}>Điểm thưởng (tối đa {formatPoints(set.bonus.cap)} điểm)</td>
                </tr>
              ) : null}
              {set.bonus.items.map((b) => row(b.code, b.title, b.maxPoints, b.guidance, ''))}
              {set.deductions.items.length ? (
                <tr className="sc-group">
                  <td />
                  <td colSpan={7}>
                    Điểm trừ{set.deductions.cap !== null ? ` (tối đa ${formatPoints(set.deductions.cap)} điểm)` : ''}
                  </td>
                </tr>
              ) : null}
              {set.deductions.items.map((d) => row(d.code, d.title, d.maxPoints, d.guidance, ''))}
            </tbody>
          </table>
        </div>
        {!locked && badCount ? (
          <div className="danger-text small sc-save">{badCount} ô chưa hợp lệ (di chuột vào ô đỏ để xem).</div>
        ) : null}
        <details className="sc-history">
          <summary>Lịch sử ({sheet.events.length})</summary>
          <ul className="rp-history-list">
            {sheet.events.map((e) => (
              <li key={e.id}>
                <span className="mono small">{new Date(e.at).toLocaleString('vi-VN')}</span> —{' '}
                <strong>{EVENT_LABELS[e.kind]}</strong>
                {e.actor ? ` (${e.actor})` : ''}: {e.note}
              </li>
            ))}
          </ul>
        </details>
      </div>
      {confirmApprove ? (
        <Confirm
          title="Duyệt kết quả chấm điểm"
          message={
            <>
              Duyệt kết quả của <strong>{sheet.unitName}</strong>:{' '}
              <strong>
                {formatPoints(sheet.final.total)} điểm — {sheet.final.classLabel}
              </strong>
              . Sau khi duyệt, điểm bị khóa; muốn sửa phải mở lại và ghi lý do.
              {badCount || JSON.stringify(drafts) !== JSON.stringify(draftsOf(sheet)) ? (
                <p className="warn-text">Có thay đổi chưa lưu: hãy lưu trước khi duyệt.</p>
              ) : null}
            </>
          }
          confirmLabel="Duyệt"
          onCancel={() => setConfirmApprove(false)}
          onConfirm={() => {
            setConfirmApprove(false);
            void call('scoring.unit.approve', { roundId: round.id, unitId: sheet.unitId }).then(
              (s) => applied(s, `Đã duyệt kết quả của ${s.unitName}.`),
              fail,
            );
          }}
        />
      ) : null}
      {reopening ? (
        <Modal title="Mở lại kết quả đã duyệt" onClose={() => setReopening(false)}>
          <Field label="Lý do mở lại" required>
            <textarea
              name="reopenReason"
              rows={3}
              value={reopenReason}
              onChange={(e) => setReopenReason(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button type="button" onClick={() => setReopening(false)}>
              Hủy
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void call('scoring.unit.reopen', {
                  roundId: round.id,
                  unitId: sheet.unitId,
                  reason: reopenReason,
                }).then((s) => {
                  setReopening(false);
                  setReopenReason('');
                  applied(s, `Đã mở lại kết quả của ${s.unitName}.`);
                }, fail)
              }
            >
              Mở lại
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}

/** Adds units active in the year and removes units with nothing recorded; asks before removing. */
function RoundUnitsDialog({
  round,
  onClose,
  onSaved,
}: {
  round: ScoringRound;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [candidates, setCandidates] = useState<RoundCandidate[] | null>(null);
  const [checked, setChecked] = useState<Set<number>>(() => new Set(round.units.map((u) => u.unitId)));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    void call('scoring.rounds.candidates', { roundId: round.id }).then(setCandidates, (err: unknown) =>
      setError(errorMessage(err)),
    );
  }, [round.id]);
  const add = (candidates ?? []).filter((u) => checked.has(u.unitId)).map((u) => u.unitId);
  const removed = round.units.filter((u) => !checked.has(u.unitId));
  const toggle = (id: number, on: boolean) =>
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = async () => {
    setConfirming(false);
    try {
      await call('scoring.rounds.units', { roundId: round.id, add, remove: removed.map((u) => u.unitId) });
      onSaved(
        [add.length ? `thêm ${add.length} đơn vị` : '', removed.length ? `bỏ ${removed.length} đơn vị` : '']
          .filter(Boolean)
          .join(', ')
          .replace(/^./, (c) => `Đã ${c}`) + '.',
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const line = (id: number, code: string, name: string, note: string, disabled: boolean) => (
    <label
      key={id}
      className="sc-check"
      data-unit={code}
      title={disabled ? 'Đơn vị đã có điểm, không bỏ khỏi đợt được.' : undefined}
    >
      <input
        type="checkbox"
        checked={checked.has(id)}
        disabled={disabled}
        onChange={(e) => toggle(id, e.target.checked)}
      />{' '}
      {name} <span className="muted small">{note}</span>
    </label>
  );
  return (
    <>
      <Modal title="Đơn vị trong đợt" onClose={onClose}>
        <p className="muted small">
          Bỏ chọn để bỏ đơn vị chưa chấm điểm khỏi đợt; chọn để thêm đơn vị đang hoạt động trong năm {round.year}. Đơn
          vị đã có điểm hoặc lịch sử chấm điểm không bỏ được.
        </p>
        <div className="sc-checks" role="group" aria-label="Đơn vị trong đợt">
          {round.units.map((u) =>
            line(u.unitId, u.code, u.name, SCORING_STAGE_LABELS[u.stage], u.stage !== 'chua_cham'),
          )}
        </div>
        <h3 className="card-title">Có thể thêm</h3>
        <div className="sc-checks" role="group" aria-label="Đơn vị có thể thêm">
          {candidates === null ? (
            <span className="muted small">Đang tải…</span>
          ) : candidates.length === 0 ? (
            <span className="muted small">Mọi đơn vị hoạt động trong năm đã có trong đợt.</span>
          ) : null}
          {(candidates ?? []).map((u) => line(u.unitId, u.code, u.name, u.code, false))}
        </div>
        {error ? (
          <div className="form-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button
            type="button"
            className="primary"
            disabled={add.length === 0 && removed.length === 0}
            onClick={() => (removed.length ? setConfirming(true) : void save())}
          >
            Lưu
          </button>
        </div>
      </Modal>
      {confirming ? (
        <Confirm
          title="Bỏ đơn vị khỏi đợt"
          message={
            <>
              Bỏ {removed.length} đơn vị khỏi đợt “{round.name}”:{' '}
              <strong>{removed.map((u) => u.name).join(', ')}</strong>?
            </>
          }
          confirmLabel="Bỏ khỏi đợt"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void save()}
        />
      ) : null}
    </>
  );
}

const EVENT_LABELS: Record<UnitScoring['events'][number]['kind'], string> = {
  self_saved: 'Tự chấm',
  appraisal_saved: 'Thẩm định',
  imported: 'Nhập phiếu Excel',
  approved: 'Duyệt',
  reopened: 'Mở lại',
  evidence_added: 'Thêm minh chứng',
  evidence_removed: 'Bỏ minh chứng',
};

// ——— results ———

const CLASS_COLORS = ['#1b7f3b', '#2f6fb3', '#c98a00', '#b3261e', '#6d4c9f', '#555'];

function ResultsPanel({ roundId }: { roundId: number }) {
  const notice = useNotice();
  const [res, setRes] = useState<RoundResults | null>(null);
  useEffect(() => {
    void call('scoring.results', { roundId }).then(setRes, (err: unknown) => notice('error', errorMessage(err)));
  }, [roundId, notice]);
  if (!res) return <div className="empty">Đang tải…</div>;
  const classes = [...res.set.classes].sort((a, b) => b.from - a.from);
  const exportDoc = (kind: 'docx' | 'xlsx') =>
    void (
      kind === 'docx'
        ? call('scoring.export.docx', { roundId, takeNumber: false })
        : call('scoring.export.xlsx', { roundId })
    ).then(
      (r) => r.saved && notice('ok', `Đã xuất: ${r.path}`),
      (err: unknown) => notice('error', errorMessage(err)),
    );
  return (
    <div className="sc-results">
      <div className="toolbar-actions sc-exports">
        <button type="button" onClick={() => exportDoc('docx')}>
          Xuất báo cáo kết quả (Word)
        </button>
        <button type="button" onClick={() => exportDoc('xlsx')}>
          Xuất bảng điểm (Excel)
        </button>
      </div>
      {res.notApproved ? (
        <p className="warn-text">
          Còn {res.notApproved} đơn vị chưa được duyệt: điểm của các đơn vị này là điểm tạm tính.
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
            </tr>
          </thead>
          <tbody>
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
              </tr>
            ))}
          </tbody>
        </table>
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

function SetsPanel({ sets, onChanged }: { sets: CriteriaSetListItem[]; onChanged: () => Promise<void> }) {
  const notice = useNotice();
  const [id, setId] = useState<number | null>(sets[0]?.id ?? null);
  const [set, setSet] = useState<CriteriaSet | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [editError, setEditError] = useState<string[]>([]);
  const [formOpen, setFormOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const openJson = () => {
    if (!set) return;
    const { id: _i, version: _v, basedOnId: _b, frozen: _f, createdAt: _c, ...content } = set;
    setFormOpen(false);
    setEditing(JSON.stringify(content, null, 2));
    setEditError([]);
  };
  const saved = async (r: { set: CriteriaSet; newVersion: boolean }) => {
    setEditing(null);
    setFormOpen(false);
    setEditError([]);
    notice(
      'ok',
      r.newVersion
        ? `Bộ tiêu chí đã dùng nên được lưu thành phiên bản mới (phiên bản ${r.set.version}).`
        : 'Đã lưu bộ tiêu chí.',
    );
    await onChanged();
    setId(r.set.id);
    setSet(r.set);
  };
  const saveEdit = async () => {
    if (!set || editing === null) return;
    let content: unknown;
    try {
      content = JSON.parse(editing);
    } catch (err) {
      return setEditError([`Nội dung không phải JSON hợp lệ: ${err instanceof Error ? err.message : String(err)}`]);
    }
    try {
      await saved(await call('scoring.sets.save', { id: set.id, content: content as CriteriaSetInput }));
    } catch (err) {
      const e = err as { data?: { details?: { message: string }[] } };
      setEditError(e.data?.details?.length ? e.data.details.map((d) => d.message) : [errorMessage(err)]);
    }
  };
  useEffect(() => {
    if (id === null) return setSet(null);
    void call('scoring.sets.get', { id }).then(setSet, (err: unknown) => notice('error', errorMessage(err)));
  }, [id, notice]);
  return (
    <div className="sc-sets">
      <aside className="sc-unit-list" aria-label="Bộ tiêu chí">
        {sets.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`sc-unit${s.id === id ? ' active' : ''}`}
            onClick={() => setId(s.id)}
          >
            <span className="sc-unit-name">{s.name}</span>
            <span className="sc-unit-meta">
              v{s.version} · {s.province} · {s.year}{' '}
              {s.frozen ? <span className="badge muted-badge">đã dùng · chỉ đọc</span> : null}
            </span>
          </button>
        ))}
        <button type="button" onClick={() => input.current?.click()}>
          Nhập bộ tiêu chí (JSON)…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json"
          hidden
          aria-label="Nhập bộ tiêu chí"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            try {
              const r = await call('scoring.sets.import', await fileBytes(f));
              notice(
                'ok',
                `Đã nhập "${r.set.name}" (phiên bản ${r.set.version}${r.newVersion ? ', phiên bản mới' : ''}).`,
              );
              await onChanged();
              setId(r.set.id);
            } catch (err) {
              notice('error', errorMessage(err));
            }
          }}
        />
      </aside>
      {set ? (
        <div className="sc-sheet">
          <div className="sc-sheet-head">
            <div>
              <h2>{set.name}</h2>
              <div className="muted small">
                Mã {set.code} · phiên bản {set.version} · {set.province} · năm {set.year} · thang điểm{' '}
                {formatPoints(set.totalPoints)}
                {set.frozen ? ' · đã dùng để chấm điểm: chỉ đọc, sửa sẽ tạo phiên bản mới' : ''}
              </div>
            </div>
            <div className="toolbar-actions">
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setFormOpen(true);
                }}
              >
                {set.frozen ? 'Sửa (tạo phiên bản mới)…' : 'Sửa…'}
              </button>
              <button type="button" onClick={openJson}>
                Sửa JSON (nâng cao)…
              </button>
              <button
                type="button"
                onClick={() =>
                  void call('scoring.sets.export', { id: set.id }).then(
                    (r) => r.saved && notice('ok', `Đã xuất: ${r.path}`),
                    (err: unknown) => notice('error', errorMessage(err)),
                  )
                }
              >
                Xuất JSON
              </button>
            </div>
          </div>
          {set.description ? <p>{set.description}</p> : null}
          {formOpen ? (
            <CriteriaSetForm
              key={set.id}
              set={set}
              onClose={() => setFormOpen(false)}
              onSaved={(r) => void saved(r)}
              onJson={openJson}
            />
          ) : null}
          {editing !== null ? (
            <Modal title={`Sửa bộ tiêu chí “${set.name}”`} onClose={() => setEditing(null)} wide>
              <p className="muted small">
                Nhóm (groups) và tiêu chí (criteria) với điểm tối đa (maxPoints), hướng dẫn (guidance), minh chứng
                (evidence); điểm thưởng (bonus: cap, items); điểm trừ (deductions); mức xếp loại (classes: from ≤ tổng
                điểm &lt; to).{' '}
                {set.frozen
                  ? 'Bộ này đã được dùng để chấm điểm: lưu sẽ tạo phiên bản mới, các đợt cũ giữ phiên bản cũ.'
                  : ''}
              </p>
              <textarea
                aria-label="Nội dung bộ tiêu chí (JSON)"
                className="sc-json"
                value={editing}
                onChange={(e) => setEditing(e.target.value)}
                spellCheck={false}
              />
              {editError.length ? (
                <ul className="form-error" role="alert">
                  {editError.slice(0, 12).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
              <div className="form-actions">
                <button type="button" onClick={() => setEditing(null)}>
                  Hủy
                </button>
                <button type="button" className="primary" onClick={() => void saveEdit()}>
                  Lưu
                </button>
              </div>
            </Modal>
          ) : null}
          <table className="data">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Nhóm, tiêu chí</th>
                <th className="num">Tối đa</th>
                <th>Tài liệu kiểm chứng</th>
              </tr>
            </thead>
            <tbody>
              {set.groups.map((g) => [
                <tr key={g.code} className="sc-group">
                  <td className="mono">{g.code}</td>
                  <td>{g.title}</td>
                  <td className="num">{formatPoints(g.maxPoints)}</td>
                  <td />
                </tr>,
                ...g.criteria.map((c) => (
                  <tr key={c.code}>
                    <td className="mono">{c.code}</td>
                    <td>
                      {c.title}
                      {c.subCriteria.map((s) => (
                        <div key={s.title} className="muted small">
                          – {s.title}
                          {s.maxPoints !== null ? ` (${formatPoints(s.maxPoints)} đ)` : ''}
                        </div>
                      ))}
                      {c.guidance ? <div className="muted small">{c.guidance}</div> : null}
                    </td>
                    <td className="num">{formatPoints(c.maxPoints)}</td>
                    <td className="small">{c.evidence}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
          <div className="sc-results-grid">
            <div className="card">
              <h3 className="card-title">Thưởng (tối đa {formatPoints(set.bonus.cap)} điểm) và điểm trừ</h3>
              <ul>
                {set.bonus.items.map((b) => (
                  <li key={b.code}>
                    +{formatPoints(b.maxPoints)}: {b.title}
                  </li>
                ))}
                {set.deductions.items.map((d) => (
                  <li key={d.code}>
                    −{formatPoints(d.maxPoints)}: {d.title}
                  </li>
                ))}
              </ul>
            </div>
            <div className="card">
              <h3 className="card-title">Mức xếp loại</h3>
              <ul>
                {[...set.classes]
                  .sort((a, b) => b.from - a.from)
                  .map((c) => (
                    <li key={c.code}>
                      <strong>{c.label}</strong>: {rangeText(c)}
                    </li>
                  ))}
              </ul>
            </div>
          </div>
        </div>
      ) : (
        <div className="empty">Chưa có bộ tiêu chí nào.</div>
      )}
    </div>
  );
}
