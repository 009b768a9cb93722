// One criterion's row of a unit's score sheet: self score and note, evidence files, appraised
// score and the reason required when it differs from the self score.
import { call } from '../../lib/api';
import { FilePick } from '../../components/FilePick';
import { formatPoints } from '../../../shared/domain/scoring';
import type { Evidence, UnitScoring } from '../../../shared/model/scoring';
import type { Draft } from './score-drafts';

export interface RowContext {
  drafts: Record<string, Draft>;
  sheet: UnitScoring;
  /** Cells that do not read as points, by "code:field". */
  bad: Record<string, string>;
  /** What the main process refused, by criterion code. */
  problems: Record<string, string>;
  locked: boolean;
  change: (code: string, key: keyof Draft, value: string) => void;
  /** Asks before an evidence file is taken off the sheet (SheetDialogs.RemoveEvidenceConfirm). */
  askRemove: (e: Evidence) => void;
  attach: (code: string, files: readonly File[] | null) => Promise<void>;
  tryCall: <T>(work: () => Promise<T>) => Promise<T | undefined>;
}

export function scoreRow(
  ctx: RowContext,
  code: string,
  title: string,
  max: number,
  hint: string,
  evidenceHint: string,
) {
  const { drafts, sheet, bad, problems, locked, change, askRemove, attach, tryCall } = ctx;
  const d = drafts[code]!;
  const ev = sheet.evidence.filter((e) => e.itemCode === code);
  const err = (k: string): string | undefined => bad[`${code}:${k}`];
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
              onClick={() => void tryCall(() => call('scoring.evidence.open', { evidenceId: e.id }))}
            >
              {e.fileName}
            </button>
            {!locked ? (
              <button
                type="button"
                className="link danger-text"
                aria-label={`Bỏ ${e.fileName}`}
                onClick={() => askRemove(e)}
              >
                ×
              </button>
            ) : null}
          </div>
        ))}
        {!locked ? (
          <FilePick
            className="link sc-attach"
            title={evidenceHint || 'Đính kèm minh chứng'}
            inputLabel={`Minh chứng ${code}`}
            multiple
            onFiles={(files) => void attach(code, files)}
          >
            + Minh chứng
          </FilePick>
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
}
