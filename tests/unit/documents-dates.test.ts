// The date line of Nghị định 30/2020 on every edge, as formatDateLine and as written in the file.
import { describe, expect, it } from 'vitest';
import { formatDateLine, parseIsoDate } from '../../src/shared/format';
import { parseDocumentModel } from '../../src/main/documents/model';
import { annexNote } from '../../src/main/documents/docx-writer';
import { sampleModel } from '../../src/main/features/documents/samples';

describe('formatDateLine edges', () => {
  it.each([
    ['2025-01-01', 'ngày 01 tháng 01 năm 2025'],
    ['2025-01-09', 'ngày 09 tháng 01 năm 2025'],
    ['2025-01-10', 'ngày 10 tháng 01 năm 2025'],
    ['2025-02-01', 'ngày 01 tháng 02 năm 2025'],
    ['2025-02-28', 'ngày 28 tháng 02 năm 2025'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
    ['2000-02-29', 'ngày 29 tháng 02 năm 2000'],
    ['2025-03-01', 'ngày 01 tháng 3 năm 2025'],
    ['2025-09-09', 'ngày 09 tháng 9 năm 2025'],
    ['2025-10-05', 'ngày 05 tháng 10 năm 2025'],
    ['2025-11-30', 'ngày 30 tháng 11 năm 2025'],
    ['2024-12-31', 'ngày 31 tháng 12 năm 2024'],
    ['1999-12-31', 'ngày 31 tháng 12 năm 1999'],
  ])('%s → %s', (iso, line) => {
    expect(formatDateLine(iso)).toBe(line);
  });

  it('days not on the calendar are refused by the model', () => {
    for (const bad of ['2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-5']) {
      expect(parseIsoDate(bad)).toBeNull();
      const m = sampleModel('bao-cao');
      m.header = { ...m.header, date: bad };
      expect(() => parseDocumentModel(m)).toThrow(/Tiêu đề, Ngày/);
    }
  });

  it('the date line and the annex note of a document follow the same rules', () => {
    const m = parseDocumentModel({
      ...sampleModel('phu-luc'),
      header: { ...sampleModel('phu-luc').header, number: 3, date: '2025-02-09' },
    });
    expect(annexNote(m)).toBe('(Kèm theo Báo cáo số 03/BC-SNV ngày 09 tháng 02 năm 2025 của Sở Nội vụ)');
    const blank = parseDocumentModel({
      ...sampleModel('phu-luc'),
      header: { ...sampleModel('phu-luc').header, number: null, date: '2025-12-31' },
    });
    expect(annexNote(blank)).toMatch(
      /^\(Kèm theo Báo cáo số \u00A0+\/BC-SNV ngày 31 tháng 12 năm 2025 của Sở Nội vụ\)$/,
    );
  });
});
