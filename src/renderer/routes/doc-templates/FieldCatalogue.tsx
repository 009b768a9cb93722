// Danh mục trường: every field a template may use, with its description, an example and a button
// that copies the tag to paste into Word.
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import type { FieldCatalogue as Catalogue, FieldInfo } from '../../../shared/contract/doc-templates';

/** The tag to paste for a field at this path. */
export function tagFor(f: FieldInfo, path: string): string {
  if (f.kind === 'image') return `{%${path}}`;
  if (f.kind === 'list' || f.kind === 'boolean') return `{#${path}}…{/${path}}`;
  return `{${path}}`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The app's session grants no permissions: fall back to the editing command.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function Rows({ fields, prefix, depth }: { fields: FieldInfo[]; prefix: string; depth: number }) {
  const notice = useNotice();
  return (
    <>
      {fields.map((f) => {
        const path = `${prefix}${f.name}${f.dynamicKey ? '.DT01' : ''}`;
        const tag = f.kind === 'object' ? null : tagFor(f, path);
        return (
          <div key={path} className="dt-field" style={{ paddingLeft: depth * 14 }}>
            <div className="dt-field-head">
              {tag ? <code>{tag}</code> : <strong>{f.label}</strong>}
              {tag ? (
                <button
                  type="button"
                  className="link"
                  aria-label={`Chép thẻ ${tag}`}
                  onClick={() =>
                    void copy(tag).then((ok) => notice(ok ? 'ok' : 'error', ok ? `Đã chép ${tag}` : 'Không chép được.'))
                  }
                >
                  Chép
                </button>
              ) : null}
            </div>
            {tag ? (
              <div className="small muted">
                {f.label}
                {f.example && f.kind !== 'image' && f.kind !== 'list' ? ` — ví dụ: ${f.example}` : ''}
              </div>
            ) : null}
            {f.fields ? (
              <Rows fields={f.fields} prefix={f.kind === 'list' ? '' : `${path}.`} depth={depth + 1} />
            ) : null}
          </div>
        );
      })}
    </>
  );
}

export function FieldCatalogue() {
  const run = useCall();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [source, setSource] = useState<string>('common');
  useEffect(() => {
    void run(() => call('docTemplates.fields').then(setCatalogue));
  }, [run]);
  if (!catalogue) return null;
  return (
    <aside className="card dt-catalogue" aria-label="Danh mục trường">
      <h2>Danh mục trường</h2>
      <p className="small muted">
        Gõ thẻ vào mẫu Word đúng như dưới đây. Vòng lặp trong bảng: đặt {'{#…}'} ở ô đầu và {'{/…}'} ở ô cuối của một
        hàng; lồng hai vòng lặp trong một hàng thì các ô ngoài vòng trong được gộp dọc.
      </p>
      <select aria-label="Nhóm trường" value={source} onChange={(e) => setSource(e.target.value)}>
        {catalogue.sources.map((s) => (
          <option key={s.source} value={s.source}>
            {s.label}
          </option>
        ))}
      </select>
      <div className="dt-field-list">
        <Rows fields={catalogue.fields.filter((f) => f.source === source)} prefix="" depth={0} />
      </div>
    </aside>
  );
}
