// Shared set-up for the Excel collection tests, the e2e test and the bench: a database with units
// and a period on the default template, and a way to fill a generated workbook as a unit would.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/main/db/schema';
import { createUnit } from '../../src/main/features/units/units';
import { listTemplates } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { saveAgency } from '../../src/main/features/agency/agency';
import { periodInput } from '../../src/shared/contract/periods';
import { agencyInput } from '../../src/shared/contract/agency';
import { INPUT_SHEET } from '../../src/main/features/collect/collect-cells';
import type { Period } from '../../src/shared/model/period';

export interface CollectSetup {
  period: Period;
  units: { id: number; code: string; name: string }[];
}

/** `count` units of kind UBND xã (codes X001…), an agency, and a 6-month period of 2025. */
export async function setupCollect(db: Kysely<DB>, count = 3, opts: { year?: number } = {}): Promise<CollectSetup> {
  await saveAgency(
    db,
    agencyInput.parse({
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [],
    }),
  );
  const units: CollectSetup['units'] = [];
  for (let i = 1; i <= count; i++) {
    const code = `X${String(i).padStart(3, '0')}`;
    const names = ['Xã Tam Xuân', 'Xã Đại Lộc', 'Phường Hội An', 'Xã Núi Thành'];
    const name = i <= names.length ? names[i - 1]! : `Xã số ${i}`;
    const u = await createUnit(db, {
      code,
      name,
      shortName: i === 1 ? 'Tam Xuân' : '',
      kind: 'ubnd_xa',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    units.push({ id: u.id, code: u.code, name: u.name });
  }
  const templateId = (await listTemplates(db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  const period = await createPeriod(
    db,
    periodInput.parse({
      type: 'half',
      year: opts.year ?? 2025,
      templateId,
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    }),
  );
  return { period, units };
}

/** Finds the row of a code (or section number) in column A of the input sheet. */
export function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  ws.getColumn(1).eachCell((cell, row) => {
    if (!found && String(cell.value ?? '') === label) found = row;
  });
  if (!found) throw new Error(`no row for ${label}`);
  return found;
}

export type Fill = Record<string, ExcelJS.CellValue>;

/**
 * Fills a workbook as a unit would in Excel: values by indicator code ("DT01") or section
 * ("muc:I"), optionally with extra changes, and saves it again (through exceljs).
 */
export async function fillWorkbook(
  data: Uint8Array,
  fill: Fill,
  edit?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(INPUT_SHEET)!;
  for (const [key, value] of Object.entries(fill)) {
    if (key.startsWith('muc:')) ws.getCell(rowOf(ws, key.slice(4)) + 1, 2).value = value;
    else ws.getCell(rowOf(ws, key), 4).value = value;
  }
  edit?.(wb, ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const readBytes = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

export function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(dir, f));
}
