// Columns of Nhật ký whose stored value is a document of its own (a draft's sections, a linter's
// report, a file's bytes, a criteria set): said in a few words, never dumped as JSON with the
// program's keys. And the figures a draft's text holds as {{placeholders}}: said as such.
import { formatNumber } from '../format';

type Summary = (value: unknown, table: string) => string | null;

const count = (v: unknown, word: string) => (Array.isArray(v) ? `${formatNumber(v.length)} ${word}` : null);

export const AUDIT_SUMMARIES: Record<string, Summary> = {
  sections: (v) => count(v, 'mục'),
  children_json: (v) => count(v, 'phần'),
  created_ids_json: (v) => count(v, 'bản ghi'),
  lint_json: (v) => {
    const c = (v as { counts?: { errors?: number; warnings?: number; infos?: number } } | null)?.counts;
    return c ? `${c.errors ?? 0} lỗi, ${c.warnings ?? 0} cảnh báo, ${c.infos ?? 0} ghi chú` : null;
  },
  // A file's bytes are logged as their length; a criteria set's content is the whole set.
  content: (v) =>
    typeof v === 'number'
      ? `tệp ${formatNumber(v)} byte`
      : v && typeof v === 'object' && Array.isArray((v as { groups?: unknown }).groups)
        ? `${(v as { groups: unknown[] }).groups.length} nhóm tiêu chí`
        : null,
  before_json: (v, table) => (table === 'reorganisations' ? 'tình trạng các đơn vị trước khi sắp xếp' : null),
  row_json: () => 'nội dung bản ghi đã xóa (xem trong Thùng rác)',
  size: (v) => (typeof v === 'number' ? `${formatNumber(v)} byte` : null),
  // What the app installed itself, kept by a key ("template:dan-van-chinh-quyen").
  name: (v, table) => (table === 'installed_resources' && typeof v === 'string' ? builtIn(v) : null),
  // Points are stored in whole hundredths (500 is 5 points).
  appraised_c: (v) => points(v),
  self_c: (v) => points(v),
  max_c: (v) => points(v),
  total_c: (v) => points(v),
};

const BUILT_IN_KINDS: Record<string, string> = { template: 'Mẫu báo cáo', scoring: 'Bộ tiêu chí chấm điểm' };
const builtIn = (key: string) => {
  const i = key.indexOf(':');
  const kind = BUILT_IN_KINDS[key.slice(0, i)];
  return kind ? `${kind} cài sẵn “${key.slice(i + 1)}”` : 'Dữ liệu cài sẵn';
};

const points = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v / 100)} điểm` : null);

/** Names a column has in one table only ("Trích yếu" of a draft, not "Chức vụ" of a signer). */
export const TABLE_COLUMN_LABELS: Record<string, string> = {
  'compile_drafts.title': 'Trích yếu',
  'doc_template_versions.content': 'Tệp mẫu',
  'doc_template_versions.size': 'Dung lượng',
  'scoring_sets.content': 'Nội dung bộ tiêu chí',
  'templates.title': 'Tiêu đề',
};

/** "{{period}}", "{{DT01.cmp}}": a figure the draft fills in, said as one. */
export const withoutPlaceholders = (text: string): string =>
  text.includes('{{')
    ? text
        .replaceAll('{{period}}', '[kỳ báo cáo]')
        .replaceAll('{{plan}}', '[văn bản chỉ đạo]')
        .replace(/\{\{[^{}]{1,60}\}\}/g, '[số liệu]')
    : text;
