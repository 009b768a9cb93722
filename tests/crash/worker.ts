// The crash-test worker: runs imports, exports, autosaves and migrations in a loop on one data
// folder, journaling each step only after it committed. The parent SIGKILLs it at random.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { commitUnitImport, exportUnitWorkbook } from '../../src/main/features/units/unit-import';
import { saveAgency } from '../../src/main/features/agency/agency';
import { agencyInput } from '../../src/shared/contract/agency';
import { listUnits, updateUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { writeFileAtomic } from '../../src/main/platform/files';
import { openSqlite } from '../../src/main/db/sqlite/database';
import { createMigrator, migrateToLatest } from '../../src/main/db/migrate';

const [dir, startArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: worker DIR START');
const journal = path.join(dir, 'journal.log');

function record(line: string): void {
  const fd = fs.openSync(journal, 'a');
  fs.writeSync(fd, line + '\n');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // The parent counts committed steps, so where a kill lands does not depend on machine speed.
  process.send?.('step');
}

async function unitBook(batch: string, n: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại']);
  for (let k = 0; k < n; k++) ws.addRow([`${batch}-${k}`, `Đơn vị ${batch} số ${k}`, 'UBND xã']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const core = await openCore({
    dbPath: path.join(dir!, 'data.db'),
    platform: folderPlatform(path.join(dir!, 'exports')),
  });
  fs.mkdirSync(path.join(dir!, 'exports'), { recursive: true });
  fs.mkdirSync(path.join(dir!, 'migrations'), { recursive: true });
  process.send?.('ready');
  for (let i = Number(startArg ?? 0); ; i++) {
    switch (i % 4) {
      case 0: {
        const batch = `B${i}`;
        const book = await unitBook(batch, 20);
        await commitUnitImport(core.db, `${batch}.xlsx`, book);
        record(`import ${batch} 20`);
        break;
      }
      case 1: {
        await saveAgency(
          core.db,
          agencyInput.parse({
            parentName: '',
            name: `SỞ NỘI VỤ ${i}`,
            abbreviation: 'SNV',
            place: 'Quảng Nam',
            draftingUnit: '',
            signers: [],
          }),
        );
        record(`agency ${i}`);
        break;
      }
      case 2: {
        const target = path.join(dir!, 'exports', `units-${i}.xlsx`);
        writeFileAtomic(target, await exportUnitWorkbook(core.db));
        record(`export ${path.basename(target)}`);
        // an autosave-like burst of small edits, each its own transaction
        const [first] = await listUnits(core.db);
        if (first) {
          const { code, name, shortName, kind, parentId, email, phone, sortOrder, activeFrom, activeTo } = first;
          await updateUnit(
            core.db,
            first.id,
            unitInput.parse({
              code,
              name,
              shortName,
              kind,
              parentId,
              email,
              phone,
              sortOrder,
              activeFrom,
              activeTo,
              contactPerson: `Lần ${i}`,
            }),
          );
          record(`autosave ${first.code} ${i}`);
        }
        break;
      }
      case 3: {
        // a migration of an old-version database, from 0001 to the latest
        const file = path.join(dir!, 'migrations', `m${i}.db`);
        const conn = openSqlite(file);
        await createMigrator(conn).migrateTo('0001_initial');
        conn.handle
          .prepare(
            `INSERT INTO units (code, name, short_name, kind, email, contact_person, phone, sort_order, created_at, updated_at) VALUES ('OLD', 'Cũ', '', 'khac', '', '', '', 1, 'x', 'x')`,
          )
          .run();
        record(`migration-start m${i}.db`);
        await migrateToLatest(conn, { backupDir: path.join(dir!, 'migrations', 'backups') });
        await conn.close();
        record(`migration-done m${i}.db`);
        break;
      }
    }
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(3);
});
