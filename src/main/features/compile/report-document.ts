// The consolidated report as a document MODEL for the one Word writer (src/main/documents/):
// body from the rendered draft, annexes I–III from the figures. No layout here.
import { reorganisationNote } from './restated';
import type { DocumentModelInput } from '../../../shared/contract/document-model';
import type { DraftView } from '../../../shared/contract/compile';
import type { CompileSettings, IndicatorTotal, TargetResult } from '../../../shared/model/compile';
import { eachUnitVerdict } from '../../../shared/domain/target-units';
import type { Agency } from '../../../shared/model/agency';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { formatDec, ratePercent } from '../../../shared/domain/decimal';
import { formatDateShort } from '../../../shared/format';
import { formatFigure } from '../../../shared/domain/draft';
import { targetPhrase } from '../../../shared/domain/aggregate-compare';
import { AppError } from '../../../shared/errors';
import { toRoman as roman } from '../../documents/nd30/text';
import { isPercentIndicator as isPct } from '../../../shared/domain/indicators';

/** "SỞ NỘI VỤ" → "Sở Nội vụ", as the agency names itself in a sentence. */
export function agencyInSentence(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  return lower
    .replace(/^\p{L}/u, (c) => c.toLocaleUpperCase('vi'))
    .replace(/nội vụ/u, 'Nội vụ')
    .replace(/ủy ban nhân dân/u, 'Ủy ban nhân dân');
}

/** "+12", "−3", "0"; percentage points for rates. */
export function signed(delta: string | null): string {
  if (delta === null) return '—';
  if (delta === '0') return '0';
  return delta.startsWith('-') ? `−${formatDec(delta.slice(1))}` : `+${formatDec(delta)}`;
}

function verdict(ts: TargetResult[]): [string, string] {
  if (ts.length === 0) return ['', ''];
  const phrase = ts.map((t) => targetPhrase(t, formatDec)).join('; ');
  const v = ts
    .map((t) =>
      t.met === null
        ? 'Chưa đánh giá được'
        : t.units
          ? eachUnitVerdict(t)
          : `${t.met ? 'Đạt' : 'Chưa đạt'}${t.gap === '0' ? '' : ` (${signed(t.gap)})`}`,
    )
    .join('; ');
  return [phrase, v];
}

/** Lines of a section's text → paragraphs and "- " lists. */
function textBlocks(text: string): DocumentModelInput['body'] {
  const out: DocumentModelInput['body'] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push({ kind: 'list', items: list });
    list = [];
  };
  for (const raw of text.split('\n')) {
    // eslint-disable-next-line no-control-regex
    const line = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
    if (!line) continue;
    if (/^[-–•]\s+/.test(line)) list.push(line.replace(/^[-–•]\s+/, ''));
    else {
      flush();
      out.push({ kind: 'paragraph', text: line });
    }
  }
  flush();
  return out;
}

/** Decimals a column of values needs (at most 2), so every figure of the column has the same. */
export function columnDecimals(values: (string | null)[]): number {
  let d = 0;
  for (const v of values) {
    const dot = v?.indexOf('.') ?? -1;
    if (v && dot >= 0) d = Math.max(d, Math.min(2, v.length - dot - 1));
  }
  return d;
}

/** "1.234", "93,50%", "—": one style in every table; a percentage always carries "%". */
export function figure(value: string | null, percent: boolean, decimals?: number): string {
  if (value === null) return '—';
  if (decimals === undefined) return formatFigure(value, percent);
  // Rounded half away from zero, exactly (value / 100 × 100), then padded to the column's decimals.
  const rounded = ratePercent(value, '100', decimals) ?? value;
  const [int = '0', frac = ''] = rounded.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const f = frac.padEnd(decimals, '0');
  return `${sign}${formatDec(int.replace('-', ''))}${f ? `,${f}` : ''}${percent ? '%' : ''}`;
}

/** Phụ lục IV: every unit's own words, section by section, with the unit's name in bold. */
function unitTextBlocks(view: DraftView): DocumentModelInput['body'] {
  const out: DocumentModelInput['body'] = [];
  let heading = '';
  for (const e of view.unitTexts) {
    if (e.heading !== heading) {
      heading = e.heading;
      out.push({ kind: 'paragraph', text: [{ text: heading, bold: true }] });
    }
    const lines = e.text
      .split('\n')
      // eslint-disable-next-line no-control-regex -- control characters never reach the document
      .map((l) => l.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim())
      .filter(Boolean);
    if (!lines.length) continue;
    const who = `${e.unitName}${e.periodName ? ` (${e.periodName})` : ''}: `;
    out.push({ kind: 'paragraph', text: [{ text: who, italic: true }, { text: lines[0]! }], indent: true });
    for (const l of lines.slice(1)) out.push({ kind: 'paragraph', text: l, indent: true });
  }
  return out;
}

export interface ReportOptions {
  date: string;
  number: number | null;
}

export function buildReportModel(
  view: DraftView,
  agency: Agency,
  settings: CompileSettings,
  opts: ReportOptions,
): DocumentModelInput {
  if (!agency.name)
    throw new AppError(
      'NO_AGENCY',
      'Chưa khai báo tên cơ quan ban hành: hãy vào Cài đặt để nhập thông tin cơ quan trước khi xuất báo cáo.',
    );
  const signer = agency.signers.find((s) => s.isDefault) ?? agency.signers[0];
  if (!signer)
    throw new AppError(
      'NO_SIGNER',
      'Chưa có người ký văn bản: hãy vào Cài đặt để thêm người ký (đặt một người làm mặc định).',
    );
  if (!agency.place)
    throw new AppError(
      'NO_PLACE',
      'Chưa khai báo địa danh của cơ quan (Cài đặt) nên không ghi được dòng “…, ngày … tháng … năm …”.',
    );
  const c = view.compile;
  const cur = c.current;

  const body: DocumentModelInput['body'] = [];
  // A heading is written only above some text: its own, or a sub-section's.
  const hasWords = (number: string): boolean =>
    view.rendered.sections.some(
      (x) => (x.number === number || x.number.startsWith(`${number}.`)) && textBlocks(x.text).length > 0,
    );
  const counters = [0, 0, 0];
  for (const s of view.rendered.sections) {
    const meta = view.draft.sections.find((d) => d.number === s.number);
    if (!meta) continue;
    if (meta.number && !hasWords(meta.number)) continue;
    if (meta.number) {
      // Numbered again among the headings written, so a left-out section leaves no gap (I, II, III…).
      const level = meta.level <= 1 ? 1 : meta.level === 2 ? 2 : 3;
      counters[level - 1]!++;
      for (let k = level; k < counters.length; k++) counters[k] = 0;
      const n = counters[level - 1]!;
      const number = level === 1 ? roman(n) : level === 2 ? String(n) : String.fromCharCode(96 + Math.min(n, 26));
      body.push({ kind: 'heading', level, number, title: meta.title });
    }
    body.push(...textBlocks(s.text));
  }

  // Phụ lục I: figures by indicator against last year and the targets.
  const indicators = cur.indicators.filter((i) => i.rule !== 'TEXT' && i.rule !== 'NONE');
  const rowsI: NonNullable<DocumentModelInput['annexes']>[number]['body'] = [];
  const tableI: (string | { text: string; bold?: boolean; colSpan?: number; align?: 'left' | 'center' | 'right' })[][] =
    [];
  let group: string | null = null;
  let n = 0;
  for (const i of indicators) {
    if (i.group !== group) {
      group = i.group;
      if (group) tableI.push([{ text: group, bold: true, colSpan: 8, align: 'left' }]);
    }
    const cmp = c.comparison.find((x) => x.code === i.code);
    const [target, v] = verdict(c.targets.filter((t) => t.indicatorCode === i.code));
    tableI.push([
      String(++n),
      `${i.name} (${i.code})`,
      isPct(i) ? '%' : i.unit,
      figure(i.value, isPct(i)),
      figure(cmp?.previous ?? null, isPct(i)),
      isPct(i) && cmp?.delta != null && cmp.delta !== '0' ? `${signed(cmp.delta)} điểm %` : signed(cmp?.delta ?? null),
      target,
      v,
    ]);
  }
  rowsI.push({
    kind: 'table',
    header: [
      ['STT', 'Chỉ số', 'Đơn vị tính', 'Kỳ này', 'Cùng kỳ năm trước', 'Tăng (+), giảm (−)', 'Chỉ tiêu', 'Đánh giá'],
    ],
    rows: tableI,
    widths: [7, 28, 9, 9, 10, 10, 11, 11],
    align: ['center', 'left', 'center', 'right', 'right', 'right', 'center', 'center'],
    note: `Kỳ này: ${cur.periods.map((p) => p.name).join(', ')}${c.previous ? `; cùng kỳ: ${c.previous.periods.map((p) => p.name).join(', ')}` : '; không có số liệu cùng kỳ năm trước'}. Tỷ lệ tính lại từ tổng tử số và tổng mẫu số; tỷ lệ đơn vị tính trên số đơn vị phải báo cáo; chênh lệch tỷ lệ tính bằng điểm phần trăm.${c.folding || c.restatement ? ` ${reorganisationNote(c)}` : ''}`,
  });
  const problems = c.targets.filter((t) => t.problem && t.met === null);
  if (problems.length) rowsI.push({ kind: 'list', items: problems.map((t) => `Chỉ tiêu “${t.text}”: ${t.problem}`) });
  // Targets about each unit: the units that miss, by name (with their value, or "chưa có số liệu").
  const missed = c.targets.filter((t) => t.units && t.units.missing.length);
  if (missed.length)
    rowsI.push({
      kind: 'list',
      items: missed.map(
        (t) =>
          `Chỉ tiêu “${t.text}” (${eachUnitVerdict(t)}): chưa đạt gồm ${t
            .units!.missing.map((m) => `${m.name} (${m.value === null ? 'chưa có số liệu' : formatDec(m.value)})`)
            .join('; ')}.`,
      ),
    });

  // Phụ lục II: figures by unit, one landscape table per group of indicators.
  const rowsII: typeof rowsI = [];
  const groups = new Map<string, IndicatorTotal[]>();
  for (const i of indicators) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
  const decimals = new Map(
    indicators.map((i) => [i.code, columnDecimals(cur.units.map((u) => u.values[i.code] ?? null))]),
  );
  const unitCell = (i: IndicatorTotal, v: string | null) =>
    i.type === 'yesno' ? (v === null ? '' : v === '1' ? 'Có' : 'Không') : figure(v, isPct(i), decimals.get(i.code));
  // A unit that took over old units' reports of the window (issue 20) has figures even if it sent none.
  const folded = new Map((c.folding?.units ?? []).map((f) => [f.unitId, f]));
  const reportedNothing = (u: (typeof cur.units)[number]) => u.periodsCounted === 0 && !folded.has(u.unitId);
  for (const [g, inds] of groups) {
    for (let k = 0; k < inds.length; k += 8) {
      const part = inds.slice(k, k + 8);
      rowsII.push({
        kind: 'table',
        title: `${g || 'Chỉ số'}${inds.length > 8 ? ` (${k / 8 + 1})` : ''}`,
        header: [
          [
            'STT',
            'Cơ quan, đơn vị',
            ...part.map((i) => `${i.name}${isPct(i) ? ' (%)' : i.unit ? ` (${i.unit})` : ''}`),
          ],
        ],
        rows: [
          ...cur.units.map((u, idx) => [
            String(idx + 1),
            `${u.name}${u.expected ? '' : ' (*)'}${folded.has(u.unitId) ? ' (**)' : ''}`,
            ...(reportedNothing(u)
              ? [{ text: 'Chưa báo cáo', italic: true, colSpan: part.length, align: 'center' as const }]
              : part.map((i) => unitCell(i, u.values[i.code] ?? null))),
          ]),
          [
            { text: '', bold: true },
            { text: 'Tổng cộng', bold: true },
            ...part.map((i) => ({
              text: figure(i.value, isPct(i), decimals.get(i.code)),
              bold: true,
            })),
          ],
        ],
        widths: [4, 26, ...part.map(() => 10)],
        align: ['center', 'left', ...part.map((i) => (i.type === 'yesno' ? ('center' as const) : ('right' as const)))],
      });
    }
  }
  if (view.explainedBreaches.length)
    rowsII.push({
      kind: 'paragraph',
      text: [
        { text: 'Số liệu vượt quy tắc kiểm tra, đã được đơn vị giải trình: ' },
        ...view.explainedBreaches.flatMap((b, k) => [
          ...(k ? [{ text: ', ' }] : []),
          {
            text: b.unitName,
            footnote: `${b.unitName}: ${b.rule.replace(/\.$/, '')}. Giải trình của đơn vị: ${b.reason}`,
          },
        ]),
        { text: '.' },
      ],
    });
  if (folded.size)
    rowsII.push({
      kind: 'paragraph',
      text: `(**) Số liệu gồm cả số liệu đã báo cáo trong kỳ của đơn vị cũ trước khi sắp xếp: ${[...folded.values()]
        .map(
          (f) =>
            `${f.name} nhận từ ${f.sources.map((s) => `${s.name}${s.weight !== null && s.weight < 1 ? ` (${formatDec(String(Math.round(s.weight * 10000) / 100))}%)` : ''}`).join(', ')}`,
        )
        .join('; ')}.`,
    });
  if (cur.units.some((u) => !u.expected))
    rowsII.push({
      kind: 'paragraph',
      text: '(*) Đơn vị không thuộc danh sách phải báo cáo vào ngày chốt số liệu nhưng đã gửi báo cáo.',
    });

  // Phụ lục III: who reported, on time or late, who did not.
  const st = cur.status;
  const rowsIII: typeof rowsI = [
    {
      kind: 'paragraph',
      text: `Số cơ quan, đơn vị phải báo cáo: ${st.expected}; đã gửi: ${st.reported} (đúng hạn ${st.onTime}, nộp muộn ${st.late}); chưa gửi: ${st.missing}${st.missing ? ` (chưa nộp ${st.counts.chua_nop}, đang nhập ${st.counts.dang_nhap}, trả lại ${st.counts.tra_lai})` : ''}. Hạn gửi: ${formatDateShort(cur.periods[cur.periods.length - 1]!.deadline)}.`,
    },
    {
      kind: 'table',
      header: [['STT', 'Cơ quan, đơn vị', 'Loại', 'Tình trạng', 'Ngày nhận', 'Ghi chú']],
      rows: cur.units
        .filter((u) => u.expected || u.periodsCounted > 0)
        .map((u, idx) => [
          String(idx + 1),
          u.name,
          UNIT_KIND_LABELS[u.kind],
          u.label,
          u.receivedDate ? formatDateShort(u.receivedDate) : '',
          [u.daysLate ? `Muộn ${u.daysLate} ngày` : '', u.expected ? '' : 'Không thuộc danh sách phải báo cáo']
            .filter(Boolean)
            .join('; '),
        ]),
      widths: [7, 31, 15, 13, 14, 17],
      align: ['center', 'left', 'left', 'left', 'center', 'left'],
    },
  ];

  const annexes: NonNullable<DocumentModelInput['annexes']> = [
    { number: 'I', title: 'SỐ LIỆU TỔNG HỢP THEO CHỈ SỐ', orientation: 'portrait', body: rowsI },
    {
      number: 'II',
      title: 'SỐ LIỆU THEO CƠ QUAN, ĐƠN VỊ',
      orientation: 'landscape',
      body: rowsII.length ? rowsII : [{ kind: 'paragraph', text: 'Không có chỉ số nào để tổng hợp.' }],
    },
    { number: 'III', title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', orientation: 'portrait', body: rowsIII },
  ];
  if (settings.unitTextAnnex && view.unitTexts.length)
    annexes.push({
      number: 'IV',
      title: 'Ý KIẾN CỦA CÁC CƠ QUAN, ĐƠN VỊ',
      orientation: 'portrait',
      body: unitTextBlocks(view),
    });

  return {
    header: {
      parentAgency: agency.parentName,
      agency: agency.name,
      issuerName: agencyInSentence(agency.name),
      number: opts.number,
      symbol: settings.symbol || `BC-${agency.abbreviation || 'SNV'}`,
      place: agency.place,
      date: opts.date,
    },
    type: 'Báo cáo',
    summary: view.rendered.title,
    to: settings.to,
    body,
    signature: {
      authorityPrefix: signer.authorityPrefix,
      authorityLine: signer.authorityLine,
      title: signer.title,
      fullName: signer.fullName,
    },
    recipients: { entries: settings.recipients, draftingUnit: agency.draftingUnit },
    annexes,
  };
}
