// Reporting units (đơn vị báo cáo): a tree that keeps closed and merged units for history.

// The two-level local government (from 01/07/2025): xã, phường, đặc khu under the province, with
// their specialist offices; the district kinds stay for the history of units closed that day.
export const UNIT_KINDS = [
  'so_nganh',
  'ubnd_xa',
  'ubnd_phuong',
  'dac_khu',
  'phong_xa',
  'su_nghiep',
  'khac',
  'ubnd_huyen',
  'phong_huyen',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  so_nganh: 'Sở, ban, ngành',
  ubnd_xa: 'UBND xã',
  ubnd_phuong: 'UBND phường',
  dac_khu: 'Đặc khu',
  phong_xa: 'Phòng chuyên môn cấp xã',
  su_nghiep: 'Đơn vị sự nghiệp',
  khac: 'Khác',
  ubnd_huyen: 'UBND cấp huyện (cũ)',
  phong_huyen: 'Phòng chuyên môn cấp huyện (cũ)',
};

export interface Unit {
  id: number;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentId: number | null;
  email: string;
  contactPerson: string;
  phone: string;
  sortOrder: number;
  /** First day of reporting (null: always); */
  activeFrom: string | null;
  /** First day it no longer reports (thôi hoạt động từ, included), null: still active. Valid on D: activeFrom ≤ D < activeTo. */
  activeTo: string | null;
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A unit as listed: with its depth in the tree, for indentation. */
export interface UnitListItem extends Unit {
  depth: number;
  parentCode: string | null;
  isActive: boolean;
}

/**
 * One window of the register as `units.list` lists it (the same units in the same order), with the
 * number of units under the question and the register's counts for the screen's header (units.page).
 */
export interface UnitPage {
  total: number;
  offset: number;
  rows: UnitListItem[];
  /** The whole register, whatever was asked: active today / closed or merged. */
  active: number;
  closed: number;
}

export interface UnitEvent {
  id: number;
  unitId: number;
  kind: 'created' | 'updated' | 'closed' | 'reopened' | 'merged_into' | 'merged_from' | 'imported' | 'reorganised';
  at: string;
  detail: string;
}

/** One row of a unit workbook, as read, before it is stored. */
export interface UnitImportRow {
  row: number;
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  parentCode: string;
  email: string;
  contactPerson: string;
  phone: string;
  sortOrder: number | null;
  activeFrom: string | null;
  activeTo: string | null;
  action: 'create' | 'update' | 'unchanged';
}

export interface UnitImportPreview {
  fileName: string;
  rows: UnitImportRow[];
  errors: { message: string; row?: number; column?: string }[];
  counts: { create: number; update: number; unchanged: number };
}
