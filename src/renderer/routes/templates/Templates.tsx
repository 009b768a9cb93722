// Mẫu báo cáo: report templates and their versions. A template a period uses is frozen: saving
// edits makes a new version; copying makes a new template. Problems (unknown codes in rules,
// cycles, rates without numerator) are shown while editing, with the same checks as the service.
import { useCall } from '../../hooks/useCall';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { Confirm, Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { checkTemplate, formatRule, parseRule } from '../../../shared/domain/rules';
import { formatDateShort } from '../../../shared/format';
import {
  ACCUMULATIONS,
  AGGREGATION_LABELS,
  AGGREGATION_RULES,
  INDICATOR_TYPES,
  INDICATOR_TYPE_LABELS,
  type Accumulation,
  type AggregationRule,
  type IndicatorType,
  type Template,
  type TemplateContent,
  type TemplateListItem,
} from '../../../shared/model/template';
import '../../styles/reporting.css';

export function TemplatesScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [list, setList] = useState<TemplateListItem[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [editing, setEditing] = useState<Template | null>(null);
  const [copying, setCopying] = useState<Template | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    await tryCall(async () => {
      const l = await call('templates.list');
      setList(l);
      setSelected((cur) => (cur !== null && l.some((t) => t.id === cur) ? cur : (l[0]?.id ?? null)));
    });
  }, [tryCall]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (selected === null) setTemplate(null);
    else void tryCall(() => call('templates.get', { id: selected }).then(setTemplate));
  }, [selected, list, tryCall]);

  const importFile = async (file: File) => {
    await tryCall(async () => {
      const r = await call('templates.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      notice(
        'ok',
        `Đã nhập mẫu ${r.template.name}, phiên bản ${r.template.version}${r.newVersion ? ' (phiên bản mới vì bản trước đã được dùng)' : ''}.`,
      );
      await reload();
      setSelected(r.template.id);
    });
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">
            <a href="#/ky-bao-cao">Kỳ báo cáo</a> › Mẫu báo cáo
          </div>
          <h1>Mẫu báo cáo</h1>
          <div className="muted small">
            Mẫu đã dùng cho một kỳ báo cáo thì được khóa: sửa sẽ tạo phiên bản mới, các kỳ cũ giữ nguyên mẫu của mình.
          </div>
        </div>
        <div className="toolbar-actions">
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
          <button type="button" onClick={() => fileRef.current?.click()}>
            Nhập từ tệp JSON…
          </button>
        </div>
      </header>
      <div className="rp-split">
        <div className="rp-list" role="listbox" aria-label="Mẫu báo cáo">
          {list.map((t) => (
            <button
              key={t.id}
              type="button"
              role="option"
              aria-selected={t.id === selected}
              className={`rp-item${t.id === selected ? ' active' : ''}`}
              onClick={() => setSelected(t.id)}
            >
              <div className="rp-item-title">{t.name}</div>
              <div className="rp-item-sub">
                {t.code} · phiên bản {t.version}
                {t.isLatest ? ' (mới nhất)' : ''} · {t.sectionCount} mục, {t.indicatorCount} chỉ số
                {t.frozen ? ` · đã khóa, dùng cho ${t.periodCount} kỳ` : ''}
              </div>
            </button>
          ))}
          {list.length === 0 ? <div className="empty">Chưa có mẫu báo cáo.</div> : null}
        </div>
        {template ? (
          <div className="card">
            <div className="screen-header" style={{ marginBottom: 6 }}>
              <div>
                <h2 style={{ margin: 0 }}>{template.name}</h2>
                <div className="small muted">
                  {template.code} · phiên bản {template.version} · cập nhật{' '}
                  {formatDateShort(template.updatedAt.slice(0, 10))}
                  {template.frozen ? ' · đã khóa (đang được dùng)' : ''}
                </div>
              </div>
              <div className="rp-row-actions">
                <button type="button" className="primary" onClick={() => setEditing(template)}>
                  {template.frozen ? 'Sửa (tạo phiên bản mới)' : 'Sửa'}
                </button>
                <button type="button" onClick={() => setCopying(template)}>
                  Sao chép
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void tryCall(() =>
                      call('templates.export', { id: template.id }).then(
                        (r) => r.saved && notice('ok', `Đã xuất mẫu ra ${r.path}.`),
                      ),
                    )
                  }
                >
                  Xuất JSON
                </button>
                <button type="button" className="link danger-text" onClick={() => setDeleting(template)}>
                  Xóa
                </button>
              </div>
            </div>
            {template.description ? <p className="small">{template.description}</p> : null}
            <div className="rp-section">
              <h2>Đề cương</h2>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {template.sections.map((s) => (
                  <li key={s.number} style={{ marginLeft: (s.level - 1) * 16 }}>
                    <strong>{s.number}.</strong> {s.title}
                  </li>
                ))}
              </ul>
            </div>
            <div className="rp-section">
              <h2>Chỉ số ({template.indicators.length})</h2>
              <div className="rp-table-wrap" style={{ maxHeight: 360 }}>
                <table className="rp-table" aria-label="Chỉ số của mẫu">
                  <thead>
                    <tr>
                      <th>Mã</th>
                      <th>Tên</th>
                      <th>Đơn vị tính</th>
                      <th>Kiểu</th>
                      <th>Tổng hợp</th>
                      <th>Theo kỳ</th>
                    </tr>
                  </thead>
                  <tbody>
                    {template.indicators.map((i) => (
                      <tr key={i.code}>
                        <td className="mono">{i.code}</td>
                        <td>{i.name}</td>
                        <td>{i.unit}</td>
                        <td>{INDICATOR_TYPE_LABELS[i.type]}</td>
                        <td>
                          {i.rule === 'RATE' ? `Tỷ lệ = ${i.numerator}/${i.denominator}` : AGGREGATION_LABELS[i.rule]}
                        </td>
                        <td>{i.accumulation === 'cumulative' ? 'Lũy kế từ đầu năm' : 'Trong kỳ'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <div className="rp-section">
              <h2>Quy tắc kiểm tra</h2>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {template.rules.map((r) => {
                  const p = parseRule(r.expression);
                  return (
                    <li key={r.expression}>
                      <span className="mono">{p.ok ? formatRule(p.rule) : r.expression}</span>{' '}
                      {r.message ? <span className="muted small">— {r.message}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        ) : null}
      </div>
      {editing ? (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={(t, newVersion) => {
            setEditing(null);
            notice(
              'ok',
              newVersion
                ? `Mẫu đang được dùng nên đã lưu thành phiên bản mới (${t.version}).`
                : `Đã lưu mẫu “${t.name}”.`,
            );
            void reload().then(() => setSelected(t.id));
          }}
        />
      ) : null}
      {copying ? (
        <CopyDialog
          template={copying}
          onClose={() => setCopying(null)}
          onCopied={(t) => {
            setCopying(null);
            notice('ok', `Đã sao chép thành mẫu “${t.name}”.`);
            void reload().then(() => setSelected(t.id));
          }}
        />
      ) : null}
      {deleting ? (
        <Confirm
          title="Xóa mẫu báo cáo"
          message={`Xóa mẫu “${deleting.name}” (phiên bản ${deleting.version})? Mẫu đang được dùng cho kỳ báo cáo thì không xóa được.`}
          confirmLabel="Xóa"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await tryCall(async () => {
              await call('templates.delete', { id: deleting.id });
              notice('ok', 'Đã xóa mẫu.');
              void reload();
            });
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

function CopyDialog({
  template,
  onClose,
  onCopied,
}: {
  template: Template;
  onClose: () => void;
  onCopied: (t: Template) => void;
}) {
  const [code, setCode] = useState(`${template.code}-ban-sao`);
  const [name, setName] = useState(`${template.name} (bản sao)`);
  const [error, setError] = useState('');
  return (
    <Modal title={`Sao chép mẫu “${template.name}”`} onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          call('templates.copy', { id: template.id, code, name }).then(onCopied, (err) => setError(errorMessage(err)));
        }}
      >
        <Field label="Mã mẫu mới" required hint="Chữ thường không dấu, số, gạch ngang.">
          <input aria-label="Mã mẫu mới" value={code} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <Field label="Tên mẫu mới" required>
          <input aria-label="Tên mẫu mới" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        {error ? <p className="form-error span-all">{error}</p> : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Sao chép
          </button>
        </div>
      </form>
    </Modal>
  );
}

type Draft = TemplateContent;

function TemplateEditor({
  template,
  onClose,
  onSaved,
}: {
  template: Template;
  onClose: () => void;
  onSaved: (t: Template, newVersion: boolean) => void;
}) {
  const [d, setD] = useState<Draft>({
    code: template.code,
    name: template.name,
    description: template.description,
    sections: template.sections.map((s) => ({ ...s })),
    indicators: template.indicators.map((i) => ({ ...i })),
    rules: template.rules.map((r) => ({ ...r })),
  });
  const [error, setError] = useState('');
  const problems = useMemo(() => checkTemplate(d), [d]);
  const setSection = (i: number, patch: Partial<Draft['sections'][number]>) =>
    setD({ ...d, sections: d.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setIndicator = (i: number, patch: Partial<Draft['indicators'][number]>) =>
    setD({ ...d, indicators: d.indicators.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setRule = (i: number, patch: Partial<Draft['rules'][number]>) =>
    setD({ ...d, rules: d.rules.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const remove = <K extends 'sections' | 'indicators' | 'rules'>(k: K, i: number) =>
    setD({ ...d, [k]: d[k].filter((_, j) => j !== i) });

  const save = async () => {
    try {
      const r = await call('templates.save', { id: template.id, content: d });
      onSaved(r.template, r.newVersion);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      title={`Sửa mẫu “${template.name}”${template.frozen ? ' — sẽ lưu thành phiên bản mới' : ''}`}
      onClose={onClose}
      wide
    >
      <div className="form-grid">
        <Field label="Tên mẫu" required>
          <input aria-label="Tên mẫu" value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
        </Field>
        <Field label="Mô tả">
          <input
            aria-label="Mô tả"
            value={d.description}
            onChange={(e) => setD({ ...d, description: e.target.value })}
          />
        </Field>
      </div>
      <div className="rp-section">
        <h2>Đề cương (các mục)</h2>
        <table className="rp-table rp-editor-table">
          <thead>
            <tr>
              <th>Số mục</th>
              <th>Tên mục</th>
              <th>Cấp</th>
              <th>Có nội dung</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.sections.map((s, i) => (
              <tr key={i}>
                <td style={{ width: 80 }}>
                  <input
                    aria-label={`Số mục ${i + 1}`}
                    value={s.number}
                    onChange={(e) => setSection(i, { number: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Tên mục ${i + 1}`}
                    value={s.title}
                    onChange={(e) => setSection(i, { title: e.target.value })}
                  />
                </td>
                <td style={{ width: 70 }}>
                  <select value={s.level} onChange={(e) => setSection(i, { level: Number(e.target.value) })}>
                    <option value={1}>1</option>
                    <option value={2}>2</option>
                    <option value={3}>3</option>
                  </select>
                </td>
                <td style={{ width: 90, textAlign: 'center' }}>
                  <input
                    type="checkbox"
                    style={{ width: 'auto' }}
                    checked={s.hasText}
                    onChange={(e) => setSection(i, { hasText: e.target.checked })}
                  />
                </td>
                <td style={{ width: 40 }}>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Bỏ mục ${s.number}`}
                    onClick={() => remove('sections', i)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() =>
            setD({ ...d, sections: [...d.sections, { number: '', title: '', hint: '', level: 1, hasText: true }] })
          }
        >
          + Thêm mục
        </button>
      </div>
      <div className="rp-section">
        <h2>Chỉ số</h2>
        <div className="rp-table-wrap" style={{ maxHeight: 320 }}>
          <table className="rp-table rp-editor-table">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Tên</th>
                <th>Đơn vị tính</th>
                <th>Kiểu</th>
                <th>Tổng hợp</th>
                <th>Tử số</th>
                <th>Mẫu số</th>
                <th>Theo kỳ</th>
                <th>Nhóm</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((ind, i) => (
                <tr key={i}>
                  <td style={{ width: 80 }}>
                    <input
                      aria-label={`Mã chỉ số ${i + 1}`}
                      value={ind.code}
                      onChange={(e) => setIndicator(i, { code: e.target.value.toUpperCase() })}
                    />
                  </td>
                  <td style={{ minWidth: 220 }}>
                    <input
                      aria-label={`Tên chỉ số ${i + 1}`}
                      value={ind.name}
                      onChange={(e) => setIndicator(i, { name: e.target.value })}
                    />
                  </td>
                  <td style={{ width: 90 }}>
                    <input value={ind.unit} onChange={(e) => setIndicator(i, { unit: e.target.value })} />
                  </td>
                  <td>
                    <select
                      value={ind.type}
                      onChange={(e) => setIndicator(i, { type: e.target.value as IndicatorType })}
                    >
                      {INDICATOR_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {INDICATOR_TYPE_LABELS[t]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      value={ind.rule}
                      onChange={(e) => setIndicator(i, { rule: e.target.value as AggregationRule })}
                    >
                      {AGGREGATION_RULES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td style={{ width: 80 }}>
                    <input
                      disabled={ind.rule !== 'RATE'}
                      value={ind.numerator ?? ''}
                      onChange={(e) => setIndicator(i, { numerator: e.target.value.toUpperCase() || null })}
                    />
                  </td>
                  <td style={{ width: 80 }}>
                    <input
                      disabled={ind.rule !== 'RATE'}
                      value={ind.denominator ?? ''}
                      onChange={(e) => setIndicator(i, { denominator: e.target.value.toUpperCase() || null })}
                    />
                  </td>
                  <td>
                    <select
                      value={ind.accumulation}
                      onChange={(e) => setIndicator(i, { accumulation: e.target.value as Accumulation })}
                    >
                      {ACCUMULATIONS.map((a) => (
                        <option key={a} value={a}>
                          {a === 'cumulative' ? 'Lũy kế' : 'Trong kỳ'}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td style={{ minWidth: 140 }}>
                    <input value={ind.group} onChange={(e) => setIndicator(i, { group: e.target.value })} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon"
                      aria-label={`Bỏ chỉ số ${ind.code}`}
                      onClick={() => remove('indicators', i)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          onClick={() =>
            setD({
              ...d,
              indicators: [
                ...d.indicators,
                {
                  code: '',
                  name: '',
                  unit: '',
                  type: 'count',
                  rule: 'SUM',
                  numerator: null,
                  denominator: null,
                  accumulation: 'period',
                  group: d.indicators.at(-1)?.group ?? '',
                },
              ],
            })
          }
        >
          + Thêm chỉ số
        </button>
      </div>
      <div className="rp-section">
        <h2>Quy tắc kiểm tra</h2>
        <p className="small muted">
          Ví dụ: DT03 &lt;= DT02 · DN03 &lt;= DN01 + DN02. Chỉ dùng mã chỉ số, số, + − ( ) và một phép so sánh.
        </p>
        {d.rules.map((r, i) => (
          <div key={i} className="rp-row-actions" style={{ marginBottom: 4 }}>
            <input
              aria-label={`Quy tắc ${i + 1}`}
              style={{ width: 260 }}
              value={r.expression}
              onChange={(e) => setRule(i, { expression: e.target.value })}
            />
            <input
              aria-label={`Giải thích quy tắc ${i + 1}`}
              style={{ flex: 1, width: 'auto' }}
              value={r.message}
              placeholder="Giải thích khi vi phạm"
              onChange={(e) => setRule(i, { message: e.target.value })}
            />
            <button
              type="button"
              className="icon"
              aria-label={`Bỏ quy tắc ${i + 1}`}
              onClick={() => remove('rules', i)}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setD({ ...d, rules: [...d.rules, { expression: '', message: '' }] })}>
          + Thêm quy tắc
        </button>
      </div>
      {problems.length ? (
        <div className="rp-problems" role="alert" aria-label="Lỗi của mẫu">
          Mẫu chưa hợp lệ:
          <ul>
            {problems.slice(0, 12).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Hủy
        </button>
        <button type="button" className="primary" disabled={problems.length > 0} onClick={() => void save()}>
          {template.frozen ? 'Lưu thành phiên bản mới' : 'Lưu'}
        </button>
      </div>
    </Modal>
  );
}
