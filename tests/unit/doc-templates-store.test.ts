// Stored Word templates (versions, archive), the per-unit mail merge with progress, the catalogue
// held together with the values, and the CLI commands (docs fields / lint / fill / add / merge).
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { folderPlatform } from '../../src/main/platform/platform';
import { runCli } from '../../src/main/cli';
import { sql } from 'kysely';
import { createDispatch } from '../../src/main/dispatch';
import { contractCaller } from '../../src/main/cli/kit';
import { buildValues } from '../../src/main/features/doc-templates/values';
import { fillFile } from '../../src/main/features/doc-templates/fill';
import { fillFileInput } from '../../src/shared/contract/doc-templates';
import { FIELDS } from '../../src/main/features/doc-templates/catalogue';
import type { FieldInfo } from '../../src/shared/contract/doc-templates';
import { cliDatabaseOf, freshCore, tempDir } from './helpers';
import { saveCriteriaSet } from '../../src/main/features/scoring/criteria-sets';
import { createRound } from '../../src/main/features/scoring/rounds';
import { saveScores } from '../../src/main/features/scoring/unit-scoring';
import { criteriaSetInput, roundInput, saveScoresInput } from '../../src/shared/contract/scoring';
import defaultSet from '../../resources/scoring/dan-van-chinh-quyen.json';
import { seedCompile, type CompileFixture } from './compile-fixture';
import { buildDocx, headerBlock, p, pageHeader, row, table } from './doc-templates-fixtures';

let dir: string;
let core: Core;
let fx: CompileFixture;
let call: ReturnType<typeof contractCaller>;

const letter = () =>
  buildDocx({
    body:
      headerBlock() +
      p('Kính gửi: {unit.name}') +
      p('Tình hình: {unit.state}; hạn nộp mới {reminder.newDeadlineLine}.') +
      table([row(['Chỉ số', 'Giá trị']), row(['{#unit.values}{name}', '{value}{/unit.values}'])], [6000, 2000]),
    header: pageHeader(),
    firstHeader: '',
  });

async function docText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

beforeAll(async () => {
  dir = tempDir('bcnv-doctpl-store-');
  core = await freshCore(dir);
  fx = await seedCompile(core);
  call = contractCaller(createDispatch(core));
});

afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the catalogue and the values', () => {
  it('every field of the common and period groups has a value slot, and nothing else is filled', async () => {
    const { data } = await buildValues(core.db, {
      usage: 'report',
      periodId: fx.period2025,
      roundId: null,
      date: '2025-06-25',
      newDeadline: '2025-07-05',
      number: null,
      images: {},
    });
    const problems: string[] = [];
    const walk = (fields: FieldInfo[], value: Record<string, unknown>, at: string) => {
      for (const f of fields) {
        if (!(f.name in value)) problems.push(`thiếu ${at}${f.name}`);
        const v = value[f.name];
        if (f.kind === 'list' && Array.isArray(v) && v.length && f.fields)
          walk(f.fields, v[0] as Record<string, unknown>, `${at}${f.name}[].`);
        if (f.kind === 'object' && f.fields && v && typeof v === 'object') {
          if (f.dynamicKey)
            for (const item of Object.values(v)) walk(f.fields, item as Record<string, unknown>, `${at}${f.name}.*.`);
          else walk(f.fields, v as Record<string, unknown>, `${at}${f.name}.`);
        }
      }
      const known = new Set(fields.map((f) => f.name));
      for (const k of Object.keys(value)) if (!known.has(k)) problems.push(`thừa ${at}${k}`);
    };
    walk(
      FIELDS.filter((f) => f.source === 'common' || f.source === 'period'),
      data,
      '',
    );
    expect(problems).toEqual([]);
    expect((data.indicator as Record<string, { total: string }>).DT01!.total).toBe('125');
  });
});

describe('stored Word templates', () => {
  it('keeps versions: a new one only when the file changed; archives on delete', async () => {
    const first = await call('docTemplates.upload', {
      fileName: 'thu.docx',
      data: await letter(),
      name: 'Thư gửi đơn vị',
      usage: 'unit_letter',
    });
    expect(first.newVersion).toBe(false);
    expect(first.template.versions.map((v) => v.version)).toEqual([1]);
    expect(first.template.lint.ok).toBe(true);
    const changed = await buildDocx({
      body: headerBlock() + p('Kính gửi: {unit.name}.'),
      header: pageHeader(),
      firstHeader: '',
    });
    const second = await call('docTemplates.upload', {
      fileName: 'thu-2.docx',
      data: changed,
      id: first.template.id,
      name: 'Thư gửi đơn vị',
      usage: 'unit_letter',
    });
    expect([second.newVersion, second.template.versions.map((v) => [v.version, v.fileName])]).toEqual([
      true,
      [
        [2, 'thu-2.docx'],
        [1, 'thu.docx'],
      ],
    ]);
    const notWord = new TextEncoder().encode('Kính gửi: {unit.name}');
    await expect(
      call('docTemplates.upload', {
        fileName: 'thu.txt',
        data: notWord,
        id: first.template.id,
        name: 'Thư gửi đơn vị',
        usage: 'unit_letter',
      }),
    ).rejects.toThrow('không phải tệp Word .docx');
    const list = await call('docTemplates.list', {});
    expect(list.map((t) => [t.name, t.version, t.errors])).toEqual([['Thư gửi đơn vị', 2, 0]]);
    const updated = await call('docTemplates.update', {
      id: first.template.id,
      name: 'Thư đôn đốc từng đơn vị',
      usage: 'reminder',
      reportTemplateId: fx.templateId,
    });
    expect([updated.usage, updated.reportTemplateId, updated.reportTemplateName !== null]).toEqual([
      'reminder',
      fx.templateId,
      true,
    ]);
    await expect(sql`UPDATE doc_template_versions SET file_name = ${'x'}`.execute(core.db)).rejects.toThrow(
      /không được sửa/,
    );
  });

  it('uploading the same bytes twice keeps one version', async () => {
    const bytes = await letter();
    const a = await call('docTemplates.upload', {
      fileName: 'a.docx',
      data: bytes,
      name: 'Một phiên bản',
      usage: 'unit_letter',
    });
    const b = await call('docTemplates.upload', {
      fileName: 'a.docx',
      data: bytes,
      id: a.template.id,
      name: 'Một phiên bản',
      usage: 'unit_letter',
    });
    expect([b.newVersion, b.template.versions.length]).toEqual([false, 1]);
    await call('docTemplates.delete', { id: a.template.id });
    await expect(call('docTemplates.get', { id: a.template.id })).rejects.toThrow('Không tìm thấy mẫu Word');
    const versions = await core.db
      .selectFrom('doc_template_versions')
      .select('id')
      .where('doc_template_id', '=', a.template.id)
      .execute();
    expect(versions).toHaveLength(1);
  });
});

describe('the scoring report in the office’s own form', () => {
  it('fills the round, the ranking table and the classes with Vietnamese points', async () => {
    const set = (
      await saveCriteriaSet(
        core.db,
        null,
        criteriaSetInput.parse({
          code: 'bo-thu',
          name: 'Bộ tiêu chí thử',
          province: 'Thử',
          year: 2025,
          totalPoints: 100,
          groups: [
            { code: 'A', title: 'Nhóm A', maxPoints: 60, criteria: [{ code: 'A1', title: 'A1', maxPoints: 60 }] },
            { code: 'B', title: 'Nhóm B', maxPoints: 40, criteria: [{ code: 'B1', title: 'B1', maxPoints: 40 }] },
          ],
          bonus: { cap: 5, items: [] },
          deductions: { cap: 5, items: [] },
          classes: defaultSet.classes,
        }),
      )
    ).set;
    const round = await createRound(
      core.db,
      roundInput.parse({ year: 2025, setId: set.id, unitIds: [fx.units.U1, fx.units.U2] }),
    );
    const score = (unitId: number, a: number, b: number) =>
      saveScores(
        core.db,
        saveScoresInput.parse({
          roundId: round.id,
          unitId,
          side: 'appraisal',
          lines: [
            { code: 'A1', score: a },
            { code: 'B1', score: b },
          ],
        }),
      );
    await score(fx.units.U1, 55.5, 38);
    await score(fx.units.U2, 40, 30.25);
    const bytes = await buildDocx({
      body:
        headerBlock() +
        p('{round.name}: {round.evaluated} đơn vị, điểm bình quân {round.average}.') +
        table(
          [
            row(['Hạng', 'Đơn vị', 'Tổng điểm', 'Xếp loại']),
            row(['{#ranking}{rank}', '{unitName}', '{total}', '{classLabel}{/ranking}']),
          ],
          [1000, 4000, 1500, 2000],
        ),
      header: pageHeader(),
      firstHeader: '',
    });
    const out = path.join(dir, 'cham-diem.docx');
    const r = await fillFile(
      core.db,
      { ...core.platform, chooseSavePath: async () => out },
      fillFileInput.parse({ fileName: 'cham-diem.docx', data: bytes, roundId: round.id, date: '2025-12-20' }),
    );
    expect(r.saved).toBe(true);
    const text = await docText(out);
    expect(text).toContain(`${round.name}: 2 đơn vị, điểm bình quân 81,88.`);
    expect(text).toContain('1Sở Tư pháp93,5');
    expect(text).toContain('2Sở Tài chính70,25');
  });
});

describe('gửi từng đơn vị', () => {
  it('writes one letter per unit into the chosen folder, with progress, each with its own values', async () => {
    const t = await call('docTemplates.upload', {
      fileName: 'thu.docx',
      data: await letter(),
      name: 'Đôn đốc',
      usage: 'reminder',
    });
    const board = await call('dashboard.board', { periodId: fx.period2025, today: '2025-06-25' });
    const late = board.rows.filter((r) => r.timeliness !== 'dung_han').map((r) => r.unitId);
    expect(late.length).toBeGreaterThan(1);
    const out = path.join(dir, 'gui-tung-don-vi');
    const merge = createDispatch({ ...core, platform: folderPlatform(out) } as Core);
    const r = (await merge('docTemplates.mailMerge', {
      id: t.template.id,
      periodId: fx.period2025,
      unitIds: late,
      date: '2025-06-25',
      newDeadline: '2025-07-06',
      jobId: 'merge-1',
      takeNumber: true,
    })) as {
      ok: true;
      value: { files: { unitName: string; path: string }[] };
    };
    expect(r.ok).toBe(true);
    const files = r.value.files;
    expect(files.map((f) => path.basename(f.path))).toEqual(files.map((f) => `${f.unitName}.docx`));
    expect(core.jobs.progress('merge-1')).toMatchObject({ done: late.length, total: late.length, finished: true });
    // One letter sent to several units: one number in the register, pointing at the folder.
    const reg = await core.db
      .selectFrom('document_register')
      .select(['document_type', 'number', 'file_path'])
      .execute();
    expect(reg).toEqual([{ document_type: 'Công văn', number: 1, file_path: out }]);
    for (const f of files) {
      const text = await docText(f.path);
      expect(text).toContain(`Kính gửi: ${f.unitName}`);
      expect(text).toContain('hạn nộp mới ngày 06 tháng 7 năm 2025');
      expect(text).toContain('Số: 01/');
      for (const other of files.filter((x) => x !== f)) expect(text).not.toContain(`Kính gửi: ${other.unitName}`);
    }
  });
});

describe('command line: docs fields / lint / fill / add / templates / merge', () => {
  it('runs every Word-template command on a database file', async () => {
    const cliDir = tempDir('bcnv-doctpl-cli-');
    const seeded = await freshCore(cliDir);
    const f = await seedCompile(seeded);
    await seeded.close();
    const db = await cliDatabaseOf(cliDir);
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const fields = await run(['docs', 'fields', '--json']);
    expect(JSON.parse(fields.out).fields.map((x: FieldInfo) => x.name)).toContain('indicators');
    expect((await run(['docs', 'fields'])).out).toContain('{agency.name}');

    const bad = path.join(cliDir, 'hong.docx');
    fs.writeFileSync(bad, await buildDocx({ body: p('{agency.nmae}') }));
    const lint = await run(['docs', 'lint', bad]);
    expect(lint.code).toBe(1);
    expect(lint.out).toContain('LỖI [đoạn 1]: Trường “agency.nmae” không có trong danh mục; có phải “agency.name”?');

    const good = path.join(cliDir, 'thu.docx');
    fs.writeFileSync(good, await letter());
    expect((await run(['docs', 'lint', good, '--usage', 'unit_letter', '--json'])).code).toBe(0);
    const out = path.join(cliDir, 'da-dien.docx');
    const fill = await run([
      'docs',
      'fill',
      good,
      '--period',
      String(f.period2025),
      '--unit',
      String(f.units.U1),
      '--date',
      '2025-06-25',
      '--out',
      out,
    ]);
    expect(fill.code).toBe(0);
    expect(await docText(out)).toContain('Kính gửi: Sở Tư pháp');
    expect((await run(['docs', 'fill', bad, '--period', String(f.period2025), '--out', out])).code).toBe(2);

    const add = await run(['docs', 'add', good, '--name', 'Thư', '--usage', 'reminder']);
    expect(add.out).toContain('phiên bản 1');
    expect((await run(['docs', 'templates'])).out).toMatch(/^1\tThư\treminder\tphiên bản 1/);
    const folder = path.join(cliDir, 'thu-tung-don-vi');
    const merge = await run([
      'docs',
      'merge',
      '1',
      '--period',
      String(f.period2025),
      '--date',
      '2025-06-25',
      '--out',
      folder,
    ]);
    expect(merge.code).toBe(0);
    expect(merge.out).toMatch(/^Đã tạo \d+ văn bản/);
    expect(fs.readdirSync(folder).filter((x) => x.endsWith('.docx')).length).toBeGreaterThan(1);
    fs.rmSync(cliDir, { recursive: true, force: true });
  });
});
