// The cover sheet of the data-entry workbook (collect-book.ts): who asks, for which period and by
// when, and how to fill the book in.
import ExcelJS from 'exceljs';
import { formatDateShort } from '../../../shared/format';
import { setText } from '../../workbooks/cell-text';
import type { CollectBookInput } from './collect-book';
import { font, INPUT_SHEET } from './collect-cells';

export const COVER_SHEET = 'Hướng dẫn';

/** The text of the cover line naming the unit; a long one gets a taller row. */
export const coverUnitLine = (unit: { name: string; code: string }): string =>
  `Đơn vị báo cáo: ${unit.name} (mã ${unit.code})`;
export const COVER_LONG_LINE = 95;

/** Adds the cover sheet (the first tab) and returns it. */
export function addCoverSheet(wb: ExcelJS.Workbook, input: CollectBookInput): ExcelJS.Worksheet {
  const { agency, unit, period, template } = input;
  const cover = wb.addWorksheet(COVER_SHEET, { properties: { tabColor: { argb: 'FF1F4E79' } } });
  cover.columns = [{ width: 4 }, { width: 100 }];
  const coverLines: { text: string; bold?: boolean; size?: number; italic?: boolean; height?: number }[] = [
    { text: agency.parentName, bold: false },
    { text: agency.name, bold: true },
    { text: '' },
    { text: 'BIỂU NHẬP LIỆU BÁO CÁO', bold: true, size: 14 },
    { text: template.name, bold: true },
    { text: '' },
    { text: coverUnitLine(unit) },
    { text: `Kỳ báo cáo: ${period.name}` },
    {
      text: `Thời gian chốt số liệu: từ ngày ${formatDateShort(period.windowStart)} đến ngày ${formatDateShort(period.windowEnd)}`,
    },
    { text: `Hạn gửi báo cáo: ${formatDateShort(period.deadline)}`, bold: true },
    { text: '' },
    { text: 'HƯỚNG DẪN', bold: true },
    {
      text: `1. Nhập nội dung và số liệu vào các ô màu vàng ở trang “${INPUT_SHEET}”. Các ô khác đã được khóa để tránh sửa nhầm.`,
    },
    {
      text: '2. Số đếm nhập số nguyên không âm; số thập phân dùng dấu phẩy theo cách viết của Excel trên máy; ô “Có/Không” chọn trong danh sách.',
    },
    { text: '3. Các tỷ lệ (ô màu xám) được tính tự động, không cần nhập.' },
    {
      text: '4. Ô chuyển màu đỏ là số liệu chưa hợp lý (ví dụ số đã giải quyết nhiều hơn số tiếp nhận): hãy kiểm tra lại; nếu đúng, giải trình trong phần nội dung.',
    },
    {
      text: '5. Không đổi tên, không xóa các trang tính; không chèn hay xóa dòng, cột trong bảng. Có thể thêm trang tính hoặc ghi chú ở cuối nếu cần.',
    },
    {
      text: `6. Lưu tệp dưới dạng Excel (.xlsx), giữ nguyên tên tệp, và gửi lại cho ${agency.name || 'cơ quan tổng hợp'} trước hạn nộp.`,
    },
    { text: '' },
    {
      text: `Tệp được tạo bởi phần mềm Báo cáo Nội vụ ngày ${formatDateShort(input.generatedAt.slice(0, 10))}. Mẫu “${template.code}”, phiên bản ${template.version}.`,
      italic: true,
      size: 10,
    },
  ];
  coverLines.forEach((l, i) => {
    const cell = cover.getCell(i + 1, 2);
    setText(cell, l.text);
    font(cell, { bold: l.bold, italic: l.italic, size: l.size ?? 12 });
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: i < 6 ? 'center' : 'left' };
    if (l.text.length > COVER_LONG_LINE) cover.getRow(i + 1).height = 32;
  });
  cover.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.8, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
  return cover;
}
