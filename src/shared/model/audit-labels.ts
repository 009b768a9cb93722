// What Nhật ký says instead of the database's own words: a Vietnamese name for every column the
// triggers record (tests/unit/audit-labels.test.ts checks every audited column has one), and each
// value as people read it — dates as dd/mm/yyyy, yes/no, status and kind names, lists instead of JSON.
import { formatDateShort } from '../format';
import { REPORT_STATUS_LABELS, CHANNEL_LABELS } from './report';
import { UNIT_KIND_LABELS } from './unit';
import { PERIOD_TYPE_LABELS } from './period';
import { PLAN_TYPE_LABELS, COMPARATOR_LABELS, TARGET_SCOPE_LABELS } from './plan';
import { INDICATOR_TYPE_LABELS, AGGREGATION_LABELS } from './template';
import { SCORING_EVENT_LABELS, SCORING_STAGE_LABELS } from './scoring';
import { TABLE_LABELS } from './safety';
import { DOC_USAGE_LABELS } from './doc-template';
import { AUDIT_SUMMARIES, TABLE_COLUMN_LABELS, withoutPlaceholders } from './audit-summaries';

export const COLUMN_LABELS: Record<string, string> = {
  abbreviation: 'Tên viết tắt',
  accumulation: 'Cách cộng dồn',
  active_from: 'Hoạt động từ ngày',
  active_to: 'Hoạt động đến ngày',
  actor: 'Người thực hiện',
  added_at: 'Thời điểm thêm',
  appraisal_deadline: 'Hạn thẩm định',
  appraised_c: 'Điểm thẩm định',
  archived_at: 'Thời điểm lưu trữ',
  area: 'Phạm vi',
  at: 'Thời điểm',
  authority_line: 'Dòng thẩm quyền',
  authority_prefix: 'Tiền tố thẩm quyền',
  based_on_id: 'Dựa trên bản',
  before_json: 'Nội dung trước',
  breach_revision: 'Vi phạm đếm ở lần sửa',
  standing_from: 'Tình trạng giữ nguyên từ ngày',
  standing_key: 'Tình trạng tính theo',
  body: 'Nội dung',
  breach_count: 'Số vi phạm quy tắc',
  change: 'Thay đổi',
  changed_count: 'Số chỉ tiêu thay đổi',
  channel: 'Hình thức nhận',
  children_json: 'Các phần con',
  code: 'Mã',
  code_key: 'Mã (dạng so khớp)',
  comparator: 'Phép so sánh',
  compare_ids: 'Các kỳ so sánh',
  contact_person: 'Người liên hệ',
  content: 'Nội dung',
  created_at: 'Thời điểm tạo',
  created_ids_json: 'Các bản ghi tạo mới',
  date: 'Ngày',
  deadline: 'Hạn nộp',
  deadlines: 'Các hạn nộp',
  dec_value: 'Giá trị số',
  deleted_at: 'Thời điểm xóa',
  denominator: 'Chỉ tiêu mẫu số',
  description: 'Mô tả',
  detail: 'Chi tiết',
  doc_template_id: 'Mẫu Word',
  document_type: 'Loại văn bản',
  drafting_unit: 'Đơn vị soạn thảo',
  effective_date: 'Ngày hiệu lực',
  email: 'Thư điện tử',
  email_cc: 'Đồng gửi (CC)',
  email_to: 'Người nhận thư',
  errors: 'Lỗi',
  event_id: 'Sự kiện',
  expected_frozen_at: 'Ngày chốt danh sách phải báo cáo',
  expected_kinds: 'Loại đơn vị phải báo cáo',
  expected_mode: 'Cách chọn đơn vị phải báo cáo',
  expression: 'Biểu thức',
  field: 'Trường',
  field_key: 'Chỉ tiêu',
  file: 'Tệp',
  file_name: 'Tên tệp',
  file_path: 'Đường dẫn tệp',
  from_status: 'Từ trạng thái',
  from_unit_id: 'Từ đơn vị',
  full_name: 'Họ và tên',
  grp: 'Nhóm',
  has_text: 'Có phần lời',
  height_dmm: 'Chiều cao (0,1 mm)',
  height_px: 'Chiều cao (điểm ảnh)',
  hint: 'Gợi ý',
  id: 'Mã bản ghi',
  idx: 'Thứ tự',
  imported_at: 'Thời điểm nhập',
  indicator_code: 'Mã chỉ tiêu',
  installed_at: 'Thời điểm cài đặt',
  int_value: 'Giá trị số',
  is_default: 'Mặc định',
  issued_date: 'Ngày ban hành',
  issuer: 'Cơ quan ban hành',
  key: 'Khóa',
  kind: 'Loại',
  kinh_gui: 'Kính gửi',
  label: 'Nhãn',
  level: 'Cấp',
  lint_json: 'Kết quả kiểm tra mẫu',
  locked: 'Đã khóa',
  max_c: 'Điểm tối đa',
  max_points: 'Điểm tối đa',
  merged_into_id: 'Sáp nhập vào đơn vị',
  message: 'Thông báo',
  name: 'Tên',
  new_value: 'Giá trị mới',
  noi_nhan: 'Nơi nhận',
  note: 'Ghi chú',
  number: 'Số',
  numerator: 'Chỉ tiêu tử số',
  old_value: 'Giá trị cũ',
  on_date: 'Ngày',
  owner_id: 'Thuộc bản ghi',
  parent_id: 'Đơn vị cấp trên',
  parent_name: 'Cơ quan cấp trên',
  period_id: 'Kỳ báo cáo',
  period_ids: 'Các kỳ báo cáo',
  phone: 'Điện thoại',
  place: 'Địa danh',
  plan_id: 'Văn bản chỉ đạo',
  position: 'Vị trí',
  province: 'Tỉnh, thành phố',
  reason: 'Lý do',
  received_date: 'Ngày nhận',
  register_id: 'Số đăng ký văn bản',
  reorganisation_id: 'Đợt sắp xếp',
  report_id: 'Báo cáo',
  report_template_id: 'Mẫu báo cáo',
  revision: 'Lần sửa',
  revision_id: 'Lần sửa',
  role: 'Vai trò',
  round_id: 'Đợt chấm điểm',
  row_id: 'Mã bản ghi',
  row_json: 'Nội dung bản ghi',
  rule: 'Quy tắc',
  scope: 'Phạm vi áp dụng',
  scoring_id: 'Phiếu chấm điểm',
  sections: 'Các mục',
  self_c: 'Điểm tự chấm',
  self_deadline: 'Hạn tự chấm',
  self_note: 'Ghi chú tự chấm',
  set_id: 'Bộ tiêu chí',
  sha256: 'Mã kiểm tra SHA-256',
  share: 'Tỷ lệ chia',
  short_name: 'Tên viết tắt',
  signer: 'Người ký',
  signer_name: 'Người ký',
  size: 'Kích thước',
  sort_order: 'Thứ tự',
  status: 'Trạng thái',
  stored_path: 'Tệp lưu giữ',
  summary: 'Trích yếu',
  symbol: 'Ký hiệu',
  table_name: 'Loại dữ liệu',
  task_id: 'Nhiệm vụ',
  template_id: 'Mẫu báo cáo',
  text: 'Nội dung',
  text_value: 'Nội dung',
  title: 'Chức vụ, tiêu đề',
  to_status: 'Sang trạng thái',
  to_unit_id: 'Sang đơn vị',
  to_unit_ids: 'Sang các đơn vị',
  total_c: 'Tổng điểm',
  type: 'Loại',
  undone_at: 'Thời điểm hoàn tác',
  unit: 'Đơn vị',
  unit_id: 'Đơn vị',
  unit_kinds: 'Loại đơn vị áp dụng',
  unit_text_annex: 'Phụ lục lời của đơn vị',
  updated_at: 'Thời điểm cập nhật',
  usage: 'Công dụng',
  user: 'Người thực hiện',
  value: 'Giá trị',
  value_unit: 'Đơn vị tính',
  version: 'Phiên bản',
  warnings: 'Cảnh báo',
  width_dmm: 'Chiều rộng (0,1 mm)',
  width_px: 'Chiều rộng (điểm ảnh)',
  window_end: 'Kết thúc khoảng tổng hợp',
  window_key: 'Khoảng tổng hợp',
  window_start: 'Bắt đầu khoảng tổng hợp',
  year: 'Năm',
};

/** Bookkeeping that changes with every edit and says nothing to a reader (and what the app keeps for speed: 0130, 0131). */
export const HIDDEN_COLUMNS = new Set([
  'id',
  'code_key',
  'updated_at',
  'breach_revision',
  'standing_from',
  'standing_key',
]);

/** A column's name in Vietnamese; an unknown one is said as a field, never as its key. */
export const columnLabel = (column: string, table = ''): string =>
  TABLE_COLUMN_LABELS[`${table}.${column}`] ?? COLUMN_LABELS[column] ?? 'Trường khác';

const BOOLEAN_COLUMNS = new Set(['has_text', 'is_default', 'locked', 'unit_text_annex']);

/** What happened to a unit (its history, unit_events.kind). */
const UNIT_EVENT_LABELS: Record<string, string> = {
  created: 'Tạo mới',
  updated: 'Sửa thông tin',
  closed: 'Thôi hoạt động',
  reopened: 'Hoạt động trở lại',
  merged_into: 'Sáp nhập vào đơn vị khác',
  merged_from: 'Nhận đơn vị sáp nhập',
  imported: 'Nhập từ Excel',
  reorganised: 'Sắp xếp lại',
};

/** Codes stored by value whose names people know, by column. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  status: { ...REPORT_STATUS_LABELS, ...SCORING_STAGE_LABELS },
  from_status: REPORT_STATUS_LABELS,
  to_status: REPORT_STATUS_LABELS,
  channel: CHANNEL_LABELS,
  kind: {
    ...UNIT_KIND_LABELS,
    ...INDICATOR_TYPE_LABELS,
    ...UNIT_EVENT_LABELS,
    ...SCORING_EVENT_LABELS,
    frozen: 'Chốt danh sách phải báo cáo',
    expected_updated: 'Sửa danh sách phải báo cáo',
    criterion: 'Tiêu chí',
    bonus: 'Điểm thưởng',
    deduction: 'Điểm trừ',
  },
  role: { lead: 'Chủ trì', support: 'Phối hợp' },
  table_name: TABLE_LABELS,
  usage: DOC_USAGE_LABELS,
  expected_kinds: UNIT_KIND_LABELS,
  unit_kinds: UNIT_KIND_LABELS,
  type: { ...PERIOD_TYPE_LABELS, ...PLAN_TYPE_LABELS, ...INDICATOR_TYPE_LABELS },
  comparator: COMPARATOR_LABELS,
  scope: TARGET_SCOPE_LABELS,
  accumulation: { period: 'Trong kỳ', cumulative: 'Lũy kế từ đầu năm' },
  rule: AGGREGATION_LABELS,
  key: {
    'user.name': 'Tên người sử dụng máy',
    'books.secret': 'Khóa niêm phong biểu Excel',
    'backups.keep': 'Số bản sao lưu giữ lại',
    'periods.holidays': 'Ngày nghỉ lễ',
  },
  periodType: PERIOD_TYPE_LABELS,
  kinds: UNIT_KIND_LABELS,
  expected_mode: { kinds: 'Theo loại đơn vị', units: 'Chọn từng đơn vị', all: 'Tất cả đơn vị' },
};

const MAX_SHOWN = 240;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

function scalar(column: string, v: unknown): string {
  if (v === null || v === undefined) return 'trống';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v !== 'string') return nested(column, v);
  if (column === 'user') return auditUserText(v);
  const code = CODE_LABELS[column]?.[v];
  if (code) return code;
  if (ISO_DATE.test(v)) return formatDateShort(v);
  const t = ISO_TIME.exec(v);
  if (t) return `${formatDateShort(t[1]!)} ${t[2]}:${t[3]}`;
  return v;
}

function nested(column: string, v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.map((x) => scalar(column, x)).join(', ') : '(không có)';
  if (v && typeof v === 'object')
    // A key the log has no word for is left out: the program's names never reach the reader.
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => COLUMN_LABELS[k] ?? FIELD_WORDS[k])
      .map(([k, x]) => `${COLUMN_LABELS[k] ?? FIELD_WORDS[k]}: ${scalar(k, x)}`)
      .join('; ');
  return String(v);
}

/** Keys found inside stored JSON (camelCase, the contract's words). */
const FIELD_WORDS: Record<string, string> = {
  periodType: 'Loại kỳ',
  monthDay: 'Ngày trong năm',
  kinds: 'Loại đơn vị',
  unitIds: 'Đơn vị',
  mode: 'Cách chọn',
};

/** A stored value as people read it (null stays null: the screen says "trống"). */
export function auditValue(column: string, raw: unknown, table = ''): string | null {
  if (raw === null || raw === undefined) return null;
  let v: unknown = raw;
  if (BOOLEAN_COLUMNS.has(column) && (raw === 0 || raw === 1)) return raw === 1 ? 'Có' : 'Không';
  if (typeof raw === 'string' && /^[[{"]/.test(raw)) {
    try {
      v = JSON.parse(raw);
    } catch {
      v = raw;
    }
  }
  const summary = AUDIT_SUMMARIES[column]?.(v, table);
  const text = withoutPlaceholders(
    summary ??
      (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? scalar(column, v)
        : nested(column, v)),
  );
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** Who made a change: the name set in Cài đặt, with the computer's account as a detail. */
export const AUDIT_USER_SEPARATOR = '\u001f';

/** Who the log names for the data the app installs itself (the built-in template and criteria set). */
export const BUILT_IN_AUDIT_USER = 'Ứng dụng (dữ liệu cài sẵn)';

/** What the log stores as "who": the name (may be empty) and the account, apart. */
export const auditUserOf = (name: string, account: string): string =>
  name ? `${name}${AUDIT_USER_SEPARATOR}${account}` : account;

export function auditUser(stored: string): { name: string; account: string } {
  const i = stored.indexOf(AUDIT_USER_SEPARATOR);
  return i < 0 ? { name: '', account: stored } : { name: stored.slice(0, i), account: stored.slice(i + 1) };
}

export const auditUserText = (stored: string): string => {
  const u = auditUser(stored);
  if (u.name) return u.account ? `${u.name} (tài khoản máy: ${u.account})` : u.name;
  return u.account ? `Chưa đặt tên người dùng (tài khoản máy: ${u.account})` : 'Chưa đặt tên người dùng';
};
