// Table types for Kysely, written by hand to match the migrations.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

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

export interface DB {
  agency: AgencyTable;
  signers: SignerTable;
  units: UnitTable;
  unit_events: UnitEventTable;
  document_register: DocumentRegisterTable;
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
