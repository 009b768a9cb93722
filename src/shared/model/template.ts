// Report templates (mẫu báo cáo / đề cương): narrative sections and indicators, versioned.

export const INDICATOR_TYPES = ['count', 'amount', 'percent', 'yesno', 'text'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const INDICATOR_TYPE_LABELS: Record<IndicatorType, string> = {
  count: 'Số đếm',
  amount: 'Số tiền / số thập phân',
  percent: 'Tỷ lệ %',
  yesno: 'Có / Không',
  text: 'Văn bản',
};

/** How an indicator adds up across units (see DOMAIN.md, "Aggregation rules"). */
export const AGGREGATION_RULES = ['SUM', 'RATE', 'SHARE', 'NONE', 'TEXT'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export const AGGREGATION_LABELS: Record<AggregationRule, string> = {
  SUM: 'Cộng',
  RATE: 'Tỷ lệ tính lại từ tử số và mẫu số',
  SHARE: 'Tỷ lệ đơn vị trả lời “Có”',
  NONE: 'Không cộng',
  TEXT: 'Tập hợp văn bản theo đơn vị',
};

export const ACCUMULATIONS = ['period', 'cumulative'] as const;
export type Accumulation = (typeof ACCUMULATIONS)[number];

export interface TemplateSection {
  /** Heading number as printed: "I", "II.1", … unique in the template. */
  number: string;
  title: string;
  /** Guidance shown under the text area. */
  hint: string;
  /** 1 for a top heading (I, II), 2 for a sub-heading (1., 2.). */
  level: number;
  /** False for a heading that only groups sub-headings (no text of its own). */
  hasText: boolean;
}

export interface TemplateIndicator {
  code: string;
  name: string;
  unit: string;
  type: IndicatorType;
  rule: AggregationRule;
  /** For RATE: codes of the numerator and the denominator; the value is computed, never typed. */
  numerator: string | null;
  denominator: string | null;
  accumulation: Accumulation;
  /** Heading of the group it belongs to in the data annex (free text, may be ""). */
  group: string;
}

export interface TemplateRule {
  /** For example "DT03 <= DT02" or "DN03 <= DN01 + DN02". */
  expression: string;
  /** Optional explanation shown with a breach. */
  message: string;
}

/** The editable content of a template, also its JSON file format. */
export interface TemplateContent {
  code: string;
  name: string;
  description: string;
  sections: TemplateSection[];
  indicators: TemplateIndicator[];
  rules: TemplateRule[];
}

export interface TemplateFile extends TemplateContent {
  format: 'bao-cao-noi-vu/template';
  formatVersion: 1;
  version?: number;
}

export interface Template extends TemplateContent {
  id: number;
  version: number;
  /** Used by a period: frozen; saving changes makes a new version. */
  frozen: boolean;
  basedOnId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateListItem {
  id: number;
  code: string;
  name: string;
  version: number;
  frozen: boolean;
  isLatest: boolean;
  periodCount: number;
  sectionCount: number;
  indicatorCount: number;
  updatedAt: string;
}
