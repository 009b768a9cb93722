// Backups, data packages, the audit log and the trash: what users see of data safety.

export interface BackupItem {
  name: string;
  size: number;
  createdAt: string;
  /** hang-ngay (daily), truoc-nang-cap (before an upgrade), truoc-khoi-phuc (before a restore), thu-cong (manual). */
  reason: string;
}

export interface BackupList {
  folder: string;
  keep: number;
  items: BackupItem[];
}

/** What a backup or package holds, checked before anything is replaced. */
export interface DataInspection {
  token: string;
  fileName: string;
  kind: 'backup' | 'package';
  integrity: string;
  schemaVersion: string;
  appSchemaVersion: string;
  counts: { label: string; count: number }[];
  files: number;
  createdAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  tableName: string;
  tableLabel: string;
  rowId: number | null;
  /** What the row is (a unit's name and code, a report's unit and period), null when nothing says. */
  rowName: string | null;
  action: 'insert' | 'update' | 'delete';
  /**
   * Changed fields only, old → new. A reference to another record reads as its name ("(đã xóa)"
   * once deleted), its id ("#17") as the detail.
   */
  changes: {
    field: string;
    label: string;
    before: string | null;
    after: string | null;
    /** The ids ("#17") of the records named, only for a reference. */
    beforeDetail?: string;
    afterDetail?: string;
  }[];
}

export interface AuditPage {
  total: number;
  rows: AuditEntry[];
}

export interface TrashItem {
  id: number;
  tableName: string;
  tableLabel: string;
  rowId: number;
  label: string;
  deletedAt: string;
  user: string;
}

/** Names people use for the tables they see in the audit log and the trash. */
export const TABLE_LABELS: Record<string, string> = {
  agency: 'Cơ quan',
  signers: 'Người ký',
  signer_signatures: 'Ảnh chữ ký người ký',
  units: 'Đơn vị',
  unit_events: 'Lịch sử đơn vị',
  document_register: 'Sổ văn bản đi',
  plans: 'Văn bản chỉ đạo',
  plan_tasks: 'Nhiệm vụ',
  plan_task_units: 'Đơn vị thực hiện nhiệm vụ',
  plan_targets: 'Chỉ tiêu',
  templates: 'Mẫu báo cáo',
  template_sections: 'Mục của mẫu báo cáo',
  template_indicators: 'Chỉ số',
  template_rules: 'Quy tắc kiểm tra',
  periods: 'Kỳ báo cáo',
  period_units: 'Đơn vị phải báo cáo',
  period_expected: 'Danh sách đơn vị phải báo cáo đã chốt',
  period_events: 'Lịch sử kỳ báo cáo',
  reports: 'Báo cáo đơn vị',
  report_values: 'Số liệu báo cáo',
  report_revisions: 'Lần sửa báo cáo',
  report_value_changes: 'Thay đổi số liệu',
  report_events: 'Trạng thái báo cáo',
  report_event_dates: 'Ngày tính của trạng thái báo cáo',
  trash: 'Thùng rác',
  app_settings: 'Cài đặt',
  installed_resources: 'Dữ liệu cài sẵn',
  collect_sources: 'Tệp biểu đơn vị gửi về',
  compile_drafts: 'Dự thảo báo cáo tổng hợp',
  compile_settings: 'Nơi gửi báo cáo tổng hợp',
  compile_registrations: 'Báo cáo tổng hợp đã lấy số (tệp lưu)',
  scoring_sets: 'Bộ tiêu chí chấm điểm',
  scoring_rounds: 'Đợt chấm điểm',
  scorings: 'Chấm điểm đơn vị',
  scoring_lines: 'Điểm theo tiêu chí',
  scoring_evidence: 'Minh chứng',
  scoring_events: 'Lịch sử chấm điểm',
  doc_templates: 'Mẫu Word của cơ quan',
  doc_template_versions: 'Phiên bản mẫu Word',
  doc_images: 'Ảnh chữ ký, con dấu',
  reorganisations: 'Sắp xếp lại đơn vị',
  unit_lineage: 'Đơn vị trước và sau sắp xếp',
  reorg_repoints: 'Dữ liệu chuyển sang đơn vị mới khi sắp xếp',
};

export const tableLabel = (name: string): string => TABLE_LABELS[name] ?? name;
