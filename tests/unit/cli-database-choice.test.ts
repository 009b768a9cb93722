// The command line opens the database this account chose in Cài đặt → Cơ sở dữ liệu, as the app
// does (one rule: platform/database-choice.locateDatabase); --db still wins, and with no choice the
// app's own file in the user's data folder is used. A server's password kept encrypted by the
// system is never put into the URL the command line opens (it has no access to that store).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHOICE_FILE, locateDatabase, writeChoice, type SecretStore } from '../../src/main/platform/database-choice';
import { DB_FILE_NAME, PRODUCT_NAME } from '../../src/main/platform/paths';
import { cliOk, fakeHome } from './cli-process';

const secrets: SecretStore = { encrypt: (t) => `enc:${t}`, decrypt: (d) => d.replace(/^enc:/, '') };

describe('where a start opens the database', () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-choice-'));

  it('takes --db first, then the saved choice, then the app’s own file', () => {
    expect(locateDatabase(undefined, userData, null)).toBe(path.join(userData, DB_FILE_NAME));
    expect(locateDatabase('du-lieu.db', userData, null)).toBe(path.resolve('du-lieu.db'));
    expect(locateDatabase(' postgres://a@h:5432/d ', userData, null)).toBe('postgres://a@h:5432/d');
    writeChoice(path.join(userData, CHOICE_FILE), { kind: 'sqlite', file: '/srv/so-noi-vu.db' });
    expect(locateDatabase(undefined, userData, null)).toBe('/srv/so-noi-vu.db');
    expect(locateDatabase('khac.db', userData, null)).toBe(path.resolve('khac.db'));
  });

  it('puts a kept server password into the URL only where the system can decrypt it', () => {
    const server = { host: 'may-chu', port: 5433, database: 'noi_vu', user: 'can bo' };
    writeChoice(path.join(userData, CHOICE_FILE), {
      kind: 'postgres',
      ...server,
      password: { protectedBy: 'os', data: secrets.encrypt('b@o c@o') },
    });
    expect(locateDatabase(undefined, userData, secrets)).toBe('postgres://can%20bo:b%40o%20c%40o@may-chu:5433/noi_vu');
    // the command line: no password in the URL (pgpass or PGPASSWORD supply it)
    expect(locateDatabase(undefined, userData, null)).toBe('postgres://can%20bo@may-chu:5433/noi_vu');
  });

  it('the command line without --db works on the file chosen in Cài đặt, not on the default file', async () => {
    const home = fakeHome();
    const data = path.join(home, '.config', PRODUCT_NAME);
    const chosen = path.join(home, 'chung', 'so-noi-vu.db');
    fs.mkdirSync(path.dirname(chosen), { recursive: true });
    writeChoice(path.join(data, CHOICE_FILE), { kind: 'sqlite', file: chosen });
    const unit = { code: 'X01', name: 'UBND xã Một', shortName: '', kind: 'ubnd_xa', parentId: null, email: '' };
    await cliOk(['call', 'units.create', JSON.stringify({ ...unit, contactPerson: '', phone: '', activeTo: null })], {
      home,
    });
    const listed = JSON.parse(await cliOk(['units', 'list', '--json'], { home })) as { code: string }[];
    expect(listed.map((u) => u.code)).toContain('X01');
    expect(fs.existsSync(chosen)).toBe(true);
    expect(fs.existsSync(path.join(data, DB_FILE_NAME))).toBe(false);
    // --db still chooses another file for one command
    const other = path.join(home, 'khac.db');
    const none = JSON.parse(await cliOk(['units', 'list', '--json', '--db', other], { home })) as unknown[];
    expect(none).toEqual([]);
  });
});
