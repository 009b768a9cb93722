// Cài đặt → Cơ quan: each saved signer's signature image and the agency's seal (transparent PNGs),
// placed only on copies that are not signed digitally, when an export asks for them.
import { useCallback, useEffect, useState } from 'react';
import { FilePick } from '../../components/FilePick';
import { Confirm } from '../../components/Modal';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import type { Signer } from '../../../shared/model/agency';
import type { StoredImageInfo } from '../../../shared/contract/doc-templates';
import { formatNumber } from '../../../shared/format';

export function SignatureImages() {
  const notice = useNotice();
  const tryCall = useCall();
  const [signers, setSigners] = useState<Signer[]>([]);
  const [seal, setSeal] = useState<StoredImageInfo | null>(null);
  const [unsigning, setUnsigning] = useState<string | null>(null);
  const reload = useCallback(() => {
    void tryCall(() => call('agency.get').then((a) => setSigners(a.signers)));
    void tryCall(() => call('docTemplates.images').then((list) => setSeal(list.find((i) => i.key === 'seal') ?? null)));
  }, [tryCall]);
  useEffect(reload, [reload]);
  const run = (fn: () => Promise<unknown>, ok: string) =>
    tryCall(async () => {
      await fn();
      notice('ok', ok);
      reload();
    });
  const bytes = async (file: File) => ({ fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
  const pick = (label: string, onFile: (f: File) => void) => (
    <FilePick
      className="dt-file-button"
      inputLabel={label}
      accept=".png,image/png"
      onFiles={(files) => onFile(files[0]!)}
    >
      Chọn ảnh…
    </FilePick>
  );
  return (
    <div className="card stack" style={{ marginTop: 16 }} aria-label="Ảnh chữ ký và con dấu">
      <h2 className="card-title">Ảnh chữ ký và con dấu (cho bản không ký số)</h2>
      <p className="small muted">
        Ảnh PNG nền trong suốt: chữ ký màu xanh của từng người ký, con dấu màu đỏ đúng kích thước thật. Chỉ chèn vào văn
        bản khi chọn “kèm ảnh chữ ký, con dấu” lúc xuất; bản PDF để ký số không cần ảnh.
      </p>
      {signers.length === 0 ? <p className="muted">Lưu người ký trước, rồi chọn ảnh chữ ký của từng người.</p> : null}
      {signers.map((s) => (
        <div key={s.id} className="dt-image-row">
          <strong>{s.fullName}</strong>
          <span className="small muted">
            {s.signatureImage
              ? `Đã có ảnh chữ ký (${s.signatureImage.widthPx} × ${s.signatureImage.heightPx} điểm ảnh)`
              : 'Chưa có ảnh chữ ký'}
          </span>
          {pick(
            `Chọn ảnh chữ ký của ${s.fullName}`,
            (f) =>
              void run(
                async () => call('agency.saveSignature', { fullName: s.fullName, ...(await bytes(f)) }),
                `Đã lưu ảnh chữ ký của ${s.fullName}.`,
              ),
          )}
          {s.signatureImage ? (
            <button type="button" className="link danger-text" onClick={() => setUnsigning(s.fullName)}>
              Xóa ảnh
            </button>
          ) : null}
        </div>
      ))}
      <div className="dt-image-row">
        <strong>Con dấu của cơ quan</strong>
        <span className="small muted">
          {seal
            ? `Đã có ảnh con dấu (${formatNumber(seal.widthMm, 1)} × ${formatNumber(seal.heightMm, 1)} mm)`
            : 'Chưa có ảnh con dấu'}
        </span>
        {pick(
          'Chọn ảnh con dấu',
          (f) =>
            void run(
              async () => call('docTemplates.saveImage', { key: 'seal', ...(await bytes(f)) }),
              'Đã lưu ảnh con dấu.',
            ),
        )}
      </div>
      {unsigning !== null ? (
        <Confirm
          title="Xóa ảnh chữ ký"
          message={`Xóa ảnh chữ ký của ${unsigning}? Các văn bản đã xuất không đổi; văn bản xuất sau sẽ không có ảnh này.`}
          confirmLabel="Xóa ảnh"
          onCancel={() => setUnsigning(null)}
          onConfirm={() =>
            run(() => call('agency.deleteSignature', { fullName: unsigning }), 'Đã xóa ảnh chữ ký.').then(() =>
              setUnsigning(null),
            )
          }
        />
      ) : null}
    </div>
  );
}
