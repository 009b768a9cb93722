// The default name of every exported file, one kind per document type, so a folder of exports
// reads like a list: the type first, then what it is about, parts joined by "_"
// (Bao-cao-tong-hop_6-thang-dau-nam-2025_So-05-BC-SNV.docx). Vietnamese without diacritics:
// Windows zip tools, old mail programs and network shares keep such names whole.

export const EXPORT_TYPES = {
  report: 'Bao-cao-tong-hop',
  summaryBook: 'Bieu-tong-hop',
  reportMail: 'Thu-gui-bao-cao',
  reminder: 'Cong-van-don-doc',
  unitWorkbook: 'Bieu-nhap-lieu',
  scoringReport: 'Bao-cao-ket-qua-cham-diem',
  scoringResults: 'Bang-diem-cham-diem',
  selfScoreBook: 'Phieu-tu-cham',
  criteriaSet: 'Bo-tieu-chi',
  reportTemplate: 'Mau-bao-cao',
  unitList: 'Danh-sach-don-vi',
  auditLog: 'Nhat-ky-thay-doi',
  plan: 'Van-ban-chi-dao',
} as const;
// Backups and data packages are named by the safety feature (backups.ts, package.ts):
// sao-luu-bao-cao-noi-vu-<time>.db and goi-du-lieu-bao-cao-noi-vu-<time>.zip, already distinct.

export type ExportType = keyof typeof EXPORT_TYPES;

const MAX_PART = 60;

/** "6 tháng đầu năm 2025" → "6-thang-dau-nam-2025"; "UBND xã Tam Bình" → "UBND-xa-Tam-Binh". */
export function namePart(text: string, max = MAX_PART): string {
  let out = '';
  let dash = false;
  for (const ch of text.normalize('NFD')) {
    if (ch >= '\u0300' && ch <= '\u036f') continue; // the marks of ă, ê, ơ, ́ …
    const c = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      if (dash && out) out += '-';
      out += c;
      dash = false;
    } else dash = true;
    if (out.length >= max) break;
  }
  return out.slice(0, max).replace(/-$/, ''); // dashes come one at a time
}

/** `Bieu-tong-hop_6-thang-dau-nam-2025.xlsx`: the type, then each non-empty part. */
export function exportFileName(type: ExportType, parts: readonly (string | null | undefined)[], ext: string): string {
  const tail = parts.map((p) => (p ? namePart(p) : '')).filter(Boolean);
  return `${[EXPORT_TYPES[type], ...tail].join('_')}.${ext}`;
}

/** "So-05-BC-SNV" for a numbered document, "BC-SNV" for one without a number yet. */
export function documentRef(number: number | null, symbol: string): string {
  return number === null ? symbol : `So-${String(number).padStart(2, '0')}-${symbol}`;
}
