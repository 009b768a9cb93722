// Directing documents (văn bản chỉ đạo): plans, directives… with their tasks and targets.
import type { UnitKind } from './unit';
import type { PeriodType } from './period';

export const PLAN_TYPES = ['KH', 'CT', 'NQ', 'KL', 'QD', 'CV', 'KHAC'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  KH: 'Kế hoạch',
  CT: 'Chỉ thị',
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  QD: 'Quyết định',
  CV: 'Công văn',
  KHAC: 'Khác',
};

export const COMPARATORS = ['tren', 'it_nhat', 'bang', 'duoi', 'khong_qua'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const COMPARATOR_LABELS: Record<Comparator, string> = {
  tren: 'trên',
  it_nhat: 'ít nhất',
  bang: 'đạt',
  duoi: 'dưới',
  khong_qua: 'không quá',
};

/**
 * What a target is about (DOMAIN.md): the total of the area ("toàn tỉnh có 50 mô hình"), a rate or
 * share ("trên 80% cơ quan…"), or each unit ("mỗi cơ quan, đơn vị có ít nhất 01 mô hình"), judged
 * unit by unit and reported as "x/y đơn vị đạt".
 */
export const TARGET_SCOPES = ['total', 'rate', 'each_unit'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

export const TARGET_SCOPE_LABELS: Record<TargetScope, string> = {
  total: 'Tổng toàn địa bàn',
  rate: 'Tỷ lệ',
  each_unit: 'Từng đơn vị',
};

/** A target given without its scope: a rate when it is in %, else the total. */
export const defaultTargetScope = (valueUnit: string): TargetScope => (valueUnit.trim() === '%' ? 'rate' : 'total');

export interface TaskUnitRef {
  /** A unit of the register, when the text names one. */
  unitId: number | null;
  /** The name as the plan writes it ("Phòng Nội vụ", "UBND các phường, xã"). */
  name: string;
}

export interface PlanTask {
  id?: number;
  text: string;
  lead: TaskUnitRef | null;
  /** Units leading the task jointly with `lead`. */
  coLeads: TaskUnitRef[];
  supporting: TaskUnitRef[];
  deadline: string | null;
}

export interface PlanTarget {
  id?: number;
  text: string;
  /** The template indicator it is measured by ("DV04"), if any. */
  indicatorCode: string;
  comparator: Comparator;
  /** "80" with unit "%": the number as written, canonical decimal. */
  value: string;
  valueUnit: string;
  unitKinds: UnitKind[];
  scope: TargetScope;
}

/** The deadline a plan sets for one kind of period: month-day ("05-10" = 10/5). */
export interface PlanDeadline {
  periodType: PeriodType;
  monthDay: string;
}

export interface PlanContent {
  type: PlanType;
  number: string;
  symbol: string;
  issuedDate: string | null;
  issuer: string;
  signer: string;
  summary: string;
  field: string;
  body: string;
  tasks: PlanTask[];
  targets: PlanTarget[];
  deadlines: PlanDeadline[];
}

export interface Plan extends PlanContent {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanListItem {
  id: number;
  type: PlanType;
  number: string;
  symbol: string;
  issuedDate: string | null;
  issuer: string;
  summary: string;
  field: string;
  taskCount: number;
  targetCount: number;
  periodCount: number;
}

/** "Kế hoạch số 468/KH-UBND ngày 27/3/2024". */
export function planReference(p: Pick<PlanContent, 'type' | 'number' | 'symbol' | 'issuedDate'>): string {
  const numberPart = p.number ? `số ${p.number}${p.symbol ? `/${p.symbol}` : ''}` : p.symbol ? `số /${p.symbol}` : '';
  const date = p.issuedDate
    ? ` ngày ${Number(p.issuedDate.slice(8, 10))}/${Number(p.issuedDate.slice(5, 7))}/${p.issuedDate.slice(0, 4)}`
    : '';
  return `${PLAN_TYPE_LABELS[p.type]} ${numberPart}${date}`.replace(/\s+/g, ' ').trim();
}
