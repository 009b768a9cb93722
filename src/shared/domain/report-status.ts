// Which report statuses still take values: the form, the report service and the Excel collection
// all ask here, so a report submitted or approved cannot be changed by one path and not another.
import type { ReportStatus } from '../model/report';

/** Not yet submitted, being typed, or returned for correction: the values can still change. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['chua_nop', 'dang_nhap', 'tra_lai'];

export const isEditableStatus = (status: ReportStatus): boolean => EDITABLE_STATUSES.includes(status);
