// Reporting units (đơn vị báo cáo): a tree that keeps closed and merged units for history.

export const UNIT_KINDS = ['so_nganh', 'ubnd_xa', 'ubnd_phuong', 'dac_khu', 'su_nghiep', 'khac'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  so_nganh: 'Sở, ban, ngành',
  ubnd_xa: 'UBND xã',
  ubnd_phuong: 'UBND phường',
  dac_khu: 'Đặc khu',
  su_nghiep: 'Đơn vị sự nghiệp',
  khac: 'Khác',
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
  activeFrom: string | null;
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

export interface UnitEvent {
  id: number;
  unitId: number;
  kind: 'created' | 'updated' | 'closed' | 'reopened' | 'merged_into' | 'merged_from' | 'imported';
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
