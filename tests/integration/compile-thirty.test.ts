// A consolidated report the Sở sends as it is: thirty units' half-year reports with varied,
// overlapping and partly duplicated words are synthesised into a body that fits eight A4 pages,
// says each thing once with the units that said it, keeps every unit's own words in Phụ lục IV,
// keeps proposals addressed to the Sở itself out of "Kiến nghị", and the email attaches the very
// file that took the number.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { createPeriod } from '../../src/main/features/periods/periods';
import { listTemplates } from '../../src/main/features/templates/templates';
import { emailDraft, exportWord } from '../../src/main/features/compile/compile-export';
import { getDraft } from '../../src/main/features/compile/compile-draft';
import { saveCompileSettings } from '../../src/main/features/compile/compile';
import { saveAgency } from '../../src/main/features/agency/agency';
import { agencyInput } from '../../src/shared/contract/agency';
import { periodInput } from '../../src/shared/contract/periods';
import { compileSettingsInput, exportReportInput } from '../../src/shared/contract/compile';
import { fixedPathPlatform } from '../../src/main/platform/platform';
import { splitPoints, syllables } from '../../src/shared/domain/synthesis';
import { report } from '../unit/compile-fixture';
import { freshCore, tempDir } from '../unit/helpers';
import { officeProfile, pageText, pdfPageCount, toPdf, toPngs } from './documents-helpers';
import { spawnSync } from 'node:child_process';

const OUT = path.resolve('test-output/compile-thirty');

/** Themes with several wordings each, as thirty clerks would write them. */
const THEMES: Record<string, string[][]> = {
  'II.1': [
    [
      'Tổ chức tiếp công dân định kỳ theo đúng quy định',
      'Duy trì tiếp công dân định kỳ hằng tháng theo quy định',
      'Thực hiện tiếp công dân định kỳ đúng quy định',
    ],
    [
      'Người đứng đầu tổ chức đối thoại trực tiếp với Nhân dân',
      'Tổ chức hội nghị đối thoại giữa người đứng đầu với Nhân dân',
      'Người đứng đầu đối thoại trực tiếp với nhân dân trên địa bàn',
    ],
  ],
  'II.3': [
    [
      'Đẩy mạnh giải quyết thủ tục hành chính trực tuyến toàn trình',
      'Tăng cường giải quyết thủ tục hành chính trực tuyến toàn trình cho người dân',
    ],
    [
      'Niêm yết công khai đầy đủ thủ tục hành chính tại bộ phận một cửa',
      'Công khai đầy đủ thủ tục hành chính tại bộ phận một cửa',
    ],
  ],
  'II.4': [
    [
      'Xây dựng và thực hiện quy chế dân chủ trong hoạt động của cơ quan',
      'Ban hành và thực hiện nghiêm quy chế dân chủ trong hoạt động của cơ quan',
    ],
    [
      'Tổ chức hội nghị cán bộ, công chức, viên chức năm 2025',
      'Đã tổ chức hội nghị cán bộ, công chức, viên chức năm 2025',
    ],
  ],
  'II.6': [
    [
      'Đăng ký mô hình "Dân vận khéo" gắn với chuyển đổi số',
      'Xây dựng mô hình "Dân vận khéo" trong chuyển đổi số',
      'Đăng ký thực hiện mô hình dân vận khéo về chuyển đổi số',
    ],
  ],
  'III.1': [
    [
      'Lãnh đạo quan tâm chỉ đạo sát sao công tác dân vận',
      'Cấp ủy, lãnh đạo quan tâm, chỉ đạo sát sao công tác dân vận',
    ],
    [
      'Cán bộ, công chức có tinh thần trách nhiệm cao',
      'Đội ngũ cán bộ, công chức có tinh thần trách nhiệm cao trong thực thi công vụ',
    ],
  ],
  'III.2': [
    [
      'Kinh phí cho công tác dân vận còn hạn chế',
      'Kinh phí bố trí cho công tác dân vận còn hạn chế',
      'Nguồn kinh phí cho công tác dân vận còn hạn hẹp, hạn chế',
    ],
    [
      'Một số cán bộ kiêm nhiệm nhiều việc nên chưa dành nhiều thời gian',
      'Cán bộ phụ trách kiêm nhiệm nhiều việc, thời gian còn hạn chế',
    ],
  ],
  IV: [
    [
      'Tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo"',
      'Tiếp tục đẩy mạnh phong trào thi đua dân vận khéo trong năm tới',
    ],
    [
      'Nâng cao chất lượng tiếp công dân và đối thoại',
      'Nâng cao hơn nữa chất lượng tiếp công dân, đối thoại với Nhân dân',
    ],
  ],
  V: [
    [
      'Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ công tác dân vận chính quyền',
      'Đề nghị Sở Nội vụ mở lớp tập huấn nghiệp vụ về công tác dân vận chính quyền',
      'Kiến nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ dân vận chính quyền cho cán bộ',
    ],
    [
      'Đề nghị UBND tỉnh bố trí kinh phí cho phong trào "Dân vận khéo"',
      'Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí kinh phí cho phong trào Dân vận khéo',
    ],
  ],
};

/** Points that one unit alone raises (each unit names itself, as clerks do). */
const OWN = [
  'thí điểm ứng dụng Zalo tiếp nhận phản ánh của người dân',
  'phối hợp với đoàn thanh niên dọn vệ sinh kênh mương',
  'khánh thành nhà văn hóa khối phố mới',
  'số hóa hồ sơ hộ tịch lưu trữ từ năm 1990',
  'lắp camera giám sát tại bộ phận một cửa',
  'tặng quà cho hộ nghèo dịp Tết Nguyên đán',
  'sửa chữa trụ sở làm việc bị xuống cấp',
  'tổ chức giải bóng đá thanh niên toàn huyện',
  'xây dựng tuyến đường giao thông nông thôn kiểu mẫu',
  'triển khai thanh toán không dùng tiền mặt tại chợ',
  'mở lớp dạy nghề may công nghiệp cho phụ nữ',
];

/** A deterministic pseudo-random sequence (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const unitName = (u: number): string =>
  u <= 10 ? `Sở ngành số ${u}` : u <= 20 ? `UBND xã Số ${u}` : `UBND phường Số ${u}`;

let core: Core;
let dir: string;
let periodId: number;
const unitWords = new Map<string, Record<string, string>>();

beforeAll(async () => {
  dir = tempDir('bcnv-thirty-');
  core = await freshCore(dir);
  fs.mkdirSync(OUT, { recursive: true });
  core.platform = {
    ...fixedPathPlatform(path.join(OUT, 'bao-cao.docx')),
    chooseFolder: async () => OUT,
    openPath: async () => {},
  };
  await saveAgency(
    core.db,
    agencyInput.parse({
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [
        { fullName: 'Trần Thị Bình', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true },
      ],
    }),
  );
  await saveCompileSettings(
    core.db,
    compileSettingsInput.parse({
      to: ['Ủy ban nhân dân tỉnh Quảng Nam'],
      recipients: ['Ban Dân vận Tỉnh ủy'],
      emailTo: ['vanthu@quangnam.gov.vn'],
      symbol: 'BC-SNV',
    }),
  );
  const ids: number[] = [];
  for (let u = 1; u <= 30; u++) {
    const kind = u <= 10 ? 'so_nganh' : u <= 20 ? 'ubnd_xa' : 'ubnd_phuong';
    ids.push(
      (
        await createUnit(core.db, {
          code: `U${u}`,
          name: unitName(u),
          shortName: '',
          kind,
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: null,
          activeTo: null,
        })
      ).id,
    );
  }
  const templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  periodId = (
    await createPeriod(
      core.db,
      periodInput.parse({
        type: 'half',
        year: 2025,
        templateId,
        expected: { mode: 'kinds', kinds: ['so_nganh', 'ubnd_xa', 'ubnd_phuong'] },
      }),
    )
  ).id;
  const rand = rng(2025);
  for (let u = 1; u <= 28; u++) {
    // Units 29 and 30 never report.
    const name = unitName(u);
    const words: Record<string, string> = {};
    for (const [section, themes] of Object.entries(THEMES)) {
      const lines: string[] = [];
      for (const wordings of themes)
        if (rand() < 0.7) lines.push(wordings[Math.floor(rand() * wordings.length)]! + '.');
      // A unit's own point, said by no one else.
      if (rand() < 0.4) lines.push(`${name} ${OWN[(u * 7 + section.length) % OWN.length]}.`);
      if (lines.length) words[`muc:${section}`] = u % 7 === 0 ? lines.map((l) => `- ${l}`).join('\n') : lines.join(' ');
    }
    // Units 5 and 6 pasted the same text (a template they shared).
    if (u === 6) Object.assign(words, unitWords.get(unitName(5)));
    unitWords.set(name, words);
    await report(core, periodId, ids[u - 1]!, { DT01: u, DT02: 10 + u, DT03: 5 + u, ...words }, '2025-06-18');
  }
}, 120_000);

afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('thirty units, one report to send', () => {
  it('says each point once, with the units that raised it, most-raised first', async () => {
    const v = await getDraft(core.db, { periodIds: [periodId], compareIds: null, today: '2025-07-01' });
    const body = v.rendered.sections.flatMap((s) => s.text.split('\n')).filter((l) => l.startsWith('- '));
    // No sentence twice in the body.
    const keys = body.map((l) => syllables(l.replace(/\([^)]*\)\.$/, '')).join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    // Every named unit did write something alike: no one is credited with words they did not write.
    for (const s of v.rendered.sections) {
      for (const line of s.text
        .split('\n')
        .filter((l) => /\)\.$/.test(l) && l.startsWith('- ') && !l.startsWith('- Các cơ quan, đơn vị còn nêu'))) {
        const m = /^- (.*) \((?:\d+(?:\/\d+)? cơ quan, đơn vị: )?(.*?)(?: và \d+ đơn vị khác)?\)\.$/.exec(line);
        expect(m, line).not.toBeNull();
        const names = m![2]!.split(', ');
        for (const n of names) {
          const own = splitPoints(unitWords.get(n)?.[`muc:${s.number}`] ?? '');
          expect(own.length, `${n} in ${s.number}`).toBeGreaterThan(0);
        }
      }
    }
    // The most-raised point of II.1 comes first and counts its units.
    const ii1 = v.rendered.sections
      .find((s) => s.number === 'II.1')!
      .text.split('\n')
      .filter((l) => l.startsWith('- ') && !l.startsWith('- Các cơ quan, đơn vị còn nêu'));
    const counts = ii1.map((l) => {
      const many = /\((\d+)\/\d+ cơ quan, đơn vị:/.exec(l);
      return many ? Number(many[1]) : /\(([^()]*)\)\.$/.exec(l)![1]!.split(', ').length;
    });
    expect(counts[0]).toBeGreaterThan(10);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Proposals to the Sở itself are offered, not written into "Kiến nghị".
    const v5 = v.draft.sections.find((s) => s.number === 'V')!;
    expect(v5.text).not.toMatch(/Sở Nội vụ/);
    expect(v5.text).toMatch(/bố trí kinh phí/);
    expect(v5.suggestions?.join('\n')).toMatch(/Sở Nội vụ/);
    // Every unit's own words, whole, in the annex.
    for (const [name, words] of unitWords)
      for (const [key, text] of Object.entries(words)) {
        const heading = v.unitTexts.find((e) => e.unitName === name && e.heading.startsWith(`${key.slice(4)}. `));
        expect(heading?.text, `${name} ${key}`).toBe(text);
      }
  });

  it('fits the body in eight A4 pages, and the email attaches the registered file byte for byte', async () => {
    const args = exportReportInput.parse({
      periodIds: [periodId],
      takeNumber: true,
      date: '2025-07-05',
      today: '2025-07-01',
    });
    const saved = await exportWord(core.db, core.platform, core.dataDir, args);
    expect(saved).toMatchObject({ saved: true, number: 1 });
    const docx = path.join(OUT, 'bao-cao.docx');
    const [pdf] = toPdf([docx], OUT, officeProfile('compile-thirty'));
    const pages = pdfPageCount(pdf!);
    let annexStart = pages + 1;
    for (let p = 1; p <= pages; p++)
      if (/^\s*Phụ lục I\s*$/m.test(pageText(pdf!, p))) {
        annexStart = p;
        break;
      }
    expect(annexStart - 1).toBeLessThanOrEqual(8);
    expect(annexStart).toBeLessThanOrEqual(pages);
    toPngs(pdf!, path.join(OUT, 'png'), 60);

    // A second number for the same report asks first.
    await expect(exportWord(core.db, core.platform, core.dataDir, args)).rejects.toMatchObject({
      code: 'ALREADY_NUMBERED',
    });

    const mail = await emailDraft(core.db, core.platform, core.dataDir, { ...args, takeNumber: false });
    const py = spawnSync('/usr/bin/python3', [path.join(__dirname, '..', 'tools', 'check_eml.py'), mail.emlPath!], {
      encoding: 'utf8',
    });
    expect(py.status, py.stderr).toBe(0);
    const eml = JSON.parse(py.stdout) as { text: string; attachments: { sha256: string }[] };
    const registered = crypto.createHash('sha256').update(fs.readFileSync(docx)).digest('hex');
    expect(eml.attachments[0]!.sha256).toBe(registered);
    expect(eml.text).toContain('Báo cáo số 01/BC-SNV ngày 05/07/2025');
  }, 180_000);
});
