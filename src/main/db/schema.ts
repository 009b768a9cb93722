// Table types for Kysely, written by hand to match the migrations. The DB type lists every table;
// the tables of a feature area live beside it: reporting-, scoring-, safety-, doc-templates-schema.ts.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DocTemplateTables } from './doc-templates-schema';
import type { SafetyTables } from './safety-schema';
import type {
  PlanTable,
  PlanTaskTable,
  PlanTaskUnitTable,
  PlanTargetTable,
  TemplateTable,
  TemplateSectionTable,
  TemplateIndicatorTable,
  TemplateRuleTable,
  PeriodTable,
  PeriodUnitTable,
  PeriodEventTable,
  InstalledResourceTable,
  ReportTable,
  ReportValueTable,
  ReportRevisionTable,
  ReportValueChangeTable,
  ReportEventTable,
  ReportEventDateTable,
  ReportLastEventTable,
} from './reporting-schema';
import type {
  ScoringSetTable,
  ScoringRoundTable,
  ScoringTable,
  ScoringLineTable,
  ScoringEvidenceTable,
  ScoringEventTable,
} from './scoring-schema';

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

/** A confirmed re-pointing after a reorganisation (migration 0120). */
export interface ReorgRepointTable {
  id: Generated<number>;
  reorganisation_id: number;
  area: string;
  owner_id: number;
  from_unit_id: number;
  to_unit_ids: string;
  actor: string;
  at: string;
}

export interface DB extends SafetyTables, DocTemplateTables {
  reorganisations: ReorganisationTable;
  unit_lineage: UnitLineageTable;
  reorg_repoints: ReorgRepointTable;
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
  report_last_events: ReportLastEventTable;
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
