// The outgoing-document register (sổ văn bản đi): the next number per document type and year
// (restarting at 01 each 1 January) and the list of what was issued.
import type { Kysely, Selectable } from 'kysely';
import type { DB, DocumentRegisterTable } from '../../db/schema';
import type { DocumentTypeName, RegisterEntry } from '../../../shared/model/document';
import { AppError } from '../../../shared/errors';
import type { Executor } from '../../db/executor';
import { engineOf } from '../../db/database';

export interface RegisterInput {
  documentType: DocumentTypeName;
  symbol: string;
  /** ISO date of the document: its year picks the register. */
  date: string;
  summary: string;
  signerName: string;
  filePath: string;
  /** A number given by hand (kept when no number is taken from the register). */
  number?: number | null;
}

export interface RegisterQuery {
  year?: number;
  documentType?: DocumentTypeName;
}

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

function toEntry(r: Selectable<DocumentRegisterTable>): RegisterEntry {
  return {
    id: r.id,
    documentType: r.document_type as DocumentTypeName,
    year: r.year,
    number: r.number,
    symbol: r.symbol,
    date: r.date,
    summary: r.summary,
    signerName: r.signer_name,
    filePath: r.file_path,
    createdAt: r.created_at,
  };
}

/** The number the next document of this type and year would take (without taking it). */
export async function peekNextNumber(db: Executor, documentType: DocumentTypeName, year: number): Promise<number> {
  const row = await db
    .selectFrom('document_register')
    .select((eb) => eb.fn.max<number | null>('number').as('last'))
    .where('document_type', '=', documentType)
    .where('year', '=', year)
    .executeTakeFirst();
  return (row?.last ?? 0) + 1;
}

/**
 * Enters a document in the register. With `takeNumber` it takes the next number of its type and
 * year; otherwise the number stays blank for the clerk. Must run inside the caller's transaction
 * when the number is also written into the file, so a failed export gives the number back.
 */
export async function registerDocument(
  trx: Executor,
  input: RegisterInput,
  takeNumber: boolean,
  now = new Date(),
): Promise<RegisterEntry> {
  const year = yearOf(input.date);
  if (!Number.isInteger(year) || year < 1900)
    throw new AppError('INVALID_DATE', `Ngày văn bản “${input.date}” không hợp lệ.`, { field: 'date' });
  // Two people taking a number of the same register at once on a server: the second waits for the first.
  if (takeNumber) await engineOf(trx).serialize(trx, `register:${input.documentType}:${year}`);
  const number = takeNumber ? await peekNextNumber(trx, input.documentType, year) : (input.number ?? null);
  if (!takeNumber && number !== null) {
    const taken = await trx
      .selectFrom('document_register')
      .select('id')
      .where('document_type', '=', input.documentType)
      .where('year', '=', year)
      .where('number', '=', number)
      .executeTakeFirst();
    if (taken)
      throw new AppError(
        'NUMBER_TAKEN',
        `Số ${String(number).padStart(2, '0')} của ${input.documentType.toLocaleLowerCase('vi')} năm ${year} đã có trong sổ văn bản đi. Hãy để trống số hoặc lấy số tiếp theo.`,
        { field: 'header.number' },
      );
  }
  const row = await trx
    .insertInto('document_register')
    .values({
      document_type: input.documentType,
      year,
      number,
      symbol: input.symbol,
      date: input.date,
      summary: input.summary,
      signer_name: input.signerName,
      file_path: input.filePath,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(row);
}

/** Takes the next number in its own transaction (the unique index guards against a double). */
export async function takeNextNumber(db: Kysely<DB>, input: RegisterInput, now = new Date()): Promise<RegisterEntry> {
  return db.transaction().execute((trx) => registerDocument(trx, input, true, now));
}

/** Issued documents, newest first. */
export async function listRegister(db: Executor, q: RegisterQuery = {}): Promise<RegisterEntry[]> {
  let query = db.selectFrom('document_register').selectAll();
  if (q.year !== undefined) query = query.where('year', '=', q.year);
  if (q.documentType !== undefined) query = query.where('document_type', '=', q.documentType);
  const rows = await query.orderBy('date', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toEntry);
}
