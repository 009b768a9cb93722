// The one typed catalogue of what a Word template may say: every value of the consolidated
// report, the reminder letter, the scoring report and the unit register, with a Vietnamese
// description and an example. values.ts fills exactly these names (a test holds them together).
import {
  DOC_USAGE_LABELS,
  DOC_USAGES,
  FIELD_SOURCE_LABELS,
  FIELD_SOURCES,
  USAGE_SOURCES,
  type FieldCatalogue,
  type FieldInfo,
  type FieldKind,
  type FieldSource,
} from '../../../shared/contract/doc-templates';

const f = (
  name: string,
  kind: FieldKind,
  label: string,
  example: string,
  source: FieldSource,
  fields?: FieldInfo[],
): FieldInfo => (fields ? { name, kind, label, example, source, fields } : { name, kind, label, example, source });

const within = (source: FieldSource, list: [string, FieldKind, string, string][]): FieldInfo[] =>
  list.map(([n, k, l, e]) => f(n, k, l, e, source));

const INDICATOR_FIELDS = (source: FieldSource): FieldInfo[] =>
  within(source, [
    ['stt', 'number', 'Số thứ tự trong danh sách', '1'],
    ['code', 'text', 'Mã chỉ số', 'DT01'],
    ['name', 'text', 'Tên chỉ số', 'Số hội nghị đối thoại'],
    ['unit', 'text', 'Đơn vị tính (“%” với tỷ lệ)', 'cuộc'],
    ['group', 'text', 'Nhóm chỉ số', 'Đối thoại với Nhân dân'],
    ['total', 'number', 'Số liệu tổng hợp kỳ này (định dạng Việt Nam)', '1.234'],
    ['previous', 'number', 'Cùng kỳ năm trước (“—” khi không có)', '1.180'],
    ['delta', 'number', 'Tăng (+), giảm (−) so với cùng kỳ', '+54'],
    ['deltaPhrase', 'text', 'Câu so sánh với cùng kỳ', 'tăng 54 cuộc so với cùng kỳ'],
    ['target', 'text', 'Chỉ tiêu của kế hoạch', 'trên 80%'],
    ['verdict', 'text', 'Đánh giá so với chỉ tiêu', 'Đạt (+3,5)'],
    ['reported', 'number', 'Số đơn vị đã báo cáo chỉ số này', '18'],
    ['expected', 'number', 'Số đơn vị phải báo cáo', '20'],
    ['missing', 'number', 'Số đơn vị chưa có số liệu', '2'],
  ]);

const UNIT_FIELDS = (source: FieldSource): FieldInfo[] => [
  ...within(source, [
    ['stt', 'number', 'Số thứ tự', '1'],
    ['code', 'text', 'Mã đơn vị', 'STP'],
    ['name', 'text', 'Tên đơn vị', 'Sở Tư pháp'],
    ['shortName', 'text', 'Tên viết tắt', 'STP'],
    ['kind', 'text', 'Loại đơn vị', 'Sở, ban, ngành'],
    ['email', 'text', 'Thư điện tử', 'stp@quangnam.gov.vn'],
    ['contactPerson', 'text', 'Người liên hệ', 'Nguyễn Văn A'],
    ['phone', 'text', 'Điện thoại', '0235 3812 345'],
    ['status', 'text', 'Trạng thái báo cáo trong kỳ', 'Đã nộp'],
    ['state', 'text', 'Tình hình so với hạn', 'Nộp muộn'],
    ['receivedDate', 'date', 'Ngày nhận báo cáo', '22/06/2025'],
    ['daysLate', 'number', 'Số ngày nộp muộn', '2'],
  ]),
  f(
    'values',
    'list',
    'Số liệu của đơn vị, từng chỉ số',
    '',
    source,
    within(source, [
      ['code', 'text', 'Mã chỉ số', 'DT01'],
      ['name', 'text', 'Tên chỉ số', 'Số hội nghị đối thoại'],
      ['unit', 'text', 'Đơn vị tính', 'cuộc'],
      ['value', 'number', 'Giá trị của đơn vị', '12'],
    ]),
  ),
];

export const FIELDS: FieldInfo[] = [
  f(
    'agency',
    'object',
    'Cơ quan ban hành',
    '',
    'common',
    within('common', [
      ['name', 'text', 'Tên cơ quan (in hoa)', 'SỞ NỘI VỤ'],
      ['parentName', 'text', 'Cơ quan chủ quản (in hoa)', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM'],
      ['nameInSentence', 'text', 'Tên cơ quan trong câu văn', 'Sở Nội vụ'],
      ['abbreviation', 'text', 'Chữ viết tắt', 'SNV'],
      ['place', 'text', 'Địa danh', 'Quảng Nam'],
      ['draftingUnit', 'text', 'Đơn vị soạn thảo', 'VP'],
    ]),
  ),
  f(
    'signer',
    'object',
    'Người ký mặc định',
    '',
    'common',
    within('common', [
      ['fullName', 'text', 'Họ và tên người ký', 'Nguyễn Văn B'],
      ['title', 'text', 'Chức vụ (in hoa)', 'PHÓ GIÁM ĐỐC'],
      ['authority', 'text', 'Dòng thẩm quyền ký (TM./KT./Q./TL./TUQ.)', 'KT. GIÁM ĐỐC'],
    ]),
  ),
  f(
    'document',
    'object',
    'Số, ký hiệu, ngày của văn bản này',
    '',
    'common',
    within('common', [
      ['number', 'text', 'Số văn bản (để trống khi chưa lấy số)', '05'],
      ['symbol', 'text', 'Ký hiệu', 'BC-SNV'],
      ['numberLine', 'text', 'Dòng “Số: …/…”', 'Số: 05/BC-SNV'],
      ['date', 'date', 'Ngày văn bản theo Nghị định 30', 'ngày 05 tháng 02 năm 2025'],
      ['dateShort', 'date', 'Ngày văn bản dạng ngắn', '05/02/2025'],
      ['placeDate', 'text', 'Địa danh và ngày', 'Quảng Nam, ngày 05 tháng 02 năm 2025'],
      ['year', 'number', 'Năm của văn bản', '2025'],
    ]),
  ),
  f('signature', 'image', 'Ảnh chữ ký của người ký (PNG nền trong, đã tải lên)', '{%signature}', 'common'),
  f('seal', 'image', 'Ảnh con dấu (PNG nền trong, đúng kích thước thật)', '{%seal}', 'common'),

  f(
    'period',
    'object',
    'Kỳ báo cáo',
    '',
    'period',
    within('period', [
      ['name', 'text', 'Tên kỳ', '6 tháng đầu năm 2025'],
      ['type', 'text', 'Loại kỳ', '6 tháng'],
      ['year', 'number', 'Năm', '2025'],
      ['window', 'text', 'Thời gian chốt số liệu', 'từ ngày 15/12/2024 đến ngày 14/6/2025'],
      ['windowStart', 'date', 'Ngày bắt đầu chốt số liệu', '15/12/2024'],
      ['windowEnd', 'date', 'Ngày kết thúc chốt số liệu', '14/06/2025'],
      ['deadline', 'date', 'Hạn nộp báo cáo', '20/06/2025'],
      ['deadlineLine', 'date', 'Hạn nộp theo cách viết của văn bản', 'ngày 20 tháng 6 năm 2025'],
    ]),
  ),
  f(
    'plan',
    'object',
    'Văn bản chỉ đạo (kế hoạch) của kỳ',
    '',
    'period',
    within('period', [
      ['reference', 'text', 'Số, ký hiệu, ngày của văn bản', 'Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2025'],
      ['summary', 'text', 'Trích yếu', 'Thực hiện công tác dân vận chính quyền năm 2025'],
      ['issuer', 'text', 'Cơ quan ban hành', 'UBND tỉnh'],
    ]),
  ),
  f(
    'report',
    'object',
    'Báo cáo tổng hợp (bản dự thảo đã sửa ở màn hình Tổng hợp)',
    '',
    'period',
    within('period', [
      ['title', 'text', 'Trích yếu của báo cáo', 'Kết quả công tác dân vận chính quyền 6 tháng đầu năm 2025'],
      ['body', 'multiline', 'Toàn bộ nội dung (mỗi dòng một đoạn, giữ kiểu đoạn của mẫu)', 'I. KẾT QUẢ…'],
      ['templateName', 'text', 'Tên mẫu báo cáo (đề cương)', 'Báo cáo công tác dân vận chính quyền'],
    ]),
  ),
  f(
    'sections',
    'list',
    'Các mục của báo cáo tổng hợp',
    '',
    'period',
    within('period', [
      ['number', 'text', 'Số mục', 'II.1'],
      ['title', 'text', 'Tên mục', 'Kết quả đối thoại'],
      ['text', 'multiline', 'Nội dung của mục (mỗi dòng một đoạn)', 'Trong kỳ, các cơ quan…'],
    ]),
  ),
  f(
    'status',
    'object',
    'Tình hình gửi báo cáo của các đơn vị',
    '',
    'period',
    within('period', [
      ['expected', 'number', 'Số đơn vị phải báo cáo', '20'],
      ['reported', 'number', 'Số đơn vị đã gửi', '18'],
      ['onTime', 'number', 'Số đơn vị gửi đúng hạn', '15'],
      ['late', 'number', 'Số đơn vị gửi muộn', '3'],
      ['missing', 'number', 'Số đơn vị chưa gửi', '2'],
      ['lateList', 'text', 'Tên các đơn vị gửi muộn', 'Sở Y tế, UBND xã A'],
      ['missingList', 'text', 'Tên các đơn vị chưa gửi', 'UBND xã B'],
    ]),
  ),
  f('hasLate', 'boolean', 'Có đơn vị gửi muộn ({#hasLate}…{/hasLate})', 'true', 'period'),
  f('hasMissing', 'boolean', 'Có đơn vị chưa gửi ({#hasMissing}…{/hasMissing})', 'true', 'period'),
  f(
    'indicators',
    'list',
    'Các chỉ số (bảng số liệu: đặt {#indicators} và {/indicators} ở hai ô của một hàng)',
    '',
    'period',
    INDICATOR_FIELDS('period'),
  ),
  {
    ...f('indicator', 'object', 'Một chỉ số theo mã: {indicator.DT01.total}', '', 'period', INDICATOR_FIELDS('period')),
    dynamicKey: 'mã chỉ số',
  },
  f('groups', 'list', 'Nhóm chỉ số, mỗi nhóm có danh sách chỉ số', '', 'period', [
    f('name', 'text', 'Tên nhóm', 'Đối thoại với Nhân dân', 'period'),
    f('indicators', 'list', 'Các chỉ số của nhóm', '', 'period', INDICATOR_FIELDS('period')),
  ]),
  f('units', 'list', 'Các đơn vị phải báo cáo, theo thứ tự của danh bạ', '', 'period', UNIT_FIELDS('period')),
  f('lateUnits', 'list', 'Các đơn vị chưa gửi hoặc gửi muộn (để đôn đốc)', '', 'period', UNIT_FIELDS('period')),
  f('chart', 'object', 'Biểu đồ (biểu đồ của Word, chữ theo phông của văn bản)', '', 'period', [
    f(
      'reporting',
      'image',
      'Biểu đồ tình hình gửi báo cáo: đúng hạn, nộp muộn, chưa nộp',
      '{%chart.reporting}',
      'period',
    ),
  ]),
  f(
    'reminder',
    'object',
    'Công văn đôn đốc',
    '',
    'period',
    within('period', [
      ['newDeadline', 'date', 'Hạn nộp mới', '30/06/2025'],
      ['newDeadlineLine', 'date', 'Hạn nộp mới theo cách viết của văn bản', 'ngày 30 tháng 6 năm 2025'],
    ]),
  ),

  f('unit', 'object', 'Đơn vị nhận văn bản (mỗi đơn vị một văn bản)', '', 'unit', UNIT_FIELDS('unit')),

  f(
    'round',
    'object',
    'Đợt chấm điểm',
    '',
    'scoring',
    within('scoring', [
      ['name', 'text', 'Tên đợt', 'Chấm điểm công tác dân vận chính quyền năm 2025'],
      ['year', 'number', 'Năm', '2025'],
      ['setName', 'text', 'Bộ tiêu chí', 'Bộ tiêu chí dân vận chính quyền'],
      ['totalPoints', 'number', 'Thang điểm', '100'],
      ['evaluated', 'number', 'Số đơn vị được đánh giá', '25'],
      ['approved', 'number', 'Số đơn vị đã duyệt kết quả', '25'],
      ['average', 'number', 'Điểm bình quân', '86,4'],
      ['tieRule', 'text', 'Cách xếp hạng khi bằng điểm', 'Bằng điểm thì xếp theo…'],
    ]),
  ),
  f(
    'ranking',
    'list',
    'Bảng xếp hạng',
    '',
    'scoring',
    within('scoring', [
      ['rank', 'text', 'Hạng', '1'],
      ['unitName', 'text', 'Tên đơn vị', 'Sở Tư pháp'],
      ['total', 'number', 'Tổng điểm', '95,5'],
      ['selfTotal', 'number', 'Điểm tự chấm', '97'],
      ['bonus', 'number', 'Điểm thưởng', '2'],
      ['deductions', 'number', 'Điểm trừ', '0'],
      ['classLabel', 'text', 'Xếp loại', 'Tốt'],
      ['stage', 'text', 'Giai đoạn', 'Đã duyệt'],
    ]),
  ),
  f(
    'classes',
    'list',
    'Số đơn vị theo mức xếp loại',
    '',
    'scoring',
    within('scoring', [
      ['label', 'text', 'Mức xếp loại', 'Tốt'],
      ['range', 'text', 'Khoảng điểm', 'từ 90 điểm trở lên'],
      ['count', 'number', 'Số đơn vị', '12'],
      ['percent', 'number', 'Tỷ lệ (%)', '48'],
    ]),
  ),
];

export function catalogue(): FieldCatalogue {
  return {
    fields: FIELDS,
    sources: FIELD_SOURCES.map((source) => ({ source, label: FIELD_SOURCE_LABELS[source] })),
    usages: DOC_USAGES.map((usage) => ({ usage, label: DOC_USAGE_LABELS[usage], sources: USAGE_SOURCES[usage] })),
  };
}

/** Every full name a tag may use at the top ("agency.name", "indicators", …), for suggestions. */
export function topNames(fields: FieldInfo[] = FIELDS, prefix = ''): string[] {
  const out: string[] = [];
  for (const x of fields) {
    const name = prefix + x.name;
    out.push(name);
    if (x.kind === 'object' && x.fields && !x.dynamicKey) out.push(...topNames(x.fields, `${name}.`));
  }
  return out;
}
