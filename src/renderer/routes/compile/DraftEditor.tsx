// The draft of the consolidated report: each section's words with {{placeholders}} beside the
// preview with the figures filled in; the words typed are kept when the figures refresh.
import type { DraftView } from '../../../shared/contract/compile';
import type { Dispatch, SetStateAction } from 'react';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function DraftEditor({
  view,
  texts,
  setTexts,
  title,
  setTitle,
  dirty,
  setDirty,
  busy,
  refresh,
  saveDraft,
}: {
  view: DraftView;
  texts: Record<string, string>;
  setTexts: Dispatch<SetStateAction<Record<string, string>>>;
  title: string;
  setTitle: (title: string) => void;
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
  busy: string;
  refresh: () => Promise<void>;
  saveDraft: () => Promise<unknown>;
}) {
  return (
    <div className="cp-draft" aria-label="Dự thảo báo cáo">
      <div className="cp-draft-bar">
        <span className="muted small">
          Số liệu là các ô {'{{MÃ}}'} (ví dụ {'{{DT01}}'}, {'{{DT01.delta}}'}): giữ nguyên để số liệu tự cập nhật; phần
          chữ bạn sửa được giữ lại khi cập nhật.
        </span>
        <button disabled={!!busy} onClick={() => void refresh()}>
          Cập nhật số liệu
        </button>
        <button className="primary" disabled={!!busy || !dirty} onClick={() => void saveDraft()}>
          Lưu dự thảo
        </button>
      </div>
      <label className="field">
        <span className="field-label">Trích yếu</span>
        <input
          name="draft-title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setDirty(true);
          }}
        />
        <span className="field-hint">Xem trước: {view.rendered.title}</span>
      </label>
      {view.draft.sections.map((s) => {
        const r = view.rendered.sections.find((x) => x.number === s.number);
        return (
          <section
            key={s.number || 'mo-dau'}
            className={`cp-section level-${s.level}`}
            data-section={s.number || 'mo-dau'}
          >
            <h3>{s.number ? `${s.number.split('.').pop()}. ${s.title}` : 'Mở đầu'}</h3>
            {s.refreshNote && <div className="cp-refresh-note">{s.refreshNote}</div>}
            {s.hasText && (
              <div className="cp-edit">
                <textarea
                  aria-label={`Nội dung mục ${s.number || 'mở đầu'}`}
                  name={`section-${s.number || 'mo-dau'}`}
                  rows={Math.min(14, Math.max(3, lines(texts[s.number] ?? '').length + 1))}
                  value={texts[s.number] ?? ''}
                  onChange={(e) => {
                    setTexts((t) => ({ ...t, [s.number]: e.target.value }));
                    setDirty(true);
                  }}
                />
                <div className="cp-preview" aria-label={`Xem trước mục ${s.number || 'mở đầu'}`}>
                  {lines(r?.text ?? '').map((l, k) => (
                    <p key={k} className={l.startsWith('- ') ? 'cp-item' : ''}>
                      {l}
                    </p>
                  ))}
                  {r && r.unknown.length > 0 && (
                    <div className="cp-bad small">
                      Không có số liệu cho: {r.unknown.map((u) => `{{${u}}}`).join(', ')}
                    </div>
                  )}
                </div>
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
