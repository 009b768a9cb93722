// Default names of exported files (src/main/platform/export-names.ts): one telling kind per
// document type, Vietnamese without diacritics, nothing Windows refuses.
import { describe, expect, it } from 'vitest';
import { documentRef, EXPORT_TYPES, exportFileName, namePart } from '../../src/main/platform/export-names';
import { documentFileName } from '../../src/main/features/documents/documents';
import { collectFileName } from '../../src/main/features/collect/collect-book';
import { summaryFileName } from '../../src/main/features/compile/compile-export';
import { scoringBookFileName } from '../../src/main/features/scoring/self-score-book';
import { parseDocumentModel } from '../../src/main/documents/model';
import { sampleModel } from '../../src/main/features/documents/samples';

const WINDOWS_SAFE = /^[A-Za-z0-9_.~-]+$/;

describe('export file names', () => {
  it('folds Vietnamese into plain letters, keeping case and numbers', () => {
    expect(namePart('6 tháng đầu năm 2025')).toBe('6-thang-dau-nam-2025');
    expect(namePart('UBND xã Đắk Pring <mới>')).toBe('UBND-xa-Dak-Pring-moi');
    expect(namePart('Quý I/2025: "đặc biệt"')).toBe('Quy-I-2025-dac-biet');
    expect(namePart('  --  ')).toBe('');
    expect(namePart('Ủy ban nhân dân '.repeat(20)).length).toBeLessThanOrEqual(60);
    expect(namePart('Ủy ban nhân dân '.repeat(20))).not.toMatch(/-$/);
  });

  it('gives every document type its own telling beginning', () => {
    const kinds = Object.values(EXPORT_TYPES);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const k of kinds) expect(k).toMatch(/^[A-Z][a-z]*(-[a-z]+)*$/);
    // No kind is the beginning of another ("Bao-cao-tong-hop" vs "Bao-cao-ket-qua-cham-diem").
    for (const a of kinds) for (const b of kinds) if (a !== b) expect(b.startsWith(`${a}_`)).toBe(false);
  });

  it('names each export by what it is', () => {
    const half = '6 tháng đầu năm 2025';
    expect(summaryFileName(half)).toBe('Bieu-tong-hop_6-thang-dau-nam-2025.xlsx');
    expect(exportFileName('report', [half, documentRef(5, 'BC-SNV')], 'docx')).toBe(
      'Bao-cao-tong-hop_6-thang-dau-nam-2025_So-05-BC-SNV.docx',
    );
    expect(exportFileName('reminder', [half, documentRef(null, 'SNV-XDCQ')], 'pdf')).toBe(
      'Cong-van-don-doc_6-thang-dau-nam-2025_SNV-XDCQ.pdf',
    );
    expect(collectFileName({ name: half }, { code: 'X001', shortName: 'Tam Xuân', name: 'Xã Tam Xuân' })).toBe(
      'Bieu-nhap-lieu_6-thang-dau-nam-2025_X001-Tam-Xuan.xlsx',
    );
    expect(scoringBookFileName('Chấm điểm năm 2025', { code: 'STP', name: 'Sở Tư pháp' })).toBe(
      'Phieu-tu-cham_Cham-diem-nam-2025_STP-So-Tu-phap.xlsx',
    );
    expect(exportFileName('unitList', ['2025-06-20'], 'xlsx')).toBe('Danh-sach-don-vi_2025-06-20.xlsx');
  });

  it('names a registered document by its type and number when the caller says what it is', () => {
    const model = parseDocumentModel(sampleModel('bao-cao'));
    const numbered = { ...model, header: { ...model.header, number: 7 } };
    const title = { type: 'scoringReport' as const, parts: ['Chấm điểm năm 2025'] };
    expect(documentFileName(numbered, 'docx', title)).toMatch(/^Bao-cao-ket-qua-cham-diem_Cham-diem-nam-2025_So-07-/);
    expect(documentFileName(numbered, 'pdf', { type: 'report', parts: ['Quý I/2025'] })).toMatch(
      /^Bao-cao-tong-hop_Quy-I-2025_So-07-[\w-]+\.pdf$/,
    );
    for (const name of [documentFileName(numbered, 'docx', title), summaryFileName('Quý I/2025: "x"')])
      expect(name).toMatch(WINDOWS_SAFE);
  });
});
