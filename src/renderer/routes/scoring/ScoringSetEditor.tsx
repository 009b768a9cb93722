// The form for a criteria set: groups and criteria with their maximums, sub-criteria, guidance and
// evidence, bonus with its cap, deductions, classes. What is typed is checked live by the same
// rules as the service (the contract's zod schema, then checkCriteriaSet): no second validator.
import { groupFields } from './SetGroupFields';
import { useMemo, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { criteriaSetInput } from '../../../shared/contract/scoring';
import { formatPoints } from '../../../shared/domain/scoring';
import type { CriteriaSet } from '../../../shared/model/scoring';
import { Draft, draftOf, rawOf, draftProblems, sum } from './set-draft';

export function CriteriaSetForm({
  set,
  onClose,
  onSaved,
  onJson,
}: {
  set: CriteriaSet;
  onClose: () => void;
  onSaved: (r: { set: CriteriaSet; newVersion: boolean }) => void;
  onJson: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(set));
  const [serverError, setServerError] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const problems = useMemo(() => draftProblems(draft), [draft]);
  const byField = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const p of problems) m.set(p.field, [...(m.get(p.field) ?? []), p.message]);
    return m;
  }, [problems]);
  const err = (field: string): string | undefined => byField.get(field)?.join(' ');
  const edit = (fn: (d: Draft) => void) =>
    setDraft((d) => {
      const n = structuredClone(d);
      fn(n);
      return n;
    });

  const input = (
    field: string,
    value: string,
    onChange: (v: string) => void,
    opts: { label: string; className?: string; placeholder?: string; disabled?: boolean } = { label: '' },
  ) => (
    <input
      name={field}
      aria-label={opts.label}
      className={`${opts.className ?? ''}${err(field) ? ' invalid' : ''}`}
      title={err(field)}
      value={value}
      placeholder={opts.placeholder}
      disabled={opts.disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  const remove = (label: string, fn: () => void) => (
    <button type="button" className="link danger-text" aria-label={label} title={label} onClick={fn}>
      ×
    </button>
  );

  const save = async () => {
    const parsed = criteriaSetInput.safeParse(rawOf(draft, Number.NaN));
    if (!parsed.success || problems.length > 0) return;
    setSaving(true);
    try {
      onSaved(await call('scoring.sets.save', { id: set.id, content: parsed.data, expectedUpdatedAt: set.updatedAt }));
    } catch (e) {
      const x = e as { data?: { details?: { message: string }[] } };
      setServerError(x.data?.details?.length ? x.data.details.map((d) => d.message) : [errorMessage(e)]);
    } finally {
      setSaving(false);
    }
  };

  const groupSum = sum(draft.groups.map((g) => g.maxPoints));
  const items = (kind: 'bonus' | 'deductions', label: string) => (
    <table className="data se-table">
      <thead>
        <tr>
          <th>Mã</th>
          <th>Nội dung</th>
          <th className="num">Tối đa</th>
          <th>Hướng dẫn</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {draft[kind].items.map((it, i) => {
          const f = `${kind}.items[${i}]`;
          return (
            <tr key={i}>
              <td>
                {input(`${f}.code`, it.code, (v) => edit((d) => void (d[kind].items[i]!.code = v)), {
                  label: `Mã ${label} ${i + 1}`,
                  className: 'se-code',
                })}
              </td>
              <td>
                {input(`${f}.title`, it.title, (v) => edit((d) => void (d[kind].items[i]!.title = v)), {
                  label: `Nội dung ${label} ${i + 1}`,
                })}
              </td>
              <td>
                {input(`${f}.maxPoints`, it.maxPoints, (v) => edit((d) => void (d[kind].items[i]!.maxPoints = v)), {
                  label: `Điểm tối đa ${label} ${i + 1}`,
                  className: 'se-num',
                })}
              </td>
              <td>
                {input(`${f}.guidance`, it.guidance, (v) => edit((d) => void (d[kind].items[i]!.guidance = v)), {
                  label: `Hướng dẫn ${label} ${i + 1}`,
                })}
              </td>
              <td>{remove(`Xóa ${label} ${it.code}`, () => edit((d) => void d[kind].items.splice(i, 1)))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  const allErrors = [...problems.map((p) => p.message), ...serverError];
  return (
    <Modal title={`Sửa bộ tiêu chí “${set.name}”`} onClose={onClose} busy={saving} wide guardEdits>
      <form
        className="se-form"
        aria-label="Bộ tiêu chí"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {set.frozen ? (
          <p className="warn-text small">
            Bộ này đã được dùng để chấm điểm: lưu sẽ tạo phiên bản mới, các đợt cũ giữ phiên bản {set.version}.
          </p>
        ) : null}
        <fieldset className="form-grid se-general">
          <legend>Thông tin chung</legend>
          <Field label="Mã bộ tiêu chí" hint="Không đổi được; giữ nguyên qua các phiên bản.">
            <input name="code" value={draft.code} disabled />
          </Field>
          <Field label="Tên bộ tiêu chí" required error={err('name')}>
            <input name="name" value={draft.name} onChange={(e) => edit((d) => void (d.name = e.target.value))} />
          </Field>
          <Field label="Tỉnh, nơi ban hành" error={err('province')}>
            <input
              name="province"
              value={draft.province}
              onChange={(e) => edit((d) => void (d.province = e.target.value))}
            />
          </Field>
          <Field label="Năm" required error={err('year')}>
            <input
              name="year"
              inputMode="numeric"
              value={draft.year}
              onChange={(e) => edit((d) => void (d.year = e.target.value))}
            />
          </Field>
          <Field
            label="Thang điểm"
            required
            error={err('totalPoints')}
            hint={`Tổng điểm tối đa các nhóm: ${formatPoints(groupSum)}`}
          >
            <input
              name="totalPoints"
              inputMode="decimal"
              value={draft.totalPoints}
              onChange={(e) => edit((d) => void (d.totalPoints = e.target.value))}
            />
          </Field>
          <div className="span-all">
            <Field label="Mô tả" error={err('description')}>
              <textarea
                name="description"
                rows={2}
                value={draft.description}
                onChange={(e) => edit((d) => void (d.description = e.target.value))}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>
            Nhóm và tiêu chí{' '}
            <span className={`small ${err('totalPoints') ? 'danger-text' : 'muted'}`}>
              (tổng {formatPoints(groupSum)} / thang điểm {draft.totalPoints || '—'})
            </span>
          </legend>
          {err('groups') ? <div className="danger-text small">{err('groups')}</div> : null}
          {groupFields({ draft, edit, input, remove, err })}
          <button
            type="button"
            onClick={() => edit((d) => void d.groups.push({ code: '', title: '', maxPoints: '', criteria: [] }))}
          >
            + Nhóm tiêu chí
          </button>
        </fieldset>

        <fieldset>
          <legend>Điểm thưởng</legend>
          <label className="se-inline">
            Tổng điểm thưởng tối đa{' '}
            {input('bonus.cap', draft.bonus.cap, (v) => edit((d) => void (d.bonus.cap = v)), {
              label: 'Điểm thưởng tối đa',
              className: 'se-num',
            })}
          </label>
          {err('bonus.cap') ? <div className="danger-text small">{err('bonus.cap')}</div> : null}
          {items('bonus', 'mục thưởng')}
          <button
            type="button"
            className="link"
            onClick={() => edit((d) => void d.bonus.items.push({ code: '', title: '', maxPoints: '', guidance: '' }))}
          >
            + Mục thưởng
          </button>
        </fieldset>

        <fieldset>
          <legend>Điểm trừ</legend>
          <label className="se-inline">
            Tổng điểm trừ tối đa{' '}
            {input('deductions.cap', draft.deductions.cap, (v) => edit((d) => void (d.deductions.cap = v)), {
              label: 'Điểm trừ tối đa',
              className: 'se-num',
              placeholder: 'không giới hạn',
            })}
          </label>
          {items('deductions', 'mục trừ điểm')}
          <button
            type="button"
            className="link"
            onClick={() =>
              edit((d) => void d.deductions.items.push({ code: '', title: '', maxPoints: '', guidance: '' }))
            }
          >
            + Mục trừ điểm
          </button>
        </fieldset>

        <fieldset>
          <legend>Mức xếp loại</legend>
          <p className="muted small">
            Mỗi mức gồm tổng điểm từ cận dưới (tính cả) đến dưới cận trên; để trống cận trên ở mức cao nhất. Các mức
            phải phủ kín từ 0 điểm, không chồng lên nhau.
          </p>
          <table className="data se-table" aria-label="Mức xếp loại">
            <thead>
              <tr>
                <th>Mã</th>
                <th>Tên mức</th>
                <th className="num">Từ</th>
                <th className="num">Đến dưới</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.classes.map((c, i) => {
                const f = `classes[${i}]`;
                return (
                  <tr key={i}>
                    <td>
                      {input(`${f}.code`, c.code, (v) => edit((d) => void (d.classes[i]!.code = v)), {
                        label: `Mã mức ${i + 1}`,
                        className: 'se-code',
                      })}
                    </td>
                    <td>
                      {input(`${f}.label`, c.label, (v) => edit((d) => void (d.classes[i]!.label = v)), {
                        label: `Tên mức ${i + 1}`,
                      })}
                    </td>
                    <td>
                      {input(`${f}.from`, c.from, (v) => edit((d) => void (d.classes[i]!.from = v)), {
                        label: `Cận dưới mức ${i + 1}`,
                        className: 'se-num',
                      })}
                    </td>
                    <td>
                      {input(`${f}.to`, c.to, (v) => edit((d) => void (d.classes[i]!.to = v)), {
                        label: `Cận trên mức ${i + 1}`,
                        className: 'se-num',
                        placeholder: 'trở lên',
                      })}
                    </td>
                    <td>{remove(`Xóa mức ${c.label}`, () => edit((d) => void d.classes.splice(i, 1)))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {err('classes') ? <div className="danger-text small">{err('classes')}</div> : null}
          <button
            type="button"
            className="link"
            onClick={() => edit((d) => void d.classes.push({ code: '', label: '', from: '', to: '' }))}
          >
            + Mức xếp loại
          </button>
        </fieldset>

        <div className="se-footer">
          {allErrors.length ? (
            <div className="form-error se-problems" role="alert">
              <strong>Chưa lưu được: {allErrors.length} lỗi</strong>
              <ul>
                {allErrors.slice(0, 12).map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="ok-text small se-problems">
              Bộ tiêu chí hợp lệ: điểm tối đa cộng đủ thang điểm, các mức xếp loại liền nhau.
            </div>
          )}
          <div className="form-actions se-actions">
            <button type="button" className="link" onClick={onJson}>
              Sửa dạng JSON (nâng cao)…
            </button>
            <button type="button" onClick={onClose}>
              Hủy
            </button>
            <button type="submit" className="primary" disabled={problems.length > 0 || saving}>
              {set.frozen ? 'Lưu thành phiên bản mới' : 'Lưu'}
            </button>
          </div>
        </div>
      </form>
    </Modal>
  );
}
