// Báo cáo kết quả đánh giá, xếp loại: the results of a round as a document model (Nghị định 30),
// with the ranking as a landscape annex. Only data here; the one writer lays it out.
import type { DocumentModelInput } from '../../../shared/contract/document-model';
import type { Agency } from '../../../shared/model/agency';
import type { RoundResults } from '../../../shared/model/scoring';
import { formatNumber, todayIso } from '../../../shared/format';
import { apartSentences, formatPoints, rangeText, toCenti } from '../../../shared/domain/scoring';
import { SCORING_STAGE_LABELS } from '../../../shared/model/scoring';

/** "SỞ NỘI VỤ" → "Sở Nội vụ" for use inside a sentence. */
function inSentence(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  return lower
    .replace(/^\p{L}/u, (c) => c.toLocaleUpperCase('vi'))
    .replace(/nội vụ/u, 'Nội vụ')
    .replace(/ủy ban nhân dân/u, 'Ủy ban nhân dân');
}

const pct = (n: number, of: number): string => (of === 0 ? '0' : formatNumber((n * 100) / of, 2));

export function scoringReportModel(results: RoundResults, agency: Agency, date = todayIso()): DocumentModelInput {
  const { set, ranking, round } = results;
  const agencyName = agency.name || 'SỞ NỘI VỤ';
  const issuer = inSentence(agencyName);
  const signer = agency.signers.find((s) => s.isDefault) ?? agency.signers[0];
  const year = round.year;
  const n = ranking.length;
  const classesDesc = [...set.classes].sort((a, b) => b.from - a.from);
  const avgC = n === 0 ? 0 : Math.round(ranking.reduce((s, r) => s + (toCenti(r.total) ?? 0), 0) / n);
  const top = ranking[0];
  const bottom = ranking.at(-1);
  // Only fully scored units have a class, provisional or not; the others are said apart.
  const provisional = results.notApproved;
  const apart = apartSentences(results);

  const groupTotals = (scores: Record<string, number | null>) =>
    set.groups.map((g) => formatPoints(g.criteria.reduce((s, c) => s + (toCenti(scores[c.code] ?? 0) ?? 0), 0) / 100));

  const body: DocumentModelInput['body'] = [
    {
      kind: 'paragraph',
      text: `Thực hiện ${round.name.charAt(0).toLocaleLowerCase('vi') + round.name.slice(1)}, trên cơ sở kết quả tự chấm điểm của các cơ quan, đơn vị, địa phương và kết quả thẩm định, ${issuer} báo cáo kết quả đánh giá, xếp loại công tác dân vận chính quyền năm ${year} như sau:`,
    },
    { kind: 'heading', level: 1, number: 'I', title: 'KHÁI QUÁT' },
    {
      kind: 'paragraph',
      text: `Việc đánh giá, xếp loại được thực hiện theo bộ tiêu chí “${set.name}” (phiên bản ${set.version}), thang điểm ${formatPoints(set.totalPoints)}, gồm ${set.groups.length} nhóm tiêu chí; điểm thưởng tối đa ${formatPoints(set.bonus.cap)} điểm${set.deductions.items.length ? '; điểm trừ áp dụng đối với các trường hợp vi phạm theo bộ tiêu chí' : ''}. Điểm thẩm định là điểm chính thức để xếp loại.`,
    },
    {
      kind: 'paragraph',
      text: `Tổng số cơ quan, đơn vị, địa phương được đánh giá: ${n}; đã được duyệt kết quả: ${round.approvedCount}${provisional ? `; chưa duyệt: ${provisional} (điểm của ${provisional === 1 ? 'đơn vị này' : 'các đơn vị này'} là điểm tạm tính)` : ''}.`,
    },
    ...apart.map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'heading', level: 1, number: 'II', title: 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI' },
    { kind: 'heading', level: 2, number: '1', title: 'Kết quả xếp loại' },
    {
      kind: 'list',
      items: classesDesc.map((c, i) => {
        const count = results.classCounts[c.code] ?? 0;
        const end = i === classesDesc.length - 1 ? '.' : ';';
        return `${c.label} (${rangeText(c)}): ${count} đơn vị, chiếm ${pct(count, n)}%${end}`;
      }),
    },
    {
      kind: 'table',
      title: 'Bảng 1. Số đơn vị theo mức xếp loại và loại đơn vị',
      widths: [4, ...classesDesc.map(() => 2), 1.6],
      align: ['left', ...classesDesc.map(() => 'center' as const), 'center'],
      header: [['Loại đơn vị', ...classesDesc.map((c) => c.label), 'Tổng số']],
      rows: [
        ...results.byKind.map((k) => [k.kindLabel, ...classesDesc.map((c) => k.counts[c.code] ?? 0), k.total]),
        [
          { text: 'Tổng cộng', bold: true },
          ...classesDesc.map((c) => ({ text: results.classCounts[c.code] ?? 0, bold: true })),
          { text: n, bold: true },
        ],
      ],
    },
    { kind: 'heading', level: 2, number: '2', title: 'Điểm số' },
    {
      kind: 'paragraph',
      text:
        n === 0
          ? 'Chưa có đơn vị nào được chấm điểm.'
          : `Điểm bình quân đạt ${formatPoints(avgC / 100)} điểm. Đơn vị đạt điểm cao nhất: ${top!.unitName} (${formatPoints(top!.total)} điểm); đơn vị đạt điểm thấp nhất: ${bottom!.unitName} (${formatPoints(bottom!.total)} điểm).`,
    },
    { kind: 'paragraph', text: `Cách xếp hạng: ${results.tieRule}` },
    ...(results.ties.length > 0 ? [{ kind: 'list' as const, items: results.ties }] : []),
    {
      kind: 'paragraph',
      text: 'Kết quả chi tiết của từng cơ quan, đơn vị, địa phương tại Phụ lục kèm theo Báo cáo này.',
    },
    { kind: 'heading', level: 1, number: 'III', title: 'ĐỀ XUẤT' },
    {
      kind: 'paragraph',
      text: `Đề nghị cấp có thẩm quyền xem xét, công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm ${year}; các cơ quan, đơn vị, địa phương có kết quả thấp khắc phục hạn chế, nâng cao chất lượng công tác dân vận chính quyền trong năm tiếp theo.`,
    },
    {
      kind: 'paragraph',
      text: `Trên đây là báo cáo kết quả đánh giá, xếp loại công tác dân vận chính quyền năm ${year} của ${issuer}.`,
    },
  ];

  // Last year's round (issue 20: read through the lineage): two more columns and a sentence.
  const prev = results.previous;
  const prevOf = new Map((prev?.rows ?? []).map((p) => [p.unitId, p]));
  const prevCells = (unitId: number): string[] => {
    if (!prev) return [];
    const p = prevOf.get(unitId);
    if (!p || p.total === null) return [p?.sources.length ? 'Không so sánh' : '—', ''];
    return [
      formatPoints(p.total),
      p.change === null
        ? ''
        : p.change > 0
          ? `+${formatPoints(p.change)}`
          : p.change < 0
            ? `−${formatPoints(-p.change)}`
            : '0',
    ];
  };
  const compared = (prev?.rows ?? []).filter((p) => p.change !== null);
  // "chấm điểm … năm 2024", its year said only when the round's name does not.
  const prevName = prev
    ? `${prev.round.name.charAt(0).toLocaleLowerCase('vi')}${prev.round.name.slice(1)}${prev.round.name.includes(String(prev.round.year)) ? '' : ` (năm ${prev.round.year})`}`
    : '';
  const notComparable = (prev?.rows ?? []).filter((p) => p.total === null && p.sources.length > 0);
  if (prev)
    body.splice(
      // Before "Kết quả chi tiết … tại Phụ lục", at the end of II.2.
      body.findIndex((b) => b.kind === 'heading' && b.number === 'III') - 1,
      0,
      {
        kind: 'paragraph',
        text: `So với kết quả ${prevName}: ${compared.length} đơn vị so sánh được, trong đó ${compared.filter((p) => p.change! > 0).length} đơn vị tăng điểm, ${compared.filter((p) => p.change! < 0).length} đơn vị giảm điểm${notComparable.length ? `; ${notComparable.length} đơn vị hình thành từ sắp xếp đơn vị hành chính không so sánh được` : ''}.${prev.footnote ? ` ${prev.footnote}` : ''}`,
      },
    );
  const annexRows = ranking.map((r) => [
    r.rankLabel.replace(' (đồng hạng)', '*'),
    r.unitName,
    ...groupTotals(r.scores),
    formatPoints(r.bonus),
    formatPoints(r.deductions),
    { text: formatPoints(r.total), bold: true },
    formatPoints(r.selfTotal),
    r.classLabel + (r.stage === 'da_duyet' ? '' : ` (${SCORING_STAGE_LABELS[r.stage].toLocaleLowerCase('vi')})`),
    ...prevCells(r.unitId),
  ]);
  const extra = prev ? 2 : 0;

  return {
    header: {
      parentAgency: agency.parentName,
      agency: agencyName,
      issuerName: issuer,
      number: null,
      symbol: `BC-${agency.abbreviation || 'SNV'}`,
      place: agency.place || 'Quảng Nam',
      date,
    },
    type: 'Báo cáo',
    summary: `Kết quả đánh giá, xếp loại công tác dân vận chính quyền năm ${year}`,
    body,
    signature: signer
      ? {
          authorityPrefix: signer.authorityPrefix,
          authorityLine: signer.authorityLine,
          title: signer.title,
          fullName: signer.fullName,
        }
      : {
          authorityPrefix: '',
          authorityLine: '',
          title: 'GIÁM ĐỐC',
          fullName: '(chưa có người ký: cài đặt ở mục Cài đặt)',
        },
    recipients: {
      entries: ['UBND tỉnh (b/c)', 'Ban Dân vận Tỉnh ủy', 'Các cơ quan, đơn vị, địa phương'],
      draftingUnit: agency.draftingUnit,
    },
    annexes: [
      {
        title: `BẢNG XẾP HẠNG KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM ${year}`,
        orientation: 'landscape',
        body: [
          {
            kind: 'table',
            widths: prev
              ? [1.2, 4, ...set.groups.map(() => 1.1), 1.8, 1, 1.3, 1.3, 3.2, 1.4, 1.3]
              : [1.3, 5, ...set.groups.map(() => 1.2), 1.7, 1.1, 1.4, 1.4, 3.2],
            align: [
              'center',
              'left',
              ...set.groups.map(() => 'center' as const),
              'center',
              'center',
              'center',
              'center',
              'left',
              ...(prev ? (['center', 'center'] as const) : []),
            ],
            header: [
              [
                'Hạng',
                'Cơ quan, đơn vị, địa phương',
                ...set.groups.map((g) => `${g.code} (${formatPoints(g.maxPoints)})`),
                `Thưởng (≤${formatPoints(set.bonus.cap)})`,
                'Trừ',
                'Tổng điểm',
                'Tự chấm',
                'Xếp loại',
                ...(prev ? [`Năm ${prev.round.year}`, 'Tăng (+), giảm (−)'] : []),
              ],
            ],
            rows: annexRows.length
              ? annexRows
              : [['', 'Chưa có đơn vị nào', ...set.groups.map(() => ''), '', '', '', '', '', ...Array(extra).fill('')]],
            note: `Nhóm tiêu chí: ${set.groups.map((g) => `${g.code}. ${g.title}`).join('; ')}. (*) Đồng hạng. ${results.tieRule}${prev ? ` Cột “Năm ${prev.round.year}”: tổng điểm theo kết quả ${prevName}.${prev.footnote ? ` ${prev.footnote}` : ''}` : ''}`,
          },
        ],
      },
    ],
  };
}
