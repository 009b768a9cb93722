// Table types of migration 0060 (the office's Word templates), kept apart from schema.ts.
import type { Generated } from 'kysely';

export interface DocTemplateTable {
  id: Generated<number>;
  name: string;
  usage: string;
  report_template_id: number | null;
  note: Generated<string>;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface DocTemplateVersionTable {
  id: Generated<number>;
  doc_template_id: number;
  version: number;
  file_name: string;
  sha256: string;
  size: number;
  content: Uint8Array;
  lint_json: string;
  errors: Generated<number>;
  warnings: Generated<number>;
  created_at: string;
}

export interface DocImageTable {
  key: string;
  file_name: string;
  content: Uint8Array;
  width_px: number;
  height_px: number;
  width_dmm: number;
  height_dmm: number;
  updated_at: string;
}

export interface DocTemplateTables {
  doc_templates: DocTemplateTable;
  doc_template_versions: DocTemplateVersionTable;
  doc_images: DocImageTable;
}
