// The plan-text commands: `plans import FILE --json` prints the new plan's id, its periods and the
// reader's warnings; `plans export ID --out FILE.docx` writes it back in its own format.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { tempDir } from './helpers';
import JSZip from 'jszip';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plans import --json and plans export --out', () => {
  it('imports a Party directive, refuses it a second time, and writes it back in the Party format', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    const unit = { code: 'BDV', name: 'Ban Dân vận Tỉnh ủy', shortName: '', kind: 'khac', parentId: null };
    const create = JSON.stringify({
      ...unit,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    expect((await run('call', 'units.create', create, '--db', db)).code).toBe(0);
    const file = path.join(__dirname, '../fixtures/directives/04-tinh-uy-chi-thi.txt');

    const first = await run('plans', 'import', file, '--json', '--db', db);
    expect(first.code).toBe(0);
    const r = JSON.parse(first.out) as {
      planId: number;
      system: string;
      periods: { name: string; deadline: string }[];
      createdUnits: unknown[];
      warnings: string[];
    };
    expect(r).toMatchObject({ planId: 1, system: 'party', createdUnits: [] });
    expect(r.periods.map((p) => [p.name, p.deadline])).toEqual([['Năm 2024', '2024-11-30']]);
    expect(r.warnings).toEqual([
      'Khối chữ ký không ghi họ tên người ký (chỉ có “(Đã ký)” hoặc để trống): để trống, không tự điền.',
    ]);

    const again = await run('plans', 'import', file, '--db', db);
    expect(again.code).toBe(2);
    expect(again.err).toContain('đã có trong danh sách (mã số 1');

    const out = path.join(dir, 'chi-thi.docx');
    const x = await run('plans', 'export', '1', '--out', out, '--db', db);
    expect(x.code).toBe(0);
    expect(x.out).toContain('Lưu ý: Văn bản nguồn không ghi họ tên người ký');
    // the paragraphs of the written file, read from its XML
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(texts).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(texts).toContain('Số 09-CT/TU');
    expect(texts).toContain('T/M BAN THƯỜNG VỤ');
    expect(texts.join('\n')).not.toContain('CỘNG HÒA');
    expect(fs.existsSync(out)).toBe(true);
  });
});
