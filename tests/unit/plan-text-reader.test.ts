// The plan-text reader beyond the two real plans: a full header, deadlines without a year, unit
// matching, texts that must never make it throw (spans inside the text), and reading files.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parsePlanText } from '../../src/main/features/plan-import/reader/parse';
import { normalizePlanText } from '../../src/main/features/plan-import/reader/normalize';
import { readPlanFile } from '../../src/main/features/plan-import/reader/read-file';
import { proposalJson } from '../../src/main/features/plan-import/cli';
import { matchUnit, splitUnits } from '../../src/main/features/plan-import/reader/unit-phrases';
import type { PlanProposal } from '../../src/shared/model/plan-import';
import { AppError } from '../../src/shared/errors';
import { chiLang, longKhanh, values, allSpans } from './plan-text-case';

describe('a full header, deadlines without a year, and unit matching', () => {
  const text = [
    'UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'SỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc',
    'Số: 12/KH-SNV Lạng Sơn, ngày 05 tháng 02 năm 2025',
    'KẾ HOẠCH',
    'Thực hiện công tác dân vận chính quyền năm 2025',
    'Thực hiện Kế hoạch số 20/KH-UBND ngày 10/01/2025 của UBND tỉnh;',
    'I. TỔ CHỨC THỰC HIỆN',
    'Sở Tư pháp, Thanh tra tỉnh: Chủ trì, phối hợp với UBMTTQ tỉnh kiểm tra việc thực hiện.',
    'Định kỳ, 6 tháng (trước ngày 20/5/2025); năm (trước ngày 01/11) báo cáo kết quả về Sở Nội vụ.',
    'Nơi nhận: - UBND tỉnh; - Lưu: VT, XDCQ. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Nguyễn Văn An',
  ].join('\n');
  const units = [
    { id: 7, code: 'STP', name: 'Sở Tư pháp', shortName: '' },
    { id: 8, code: 'TTT', name: 'Thanh tra tỉnh Lạng Sơn', shortName: '' },
    { id: 9, code: 'MT', name: 'Ủy ban Mặt trận Tổ quốc tỉnh', shortName: '' },
  ];
  const p = parsePlanText(text, { units });

  it('splits the agency from the motto and the number from the date', () => {
    expect(proposalJson(p)).toMatchObject({
      type: 'Kế hoạch',
      number: '12',
      symbol: 'KH-SNV',
      place: 'Lạng Sơn',
      date: '2025-02-05',
      issuer: 'SỞ NỘI VỤ',
      parentIssuer: 'UBND TỈNH LẠNG SƠN',
    });
    expect(proposalJson(p).legalBases).toEqual(['Thực hiện Kế hoạch số 20/KH-UBND ngày 10/01/2025 của UBND tỉnh']);
  });

  it('gives two deadlines, the one without a year in the plan year', () => {
    expect(p.deadlines.map((d) => [d.kind, d.date])).toEqual([
      ['half', '2025-05-20'],
      ['year', '2025-11-01'],
    ]);
  });

  it('matches units without diacritics and with abbreviations', () => {
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]!.units.map((u) => [u.name, u.role, u.unitId])).toEqual([
      ['Sở Tư pháp', 'lead', 7],
      ['Thanh tra tỉnh', 'lead', 8],
      ['UBMTTQ tỉnh', 'support', 9],
    ]);
    expect(matchUnit('so tu phap', units)?.id).toBe(7);
    expect(matchUnit('Sở Xây dựng', units)).toBeNull();
    expect(splitUnits('Trung tâm Văn hóa, Thông tin và Thể thao').map((u) => u.name)).toEqual([
      'Trung tâm Văn hóa, Thông tin và Thể thao',
    ]);
  });

  it('reads the flattened distribution list and signature', () => {
    expect(proposalJson(p).recipients).toEqual(['UBND tỉnh', 'Lưu: VT, XDCQ']);
    expect(proposalJson(p).signer).toEqual({
      authority: ['KT. GIÁM ĐỐC'],
      title: 'PHÓ GIÁM ĐỐC',
      name: 'Nguyễn Văn An',
    });
  });
});

// ---- noise generated from the seeds ----
const WEB_HEADER = [
  'Thư viện văn bản | Trang chủ | Đăng nhập',
  'Trang chủ > Văn bản > Kế hoạch',
  'Ngày đăng: 28/03/2024 | Lượt xem: 1.234',
  'Chia sẻ: Facebook Zalo 👍',
  '',
].join('\n');

const noises: [string, (s: string) => string][] = [
  ['web page header', (s) => WEB_HEADER + s],
  ['CRLF line endings', (s) => s.replace(/\n/g, '\r\n')],
  ['NFD text', (s) => s.normalize('NFD')],
  [
    'table pipes and asterisks',
    (s) =>
      s
        .replace(/^(Số: .*)$/m, '| $1 |')
        .replace(/^(KẾ HOẠCH)$/m, '**$1**')
        .replace(/^(I[-.] MỤC ĐÍCH.*)$/m, '### **$1**')
        .replace(/^(Nơi nhận:)$/m, '*$1*'),
  ],
  [
    'OCR slips',
    (s) =>
      s
        .replace('KẾ HOẠCH', 'KÉ HOẠCH')
        .replace(/Tỉnh ủy/g, 'Tinh ủy')
        .replace(/Căn cứ/g, 'Căn củ'),
  ],
  [
    'emoji',
    (s) =>
      s
        .replace(/^(KẾ HOẠCH)$/m, '📌 $1')
        .replace(/^(III?\. [A-ZĐ].*)$/gm, '$1 ✅')
        .replace(/năm 2024$/m, 'năm 2024 🇻🇳'),
  ],
  [
    'footnote markers',
    (s) =>
      s
        .replace('tổ chức triển khai các chủ trương', 'tổ chức triển khai[2] các chủ trương')
        .replace('Nhân dân tham gia', 'Nhân dân² tham gia'),
  ],
  [
    'one-line header',
    (s) => s.replace(/\n\nSố: (.*)\n\n(.*, ngày .*)\n\nKẾ HOẠCH\n(.*)\n/, '\nSố: $1 $2 KẾ HOẠCH $3\n'),
  ],
  [
    'flattened signature',
    (s) =>
      s.replace(
        /\nNơi nhận:\n\n([\s\S]*)$/,
        (_m, rest: string) => '\nNơi nhận: ' + rest.replace(/\*\*/g, '').replace(/\n+/g, ' ').trim(),
      ),
  ],
  ['paragraphs without blank lines', (s) => s.replace(/\n{2,}/g, '\n')],
];

describe.each([
  ['Long Khánh', longKhanh],
  ['Chi Lăng', chiLang],
])('%s with noise', (_name, seed) => {
  const clean = values(parsePlanText(seed));
  it.each(noises)('%s gives the same proposal', (_n, make) => {
    const noisy = make(seed);
    expect(noisy).not.toBe(seed);
    expect(values(parsePlanText(noisy))).toEqual(clean);
  });
  it('all noises at once give the same proposal', () => {
    let s = seed;
    for (const [, make] of noises) s = make(s);
    expect(values(parsePlanText(s))).toEqual(clean);
  });
  it('renumbered headings (I. → I-, a) → a.) keep the tree', () => {
    const s = seed.replace(/^(I{1,3}|IV)\. /gm, '$1- ').replace(/^([a-h])\) /gm, '$1. ');
    const q = parsePlanText(s);
    const shape = (p: PlanProposal) => JSON.stringify(p.sections, (k, v) => (k === 'spans' ? undefined : v));
    expect(shape(q)).toBe(shape(parsePlanText(seed)));
  });
});

it('headings renumbered in sequence are read with their new labels', () => {
  const s = longKhanh.replace('III. NHIỆM VỤ', 'II. NHIỆM VỤ').replace('IV. TỔ CHỨC', 'III. TỔ CHỨC');
  const p = parsePlanText(s);
  expect(p.sections.map((x) => x.label)).toEqual(['I', 'II', 'III']);
  expect(p.tasks[0]!.section).toBe('III.1');
});

it('the normalised text is the same for the clean and noisy seed', () => {
  expect(normalizePlanText(longKhanh.normalize('NFD').replace(/\n/g, '\r\n'))).toBe(normalizePlanText(longKhanh));
});

// ---- robustness ----
describe('never throws; spans point inside the text', () => {
  const check = (input: string) => {
    const p = parsePlanText(input);
    for (const s of allSpans(p)) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(p.text.length);
      expect(s.start).toBeLessThanOrEqual(s.end);
    }
  };
  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => check(s)),
      { numRuns: 400 },
    );
  });
  it('on random mixes of plan lines', () => {
    const pool = [
      ...longKhanh.split('\n'),
      ...chiLang.split('\n'),
      'Nơi nhận: - A; - Lưu: VT. CHỦ TỊCH Nguyễn Văn A',
      '| a | b |',
      '¹',
      '📌',
      'Số: /',
      'ngày 31/2',
      'trước ngày 99/99',
      'trên 1000%',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), (ls) => check(ls.join('\n'))),
      { numRuns: 300 },
    );
  });
  it('on an empty text', () => {
    const p = parsePlanText('');
    expect(p.type.value).toBeNull();
    expect(p.tasks).toEqual([]);
    expect(p.warnings.length).toBeGreaterThan(0);
  });
  // its speed is measured by `npm run bench` (plan reader rows), never timed here
  it('reads 5 MB of text', () => {
    let big = '';
    while (big.length < 5_000_000) big += longKhanh;
    const p = parsePlanText(big);
    expect(p.number.value).toBe('468');
    expect(p.title.value).toBe('Thực hiện công tác dân vận chính quyền năm 2024');
  });
});

describe('reading files', () => {
  const enc = new TextEncoder();
  it('reads UTF-8, UTF-8 with BOM and UTF-16 with BOM alike', async () => {
    const utf8 = enc.encode(chiLang);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const u16 = new Uint8Array(2 + chiLang.length * 2);
    u16[0] = 0xff;
    u16[1] = 0xfe;
    for (let i = 0; i < chiLang.length; i++) {
      u16[2 + i * 2] = chiLang.charCodeAt(i) & 0xff;
      u16[3 + i * 2] = chiLang.charCodeAt(i) >> 8;
    }
    for (const data of [utf8, bom, u16]) expect(await readPlanFile('kh.txt', data)).toBe(chiLang);
  });
  it('refuses Windows-1258 bytes, binary junk, an empty file and a corrupt .docx in Vietnamese', async () => {
    const err = async (name: string, data: Uint8Array) => {
      try {
        await readPlanFile(name, data);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).message;
      }
      throw new Error('no error');
    };
    expect(await err('kh.txt', new Uint8Array([0x4b, 0xca, 0x20, 0x48, 0xd2]))).toMatch(
      /không dùng bảng mã UTF-8.*Windows-1258/,
    );
    expect(await err('kh.txt', new Uint8Array([0, 1, 2, 3, 255, 0]))).toMatch(/không phải tệp văn bản/);
    expect(await err('kh.txt', new Uint8Array())).toMatch(/rỗng/);
    expect(await err('kh.docx', enc.encode('không phải zip'))).toMatch(/không phải tệp Word \.docx/);
    expect(await err('kh.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toMatch(
      /Không đọc được tệp Word “kh\.docx”: tệp bị hỏng/,
    );
  });
  it('round-trips a .docx made with the docx library', async () => {
    const paragraphs = chiLang.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
    const text = await readPlanFile('ke-hoach.docx', bytes);
    expect(values(parsePlanText(text))).toEqual(values(parsePlanText(chiLang)));
  });
});
