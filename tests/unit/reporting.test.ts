// The default template, plans and templates, on a fresh database each time.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deletePlan, getPlan, importPlan, listPlans } from '../../src/main/features/plans/plans';
import {
  copyTemplate,
  deleteTemplate,
  exportTemplateJson,
  getTemplate,
  importTemplate,
  installDefaultTemplates,
  listTemplates,
  saveTemplate,
  contentOf,
} from '../../src/main/features/templates/templates';
import {
  createPeriod,
  deletePeriod,
  periodExpectedUnits,
  previewPeriod,
} from '../../src/main/features/periods/periods';
import { getReportForm } from '../../src/main/features/reports/reports';
import {
  reopenCore,
  core,
  fixture,
  period,
  unit,
  defaultTemplateId,
  expectAppError,
  useReportingCase,
} from './reporting-case';

useReportingCase();

describe('default template', () => {
  it('is installed on first start, once, and not brought back after deletion', async () => {
    const list = await listTemplates(core.db);
    expect(list).toHaveLength(1);
    const t = await getTemplate(core.db, list[0]!.id);
    expect(t.indicators.map((i) => i.code)).toContain('DT04');
    expect(t.indicators).toHaveLength(30);
    expect(t.sections[0]).toMatchObject({ number: 'I', title: 'Công tác lãnh đạo, chỉ đạo, tuyên truyền' });
    expect(t.rules.map((r) => r.expression)).toEqual([
      'DT03 <= DT02',
      'DN03 <= DN01 + DN02',
      'DN04 <= DN03',
      'HC03 <= HC02',
      'DV02 <= DV01',
    ]);
    expect(await installDefaultTemplates(core.db)).toBe(false);
    await core.close();
    await reopenCore();
    expect(await listTemplates(core.db)).toHaveLength(1);
    await deleteTemplate(core.db, t.id);
    await core.close();
    await reopenCore();
    expect(await listTemplates(core.db)).toHaveLength(0);
  });
});

describe('plans', () => {
  it('imports the two seed plans with their tasks, targets and deadlines', async () => {
    const lk = await importPlan(core.db, 'lk.json', fixture('ke-hoach-468-long-khanh-2024.json'));
    const cl = await importPlan(core.db, 'cl.json', fixture('ke-hoach-chi-lang-2024.json'));
    expect(lk).toMatchObject({
      type: 'KH',
      number: '468',
      symbol: 'KH-UBND',
      issuedDate: '2024-03-27',
      signer: 'Bùi Quốc Thế',
    });
    expect(lk.tasks.length).toBe(12);
    expect(lk.tasks[3]!.lead?.name).toBe('Phòng Nội vụ');
    expect(lk.tasks[3]!.supporting.map((s) => s.name)).toEqual(['Phòng Dân tộc', 'UBND các phường, xã']);
    expect(lk.targets[0]).toMatchObject({ comparator: 'tren', value: '80', valueUnit: '%', indicatorCode: 'DV04' });
    expect(lk.deadlines).toEqual([
      { periodType: 'half', monthDay: '05-10' },
      { periodType: 'year', monthDay: '10-10' },
    ]);
    expect(cl.number).toBe('');
    expect(cl.targets[0]!.value).toBe('100');
    const list = await listPlans(core.db);
    expect(list.map((p) => p.id)).toEqual([cl.id, lk.id]);
    expect(list[1]).toMatchObject({ taskCount: 12, targetCount: 3, periodCount: 0 });
    expect((await getPlan(core.db, lk.id)).tasks[10]!.deadline).toBe('2024-05-10');
  });

  it('refuses a bad plan file as a whole, naming the field', async () => {
    const bad = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', 'ke-hoach-chi-lang-2024.json'), 'utf8'),
    );
    bad.targets[0].value = '1.5';
    await expectAppError(
      importPlan(core.db, 'x.json', new TextEncoder().encode(JSON.stringify(bad))),
      /Chỉ tiêu kế hoạch, dòng 1\b.*dấu chấm ngăn hàng nghìn/,
    );
    expect(await listPlans(core.db)).toHaveLength(0);
  });

  it('uses the plan deadline, and refuses it when it falls before the data window ends', async () => {
    await unit('SNV');
    const plan = await importPlan(core.db, 'lk.json', fixture('ke-hoach-468-long-khanh-2024.json'));
    const templateId = await defaultTemplateId();
    // The plan asks for the 6-month report by 10/5, before the ND 09 cut-off of 14/6.
    const pv = await previewPeriod(core.db, period({ year: 2024, templateId, planId: plan.id }));
    expect(pv.deadline).toBe('2024-05-10');
    expect(pv.deadlineSource).toBe('plan');
    expect(pv.problems[0]).toMatch(/Hạn nộp 10\/05\/2024 không sau ngày chốt số liệu 14\/06\/2024/);
    await expectAppError(
      createPeriod(core.db, period({ year: 2024, templateId, planId: plan.id })),
      /Hạn nộp 10\/05\/2024/,
    );
    // With the plan's own cut-off (30/4) it is accepted.
    const p = await createPeriod(core.db, period({ year: 2024, templateId, planId: plan.id, windowEnd: '2024-04-30' }));
    expect(p).toMatchObject({
      deadline: '2024-05-10',
      windowStart: '2023-12-15',
      windowEnd: '2024-04-30',
      name: '6 tháng đầu năm 2024',
    });
    await expectAppError(deletePlan(core.db, plan.id), /Không xóa được văn bản .*1 kỳ báo cáo/);
    await deletePeriod(core.db, p.id);
    await deletePlan(core.db, plan.id);
    expect(await listPlans(core.db)).toHaveLength(0);
  });
});

describe('templates', () => {
  it('edits in place until a period uses it, then makes a new version; the period keeps the old one', async () => {
    await unit('SNV');
    const id = await defaultTemplateId();
    const t = await getTemplate(core.db, id);
    const edited = await saveTemplate(core.db, id, { ...contentOf(t), description: 'Sửa lần 1' });
    expect(edited).toMatchObject({
      newVersion: false,
      template: { id, version: 1, description: 'Sửa lần 1', frozen: false },
    });
    const p = await createPeriod(core.db, period({ templateId: id }));
    expect((await getTemplate(core.db, id)).frozen).toBe(true);
    const v2 = await saveTemplate(core.db, id, {
      ...contentOf(t),
      name: 'Mẫu sửa',
      indicators: t.indicators.filter((i) => i.code !== 'TX05'),
    });
    expect(v2.newVersion).toBe(true);
    expect(v2.template).toMatchObject({ version: 2, basedOnId: id, name: 'Mẫu sửa', frozen: false });
    expect(v2.template.indicators).toHaveLength(29);
    const old = await getTemplate(core.db, id);
    expect(old.indicators).toHaveLength(30);
    expect(
      (await getReportForm(core.db, p.id, (await periodExpectedUnits(core.db, p.id))[0]!.id)).template.version,
    ).toBe(1);
    await expectAppError(deleteTemplate(core.db, id), /Không xóa được mẫu .*đang được dùng cho 1 kỳ báo cáo/);
    const list = await listTemplates(core.db);
    expect(list.map((x) => [x.version, x.isLatest, x.frozen])).toEqual([
      [2, true, false],
      [1, false, true],
    ]);
  });

  it('refuses an invalid template without writing anything', async () => {
    const id = await defaultTemplateId();
    const t = await getTemplate(core.db, id);
    await expectAppError(
      saveTemplate(core.db, id, { ...contentOf(t), rules: [...t.rules, { expression: 'DT03 <= XX99', message: '' }] }),
      /“XX99” không có trong mẫu/,
    );
    await expectAppError(
      saveTemplate(core.db, id, {
        ...contentOf(t),
        rules: [
          { expression: 'DT02 <= DT01', message: '' },
          { expression: 'DT01 <= DT02 - 0', message: '' },
        ],
      }),
      /vòng lặp/,
    );
    expect((await getTemplate(core.db, id)).rules).toHaveLength(5);
  });

  it('copies, exports and imports (import of an existing code makes a new version when frozen)', async () => {
    await unit('SNV');
    const id = await defaultTemplateId();
    const copy = await copyTemplate(core.db, id, 'dan-chu-co-so', 'Báo cáo dân chủ ở cơ sở');
    expect(copy).toMatchObject({ code: 'dan-chu-co-so', version: 1, basedOnId: id });
    await expectAppError(copyTemplate(core.db, id, 'dan-chu-co-so', 'Lần nữa'), /đã được dùng/);
    const bytes = exportTemplateJson(await getTemplate(core.db, id));
    const file = JSON.parse(new TextDecoder().decode(bytes));
    expect(file).toMatchObject({ format: 'bao-cao-noi-vu/template', code: 'dan-van-chinh-quyen', version: 1 });
    await createPeriod(core.db, period({ templateId: id }));
    const imported = await importTemplate(core.db, 'mau.json', bytes);
    expect(imported).toMatchObject({ newVersion: true, template: { version: 2 } });
    await expectAppError(
      importTemplate(core.db, 'rac.json', new TextEncoder().encode('{"format":"khac"}')),
      /không phải là mẫu báo cáo/,
    );
    await expectAppError(
      importTemplate(core.db, 'rac.json', new TextEncoder().encode('không phải json')),
      /không phải là tệp JSON/,
    );
  });
});
