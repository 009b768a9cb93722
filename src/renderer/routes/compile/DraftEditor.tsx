// The draft of the consolidated report: each section's words with {{placeholders}} beside the
// preview with the figures filled in; the words typed are kept when the figures refresh.
import type { DraftScreen } from '../../../shared/contract/compile';
import { useCallback, useMemo, type Dispatch, type SetStateAction } from 'react';
import { ChipEditor, chipLabel, type ChipInfo } from './ChipEditor';

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
  view: DraftScreen;
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
  const names = useMemo(
    () => new Map(view.compile.current.indicators.map((i) => [i.code, i.name])),
    [view.compile.current.indicators],
  );
  const chip = useCallback(
    (key: string): ChipInfo => ({ label: chipLabel(key, names), value: view.compile.placeholders[key] ?? '' }),
    [names, view.compile.placeholders],
  );
  const edit = (number: string, text: string) => {
    setTexts((t) => ({ ...t, [number]: text }));
    setDirty(true);
  };
  return (
    <div className="cp-draft" aria-label="Dự thảo báo cáo">
      <div className="cp-draft-bar">
        <span className="muted small">
          Số liệu hiện trong ô màu (rê chuột để xem tên chỉ số): không gõ vào được, tự cập nhật khi số liệu thay đổi;
          phần chữ bạn sửa được giữ lại khi cập nhật.
        </span>
        <button disabled={!!busy} onClick={() => void refresh()}>
          Cập nhật số liệu
        </button>
        <button className="primary" disabled={!!busy || !dirty} onClick={() => void saveDraft()}>
          Lưu dự thảo
        </button>
      </div>
      <div className="field cp-title">
        <span className="field-label">Trích yếu</span>
        <ChipEditor
          label="Trích yếu"
          name="draft-title"
          value={title}
          chip={chip}
          onChange={(text) => {
            setTitle(text.replace(/\n/g, ' '));
            setDirty(true);
          }}
        />
        <span className="field-hint">Xem trước: {view.rendered.title}</span>
      </div>
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
            {s.suggestions && s.suggestions.length > 0 && (
              <div className="cp-suggestions" aria-label={`Kiến nghị gửi chính cơ quan mục ${s.number}`}>
                <div className="small">
                  Kiến nghị các đơn vị gửi chính cơ quan mình (không tự đưa vào báo cáo gửi cấp trên):
                </div>
                <ul>
                  {s.suggestions.map((line) => {
                    const added = (texts[s.number] ?? '').includes(line);
                    return (
                      <li key={line}>
                        <span>{line.replace(/^- /, '')}</span>{' '}
                        <button
                          type="button"
                          disabled={added}
                          onClick={() =>
                            edit(s.number, [(texts[s.number] ?? '').trimEnd(), line].filter(Boolean).join('\n'))
                          }
                        >
                          {added ? 'Đã đưa vào mục' : 'Đưa vào mục này'}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}
            {s.hasText && (
              <div className="cp-edit">
                <ChipEditor
                  label={`Nội dung mục ${s.number || 'mở đầu'}`}
                  name={`section-${s.number || 'mo-dau'}`}
                  value={texts[s.number] ?? ''}
                  chip={chip}
                  onChange={(text) => edit(s.number, text)}
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
