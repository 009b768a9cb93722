// Migration 0060: applied on top of a database that already holds units and a report template,
// keeping them; versions are frozen in SQL, usages and image keys are checked by the database.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrationBefore } from './helpers';

describe('migration 0060_doc_templates', () => {
  it('adds Word templates with frozen versions and the signature/seal images over existing data', async () => {
    const conn = await migrateTo(migrationBefore('0060_doc_templates'));
    const { dir } = conn;
    const db = conn.sql;
    db.prepare(
      `INSERT INTO units (code, name, kind, created_at, updated_at) VALUES ('SNV', 'Sở Nội vụ', 'so_nganh', '2025-01-01', '2025-01-01')`,
    ).run();
    db.prepare(
      `INSERT INTO templates (code, version, name, created_at, updated_at) VALUES ('bc', 1, 'Báo cáo', '2025-01-01', '2025-01-01')`,
    ).run();
    const result = await conn.migrateToLatest();
    expect(result.applied).toContain('0060_doc_templates');

    db.prepare(
      `INSERT INTO doc_templates (name, usage, report_template_id, created_at, updated_at) VALUES ('Mẫu sở', 'report', 1, 'x', 'x')`,
    ).run();
    expect(() =>
      db
        .prepare(`INSERT INTO doc_templates (name, usage, created_at, updated_at) VALUES ('Sai', 'khac', 'x', 'x')`)
        .run(),
    ).toThrow(/CHECK/);
    const version = db.prepare(
      `INSERT INTO doc_template_versions (doc_template_id, version, file_name, sha256, size, content, lint_json, created_at) VALUES (1, ?, 'a.docx', 'h', 3, ?, '{}', 'x')`,
    );
    version.run(1, Buffer.from([1, 2, 3]));
    expect(() => version.run(1, Buffer.from([4]))).toThrow(/UNIQUE/);
    expect(() => version.run(0, Buffer.from([4]))).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE doc_template_versions SET content = x'00'`).run()).toThrow(/không được sửa/);
    expect(db.prepare(`SELECT content FROM doc_template_versions`).get()).toEqual({ content: Buffer.from([1, 2, 3]) });

    const image = db.prepare(
      `INSERT INTO doc_images (key, file_name, content, width_px, height_px, width_dmm, height_dmm, updated_at) VALUES (?, 'a.png', x'89', 10, 10, 400, 200, 'x')`,
    );
    image.run('signature');
    expect(() => image.run('logo')).toThrow(/CHECK/);
    expect(db.prepare('SELECT code FROM units').all()).toEqual([{ code: 'SNV' }]);
    await conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
