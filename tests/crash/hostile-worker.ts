// The crash-test worker of the hostile-file families (issue 21): batches of returned workbooks
// stored, backups checked and restored, data packages checked and imported, tampered backups
// refused; each step journaled only after it is over. The parent SIGKILLs it at random.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { commitCollect } from '../../src/main/features/collect/collect';
import { returnReport } from '../../src/main/features/reports/approval';
import { dailyBackup, inspectBackup, restoreBackup } from '../../src/main/features/safety/backups';
import { buildPackage, importPackage, inspectPackage } from '../../src/main/features/safety/package';
import { createUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { fillWorkbook, filesIn, readBytes } from '../unit/collect-helpers';

const [dir, startArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: hostile-worker DIR START');
const journal = path.join(dir, 'journal.log');

function record(line: string): void {
  const fd = fs.openSync(journal, 'a');
  fs.writeSync(fd, line + '\n');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  process.send?.('step');
}

async function main(): Promise<void> {
  let nextOpen: string | null = null;
  const core = await openCore({
    dbPath: path.join(dir!, 'data.db'),
    platform: folderPlatform(path.join(dir!, 'exports'), { nextOpenPath: () => nextOpen }),
  });
  // the units, the period and their workbooks were set up by the parent (see prepareHostile)
  const books = path.join(dir!, 'books');
  const periodId = (await core.db.selectFrom('periods').select('id').executeTakeFirstOrThrow()).id;
  const blank = filesIn(books).map(readBytes);
  process.send?.('ready');
  for (let i = Number(startArg ?? 0); ; i++) {
    switch (i % 4) {
      case 0: {
        // three returned workbooks, each with new values, stored in one commit
        const files = await Promise.all(
          blank.map(async (b, k) => ({
            fileName: `c${i}-${k}.xlsx`,
            // DT03 above DT02 breaks a rule: recorded as sent with the breach noted
            data: await fillWorkbook(b, { DT01: i + k, DT02: 1, DT03: 2, 'muc:I': `Lần ${i}: đã tổ chức đối thoại.` }),
          })),
        );
        // a report recorded as sent refuses new values until it is returned (issue 13): return them first
        const sent = await core.db
          .selectFrom('reports')
          .select('unit_id')
          .where('period_id', '=', periodId)
          .where('status', '=', 'da_nop')
          .execute();
        for (const r of sent)
          await returnReport(core.db, {
            periodId,
            unitId: r.unit_id,
            actor: 'Thử nghiệm',
            reason: 'Nhận bản tiếp theo',
          });
        const review = await analyzeCollect(core, periodId, files);
        const accept = review.items.filter((x) => x.acceptable).map((x) => ({ index: x.index, map: false }));
        if (accept.length !== files.length)
          throw new Error(`not acceptable: ${JSON.stringify(review.items[0]?.problems)}`);
        await commitCollect(core, review.batchId, accept);
        record(`collect ${i}`);
        break;
      }
      case 1: {
        // a backup, one more unit, then the backup checked and restored (the unit goes)
        const backup = (await dailyBackup(core, new Date(2040, 0, 1 + i)))!;
        await createUnit(core.db, unitInput.parse({ ...UNIT, code: `R${i}`, name: `Sau sao lưu ${i}` }));
        const insp = await inspectBackup(core, path.basename(backup));
        record(`restore-start ${i}`);
        await restoreBackup(core, insp!.token);
        record(`restore ${i}`);
        break;
      }
      case 2: {
        const file = path.join(dir!, `goi-${i}.zip`);
        fs.writeFileSync(file, await buildPackage(core));
        nextOpen = file;
        const insp = await inspectPackage(core);
        record(`package-start ${i}`);
        await importPackage(core, insp!.token);
        fs.rmSync(file, { force: true });
        record(`package ${i}`);
        break;
      }
      case 3: {
        // a backup with a trigger of its own: refused at the check, nothing changed
        const backup = (await dailyBackup(core, new Date(2040, 0, 1 + i)))!;
        const h = new Database(backup);
        h.exec(`CREATE TRIGGER t${i} AFTER INSERT ON units BEGIN UPDATE units SET name = 'bị đổi'; END`);
        h.close();
        const refused = await inspectBackup(core, path.basename(backup)).then(
          () => false,
          () => true,
        );
        fs.rmSync(backup, { force: true });
        if (!refused) throw new Error('a tampered backup was accepted');
        record(`refused ${i}`);
        break;
      }
    }
  }
}

const UNIT = {
  shortName: '',
  kind: 'khac',
  parentId: null,
  email: '',
  contactPerson: '',
  phone: '',
  activeFrom: null,
  activeTo: null,
} as const;

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(3);
});
