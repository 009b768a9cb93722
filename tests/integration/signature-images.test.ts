// Signature and seal images on copies that are not signed digitally: each signer's own signature
// (Cài đặt → Cơ quan), the agency's seal; placed only when an export asks, refused when missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/dispatch';
import { listRegister } from '../../src/main/features/documents/register';
import { sampleModel } from '../../src/main/features/documents/samples';
import type { Result } from '../../src/shared/errors';
import type { SavedDocument } from '../../src/shared/contract/documents';
import type { Core } from '../../src/main/core/core';
import { freshCore, migrateTo, migrationBefore } from '../unit/helpers';
import { tempDir } from './documents-helpers';
import { png } from '../fixtures/png';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
const agency = {
  parentName: 'UBND TỈNH QUẢNG NAM',
  name: 'SỞ NỘI VỤ',
  abbreviation: 'SNV',
  place: 'Quảng Nam',
  draftingUnit: 'CCVT',
  signers: [
    {
      fullName: 'Nguyễn Văn An',
      title: 'PHÓ GIÁM ĐỐC',
      authorityPrefix: 'KT.',
      authorityLine: 'GIÁM ĐỐC',
      isDefault: true,
    },
  ],
};

describe('signature and seal images', () => {
  it('keeps a signer’s signature by name and places it with the seal only when asked', async () => {
    const dir = tempDir();
    core = await freshCore(dir);
    const dispatch = createDispatch(core);
    const call = async <T>(method: string, args: unknown): Promise<T> => {
      const r = (await dispatch(method as never, args as never)) as Result<T>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    await call('agency.save', agency);
    // A blank number (the clerk writes it), so the same letter can be written several times.
    const sample = sampleModel('cong-van');
    const model = { ...sample, header: { ...sample.header, number: null } };

    // Asked for before any image is on file: refused, naming what is missing, nothing written.
    const refused = (await dispatch('documents.export', {
      model,
      takeNumber: true,
      format: 'pdf',
      images: true,
    })) as Result<SavedDocument>;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Chưa có ảnh chữ ký của Nguyễn Văn An');
    expect(await listRegister(core.db)).toEqual([]);

    // Not a PNG: refused.
    const notPng = (await dispatch('agency.saveSignature', {
      fullName: 'Nguyễn Văn An',
      fileName: 'chu-ky.jpg',
      data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]),
    })) as Result<unknown>;
    expect(notPng.ok).toBe(false);
    if (!notPng.ok) expect(notPng.error.message).toContain('không phải ảnh PNG');

    await call('agency.saveSignature', {
      fullName: 'Nguyễn Văn An',
      fileName: 'chu-ky.png',
      data: bytes(png(240, 90, [20, 40, 200, 255])),
    });
    const a = await call<{ signers: { signatureImage: unknown }[] }>('agency.get', {});
    expect(a.signers[0]!.signatureImage).toEqual({ fileName: 'chu-ky.png', widthPx: 240, heightPx: 90 });
    // The signature kept, the seal still missing.
    const noSeal = (await dispatch('documents.export', {
      model,
      takeNumber: false,
      format: 'pdf',
      images: true,
    })) as Result<SavedDocument>;
    expect(noSeal.ok).toBe(false);
    if (!noSeal.ok) expect(noSeal.error.message).toContain('Chưa có ảnh con dấu');

    await call('docTemplates.saveImage', {
      key: 'seal',
      fileName: 'dau.png',
      data: bytes(png(160, 160, [220, 20, 20, 200])),
    });
    const pdf = await call<SavedDocument>('documents.export', {
      model,
      takeNumber: false,
      format: 'pdf',
      images: true,
    });
    const list = execFileSync('pdfimages', ['-list', pdf.path!], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    // Two pictures, each with its transparency (an smask row follows each image).
    expect(list.filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l)).length).toBe(2);
    expect(list.filter((l) => /^\s*\d+\s+\d+\s+smask\s/.test(l)).length).toBe(2);

    const docx = await call<SavedDocument>('documents.export', {
      model,
      takeNumber: false,
      format: 'docx',
      images: true,
    });
    const media = Object.keys((await JSZip.loadAsync(fs.readFileSync(docx.path!))).files).filter((f) =>
      f.startsWith('word/media/'),
    );
    expect(media.length).toBe(2);

    // Without asking, no picture: the copy to sign digitally.
    const plain = await call<SavedDocument>('documents.export', { model, takeNumber: false, format: 'pdf' });
    expect(
      execFileSync('pdfimages', ['-list', plain.path!], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean),
    ).toEqual([]);

    expect(await call('agency.deleteSignature', { fullName: 'Nguyễn Văn An' })).toEqual({ deleted: true });
    expect((await call<{ signers: { signatureImage: unknown }[] }>('agency.get', {})).signers[0]!.signatureImage).toBe(
      null,
    );
    expect(path.dirname(pdf.path!)).toBe(path.join(dir, 'exports'));
  });

  it('migration 0100 adds the table of signature images', async () => {
    const conn = await migrateTo(migrationBefore('0100_signer_signatures'));
    const db = conn.sql;
    db.prepare(
      `INSERT INTO signers (full_name, title, authority_prefix, authority_line, is_default, sort_order) VALUES ('A', 'GIÁM ĐỐC', '', '', 1, 0)`,
    ).run();
    const r = await conn.migrateToLatest();
    expect(r.applied).toContain('0100_signer_signatures');
    db.prepare(
      `INSERT INTO signer_signatures (full_name, file_name, content, width_px, height_px, updated_at) VALUES ('A', 'a.png', x'89', 10, 5, '2025-01-01')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO signer_signatures (full_name, file_name, content, width_px, height_px, updated_at) VALUES ('B', 'b.png', x'89', 0, 5, '2025-01-01')`,
        )
        .run(),
    ).toThrow();
    expect(db.prepare(`SELECT full_name FROM signers`).all()).toEqual([{ full_name: 'A' }]);
    await conn.close();
    fs.rmSync(conn.dir, { recursive: true, force: true });
  });
});
