// Sample documents: one Báo cáo, one Kế hoạch, one Công văn and one Báo cáo with two landscape
// annexes, built from the user's agency so they can check the layout before real use.
import type { DocumentModelInput } from '../../../shared/contract/document-model';
import type { Agency } from '../../../shared/model/agency';

import { SAMPLE_KINDS, type SampleKind } from '../../../shared/model/document';

export { SAMPLE_KINDS, type SampleKind };

export const SAMPLE_FILE_NAMES: Record<SampleKind, string> = {
  'bao-cao': 'mau-bao-cao.docx',
  'ke-hoach': 'mau-ke-hoach.docx',
  'cong-van': 'mau-cong-van.docx',
  'phu-luc': 'mau-bao-cao-kem-phu-luc.docx',
};

/** The agency used when none has been set up yet. */
export const SAMPLE_AGENCY: Agency = {
  parentName: 'UBND TỈNH QUẢNG NAM',
  name: 'SỞ NỘI VỤ',
  abbreviation: 'SNV',
  place: 'Quảng Nam',
  draftingUnit: 'CCVT',
  signers: [
    {
      id: 0,
      fullName: 'Nguyễn Văn An',
      title: 'PHÓ GIÁM ĐỐC',
      authorityPrefix: 'KT.',
      authorityLine: 'GIÁM ĐỐC',
      isDefault: true,
      signatureImage: null,
    },
  ],
  updatedAt: null,
};

const UNITS = [
  'Văn phòng UBND tỉnh',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Xây dựng',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Tài nguyên và Môi trường',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Thanh tra tỉnh',
  'UBND thành phố Tam Kỳ',
  'UBND thành phố Hội An',
  'UBND thị xã Điện Bàn',
  'UBND huyện Duy Xuyên',
  'UBND huyện Thăng Bình',
  'UBND huyện Núi Thành',
  'UBND huyện Phú Ninh',
  'UBND huyện Tiên Phước',
  'UBND huyện Hiệp Đức',
  'UBND huyện Quế Sơn',
  'UBND huyện Đại Lộc',
];

function base(agency: Agency, date: string) {
  const signer = agency.signers.find((s) => s.isDefault) ?? agency.signers[0] ?? SAMPLE_AGENCY.signers[0]!;
  return {
    header: {
      parentAgency: agency.parentName,
      agency: agency.name,
      issuerName: sentenceCaseAgency(agency.name),
      number: null,
      place: agency.place,
      date,
    },
    signature: {
      authorityPrefix: signer.authorityPrefix,
      authorityLine: signer.authorityLine,
      title: signer.title,
      fullName: signer.fullName,
    },
  };
}

/** "SỞ NỘI VỤ" → "Sở Nội vụ": the first word capitalised, the rest as the agency usually writes it. */
function sentenceCaseAgency(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  return lower
    .replace(/^\p{L}/u, (c) => c.toLocaleUpperCase('vi'))
    .replace(/nội vụ/u, 'Nội vụ')
    .replace(/ủy ban nhân dân/u, 'Ủy ban nhân dân');
}

const reportBody = (withAnnexes: boolean): DocumentModelInput['body'] => [
  {
    kind: 'basis',
    text: 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư',
  },
  {
    kind: 'basis',
    text: 'Căn cứ Kế hoạch số 468/KH-UBND ngày 27 tháng 3 năm 2025 của UBND tỉnh về thực hiện công tác dân vận chính quyền năm 2025',
  },
  {
    kind: 'paragraph',
    text: 'Sở Nội vụ báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025 như sau:',
  },
  { kind: 'heading', level: 1, number: 'I', title: 'Công tác lãnh đạo, chỉ đạo, tuyên truyền' },
  {
    kind: 'paragraph',
    text: 'Trong kỳ báo cáo, các cơ quan, đơn vị, địa phương đã ban hành 148 văn bản lãnh đạo, chỉ đạo, triển khai công tác dân vận chính quyền; tổ chức 37 lớp tập huấn, bồi dưỡng về dân vận và thực hiện dân chủ ở cơ sở với 4.215 lượt người tham dự.',
  },
  { kind: 'heading', level: 1, number: 'II', title: 'Kết quả thực hiện' },
  { kind: 'heading', level: 2, number: '1', title: 'Tiếp công dân, đối thoại với Nhân dân' },
  { kind: 'heading', level: 3, number: 'a', title: 'Tiếp công dân thường xuyên và định kỳ' },
  {
    kind: 'paragraph',
    text: [
      { text: 'Các cơ quan, đơn vị đã tiếp ' },
      { text: '2.318 lượt', bold: true },
      {
        text: ' công dân với 2.904 lượt người, trong đó có 12 đoàn đông người; người đứng đầu tiếp công dân định kỹ 214 buổi theo quy định của Luật Tiếp công dân',
        footnote: 'Luật Tiếp công dân số 42/2013/QH13 ngày 25 tháng 11 năm 2013.',
      },
      { text: '.' },
    ],
  },
  { kind: 'heading', level: 3, number: 'b', title: 'Đối thoại của người đứng đầu với Nhân dân' },
  {
    kind: 'list',
    items: [
      'Tổ chức 96 hội nghị đối thoại, tiếp nhận 1.027 ý kiến, kiến nghị;',
      'Đã giải quyết 962 ý kiến, đạt tỷ lệ 93,67%;',
      'Còn 65 ý kiến đang được xem xét, giải quyết theo thẩm quyền.',
    ],
  },
  { kind: 'heading', level: 2, number: '2', title: 'Giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh' },
  {
    kind: 'table',
    title: 'Bảng 1. Kết quả giải quyết đơn thư',
    widths: [1, 6, 2, 2],
    align: ['center', 'left', 'center', 'center'],
    header: [['TT', 'Nội dung', 'Số lượng', 'Tỷ lệ (%)']],
    rows: [
      ['1', 'Đơn tồn kỳ trước chuyển sang', 118, ''],
      ['2', 'Đơn tiếp nhận mới trong kỳ', 1342, ''],
      ['3', 'Vụ việc thuộc thẩm quyền giải quyết', 402, ''],
      ['4', 'Vụ việc đã giải quyết', 371, 92.29],
    ],
    note: 'Nguồn: tổng hợp báo cáo của 22 cơ quan, đơn vị, địa phương.',
  },
  { kind: 'heading', level: 2, number: '3', title: 'Cải cách hành chính, thủ tục hành chính' },
  {
    kind: 'paragraph',
    text: 'Tổng số hồ sơ thủ tục hành chính tiếp nhận là 186.402 hồ sơ; số hồ sơ đến hạn giải quyết là 179.866 hồ sơ, trong đó giải quyết trước và đúng hạn 178.905 hồ sơ, đạt tỷ lệ 99,47%; quá hạn 961 hồ sơ. Các cơ quan đã công khai xin lỗi tổ chức, cá nhân đối với các hồ sơ giải quyết quá hạn theo quy định.',
  },
  { kind: 'heading', level: 2, number: '4', title: 'Phong trào thi đua “Dân vận khéo”' },
  {
    kind: 'paragraph',
    text: 'Đã đăng ký 312 mô hình “Dân vận khéo”, trong đó 241 mô hình, điển hình được công nhận; 187 tập thể, cá nhân được khen thưởng. Nhiều mô hình thiết thực gắn với cải cách hành chính, chuyển đổi số và xây dựng chính quyền thân thiện, được Nhân dân đồng tình, hưởng ứng.',
  },
  { kind: 'heading', level: 1, number: 'III', title: 'Đánh giá chung' },
  { kind: 'heading', level: 2, number: '1', title: 'Ưu điểm' },
  {
    kind: 'paragraph',
    text: 'Công tác dân vận chính quyền được cấp ủy, chính quyền các cấp quan tâm lãnh đạo, chỉ đạo; việc tiếp công dân, đối thoại và giải quyết kiến nghị của Nhân dân có nhiều chuyển biến tích cực; tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt cao.',
  },
  { kind: 'heading', level: 2, number: '2', title: 'Hạn chế, nguyên nhân' },
  {
    kind: 'paragraph',
    text: 'Một số đơn vị chưa báo cáo đúng thời hạn; việc nhân rộng mô hình “Dân vận khéo” ở một số địa phương còn hình thức; còn vụ việc khiếu nại đông người, kéo dài chưa được giải quyết dứt điểm.',
  },
  { kind: 'heading', level: 1, number: 'IV', title: 'Phương hướng, nhiệm vụ 6 tháng cuối năm' },
  {
    kind: 'list',
    items: [
      'Tiếp tục quán triệt, triển khai các văn bản của Trung ương, của tỉnh về công tác dân vận chính quyền',
      'Nâng cao chất lượng tiếp công dân, đối thoại và giải quyết kịp thời kiến nghị của Nhân dân',
      'Đẩy mạnh cải cách hành chính, chuyển đổi số gắn với xây dựng chính quyền thân thiện',
    ],
  },
  { kind: 'heading', level: 1, number: 'V', title: 'Kiến nghị, đề xuất' },
  {
    kind: 'paragraph',
    text: withAnnexes
      ? 'Đề nghị UBND tỉnh tiếp tục quan tâm bố trí kinh phí tập huấn công tác dân vận cho cán bộ cơ sở (số liệu chi tiết tại Phụ lục I và Phụ lục II kèm theo).'
      : 'Đề nghị UBND tỉnh tiếp tục quan tâm bố trí kinh phí tập huấn công tác dân vận cho cán bộ cơ sở.',
  },
  {
    kind: 'paragraph',
    text: 'Trên đây là báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025 của Sở Nội vụ.',
  },
];

/** A sample model of the given kind; `date` is the document date (ISO). */
export function sampleModel(kind: SampleKind, agency: Agency = SAMPLE_AGENCY, date = '2025-06-05'): DocumentModelInput {
  const b = base(agency, date);
  const unitSymbol = agency.abbreviation || 'SNV';
  const recipients = {
    entries: ['UBND tỉnh (b/c)', 'Ban Dân vận Tỉnh ủy', 'Giám đốc, các PGĐ Sở'],
    draftingUnit: agency.draftingUnit,
  };
  switch (kind) {
    case 'bao-cao':
      return {
        ...b,
        header: { ...b.header, number: 5, symbol: `BC-${unitSymbol}` },
        type: 'Báo cáo',
        summary: 'Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025',
        to: ['Ủy ban nhân dân tỉnh Quảng Nam'],
        body: reportBody(false),
        recipients: { entries: ['Ban Dân vận Tỉnh ủy', 'Giám đốc, các PGĐ Sở'], draftingUnit: agency.draftingUnit },
      };
    case 'ke-hoach':
      return {
        ...b,
        header: { ...b.header, number: null, symbol: `KH-${unitSymbol}` },
        type: 'Kế hoạch',
        summary: 'Thực hiện dân chủ ở cơ sở năm 2025',
        body: [
          { kind: 'basis', text: 'Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;' },
          {
            kind: 'basis',
            text: 'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở',
          },
          { kind: 'paragraph', text: 'Sở Nội vụ xây dựng Kế hoạch thực hiện dân chủ ở cơ sở năm 2025 như sau:' },
          { kind: 'part', label: 'Phần I', title: 'Mục đích, yêu cầu' },
          { kind: 'heading', level: 1, number: 'I', title: 'Mục đích' },
          {
            kind: 'paragraph',
            text: 'Nâng cao nhận thức về quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về thực hiện dân chủ ở cơ sở; phát huy vai trò, trách nhiệm của người đứng đầu cơ quan trong thực hiện dân chủ, phòng, chống tham nhũng, thực hành tiết kiệm, chống lãng phí.',
          },
          { kind: 'heading', level: 1, number: 'II', title: 'Yêu cầu' },
          {
            kind: 'paragraph',
            text: 'Việc thực hiện dân chủ phải gắn liền với thực hiện nhiệm vụ chính trị của cơ quan; được thực hiện thường xuyên, liên tục, bảo đảm thực chất, hiệu quả.',
          },
          { kind: 'part', label: 'Phần II', title: 'Nội dung và tổ chức thực hiện' },
          { kind: 'heading', level: 1, number: 'I', title: 'Nội dung thực hiện' },
          { kind: 'heading', level: 2, number: '1', title: 'Tuyên truyền, quán triệt' },
          {
            kind: 'paragraph',
            text: 'Tăng cường công tác tuyên truyền, phổ biến, quán triệt các văn bản về thực hiện dân chủ gắn với cụ thể hóa nhiệm vụ chính trị của cơ quan; thường xuyên rà soát, sửa đổi, bổ sung quy chế thực hiện dân chủ ở cơ quan bảo đảm phù hợp, đầy đủ.',
          },
          { kind: 'heading', level: 2, number: '2', title: 'Công khai, minh bạch' },
          {
            kind: 'list',
            items: [
              'Công khai đầy đủ, kịp thời các nội dung đối với cán bộ, công chức, viên chức và người lao động theo quy định;',
              'Tổ chức hội nghị cán bộ, công chức, viên chức mỗi năm một lần vào cuối năm;',
              'Lựa chọn hình thức và thời điểm công khai phù hợp với điều kiện thực tế của cơ quan.',
            ],
          },
          { kind: 'heading', level: 2, number: '3', title: 'Tiếp nhận và giải quyết kiến nghị' },
          {
            kind: 'paragraph',
            text: 'Cử người có trách nhiệm gặp và giải quyết công việc có liên quan khi công dân, tổ chức có yêu cầu; kịp thời giải đáp những khó khăn, vướng mắc, tiếp thu kiến nghị, đề xuất của Nhân dân để đề xuất cấp có thẩm quyền sửa đổi, bổ sung hoặc ban hành mới các chính sách.',
          },
          { kind: 'heading', level: 1, number: 'II', title: 'Tổ chức thực hiện' },
          { kind: 'heading', level: 2, number: '1', title: 'Văn phòng Sở' },
          {
            kind: 'paragraph',
            text: 'Theo dõi việc triển khai thực hiện Kế hoạch này; tổng hợp, tham mưu Giám đốc Sở báo cáo kết quả thực hiện dân chủ ở cơ sở theo quy định.',
          },
          { kind: 'heading', level: 2, number: '2', title: 'Các phòng, đơn vị thuộc Sở' },
          {
            kind: 'paragraph',
            text: 'Căn cứ Kế hoạch này, các phòng, đơn vị thuộc Sở nghiêm túc triển khai thực hiện; định kỳ 6 tháng, một năm báo cáo kết quả về Văn phòng Sở để tổng hợp.',
          },
        ],
        recipients,
      };
    case 'cong-van':
      return {
        ...b,
        header: { ...b.header, number: 12, symbol: `${unitSymbol}-${agency.draftingUnit || 'VP'}` },
        type: 'Công văn',
        summary: 'V/v báo cáo kết quả công tác dân vận chính quyền 6 tháng đầu năm 2025',
        to: ['Các sở, ban, ngành thuộc tỉnh', 'UBND các huyện, thị xã, thành phố'],
        body: [
          {
            kind: 'paragraph',
            text: 'Thực hiện Kế hoạch số 468/KH-UBND ngày 27 tháng 3 năm 2025 của UBND tỉnh về thực hiện công tác dân vận chính quyền năm 2025, Sở Nội vụ đề nghị các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025 theo đề cương và biểu số liệu kèm theo.',
          },
          {
            kind: 'paragraph',
            text: [
              { text: 'Báo cáo gửi về Sở Nội vụ ' },
              { text: 'trước ngày 20 tháng 5 năm 2025', bold: true, italic: true },
              {
                text: ' (bản điện tử gửi qua hệ thống quản lý văn bản và điều hành) để tổng hợp, báo cáo UBND tỉnh theo quy định.',
              },
            ],
          },
          { kind: 'paragraph', text: 'Sở Nội vụ đề nghị các cơ quan, đơn vị, địa phương quan tâm phối hợp thực hiện.' },
        ],
        recipients: { entries: ['UBND tỉnh (b/c)'], draftingUnit: agency.draftingUnit },
      };
    case 'phu-luc': {
      const headerRow = [
        'TT',
        'Cơ quan, đơn vị',
        'Lượt tiếp công dân',
        'Lượt người được tiếp',
        'Đoàn đông người',
        'Hội nghị đối thoại',
        'Ý kiến tiếp nhận',
        'Ý kiến đã giải quyết',
        'Tỷ lệ giải quyết (%)',
      ];
      const rows = UNITS.map((u, i) => {
        const rec = 40 + ((i * 37) % 90);
        const done = rec - ((i * 7) % 11);
        return [
          String(i + 1),
          u,
          80 + ((i * 53) % 140),
          95 + ((i * 61) % 180),
          i % 4,
          2 + (i % 6),
          rec,
          done,
          Math.round((done / rec) * 10000) / 100,
        ];
      });
      const hcRows = UNITS.map((u, i) => {
        const due = 3000 + ((i * 911) % 9000);
        const late = (i * 13) % 40;
        return [
          String(i + 1),
          u,
          due + 150,
          due,
          due - late,
          late,
          Math.round(((due - late) / due) * 10000) / 100,
          i % 3 === 0 ? 'Có' : 'Không',
        ];
      });
      return {
        ...b,
        header: { ...b.header, number: 7, symbol: `BC-${unitSymbol}` },
        type: 'Báo cáo',
        summary: 'Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025',
        to: ['Ủy ban nhân dân tỉnh Quảng Nam', 'Ban Dân vận Tỉnh ủy Quảng Nam'],
        body: reportBody(true),
        recipients: { entries: ['Giám đốc, các PGĐ Sở'], draftingUnit: agency.draftingUnit },
        annexes: [
          {
            title: 'Kết quả tiếp công dân, đối thoại với Nhân dân 6 tháng đầu năm 2025',
            body: [
              {
                kind: 'table',
                widths: [0.6, 4.2, 1.4, 1.4, 1.2, 1.3, 1.3, 1.3, 1.3],
                align: ['center', 'left'],
                header: [headerRow, headerRow.map((_, i) => `(${i + 1})`)],
                rows: [
                  ...rows,
                  [
                    { text: 'Tổng cộng', colSpan: 2, bold: true, align: 'center' },
                    ...[2, 3, 4, 5, 6, 7].map((c) => ({
                      text: rows.reduce((s, r) => s + (r[c] as number), 0),
                      bold: true,
                    })),
                    { text: 93.67, bold: true },
                  ],
                ],
              },
            ],
          },
          {
            title: 'Kết quả giải quyết thủ tục hành chính 6 tháng đầu năm 2025',
            body: [
              {
                kind: 'table',
                widths: [0.6, 4.5, 1.6, 1.6, 1.8, 1.3, 1.4, 1.6],
                align: ['center', 'left'],
                header: [
                  [
                    'TT',
                    'Cơ quan, đơn vị',
                    'Hồ sơ tiếp nhận',
                    'Hồ sơ đến hạn',
                    'Giải quyết trước và đúng hạn',
                    'Quá hạn',
                    'Tỷ lệ đúng hạn (%)',
                    'Có xin lỗi khi quá hạn',
                  ],
                ],
                rows: hcRows,
              },
            ],
          },
        ],
      };
    }
  }
}
