// The friendly commands users script: agency, compile settings, plans export, the reminder letter.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { tempDir } from './helpers';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('bcnv-wcli-');
  db = path.join(dir, 'cli.db');
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json<T>(...args: string[]): Promise<T> {
  const r = await run(...args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as T;
}

/** The visible text of a .docx (paragraphs joined by newlines). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('agency set', () => {
  it('sets the agency from flags, then from the JSON that agency show prints; a bad value changes nothing', async () => {
    const set = await run(
      'agency',
      'set',
      '--name',
      'SỞ NỘI VỤ',
      '--parent',
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      '--abbreviation',
      'SNV',
      '--place',
      'Quảng Nam',
      '--signer',
      'KT. GIÁM ĐỐC/PHÓ GIÁM ĐỐC/Nguyễn Văn An',
      '--signer',
      'GIÁM ĐỐC/Trần Thị Bình',
    );
    expect(set.code).toBe(0);
    expect(set.out).toContain('Người ký: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Nguyễn Văn An (mặc định)');
    const shown = await json<{ name: string; signers: { fullName: string; isDefault: boolean }[] }>(
      'agency',
      'show',
      '--json',
    );
    expect(shown.name).toBe('SỞ NỘI VỤ');
    expect(shown.signers.map((s) => [s.fullName, s.isDefault])).toEqual([
      ['Nguyễn Văn An', true],
      ['Trần Thị Bình', false],
    ]);

    // flags change only what they name
    expect((await run('agency', 'set', '--place', 'Đà Nẵng')).code).toBe(0);
    const moved = await json<typeof shown & { place: string }>('agency', 'show', '--json');
    expect(moved).toMatchObject({ name: 'SỞ NỘI VỤ', place: 'Đà Nẵng' });
    expect(moved.signers).toHaveLength(2);

    // the printed JSON goes back in as it is
    const file = path.join(dir, 'co-quan.json');
    fs.writeFileSync(file, JSON.stringify({ ...moved, draftingUnit: 'XDCQ' }));
    expect((await run('agency', 'set', file)).code).toBe(0);
    expect(await json('agency', 'show', '--json')).toMatchObject({ draftingUnit: 'XDCQ', place: 'Đà Nẵng' });

    const bad = await run('agency', 'set', '--abbreviation', 'S N V');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Chữ viết tắt chỉ gồm chữ IN HOA');
    const badSigner = await run('agency', 'set', '--signer', 'Nguyễn Văn An');
    expect(badSigner.code).toBe(1);
    expect(badSigner.err).toContain('CHỨC VỤ/Họ tên');
    expect(await json('agency', 'show', '--json')).toMatchObject({ abbreviation: 'SNV', draftingUnit: 'XDCQ' });
    expect((await run('agency', 'set')).code).toBe(2);
  });
});

describe('settings', () => {
  it('sets Kính gửi, Nơi nhận, email recipients and the symbol; repeated flags replace a list, --clear empties it', async () => {
    const r = await run(
      'settings',
      'set',
      '--to',
      'Ủy ban nhân dân tỉnh Quảng Nam',
      '--to',
      'Bộ Nội vụ',
      '--recipient',
      'Ban Dân vận Tỉnh ủy',
      '--email-to',
      'VanThu@QuangNam.gov.vn',
      '--symbol',
      'BC-SNV',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Kính gửi: Ủy ban nhân dân tỉnh Quảng Nam; Bộ Nội vụ');
    expect(await json('settings', 'show', '--json')).toMatchObject({
      to: ['Ủy ban nhân dân tỉnh Quảng Nam', 'Bộ Nội vụ'],
      recipients: ['Ban Dân vận Tỉnh ủy'],
      emailTo: ['vanthu@quangnam.gov.vn'],
      emailCc: [],
      symbol: 'BC-SNV',
    });
    expect(
      (await run('settings', 'set', '--clear', 'to', '--recipient', 'Sở Tư pháp', '--max-points', '3', '--annex', 'no'))
        .code,
    ).toBe(0);
    expect(await json('settings', 'show', '--json')).toMatchObject({
      to: [],
      recipients: ['Sở Tư pháp'],
      symbol: 'BC-SNV',
      maxPoints: 3,
      unitTextAnnex: false,
    });
    expect((await run('settings', 'set', '--annex', 'có lẽ')).code).toBe(1);
    const bad = await run('settings', 'set', '--email-to', 'không-phải-email');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('không-phải-email');
    expect((await run('settings', 'set', '--clear', 'nothing')).code).toBe(1);
  });
});

describe('plans export', () => {
  it('writes a plan as JSON that plans import takes back, and as an official-format Word file', async () => {
    const fixture = path.join(__dirname, '..', 'fixtures', 'plans', 'ke-hoach-468-long-khanh-2024.json');
    expect((await run('plans', 'import', fixture)).code).toBe(0);
    const out = path.join(dir, 'ke-hoach.json');
    expect((await run('plans', 'export', '1', out)).code).toBe(0);
    const again = await run('plans', 'import', out);
    expect(again.code).toBe(0);
    const strip = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(strip)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([k]) => !['id', 'createdAt', 'updatedAt'].includes(k))
                .map(([k, x]) => [k, strip(x)]),
            )
          : v;
    expect(JSON.stringify(JSON.parse(fs.readFileSync(out, 'utf8')))).not.toMatch(/"(id|createdAt)":/);
    const first = await json<Record<string, unknown>>('plans', 'show', '1', '--json');
    const second = await json<Record<string, unknown>>('plans', 'show', '2', '--json');
    expect(strip(second)).toEqual(strip(first));

    const docx = path.join(dir, 'ke-hoach.docx');
    expect((await run('plans', 'export', '1', docx)).code).toBe(0);
    expect(await docxText(docx)).toContain('KẾ HOẠCH');
    // The same plan as a PDF ready for ký số; a --format that contradicts the name is refused.
    const pdf = path.join(dir, 'ke-hoach.pdf');
    expect((await run('plans', 'export', '1', pdf)).code).toBe(0);
    expect(pdfText(pdf)).toContain('KẾ HOẠCH');
    const contradicts = await run('plans', 'export', '1', path.join(dir, 'x.pdf'), '--format', 'docx');
    expect(contradicts.code).toBe(1);
    expect(contradicts.err).toContain('--format docx');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    expect((await run('plans', 'export', '1', path.join(dir, 'x.odt'))).code).toBe(1);
  });
});

describe('reports reminder', () => {
  it('writes the reminder letter to every unit that has not reported, entered in the register', async () => {
    for (const [code, name] of [
      ['X001', 'Xã Tam Xuân'],
      ['X002', 'Xã Đại Lộc'],
    ]) {
      const unit = { code, name, shortName: '', kind: 'ubnd_xa', parentId: null, email: '', contactPerson: '' };
      expect(
        (await run('call', 'units.create', JSON.stringify({ ...unit, phone: '', activeFrom: null, activeTo: null })))
          .code,
      ).toBe(0);
    }
    await run(
      'agency',
      'set',
      '--name',
      'SỞ NỘI VỤ',
      '--abbreviation',
      'SNV',
      '--place',
      'Quảng Nam',
      '--signer',
      'GIÁM ĐỐC/Nguyễn Văn An',
    );
    const templates = await json<{ id: number }[]>('templates', 'list', '--json');
    const period = await json<{ id: number }>(
      'periods',
      'create',
      '--type',
      'half',
      '--year',
      '2025',
      '--index',
      '1',
      '--template',
      String(templates[0]!.id),
      '--kinds',
      'ubnd_xa',
      '--json',
    );
    const out = path.join(dir, 'don-doc.docx');
    const r = await json<{ saved: boolean; path: string; entry: { number: number } }>(
      'reports',
      'reminder',
      '--period',
      String(period.id),
      '--out',
      out,
      '--new-deadline',
      '2025-07-10',
      '--date',
      '2025-07-01',
      '--json',
    );
    expect(r).toMatchObject({ saved: true, path: out, entry: { number: 1 } });
    const text = await docxText(out);
    expect(text).toContain('Xã Tam Xuân');
    expect(text).toContain('Xã Đại Lộc');
    expect(text).toMatch(/(trước|chậm nhất) ngày 10 tháng 0?7 năm 2025/);
    const missingOut = await run('reports', 'reminder', '--period', String(period.id));
    expect(missingOut.code).toBe(1);
    expect(missingOut.err).toContain('--out FILE.docx');
    // As a PDF: the next number of the register, the same letter.
    const pdf = path.join(dir, 'don-doc.pdf');
    const again = await json<{ saved: boolean; path: string; entry: { number: number } }>(
      'reports',
      'reminder',
      '--period',
      String(period.id),
      '--out',
      pdf,
      '--new-deadline',
      '2025-07-10',
      '--date',
      '2025-07-01',
      '--json',
    );
    expect(again).toMatchObject({ saved: true, path: pdf, entry: { number: 2 } });
    expect(pdfText(pdf)).toContain('Xã Đại Lộc');
    expect(pdfText(pdf)).toContain('Số: 02/');
  });
});
