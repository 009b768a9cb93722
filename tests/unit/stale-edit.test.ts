// Two people editing the same record (issue 19): a unit, a plan, a period, the agency, a template
// and a criteria set are saved only over the version the form showed; the second save is refused
// naming who saved first and when, and the first one's change stays. On SQLite and, in the
// `postgres` project, the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { DEFAULT_ENGINE, freshCore, tempDir } from './helpers';
import { addUnits, apiOf, CallError, templateId, thisYear, type Api } from './workflow-helpers';
import { contentOf } from '../../src/main/features/templates/templates';

let dir: string;
let core: Core;
let other: Core;
let lan: Api;
let binh: Api;
beforeEach(async () => {
  dir = tempDir();
  core = await freshCore({ dir });
  other = await freshCore({ dir });
  for (const [c, name] of [
    [core, 'Nguyễn Thị Lan'],
    [other, 'Trần Văn Bình'],
  ] as const)
    expect((await createDispatch(c)('audit.setUser', { name })).ok).toBe(true);
  lan = apiOf(core);
  binh = apiOf(other);
});
afterEach(async () => {
  await other.close();
  await core.close();
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CallError) return err.data.message;
    throw err;
  }
  throw new Error('the save was accepted');
}

const UNIT = {
  code: 'XQS',
  name: 'UBND xã Quế Sơn',
  shortName: '',
  kind: 'ubnd_xa' as const,
  parentId: null,
  email: '',
  contactPerson: '',
  phone: '',
  activeFrom: null,
  activeTo: null,
};

describe(`a record edited by two people at once (${DEFAULT_ENGINE})`, () => {
  it('a unit: the second save over the old version is refused, naming who and when; the first change stays', async () => {
    const shown = await lan('units.create', UNIT);
    const first = await binh('units.update', {
      id: shown.id,
      unit: { ...UNIT, email: 'xqs@quangnam.gov.vn' },
      expectedUpdatedAt: shown.updatedAt,
    });
    const message = await refusal(
      lan('units.update', {
        id: shown.id,
        unit: { ...UNIT, phone: '0235 3000 000' },
        expectedUpdatedAt: shown.updatedAt,
      }),
    );
    expect(message).toMatch(
      /^Đơn vị này đã được Trần Văn Bình sửa lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} sau khi anh\/chị mở\. Thay đổi anh\/chị vừa nhập chưa được lưu/,
    );
    const now = await lan('units.get', { id: shown.id });
    expect(now).toMatchObject({ email: 'xqs@quangnam.gov.vn', phone: '' });
    // reopened, the change is made on the new version and both are kept
    const again = await lan('units.update', {
      id: shown.id,
      unit: { ...UNIT, email: now.email, phone: '0235 3000 000' },
      expectedUpdatedAt: now.updatedAt,
    });
    expect(again).toMatchObject({ email: 'xqs@quangnam.gov.vn', phone: '0235 3000 000' });
    expect(first.updatedAt).not.toBe(shown.updatedAt);
    // the command line edits what is there now (no version sent)
    await binh('units.update', { id: shown.id, unit: { ...UNIT, email: now.email, phone: '0235 3999 999' } });
  });

  it('a period and the agency: the same rule', async () => {
    await addUnits(lan, 2);
    const period = await lan('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const input = {
      type: period.type,
      year: period.year,
      index: period.index,
      templateId: period.templateId,
      expected: { mode: 'kinds' as const, kinds: ['ubnd_xa' as const] },
    };
    await binh('periods.update', {
      id: period.id,
      period: { ...input, note: 'Bình ghi chú' },
      expectedUpdatedAt: period.updatedAt,
    });
    expect(
      await refusal(lan('periods.update', { id: period.id, period: input, expectedUpdatedAt: period.updatedAt })),
    ).toMatch(/^Kỳ báo cáo này đã được Trần Văn Bình sửa lúc/);
    expect((await lan('periods.get', { id: period.id })).note).toBe('Bình ghi chú');

    const AGENCY = {
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [],
    };
    const empty = await lan('agency.get', undefined);
    await binh('agency.save', { ...AGENCY, expectedUpdatedAt: empty.updatedAt });
    expect(
      await refusal(lan('agency.save', { ...AGENCY, place: 'Tam Kỳ', expectedUpdatedAt: empty.updatedAt })),
    ).toMatch(/^Thông tin cơ quan đã được Trần Văn Bình sửa lúc/);
    expect((await lan('agency.get', undefined)).place).toBe('Quảng Nam');
    const saved = await lan('agency.get', undefined);
    const mine = await lan('agency.save', { ...AGENCY, place: 'Tam Kỳ', expectedUpdatedAt: saved.updatedAt });
    // the screen keeps the version it saved: its next save goes through
    await lan('agency.save', { ...AGENCY, place: 'Tam Kỳ', draftingUnit: 'VP', expectedUpdatedAt: mine.updatedAt });
  });

  it('a template not used yet (edited in place): the same rule', async () => {
    const shown = await lan('templates.get', { id: await templateId(core) });
    expect(shown.frozen).toBe(false);
    await binh('templates.save', {
      id: shown.id,
      content: { ...contentOf(shown), description: 'Bình sửa mô tả' },
      expectedUpdatedAt: shown.updatedAt,
    });
    expect(
      await refusal(
        lan('templates.save', {
          id: shown.id,
          content: { ...contentOf(shown), name: 'Lan đổi tên' },
          expectedUpdatedAt: shown.updatedAt,
        }),
      ),
    ).toMatch(/^Mẫu báo cáo này đã được Trần Văn Bình sửa lúc/);
    expect(await lan('templates.get', { id: shown.id })).toMatchObject({
      description: 'Bình sửa mô tả',
      name: shown.name,
    });
  });

  it('a criteria set not used yet (edited in place): the same rule; a used one makes a new version', async () => {
    const listed = (await lan('scoring.sets.list', undefined))[0]!;
    const shown = await lan('scoring.sets.get', { id: listed.id });
    expect(shown.frozen).toBe(false);
    const { frozen: _f, id: _i, version: _v, basedOnId: _b, createdAt: _c, updatedAt: _u, ...content } = shown;
    const first = await binh('scoring.sets.save', {
      id: shown.id,
      content: { ...content, description: 'Bình sửa mô tả' },
      expectedUpdatedAt: shown.updatedAt,
    });
    expect(first).toMatchObject({ newVersion: false, set: { id: shown.id } });
    expect(first.set.updatedAt).not.toBe(shown.updatedAt);
    expect(
      await refusal(
        lan('scoring.sets.save', {
          id: shown.id,
          content: { ...content, name: 'Lan đổi tên' },
          expectedUpdatedAt: shown.updatedAt,
        }),
      ),
    ).toMatch(
      /^Bộ tiêu chí này đã được Trần Văn Bình sửa lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4} sau khi anh\/chị mở\. Thay đổi anh\/chị vừa nhập chưa được lưu/,
    );
    expect(await lan('scoring.sets.get', { id: shown.id })).toMatchObject({
      description: 'Bình sửa mô tả',
      name: shown.name,
      updatedAt: first.set.updatedAt,
    });
    // reopened, the change goes through on the new version; the command line sends none
    const mine = await lan('scoring.sets.save', {
      id: shown.id,
      content: { ...content, description: 'Bình sửa mô tả', name: 'Lan đổi tên' },
      expectedUpdatedAt: first.set.updatedAt,
    });
    expect(mine.set).toMatchObject({ name: 'Lan đổi tên', description: 'Bình sửa mô tả' });
    await binh('scoring.sets.save', { id: shown.id, content: { ...content, name: 'Bình đổi tên' } });
    // once used, a save makes a new version, still only over the version the form showed
    await addUnits(lan, 1);
    await lan('scoring.rounds.create', { year: thisYear - 1, setId: shown.id });
    expect(
      await refusal(
        lan('scoring.sets.save', { id: shown.id, content: { ...content }, expectedUpdatedAt: mine.set.updatedAt }),
      ),
    ).toMatch(/^Bộ tiêu chí này đã được Trần Văn Bình sửa lúc/);
    const used = await lan('scoring.sets.get', { id: shown.id });
    expect(used).toMatchObject({ frozen: true, name: 'Bình đổi tên' });
    const next = await lan('scoring.sets.save', {
      id: shown.id,
      content: { ...content, name: 'Lan bản mới' },
      expectedUpdatedAt: used.updatedAt,
    });
    expect(next).toMatchObject({ newVersion: true, set: { name: 'Lan bản mới', version: shown.version + 1 } });
    expect((await lan('scoring.sets.get', { id: shown.id })).name).toBe('Bình đổi tên');
  });

  it('a scoring sheet: a line saved by someone else since the form opened is refused; other lines go through', async () => {
    await addUnits(lan, 1);
    const set = (await lan('scoring.sets.list', undefined))[0]!;
    const round = await lan('scoring.rounds.create', { year: thisYear - 1, setId: set.id });
    const unitId = round.units[0]!.unitId;
    const shown = await lan('scoring.unit.get', { roundId: round.id, unitId });
    const [a, b] = shown.lines;
    const was = (l: typeof a) => ({ score: l!.selfScore, note: l!.selfNote });
    await binh('scoring.unit.save', {
      roundId: round.id,
      unitId,
      side: 'self',
      lines: [{ code: a!.code, score: 1, note: '', was: was(a) }],
    });
    expect(
      await refusal(
        lan('scoring.unit.save', {
          roundId: round.id,
          unitId,
          side: 'self',
          lines: [{ code: a!.code, score: 2, note: '', was: was(a) }],
        }),
      ),
    ).toMatch(new RegExp(`^Tiêu chí ${a!.code.replace('.', '\\.')} đã được .+ sửa lúc .+ \\(nay là 1 điểm\\)`));
    const mine = await lan('scoring.unit.save', {
      roundId: round.id,
      unitId,
      side: 'self',
      lines: [{ code: b!.code, score: 1, note: '', was: was(b) }],
    });
    const line = (code: string) => mine.lines.find((l) => l.code === code)!.selfScore;
    expect([line(a!.code), line(b!.code)]).toEqual([1, 1]);
  });
});
