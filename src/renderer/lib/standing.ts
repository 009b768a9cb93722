// The badge of a unit's standing (labels and counts come from shared/domain/report-status.ts).
import type { Standing } from '../../shared/model/report';

/** The CSS class of a standing's badge: overdue and late stand out, otherwise the status's own. */
export function standingClass(s: Pick<Standing, 'status' | 'overdue' | 'timeliness'>): string {
  if (s.overdue) return 'rp-badge st-qua_han';
  if (s.status === 'da_nop') return `rp-badge st-${s.timeliness === 'muon' ? 'muon' : 'dung_han'}`;
  return `rp-badge st-${s.status}`;
}
