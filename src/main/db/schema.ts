// Table types for Kysely, written by hand to match the migrations.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DocTemplateTables } from './doc-templates-schema';

export interface AgencyTable {
  id: number;
  parent_name: string;
  name: string;
  abbreviation: string;
  place: string;
  drafting_unit: string;
  updated_at: string | null;
}

export interface SignerTable {
  id: Generated<number>;
  full_name: string;
  title: string;
  authority_prefix: string;
  authority_line: string;
  is_default: number;
  sort_order: number;
}

/** A signer's signature image, by full name (migration 0100). */
export interface SignerSignatureTable {
  full_name: string;
  file_name: string;
  content: Uint8Array;
  width_px: number;
  height_px: number;
  updated_at: string;
}

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: number | null;
  email: string;
  contact_person: string;
  phone: string;
  sort_order: number;
  active_from: string | null;
  active_to: string | null;
  merged_into_id: number | null;
  /** The code after NFC and case folding: unique (migration 0090). */
  code_key: string;
  created_at: string;
  updated_at: string;
}

export interface UnitEventTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  at: string;
  detail: string;
}

/** A reorganisation of the register as one act (migration 0080). */
export interface ReorganisationTable {
  id: Generated<number>;
  effective_date: string;
  file_name: string;
  summary: string;
  before_json: string;
  created_ids_json: string;
  created_at: string;
  undone_at: string | null;
}

export interface UnitLineageTable {
  id: Generated<number>;
  reorganisation_id: number;
  from_unit_id: number;
  to_unit_id: number | null;
  change: string;
  share: number | null;
  effective_date: string;
}

export interface DB extends SafetyTables, DocTemplateTables {
  reorganisations: ReorganisationTable;
  unit_lineage: UnitLineageTable;
  agency: AgencyTable;
  signers: SignerTable;
  signer_signatures: SignerSignatureTable;
  units: UnitTable;
  unit_events: UnitEventTable;
  document_register: DocumentRegisterTable;
  plans: PlanTable;
  plan_tasks: PlanTaskTable;
  plan_task_units: PlanTaskUnitTable;
  plan_targets: PlanTargetTable;
  templates: TemplateTable;
  template_sections: TemplateSectionTable;
  template_indicators: TemplateIndicatorTable;
  template_rules: TemplateRuleTable;
  periods: PeriodTable;
  period_units: PeriodUnitTable;
  period_expected: PeriodUnitTable;
  period_events: PeriodEventTable;
  installed_resources: InstalledResourceTable;
  reports: ReportTable;
  report_values: ReportValueTable;
  report_revisions: ReportRevisionTable;
  report_value_changes: ReportValueChangeTable;
  report_events: ReportEventTable;
  report_event_dates: ReportEventDateTable;
  collect_sources: CollectSourceTable;
  compile_drafts: CompileDraftTable;
  compile_settings: CompileSettingsTable;
  compile_registrations: CompileRegistrationTable;
  scoring_sets: ScoringSetTable;
  scoring_rounds: ScoringRoundTable;
  scorings: ScoringTable;
  scoring_lines: ScoringLineTable;
  scoring_evidence: ScoringEvidenceTable;
  scoring_events: ScoringEventTable;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;

// Plans, templates, periods (migration 0004) and units' reports (migration 0005).
export interface PlanTable {
  id: Generated<number>;
  type: string;
  number: string;
  symbol: string;
  issued_date: string | null;
  issuer: string;
  signer: string;
  summary: string;
  field: string;
  body: string;
  deadlines: string;
  created_at: string;
  updated_at: string;
}

export interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  text: string;
  deadline: string | null;
}

export interface PlanTaskUnitTable {
  id: Generated<number>;
  task_id: number;
  role: 'lead' | 'support';
  position: number;
  unit_id: number | null;
  name: string;
}

export interface PlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  text: string;
  indicator_code: string;
  comparator: string;
  value: string;
  value_unit: string;
  unit_kinds: string;
  scope: string;
}

export interface TemplateTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  description: string;
  based_on_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TemplateSectionTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  number: string;
  title: string;
  hint: string;
  level: number;
  has_text: number;
}

export interface TemplateIndicatorTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  code: string;
  name: string;
  unit: string;
  type: string;
  rule: string;
  numerator: string | null;
  denominator: string | null;
  accumulation: string;
  grp: string;
}

export interface TemplateRuleTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  expression: string;
  message: string;
}

export interface PeriodTable {
  id: Generated<number>;
  name: string;
  type: string;
  year: number;
  idx: number | null;
  window_start: string;
  window_end: string;
  deadline: string;
  template_id: number;
  plan_id: number | null;
  expected_mode: 'kinds' | 'list';
  expected_kinds: string;
  expected_frozen_at: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

export interface PeriodUnitTable {
  period_id: number;
  unit_id: number;
}

export interface PeriodEventTable {
  id: Generated<number>;
  period_id: number;
  kind: 'frozen' | 'expected_updated';
  actor: string;
  at: string;
  note: string;
}

export interface InstalledResourceTable {
  name: string;
  version: number;
  installed_at: string;
}

export interface ReportTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  status: string;
  received_date: string | null;
  channel: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface ReportValueTable {
  report_id: number;
  field_key: string;
  int_value: number | null;
  dec_value: string | null;
  text_value: string | null;
}

export interface ReportRevisionTable {
  id: Generated<number>;
  report_id: number;
  number: number;
  actor: string;
  at: string;
  note: string;
}

export interface ReportValueChangeTable {
  id: Generated<number>;
  revision_id: number;
  field_key: string;
  old_value: string | null;
  new_value: string | null;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  from_status: string;
  to_status: string;
  actor: string;
  at: string;
  note: string;
}

/** The day a status event counts from: a submission's received date, else the day of the action (migration 0092). */
export interface ReportEventDateTable {
  event_id: number;
  on_date: string;
}

// The outgoing-document register (migration 0003).
export interface DocumentRegisterTable {
  id: Generated<number>;
  document_type: string;
  year: number;
  number: number | null;
  symbol: string;
  date: string;
  summary: string;
  signer_name: string;
  file_path: string;
  created_at: string;
}

// Audit log, trash and settings (migration 0050).
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user: string;
  table_name: string;
  row_id: number | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface AuditContextTable {
  id: number;
  user: string;
}

export interface TrashTable {
  id: Generated<number>;
  table_name: string;
  row_id: number;
  label: string;
  row_json: string;
  children_json: string;
  deleted_at: string;
  user: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
}

export interface SafetyTables {
  audit_log: AuditLogTable;
  audit_context: AuditContextTable;
  trash: TrashTable;
  app_settings: AppSettingTable;
}

// Chấm điểm, xếp loại (migration 0040). Points in whole hundredths (_c).
export interface ScoringSetTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  province: string;
  year: number;
  total_c: number;
  content: string;
  based_on_id: number | null;
  created_at: string;
}

export interface ScoringRoundTable {
  id: Generated<number>;
  name: string;
  year: number;
  set_id: number;
  self_deadline: string | null;
  appraisal_deadline: string | null;
  note: string;
  created_at: string;
}

export interface ScoringTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  position: number;
  locked: number;
  updated_at: string;
}

export interface ScoringLineTable {
  scoring_id: number;
  code: string;
  kind: 'criterion' | 'bonus' | 'deduction';
  max_c: number;
  self_c: number | null;
  self_note: string;
  appraised_c: number | null;
  reason: string;
}

export interface ScoringEvidenceTable {
  id: Generated<number>;
  scoring_id: number;
  code: string;
  file_name: string;
  stored_path: string;
  size: number;
  sha256: string;
  added_at: string;
}

export interface ScoringEventTable {
  id: Generated<number>;
  scoring_id: number;
  kind: string;
  actor: string;
  at: string;
  note: string;
}

// Drafts of the consolidated report and the settings of the report sent upward (migration 0020).
export interface CompileDraftTable {
  id: Generated<number>;
  window_key: string;
  period_ids: string;
  compare_ids: string;
  title: string;
  sections: string;
  created_at: string;
  updated_at: string;
}

export interface CompileSettingsTable {
  id: number;
  kinh_gui: string;
  noi_nhan: string;
  email_to: string;
  email_cc: string;
  symbol: string;
  updated_at: string | null;
  /** Grouped points of the units' words per section (migration 0065). */
  max_points: Generated<number>;
  /** 1: each unit's full words go to an annex of the report. */
  unit_text_annex: Generated<number>;
}

// The exact file registered under a number for a window of periods (migration 0065).
export interface CompileRegistrationTable {
  id: Generated<number>;
  window_key: string;
  register_id: number;
  number: number;
  symbol: string;
  date: string;
  file: string;
  sha256: string;
  created_at: string;
}

// Returned Excel workbooks that were accepted (migration 0010).
export interface CollectSourceTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  report_id: number;
  revision: number;
  channel: 'excel';
  file_name: string;
  sha256: string;
  size: number;
  stored_path: string;
  changed_count: number;
  breach_count: number;
  actor: string;
  imported_at: string;
}
