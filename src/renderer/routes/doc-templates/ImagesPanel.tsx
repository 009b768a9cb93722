// Ảnh chữ ký và con dấu for {%signature} and {%seal}: transparent PNGs, kept once for all templates.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Confirm } from '../../components/Modal';
import { FilePick } from '../../components/FilePick';
import { IMAGE_KEYS, type ImageKey, type StoredImageInfo } from '../../../shared/contract/doc-templates';
import { formatNumber } from '../../../shared/format';

const LABEL: Record<ImageKey, string> = { signature: 'Chữ ký ({%signature})', seal: 'Con dấu ({%seal})' };

export function ImagesPanel() {
  const notice = useNotice();
  const run = useCall();
  const [images, setImages] = useState<StoredImageInfo[]>([]);
  const [removing, setRemoving] = useState<ImageKey | null>(null);
  const reload = useCallback(() => void run(() => call('docTemplates.images').then(setImages)), [run]);
  useEffect(reload, [reload]);
  const upload = (key: ImageKey, file: File) =>
    run(async () => {
      await call('docTemplates.saveImage', {
        key,
        fileName: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
      notice('ok', `Đã lưu ảnh ${LABEL[key].toLocaleLowerCase('vi')}.`);
      reload();
    });
  return (
    <div className="rp-section">
      <h2>Ảnh chữ ký, con dấu</h2>
      <p className="small muted">Ảnh PNG nền trong suốt. Kích thước in lấy theo độ phân giải ghi trong tệp ảnh.</p>
      {IMAGE_KEYS.map((key) => {
        const img = images.find((i) => i.key === key);
        return (
          <div key={key} className="dt-image-row">
            <strong>{LABEL[key]}</strong>
            <span className="small muted">
              {img
                ? `${img.fileName} · ${formatNumber(img.widthMm, 1)} × ${formatNumber(img.heightMm, 1)} mm`
                : 'chưa có (chỗ đặt ảnh sẽ để trống)'}
            </span>
            <FilePick
              className="dt-file-button"
              inputLabel={`Ảnh ${LABEL[key]}`}
              accept=".png,image/png"
              onFiles={(files) => void upload(key, files[0]!)}
            >
              Chọn ảnh…
            </FilePick>
            {img ? (
              <button type="button" className="link danger-text" onClick={() => setRemoving(key)}>
                Xóa
              </button>
            ) : null}
          </div>
        );
      })}
      {removing !== null ? (
        <Confirm
          title="Xóa ảnh"
          message={`Xóa ảnh ${LABEL[removing].toLocaleLowerCase('vi')}? Văn bản điền sau sẽ để trống chỗ đặt ảnh.`}
          confirmLabel="Xóa ảnh"
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
            run(() => call('docTemplates.deleteImage', { key: removing })).then(() => {
              setRemoving(null);
              reload();
            })
          }
        />
      ) : null}
    </div>
  );
}
