// Cài đặt → Cơ quan: the agency printed at the top of every document, and its signers.
import { useEffect, useState, type FormEvent } from 'react';
import { call, ApiError, errorMessage } from '../../lib/api';
import { Field, fieldErrors } from '../../components/Field';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Confirm } from '../../components/Modal';
import { AUTHORITY_PREFIXES, AUTHORITY_PREFIX_LABELS, type AuthorityPrefix } from '../../../shared/model/agency';
import { SignatureImages } from './SignatureImages';

interface SignerDraft {
  key: number;
  fullName: string;
  title: string;
  authorityPrefix: AuthorityPrefix;
  authorityLine: string;
  isDefault: boolean;
}

interface Draft {
  parentName: string;
  name: string;
  abbreviation: string;
  place: string;
  draftingUnit: string;
  signers: SignerDraft[];
}

const upper = (v: string) => v.toLocaleUpperCase('vi');
let nextKey = 1;

/** Client-side checks, the same rules the main process enforces. */
function validate(d: Draft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = 'Tên cơ quan không được để trống.';
  if (!d.abbreviation.trim()) e.abbreviation = 'Chữ viết tắt không được để trống.';
  else if (!/^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u.test(d.abbreviation.trim()))
    e.abbreviation = 'Chỉ gồm chữ IN HOA và số, không dấu cách (ví dụ: SNV).';
  if (!d.place.trim()) e.place = 'Địa danh không được để trống.';
  d.signers.forEach((s, i) => {
    if (!s.fullName.trim()) e[`signers.${i}.fullName`] = 'Nhập họ và tên người ký.';
    if (!s.title.trim()) e[`signers.${i}.title`] = 'Nhập chức vụ.';
    if (s.authorityPrefix && !s.authorityLine.trim())
      e[`signers.${i}.authorityLine`] = `Ghi dòng đứng sau “${s.authorityPrefix}” (ví dụ: GIÁM ĐỐC).`;
  });
  return e;
}

export function AgencySettings() {
  const notice = useNotice();
  const tryCall = useCall();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [removeIndex, setRemoveIndex] = useState<number | null>(null);
  // the moment of the agency as shown: a save over someone else's newer one is refused
  const [seen, setSeen] = useState<string | null>(null);

  useEffect(() => {
    tryCall(() =>
      call('agency.get').then((a) => {
        setSeen(a.updatedAt);
        setDraft({
          parentName: a.parentName,
          name: a.name,
          abbreviation: a.abbreviation,
          place: a.place,
          draftingUnit: a.draftingUnit,
          signers: a.signers.map((s) => ({
            key: nextKey++,
            fullName: s.fullName,
            title: s.title,
            authorityPrefix: s.authorityPrefix,
            authorityLine: s.authorityLine,
            isDefault: s.isDefault,
          })),
        });
      }),
    );
  }, [tryCall]);

  if (!draft)
    return (
      <section className="screen">
        <p className="muted">Đang tải…</p>
      </section>
    );

  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setDirty(true);
  };
  const setSigner = (i: number, patch: Partial<SignerDraft>) => {
    const signers = draft.signers.map((s, j) =>
      j === i ? { ...s, ...patch } : patch.isDefault ? { ...s, isDefault: false } : s,
    );
    set({ signers });
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate(draft);
    setErrors(e);
    if (Object.keys(e).length > 0) {
      notice('error', 'Chưa lưu: còn trường chưa hợp lệ (xem các ô tô đỏ).');
      return;
    }
    setSaving(true);
    try {
      const saved = await call('agency.save', {
        expectedUpdatedAt: seen,
        parentName: draft.parentName,
        name: draft.name,
        abbreviation: draft.abbreviation,
        place: draft.place,
        draftingUnit: draft.draftingUnit,
        signers: draft.signers.map(({ key: _key, ...s }) => s),
      });
      setSeen(saved.updatedAt);
      setDirty(false);
      notice('ok', 'Đã lưu thông tin cơ quan.');
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrors(err.data.details));
      notice('error', errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Cơ quan</h1>
        </div>
        <span className="muted">{dirty ? 'Có thay đổi chưa lưu' : ''}</span>
      </header>
      <form className="card form-grid" onSubmit={submit} noValidate aria-label="Thông tin cơ quan">
        <h2 className="card-title">Thông tin in ở đầu văn bản</h2>
        <Field
          label="Cơ quan chủ quản"
          hint="VIẾT IN HOA, ví dụ: ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"
          error={errors.parentName}
        >
          <input
            name="parentName"
            value={draft.parentName}
            onChange={(e) => set({ parentName: upper(e.target.value) })}
          />
        </Field>
        <Field label="Tên cơ quan ban hành" required hint="VIẾT IN HOA, ví dụ: SỞ NỘI VỤ" error={errors.name}>
          <input name="name" value={draft.name} onChange={(e) => set({ name: upper(e.target.value) })} />
        </Field>
        <Field
          label="Chữ viết tắt trong ký hiệu văn bản"
          required
          hint="Ví dụ: SNV (trong Số: 05/BC-SNV)"
          error={errors.abbreviation}
        >
          <input
            name="abbreviation"
            value={draft.abbreviation}
            onChange={(e) => set({ abbreviation: upper(e.target.value).replace(/\s/g, '') })}
          />
        </Field>
        <Field label="Địa danh ghi ở dòng ngày tháng" required hint="Ví dụ: Quảng Nam" error={errors.place}>
          <input name="place" value={draft.place} onChange={(e) => set({ place: e.target.value })} />
        </Field>
        <Field label="Đơn vị soạn thảo (dòng “Lưu: VT, …”)" hint="Ví dụ: CTTN" error={errors.draftingUnit}>
          <input
            name="draftingUnit"
            value={draft.draftingUnit}
            onChange={(e) => set({ draftingUnit: e.target.value })}
          />
        </Field>

        <h2 className="card-title span-all">Người ký</h2>
        <div className="span-all signers">
          {draft.signers.length === 0 ? (
            <p className="muted">Chưa có người ký. Thêm ít nhất một người để xuất văn bản.</p>
          ) : null}
          {draft.signers.map((s, i) => (
            <fieldset key={s.key} className="signer" aria-label={`Người ký ${i + 1}`}>
              <Field label="Họ và tên" required error={errors[`signers.${i}.fullName`]}>
                <input
                  name={`signer-${i}-fullName`}
                  value={s.fullName}
                  onChange={(e) => setSigner(i, { fullName: e.target.value })}
                />
              </Field>
              <Field label="Tiền tố thẩm quyền" error={errors[`signers.${i}.authorityPrefix`]}>
                <select
                  name={`signer-${i}-prefix`}
                  value={s.authorityPrefix}
                  onChange={(e) => setSigner(i, { authorityPrefix: e.target.value as AuthorityPrefix })}
                >
                  {AUTHORITY_PREFIXES.map((p) => (
                    <option key={p} value={p}>
                      {AUTHORITY_PREFIX_LABELS[p]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Dòng sau tiền tố" hint="Ví dụ: GIÁM ĐỐC" error={errors[`signers.${i}.authorityLine`]}>
                <input
                  name={`signer-${i}-authorityLine`}
                  value={s.authorityLine}
                  disabled={!s.authorityPrefix}
                  onChange={(e) => setSigner(i, { authorityLine: upper(e.target.value) })}
                />
              </Field>
              <Field label="Chức vụ" required hint="Ví dụ: PHÓ GIÁM ĐỐC" error={errors[`signers.${i}.title`]}>
                <input
                  name={`signer-${i}-title`}
                  value={s.title}
                  onChange={(e) => setSigner(i, { title: upper(e.target.value) })}
                />
              </Field>
              <label className="check">
                <input
                  type="radio"
                  name="default-signer"
                  checked={s.isDefault}
                  onChange={() => setSigner(i, { isDefault: true })}
                />{' '}
                Mặc định
              </label>
              <div className="signer-preview" aria-label="Xem trước khối chữ ký">
                {s.authorityPrefix ? <div>{`${s.authorityPrefix} ${s.authorityLine}`}</div> : null}
                <div>{s.title || 'CHỨC VỤ'}</div>
                <div className="sig-space" />
                <div>{s.fullName || 'Họ và tên'}</div>
              </div>
              <button type="button" className="link danger-text" onClick={() => setRemoveIndex(i)}>
                Xóa người ký
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() =>
              set({
                signers: [
                  ...draft.signers,
                  {
                    key: nextKey++,
                    fullName: '',
                    title: '',
                    authorityPrefix: '',
                    authorityLine: '',
                    isDefault: draft.signers.length === 0,
                  },
                ],
              })
            }
          >
            + Thêm người ký
          </button>
        </div>
        <div className="form-actions span-all">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Đang lưu…' : 'Lưu'}
          </button>
        </div>
      </form>
      <SignatureImages key={saving ? 'saving' : 'saved'} />
      {removeIndex !== null ? (
        <Confirm
          title="Xóa người ký"
          message={`Xóa người ký “${draft.signers[removeIndex]?.fullName || 'chưa đặt tên'}”? Thay đổi chỉ có hiệu lực khi bấm Lưu.`}
          confirmLabel="Xóa"
          onCancel={() => setRemoveIndex(null)}
          onConfirm={() => {
            set({ signers: draft.signers.filter((_, j) => j !== removeIndex) });
            setRemoveIndex(null);
          }}
        />
      ) : null}
    </section>
  );
}
