// Table types of chấm điểm, xếp loại, kept apart from schema.ts.
import type { Generated } from 'kysely';

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
  /** Last save (migration 0180): the version a form edits (core/stale-edit.ts). */
  updated_at: string | null;
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
