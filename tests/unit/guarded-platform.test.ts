import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardPlatform } from '../../src/main/platform/guarded-platform';
import type { Platform } from '../../src/main/platform/platform';
import { tempDir } from './helpers';

function fake(answer: { save?: string | null; open?: string | null; folder?: string | null }) {
  const opened: string[] = [];
  const p: Platform = {
    chooseSavePath: async () => answer.save ?? null,
    chooseOpenPath: async () => answer.open ?? null,
    chooseFolder: async () => answer.folder ?? null,
    openPath: async (t) => void opened.push(t),
  };
  return { p, opened };
}

describe('guarded platform', () => {
  const dataDir = tempDir();
  const dbPath = path.join(dataDir, 'bao-cao-noi-vu.db');

  it('refuses to save an export over the database or into the backups', async () => {
    for (const target of [dbPath, `${dbPath}-wal`, path.join(dataDir, 'backups', 'x.xlsx')]) {
      const g = guardPlatform(fake({ save: target }).p, { dbPath, dataDir });
      await expect(g.chooseSavePath('x.xlsx', [])).rejects.toMatchObject({ code: 'PROTECTED_PATH' });
    }
    const ok = guardPlatform(fake({ save: '/tmp/bao-cao.xlsx' }).p, { dbPath, dataDir });
    expect(await ok.chooseSavePath('x.xlsx', [])).toBe('/tmp/bao-cao.xlsx');
  });

  it('opens only what the app wrote, keeps, or the user chose', async () => {
    const f = fake({ save: '/home/u/Documents/bc.docx', folder: '/home/u/xuat' });
    const g = guardPlatform(f.p, { dbPath, dataDir });
    await expect(g.openPath('/etc/passwd')).rejects.toMatchObject({ code: 'PROTECTED_PATH' });
    await expect(g.openPath('/home/u/Documents/bc.docx')).rejects.toMatchObject({ code: 'PROTECTED_PATH' });
    await g.chooseSavePath('bc.docx', []);
    await g.openPath('/home/u/Documents/bc.docx');
    await g.chooseFolder();
    await g.openPath('/home/u/xuat/a.xlsx');
    await g.openPath(path.join(dataDir, 'evidence', 'minh-chung.pdf'));
    await expect(g.openPath(path.join(dataDir, 'evidence', '..', '..', 'ngoai.txt'))).rejects.toMatchObject({
      code: 'PROTECTED_PATH',
    });
    await expect(g.openPath(dbPath)).rejects.toMatchObject({ code: 'PROTECTED_PATH' });
    expect(f.opened).toEqual([
      '/home/u/Documents/bc.docx',
      '/home/u/xuat/a.xlsx',
      path.join(dataDir, 'evidence', 'minh-chung.pdf'),
    ]);
  });
});

describe('crc32', () => {
  it('agrees with the known check value whichever implementation runs', async () => {
    const { crc32 } = await import('../../src/main/workbooks/zip-guard');
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
