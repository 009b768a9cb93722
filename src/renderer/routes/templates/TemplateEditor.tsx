// Editing a template's outline, indicators and rules, with problems shown as typed; a template in
// use is saved as a new version.
import { useMemo, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { Field } from '../../components/Field';
import { checkTemplate } from '../../../shared/domain/rules';
import {
  ACCUMULATIONS,
  AGGREGATION_RULES,
  INDICATOR_TYPES,
  INDICATOR_TYPE_LABELS,
  type Accumulation,
  type AggregationRule,
  type IndicatorType,
  type Template,
  type TemplateContent,
} from '../../../shared/model/template';
import '../../styles/reporting.css';

type Draft = TemplateContent;

export function TemplateEditor({
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

  const [busy, running] = useBusy();
  const save = () =>
    running(async () => {
      try {
        const r = await call('templates.save', {
          id: template.id,
          content: d,
          expectedUpdatedAt: template.updatedAt,
        });
        onSaved(r.template, r.newVersion);
      } catch (err) {
        setError(errorMessage(err));
      }
    });

  return (
    <Modal
      busy={busy}
      title={`Sửa mẫu “${template.name}”${template.frozen ? ' — sẽ lưu thành phiên bản mới' : ''}`}
      onClose={onClose}
      wide
      guardEdits
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
