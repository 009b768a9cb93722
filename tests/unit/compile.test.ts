// Tổng hợp end to end on a real database: figures, the draft that keeps the user's edits, and the
// command line. The files read by other programs (python-docx, LibreOffice, openpyxl, Python's email
// package, pdffonts, qpdf): tests/integration/compile-documents.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { getDraft, refreshDraft, saveDraft } from '../../src/main/features/compile/compile-draft';
import { showCompile } from '../../src/main/features/compile/compile';
import { saveDraftInput, windowInput } from '../../src/shared/contract/compile';
import { sanitizeNarrative } from '../../src/shared/domain/draft';
import { report, seedCompile, type CompileFixture } from './compile-fixture';
import { runCli } from '../../src/main/cli';
import { cliDatabase, freshCore, tempDir } from './helpers';

const OUT = path.resolve('test-output/compile');
let core: Core;
let dir: string;
let fx: CompileFixture;
const opened: string[] = [];

beforeAll(async () => {
  dir = tempDir('bcnv-compile-');
  core = await freshCore({ dir, platform: { opened } });
  fx = await seedCompile(core);
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const win = (over: Record<string, unknown> = {}) =>
  windowInput.parse({ periodIds: [fx.period2025], today: '2025-07-01', ...over });

describe('compile a period', () => {
  it('adds up by rule, compares with last year and measures the targets', async () => {
    const r = await showCompile(core.db, win());
    const ind = (code: string) => r.current.indicators.find((i) => i.code === code)!;
    expect(ind('DT01')).toMatchObject({ value: '125', reported: 4, expected: 5, missing: 1 });
    // 137 / 170, never the average of the units' rates (63,33 %).
    expect(ind('DT04')).toMatchObject({ value: '80.59', numerator: '137', denominator: '170' });
    expect(ind('DV04')).toMatchObject({ value: '60', numerator: '3', denominator: '5', missing: 1 });
    expect(r.current.status).toMatchObject({
      expected: 5,
      reported: 4,
      onTime: 3,
      late: 1,
      missing: 1,
      lateUnits: ['UBND xã Duy Xuyên'],
      missingUnits: ['UBND xã Quế Sơn'],
    });
    expect(r.previous!.periods[0]!.id).toBe(fx.period2024);
    expect(r.comparison.find((c) => c.code === 'DT01')).toMatchObject({ current: '125', previous: '113', delta: '12' });
    expect(r.targets.map((t) => [t.indicatorCode, t.actual, t.met, t.gap])).toEqual([
      ['DV04', '60', false, '-20'],
      ['DT01', '80', false, '-20'],
    ]);
    expect(r.placeholders['DT01.delta']).toBe('tăng 12 cuộc so với cùng kỳ');
    expect(r.placeholders['DT04']).toBe('80,59%');
    const kinds = Object.fromEntries(ind('DT01').byKind.map((k) => [k.kind, k.figure.value]));
    expect(kinds).toEqual({ so_nganh: '75', ubnd_xa: '20', ubnd_phuong: '30' });
  });

  it('refuses overlapping periods and explains an empty comparison, through the dispatcher', async () => {
    const dispatch = createDispatch(core, () => {});
    const bad = (await dispatch('compile.show', { periodIds: [] })) as { ok: boolean; error: { message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toContain('Chọn ít nhất một kỳ');
    const none = await showCompile(core.db, win({ compareIds: [] }));
    expect(none.previous).toBeNull();
    expect(none.placeholders['DT01.delta']).toBe('chưa có số liệu cùng kỳ để so sánh');
  });
});

describe('the draft', () => {
  it('is pre-filled with sentences made of placeholders and the units answers under each section', async () => {
    const v = await getDraft(core.db, win());
    const s = (n: string) => v.draft.sections.find((x) => x.number === n)!;
    const r = (n: string) => v.rendered.sections.find((x) => x.number === n)!.text;
    expect(s('II.1').text).toContain('{{DT01}} cuộc{{DT01.cmp}}');
    expect(r('II.1')).toContain(
      'hội nghị đối thoại của người đứng đầu với Nhân dân: 125 cuộc (tăng 12 cuộc so với cùng kỳ)',
    );
    expect(r('II.1')).toContain('tỷ lệ giải quyết ý kiến qua đối thoại đạt 80,59%');
    // Units' words as points with their attribution, one point per sentence, in the register's order.
    const lines = r('II.1')
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(lines).toEqual([
      '- Tổ chức đối thoại định kỳ hằng quý (Sở Tư pháp).',
      '- Tiếp nhận và trả lời đầy đủ các kiến nghị (Sở Tư pháp).',
      '- Đối thoại với tiểu thương chợ Hội An (UBND phường Hội An).',
    ]);
    expect(r('III.1')).toContain('- Lãnh đạo quan tâm chỉ đạo sát sao (Sở Tài chính).');
    // Every unit's own words are kept for the annex, under their section.
    expect(v.unitTexts.map((e) => [e.heading, e.unitName])).toContainEqual([
      'II.1. Tiếp công dân, đối thoại',
      'Sở Tư pháp',
    ]);
    expect(r('II.6')).toContain(
      'Có 3/5 cơ quan, đơn vị phải báo cáo (60%) đạt tiêu chí “Dân vận khéo”; 1 cơ quan, đơn vị chưa báo cáo nội dung này.',
    );
    expect(r('II.6')).toContain('chưa đạt chỉ tiêu trên 80% (còn thiếu 20 điểm phần trăm)');
    expect(r('')).toContain(
      'Có 4/5 cơ quan, đơn vị gửi báo cáo (3 đúng hạn, 1 nộp muộn); còn 1 cơ quan, đơn vị chưa gửi báo cáo: UBND xã Quế Sơn',
    );
    expect(r('')).toContain('Thực hiện Kế hoạch số 468/KH-UBND');
    expect(v.rendered.title).toBe('Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025');
  });

  it('keeps the user edits when the figures are refreshed, and the figures follow the data', async () => {
    const before = await getDraft(core.db, win());
    const ii1 = before.draft.sections.find((s) => s.number === 'II.1')!;
    const mine = `Nhìn chung, công tác đối thoại được quan tâm (đã tổ chức {{DT01}} cuộc).\n${ii1.text}`;
    await saveDraft(
      core.db,
      saveDraftInput.parse({ ...win(), title: before.draft.title, sections: [{ number: 'II.1', text: mine }] }),
    );
    // The missing unit reports afterwards, with a narrative pasted from Word (tab, NBSP, CR LF).
    await report(
      core,
      fx.period2025,
      fx.units.U5,
      { DT01: 5, DT02: 10, DT03: 10, 'muc:II.1': 'Đối thoại\u00a0với\tđoàn viên.\r\nĐã giải quyết xong.' },
      '2025-06-30',
    );
    const after = await refreshDraft(core.db, win());
    const sec = after.draft.sections.find((s) => s.number === 'II.1')!;
    expect(sec.text.startsWith('Nhìn chung, công tác đối thoại được quan tâm (đã tổ chức {{DT01}} cuộc).')).toBe(true);
    expect(sec.text).toContain('- Đối thoại với đoàn viên (UBND xã Quế Sơn).');
    expect(sec.refreshNote).toMatch(/Đã thêm \d đoạn mới/);
    const rendered = after.rendered.sections.find((s) => s.number === 'II.1')!.text;
    expect(rendered).toContain('(đã tổ chức 130 cuộc)');
    expect(rendered).toContain('130 cuộc (tăng 17 cuộc so với cùng kỳ)');
    // An untouched section takes the new generated text.
    const opening = after.rendered.sections.find((s) => s.number === '')!.text;
    expect(opening).toContain('Có 5/5 cơ quan, đơn vị gửi báo cáo (3 đúng hạn, 2 nộp muộn)');
    // Refreshing again changes nothing.
    const again = await refreshDraft(core.db, win());
    expect(again.draft.sections.find((s) => s.number === 'II.1')!.text).toBe(sec.text);
  });

  it('cleans narratives pasted from Word', () => {
    expect(sanitizeNarrative('A\u0007B\t C\u00a0D\r\n\r\n{{DT01}}\u200b')).toBe('AB C D\n{ {DT01}}');
  });
});

describe('command line', () => {
  it('compile show --json, export report/summary, compile eml', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => err.push(x) };
    const db = cliDatabase(core);
    const p = String(fx.period2025);
    expect(await runCli(['compile', 'show', '--period', p, '--today', '2025-07-01', '--json', '--db', db], io)).toBe(0);
    const shown = JSON.parse(out.join('\n')) as { current: { indicators: { code: string; value: string | null }[] } };
    expect(shown.current.indicators.find((i) => i.code === 'DT01')!.value).toBe('130');
    const cliDir = path.join(dir, 'cli');
    fs.mkdirSync(cliDir);
    expect(
      await runCli(['export', 'summary', '--period', p, '--out', path.join(cliDir, 'tong-hop.xlsx'), '--db', db], io),
    ).toBe(0);
    expect(
      await runCli(
        [
          'export',
          'report',
          '--period',
          p,
          '--out',
          path.join(cliDir, 'bao-cao.docx'),
          '--date',
          '2025-07-06',
          '--db',
          db,
        ],
        io,
      ),
    ).toBe(0);
    expect(await runCli(['compile', 'eml', '--period', p, '--out', path.join(cliDir, 'thu.eml'), '--db', db], io)).toBe(
      0,
    );
    expect(fs.readdirSync(cliDir).sort()).toEqual(expect.arrayContaining(['bao-cao.docx', 'thu.eml', 'tong-hop.xlsx']));
    expect(fs.readFileSync(path.join(cliDir, 'bao-cao.docx')).subarray(0, 2).toString()).toBe('PK');
    // The same report as a PDF ready for ký số: its fonts embedded, its words those of the Word file.
    const pdf = path.join(cliDir, 'bao-cao.pdf');
    expect(
      await runCli(['export', 'report', '--period', p, '--out', pdf, '--date', '2025-07-06', '--db', db], io),
    ).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await runCli(['export', 'report', '--period', p, '--out', path.join(cliDir, 'x.odt'), '--db', db], io)).toBe(
      2,
    );
    expect(err.at(-1)).toContain('.pdf');
  });
});
