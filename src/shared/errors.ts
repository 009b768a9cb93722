// Errors users see cross every boundary as data: a code, a Vietnamese message, and where.
import { FIELD_LABELS, fieldPathLabel } from './field-labels';

export interface ErrorLocation {
  file?: string;
  sheet?: string;
  cell?: string;
  row?: number;
  column?: string;
  line?: number;
  field?: string;
}

export interface AppErrorData {
  code: string;
  message: string;
  where?: ErrorLocation;
  /** Further problems of the same operation (for example every bad row of an import). */
  details?: { message: string; where?: ErrorLocation }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  readonly code: string;
  readonly where?: ErrorLocation;
  readonly details?: { message: string; where?: ErrorLocation }[];

  constructor(code: string, message: string, where?: ErrorLocation, details?: AppErrorData['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.where = where;
    this.details = details;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.where) data.where = this.where;
    if (this.details && this.details.length > 0) data.details = this.details;
    return data;
  }
}

/** "dòng 5, cột Mã" and the like, for messages. */
export function describeLocation(where: ErrorLocation | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  if (where.file) parts.push(`tệp ${where.file}`);
  if (where.sheet) parts.push(`trang tính “${where.sheet}”`);
  if (where.cell) parts.push(`ô ${where.cell}`);
  if (where.row !== undefined) parts.push(`dòng ${where.row}`);
  if (where.column) parts.push(`cột ${where.column}`);
  if (where.line !== undefined) parts.push(`dòng ${where.line}`);
  // The key stays in `where` for screens; people read its Vietnamese name. A field named by the
  // user's own data (a criterion's code "1.1") is said as it is.
  if (where.field) {
    const path = where.field.split('.');
    parts.push(FIELD_LABELS[path[0]!] ? fieldPathLabel(path) : `trường ${where.field}`);
  }
  return parts.join(', ');
}
