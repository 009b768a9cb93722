// Migration 0100: each signer's signature image, keyed by the signer's full name, added to a
// database that already has its agency and signers (which stay as they were).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0100_signer_signatures', () => {
  it('adds one signature per full name beside the signers; sizes are positive, the image is required', async () => {
    const conn = await migrateTo(migrationBefore('0100_signer_signatures'));
    dirs.push(conn.dir);
    const db = conn.sql;
    db.prepare(`INSERT INTO agency (id, name) VALUES (1, 'SỞ NỘI VỤ')`).run();
    db.prepare(
      `INSERT INTO signers (full_name, title, authority_prefix, is_default, sort_order) VALUES ('Nguyễn Văn A', 'GIÁM ĐỐC', '', 1, 0)`,
    ).run();
    const before = JSON.stringify([
      db.prepare('SELECT * FROM agency').all(),
      db.prepare('SELECT * FROM signers').all(),
    ]);
    await conn.migrateTo('0100_signer_signatures');
    expect(JSON.stringify([db.prepare('SELECT * FROM agency').all(), db.prepare('SELECT * FROM signers').all()])).toBe(
      before,
    );
    expect(db.prepare('SELECT * FROM signer_signatures').all()).toEqual([]);

    const add = db.prepare(
      `INSERT INTO signer_signatures (full_name, file_name, content, width_px, height_px, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    add.run('Nguyễn Văn A', 'chu-ky.png', png, 300, 120, '2025-07-01');
    expect(db.prepare('SELECT full_name, file_name, content, width_px FROM signer_signatures').all()).toEqual([
      { full_name: 'Nguyễn Văn A', file_name: 'chu-ky.png', content: png, width_px: 300 },
    ]);
    // One image per person: the same name again is refused (the app replaces it).
    expect(() => add.run('Nguyễn Văn A', 'khac.png', png, 300, 120, '2025-07-02')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => add.run('Trần Thị B', 'b.png', png, 0, 120, '2025-07-01')).toThrow(/CHECK/);
    expect(() => add.run('Trần Thị B', 'b.png', png, 300, -1, '2025-07-01')).toThrow(/CHECK/);
    expect(() => add.run('Trần Thị B', 'b.png', null, 300, 120, '2025-07-01')).toThrow(/NOT NULL/);
    await conn.close();
  });
});
