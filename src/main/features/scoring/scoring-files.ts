// Files in and out of a scoring round: the per-unit self-scoring workbook (out and back in),
// the official report (.docx through the one writer and the register) and the results .xlsx.
import type { DocumentOutput } from '../../../shared/model/document';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import type { SavedDocument } from '../../../shared/contract/documents';
import type { UnitScoring } from '../../../shared/model/scoring';
import { scoreItems } from '../../../shared/domain/scoring';
import { todayIso } from '../../../shared/format';
import { saveExport } from '../../platform/exports';
import { getAgency } from '../agency/agency';
import { exportDocument } from '../documents/documents';
import { parseDocumentModel } from '../../documents/model';
import { getRound } from './rounds';
import { getUnitScoring, saveScores } from './unit-scoring';
import { roundResults } from './round-results';
import { buildScoringBook, scoringBookFileName } from './self-score-book';
import { readScoringBook } from './self-score-reader';
import { buildResultsBook } from './results-book';
import { exportFileName } from '../../platform/export-names';
import { scoringReportModel } from './scoring-report';
import { bookSecret } from '../safety/settings';

const XLSX_FILTER = [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }];

export async function scoringBookBytes(
  db: Kysely<DB>,
  roundId: number,
  unitId: number,
  now = new Date(),
): Promise<{ name: string; data: Uint8Array }> {
  const [round, sheet, agency] = await Promise.all([
    getRound(db, roundId),
    getUnitScoring(db, roundId, unitId),
    getAgency(db),
  ]);
  const data = await buildScoringBook({
    agencyName: agency.name || 'Sở Nội vụ',
    round: { id: round.id, name: round.name, selfDeadline: round.selfDeadline },
    unit: { id: unitId, code: sheet.unitCode, name: sheet.unitName },
    set: sheet.set,
    lines: sheet.lines,
    generatedAt: now.toISOString(),
    secret: await bookSecret(db),
  });
  return { name: scoringBookFileName(round.name, { code: sheet.unitCode, name: sheet.unitName }), data };
}

export async function exportScoringBook(
  db: Kysely<DB>,
  platform: Platform,
  roundId: number,
  unitId: number,
): Promise<{ saved: boolean; path: string | null }> {
  const book = await scoringBookBytes(db, roundId, unitId);
  return saveExport(platform, book.name, XLSX_FILTER, book.data);
}

/**
 * Takes a returned self-scoring workbook: it must belong to this round, to one of its units and to
 * the set version of the round; then its scores are saved as the unit's self-score, all or nothing.
 */
export async function importScoringBook(
  db: Kysely<DB>,
  roundId: number,
  fileName: string,
  data: Uint8Array,
  now = new Date(),
): Promise<UnitScoring> {
  const book = await readScoringBook(data, fileName, await bookSecret(db));
  const { layout } = book;
  const round = await getRound(db, roundId);
  const where = { file: fileName };
  if (layout.roundId !== round.id) {
    throw new AppError(
      'WRONG_ROUND',
      `Tệp “${fileName}” là phiếu tự chấm của đợt “${layout.roundName}”, không phải của đợt “${round.name}” đang mở.`,
      where,
    );
  }
  if (layout.setId !== round.setId) {
    throw new AppError(
      'WRONG_SET',
      `Tệp “${fileName}” được lập theo bộ tiêu chí phiên bản ${layout.setVersion}, khác bộ tiêu chí của đợt (phiên bản ${round.setVersion}). Hãy xuất lại phiếu.`,
      where,
    );
  }
  const unit = round.units.find((u) => u.unitId === layout.unitId);
  if (!unit)
    throw new AppError(
      'NOT_IN_ROUND',
      `Tệp “${fileName}” là phiếu của đơn vị ${layout.unitName} (mã ${layout.unitCode}), đơn vị này không thuộc đợt chấm điểm.`,
      where,
    );
  const sheet = await getUnitScoring(db, roundId, layout.unitId);
  const expected = scoreItems(sheet.set)
    .map((i) => i.code)
    .join('|');
  if (layout.cells.map((c) => c.code).join('|') !== expected) {
    throw new AppError(
      'WRONG_SET',
      `Tệp “${fileName}”: danh sách tiêu chí trong phiếu không khớp bộ tiêu chí của đợt. Hãy xuất lại phiếu.`,
      where,
    );
  }
  if (sheet.locked)
    throw new AppError(
      'LOCKED',
      `Kết quả chấm điểm của ${sheet.unitName} đã được duyệt; hãy mở lại trước khi nhập phiếu “${fileName}”.`,
      where,
    );
  return saveScores(
    db,
    { roundId, unitId: layout.unitId, side: 'self', lines: book.lines, actor: '' },
    now,
    'imported',
    (code) => ({ file: fileName, sheet: layout.sheet, cell: book.cellOf.get(code) }),
  );
}

export async function exportScoringDocx(
  db: Kysely<DB>,
  platform: Platform,
  roundId: number,
  takeNumber: boolean,
  now = new Date(),
  output: DocumentOutput = { format: 'docx', images: false },
): Promise<SavedDocument> {
  const [results, agency] = await Promise.all([roundResults(db, roundId), getAgency(db)]);
  const model = parseDocumentModel(scoringReportModel(results, agency, todayIso(now)));
  return exportDocument(db, platform, model, takeNumber, now, undefined, output, {
    type: 'scoringReport',
    parts: [results.round.name],
  });
}

export async function exportScoringXlsx(
  db: Kysely<DB>,
  platform: Platform,
  roundId: number,
): Promise<{ saved: boolean; path: string | null }> {
  const [results, agency] = await Promise.all([roundResults(db, roundId), getAgency(db)]);
  const data = await buildResultsBook(results, agency.name || 'Sở Nội vụ');
  return saveExport(platform, exportFileName('scoringResults', [results.round.name], 'xlsx'), XLSX_FILTER, data);
}
