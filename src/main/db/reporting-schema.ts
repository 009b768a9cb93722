// Table types of plans, templates, periods (migration 0004) and units' reports (migration 0005).
import type { Generated } from 'kysely';

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
  /** Rules the values break, counted on revision `breach_revision` (migration 0130); null: not counted. */
  breach_count: number | null;
  breach_revision: number | null;
  /** From this day on, the row's status and received date are its standing (migration 0131); null: replay the events. */
  standing_from: string | null;
  /** What `standing_from` was worked out from: "status|received date|last event id". */
  standing_key: string | null;
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

/** Each report's last event id, kept by a trigger on report_events (migration 0200): bookkeeping. */
export interface ReportLastEventTable {
  report_id: number;
  event_id: number;
}
