// Table types of the audit log, trash and settings (migration 0050).
import type { Generated } from 'kysely';

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
