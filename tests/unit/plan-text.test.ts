// The plan-text reader on the two real plans: every field checked by hand against the seeds,
// then the same plans made noisy (web header, scrape markup, OCR slips, flattened header and
// signature, footnotes, emoji, NFD, CRLF, renumbered headings) must give the same proposal.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { parsePlanText } from '../../src/main/features/plan-import/reader/parse';
import { normalizePlanText } from '../../src/main/features/plan-import/reader/normalize';
import { readPlanFile } from '../../src/main/features/plan-import/reader/read-file';
import { proposalJson } from '../../src/main/features/plan-import/cli';
import { matchUnit, splitUnits } from '../../src/main/features/plan-import/reader/unit-phrases';
import type { PlanProposal, Span } from '../../src/shared/model/plan-import';
import { AppError } from '../../src/shared/errors';

const SEEDS = '/work/shared/seeds';
const chiLang = fs.readFileSync(`${SEEDS}/ke-hoach-dan-chu-co-so-chi-lang-2024.txt`, 'utf8');
const longKhanh = fs.readFileSync(`${SEEDS}/ke-hoach-dan-van-chinh-quyen-long-khanh-2024.txt`, 'utf8');

/** The proposal without spans and source text: what must not change with noise. */
function values(p: PlanProposal): unknown {
  const strip = (o: unknown): unknown =>
    Array.isArray(o)
      ? o.map(strip)
      : o && typeof o === 'object'
        ? Object.fromEntries(
            Object.entries(o)
              .filter(([k]) => k !== 'spans')
              .map(([k, v]) => [k, strip(v)]),
          )
        : o;
  const { text: _text, ...rest } = p;
  return strip(rest);
}

function allSpans(p: PlanProposal): Span[] {
  const out: Span[] = [];
  const walk = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'spans') out.push(...(v as Span[]));
        else walk(v);
      }
    }
  };
  walk(p);
  return out;
}

const at = (p: PlanProposal, s: Span) => p.text.slice(s.start, s.end);

describe('Long Khánh plan (468/KH-UBND)', () => {
  const p = parsePlanText(longKhanh);
  const j = proposalJson(p);

  it('reads the header', () => {
    expect(j).toMatchObject({
      type: 'Kế hoạch',
      number: '468',
      symbol: 'KH-UBND',
      place: 'Long Khánh',
      date: '2024-03-27',
      issuer: null,
      parentIssuer: null,
      title: 'Thực hiện công tác dân vận chính quyền năm 2024',
    });
    expect(p.planType).toBe('KH');
    expect(at(p, p.number.spans[0]!)).toBe('468');
    expect(at(p, p.title.spans[0]!)).toBe('Thực hiện công tác dân vận chính quyền năm 2024');
  });

  it('reads the two legal bases of the one "Căn cứ" paragraph, not its closing clause', () => {
    expect(j.legalBases).toEqual([
      'Căn cứ Chỉ thị số 33-CT/TU ngày 12/3/2024 của Ban Thường vụ Tỉnh ủy về xây dựng và thực hiện mô hình “ Chính quyền thân thiện” xã, phường, thị trấn trên địa bàn tỉnh Đồng Nai trong tình hình hiện nay',
      'Chương trình số 51-CTr/TU ngày 05/02/2024 của Ban Chấp hành Đảng bộ thành phố Long Khánh về Chương trình công tác dân vận năm 2024',
    ]);
  });

  it('builds the heading tree I, III (II is missing in the source), IV with 1., a), dashes', () => {
    expect(p.sections.map((s) => [s.label, s.title])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU'],
      ['III', 'NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN'],
      ['IV', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    expect(p.sections[0]!.children).toEqual([]);
    expect(p.sections[0]!.text.split('\n')).toHaveLength(6);
    expect(
      p.sections[0]!.text.startsWith('Chủ đề năm 2024: “Xây dựng chính quyền thân thiện” trên địa bàn thành phố;'),
    ).toBe(true);
    const iii = p.sections[1]!;
    expect(iii.children.map((c) => c.label)).toEqual(['1', '2', '3', '4']);
    expect(iii.children[3]!.title).toBe('Công tác tôn giáo, dân tộc');
    expect(iii.children[0]!.children.map((c) => c.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const h = iii.children[0]!.children[7]!;
    expect(h.children).toHaveLength(7);
    expect(h.children.every((c) => c.label === '-' && c.level === 4)).toBe(true);
    expect(h.children[0]!.title).toBe(
      'Dự thảo văn kiện Đại hội Đảng các cấp, nhiệm kỳ 2025-2030 về lĩnh vực công tác dân vận',
    );
    // the page break inside "tăng cường công / tác lãnh đạo" is joined
    expect(h.children[6]!.title).toContain('tăng cường công tác lãnh đạo, quản lý');
    // "Quy / ché số 14-QC/TU" joined across the page break and the OCR slip fixed
    expect(iii.children[0]!.children[1]!.title).toContain('Quy chế số 14-QC/TU');
    expect(p.sections[2]!.children.map((c) => c.title)).toEqual([
      'Phòng Nội vụ',
      'Phòng Dân tộc',
      'Thanh tra thành phố',
      'Phòng Lao động Thương binh và Xã hội',
      'Phòng Kinh tế',
      'Trung tâm Văn hóa, Thông tin và thể thao thành phố',
      'Các cơ quan, đơn vị sự nghiệp và UBND các phường, xã',
    ]);
  });

  it('reads the seven assignments with their units', () => {
    expect(p.tasks.map((t) => [t.section, t.units.map((u) => `${u.role}:${u.name}`)])).toEqual([
      ['IV.1', ['lead:Phòng Nội vụ', 'support:UBND các phường, xã', 'support:Ban Dân vận Thành ủy']],
      ['IV.2', ['lead:Phòng Dân tộc', 'support:Ban Dân vận Thành ủy', 'support:UBND các phường, xã']],
      ['IV.3', ['lead:Thanh tra thành phố']],
      ['IV.4', ['lead:Phòng Lao động Thương binh và Xã hội', 'support:UBND các phường, xã']],
      ['IV.5', ['lead:Phòng Kinh tế']],
      ['IV.6', ['lead:Trung tâm Văn hóa, Thông tin và thể thao thành phố']],
      ['IV.7', ['lead:Các cơ quan, đơn vị sự nghiệp', 'lead:UBND các phường, xã']],
    ]);
    expect(p.tasks[0]!.text.split('\n')).toHaveLength(8);
    expect(p.tasks[0]!.text.startsWith('Tham mưu, đề xuất UBND thành phố chỉ đạo')).toBe(true);
    expect(p.tasks[4]!.text).toBe(
      'Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu UBND thành phố triển khai, xây dựng các chương trình, kế hoạch thực hiện nông thôn mới năm 2024.',
    );
    expect(at(p, p.tasks[0]!.units[0]!.spans[0]!)).toBe('Phòng Nội vụ');
    expect(p.tasks.flatMap((t) => t.units).every((u) => u.unitId === null)).toBe(true);
  });

  it('reads the two deadlines and proposes the periods', () => {
    expect(j.deadlines).toEqual([
      { kind: 'half', date: '2024-05-10', text: '6 tháng (trước ngày 10/5/2024)' },
      { kind: 'year', date: '2024-10-10', text: 'cuối năm (trước ngày 10/10/2024)' },
    ]);
    expect(j.periods).toEqual([
      {
        type: 'half',
        year: 2024,
        name: '6 tháng đầu năm 2024',
        windowStart: '2023-12-15',
        windowEnd: '2024-04-14',
        deadline: '2024-05-10',
      },
      {
        type: 'year',
        year: 2024,
        name: 'Năm 2024',
        windowStart: '2023-12-15',
        windowEnd: '2024-09-14',
        deadline: '2024-10-10',
      },
    ]);
  });

  it('reads the three targets', () => {
    expect(j.targets).toEqual([
      {
        text: 'trên 80% cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo',
        comparator: 'tren',
        value: '80',
        unit: '%',
        subject: 'cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo',
      },
      {
        text: 'trên 90% cơ quan, đơn vị, UBND các phường, xã và doanh nghiệp có tổ chức công đoàn thực hiện tốt quy chế dân chủ ở cơ sở',
        comparator: 'tren',
        value: '90',
        unit: '%',
        subject:
          'cơ quan, đơn vị, UBND các phường, xã và doanh nghiệp có tổ chức công đoàn thực hiện tốt quy chế dân chủ ở cơ sở',
      },
      {
        text: 'trên 80% cơ quan, đơn vị, UBND các phường, xã thực hiện tốt dân vận chính quyền',
        comparator: 'tren',
        value: '80',
        unit: '%',
        subject: 'cơ quan, đơn vị, UBND các phường, xã thực hiện tốt dân vận chính quyền',
      },
    ]);
    expect(at(p, p.targets[0]!.spans[0]!)).toBe('trên 80% cơ quan, đơn vị thực hiện đạt tiêu chí Dân vận khéo');
  });

  it('reads the distribution list and the signer', () => {
    expect(j.recipients).toEqual([
      'Sở Nội vụ tỉnh Đồng Nai',
      'Ban Dân vận Thành ủy',
      'CT, các PCT. UBTP',
      'Các phòng, ban, đơn vị trực thuộc',
      'UBND các phường, xã',
      'Chánh, Phó VP',
      'Lưu: VT, TH (VX)',
    ]);
    expect(j.signer).toEqual({ authority: ['KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', name: 'Bùi Quốc Thế' });
    // the seed is copied without its header: the issuing agency is missing, and said
    expect(p.flags.map((f) => f.code)).toEqual(['issuer.missing']);
  });
});

describe('Chi Lăng plan (Số: /KH-UBND, number left blank)', () => {
  const p = parsePlanText(chiLang);
  const j = proposalJson(p);

  it('reads the header with a blank number', () => {
    expect(j).toMatchObject({
      type: 'Kế hoạch',
      number: null,
      symbol: 'KH-UBND',
      place: 'TT Chi Lăng',
      date: '2024-04-01',
      issuer: null,
      parentIssuer: null,
      title: 'Thực hiện dân chủ ở cơ sở năm 2024',
    });
  });

  it('reads three legal bases', () => {
    expect(j.legalBases).toEqual([
      'Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022',
      'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ về quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
      'Căn cứ Kế hoạch số 108/KH-UBND, ngày 26/3/2024 của UBND huyện Chi Lăng về thực hiện dân chủ ở cơ sở năm 2024',
    ]);
  });

  it('builds the tree I- / II- / III. with numbered items', () => {
    expect(p.sections.map((s) => [s.label, s.title, s.children.length])).toEqual([
      ['I', 'MỤC ĐÍCH, YÊU CẦU', 2],
      ['II', 'NỘI DUNG THỰC HIỆN', 10],
      ['III', 'TỔ CHỨC THỰC HIỆN', 0],
    ]);
    expect(p.sections[0]!.children.map((c) => c.title)).toEqual(['Mục đích', 'Yêu cầu']);
    expect(p.sections[0]!.children[0]!.text.split('\n')).toHaveLength(3);
    const ii = p.sections[1]!;
    expect(ii.children.map((c) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(ii.children[0]!.title).toBe(
      'Tuyên truyền, quán triệt, tổ chức triển khai các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thực hiện dân chủ',
    );
    // the footnote marker "dân chủ¹" is gone from the text
    expect(ii.children[0]!.text).toContain('các văn bản về thực hiện dân chủ gắn với');
    expect(ii.children[3]!.text.split('\n')).toHaveLength(3);
    // "thực hiện / xóa bỏ hủ tục" joined across the page break
    expect(
      ii.children[5]!.title.endsWith(
        'Nhân dân thực hiện xóa bỏ hủ tục, phong tục, tập quán lạc hậu, xây dựng nếp sống văn minh',
      ),
    ).toBe(true);
  });

  it('reads the one assignment and no deadline', () => {
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]!.units.map((u) => [u.name, u.role, u.suggestedKind])).toEqual([
      ['Công chức văn phòng – Thống kê', 'lead', 'khac'],
    ]);
    expect(p.tasks[0]!.text).toBe(
      'Công chức văn phòng – Thống kê theo dõi việc triển khai thực hiện Kế hoạch này; tổng hợp, tham mưu UBND thị trấn báo cáo kết quả triển khai thực hiện dân chủ cơ sở theo quy định.',
    );
    expect(j.deadlines).toEqual([]);
    expect(j.periods).toEqual([]);
  });

  it('reads the target, recipients and signer', () => {
    expect(j.targets).toEqual([
      {
        text: 'Đảm bảo 100% tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân theo quy định',
        comparator: 'bang',
        value: '100',
        unit: '%',
        subject: 'tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân theo quy định',
      },
    ]);
    expect(j.recipients).toEqual([
      'UBND huyện (BC)',
      'Thường trực Đảng ủy',
      'Thường trực HĐND thị trấn',
      'Chủ tịch, PCT UBND thị trấn',
      'Các ban ngành đoàn thể thị trấn',
      'Cán bộ, công chức UBND thị trấn',
      'Các khu trên địa bàn thị trấn',
      'Trang thông tin điện tử',
      'Lưu: VT',
    ]);
    expect(j.signer).toEqual({ authority: [], title: 'CHỦ TỊCH', name: 'Triệu Văn Thanh' });
  });
});

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
