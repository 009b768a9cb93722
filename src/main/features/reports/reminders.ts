// Công văn đôn đốc: a reminder letter to units that are late or missing, built as a document model
// (Nghị định 30/2020) and written by the documents writer.
import { fieldPathLabel } from '../../../shared/field-labels';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { documentModel, type DocumentModel, type DocumentModelInput } from '../../../shared/contract/document-model';
import { formatDateLine, formatDateShort, todayIso } from '../../../shared/format';
import { planReference } from '../../../shared/model/plan';
import { getAgency } from '../agency/agency';
import { getPlan } from '../plans/plans';
import { getTemplate } from '../templates/templates';
import { periodBoard } from './board';
import { isReceived } from '../../../shared/domain/report-status';

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

/** What the units are asked to report, from the template's name ("Báo cáo kết quả …" → "kết quả …"). */
function subjectOf(templateName: string, periodName: string): string {
  const what = lowerFirst(templateName.replace(/^báo cáo\s+/i, ''));
  return `${what} ${lowerFirst(periodName)}`.replace(/\s+/g, ' ').trim();
}

const KINDS = ['VĂN PHÒNG', 'THANH TRA', 'TRUNG TÂM', 'CHI CỤC', 'PHÒNG', 'CỤC', 'SỞ', 'BAN'];

/**
 * The agency's name inside a sentence: "SỞ NỘI VỤ" → "Sở Nội vụ", "PHÒNG NỘI VỤ" → "Phòng Nội vụ"
 * (the kind of agency, then its field with a capital); other names in sentence case.
 */
export function agencyInSentence(upper: string): string {
  const lower = upper.toLocaleLowerCase('vi');
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  const kind = KINDS.find((k) => upper === k || upper.startsWith(`${k} `));
  if (!kind) return cap(lower);
  const rest = lower.slice(kind.length).trim();
  return `${cap(kind.toLocaleLowerCase('vi'))}${rest ? ` ${cap(rest)}` : ''}`;
}

export interface ReminderRequest {
  periodId: number;
  unitIds: number[];
  newDeadline: string;
  date?: string | null;
}

/** The reminder letter as a checked document model; refused with a Vietnamese message when it cannot be made. */
export async function buildReminder(db: Kysely<DB>, req: ReminderRequest): Promise<DocumentModel> {
  const date = req.date ?? todayIso();
  const agency = await getAgency(db);
  if (!agency.name || !agency.place || !agency.abbreviation) {
    throw new AppError(
      'NO_AGENCY',
      'Chưa khai báo thông tin cơ quan (tên, chữ viết tắt, địa danh) ở Cài đặt → Cơ quan nên chưa soạn được công văn.',
    );
  }
  const signer = agency.signers.find((s) => s.isDefault) ?? agency.signers[0];
  if (!signer)
    throw new AppError('NO_SIGNER', 'Chưa khai báo người ký ở Cài đặt → Cơ quan nên chưa soạn được công văn.');
  if (req.newDeadline < date) {
    throw new AppError(
      'BAD_DATE',
      `Hạn nộp mới ${formatDateShort(req.newDeadline)} đã qua so với ngày của công văn ${formatDateShort(date)}.`,
      { field: 'newDeadline' },
    );
  }
  const board = await periodBoard(db, req.periodId, date);
  const period = board.period;
  // The letter's date is the as-of day: a unit whose report had been received by then is not reminded.
  const rows = req.unitIds.map((id) => {
    const r = board.rows.find((x) => x.unitId === id && x.expected);
    if (!r)
      throw new AppError(
        'NOT_EXPECTED',
        `Đơn vị mã số ${id} không có trong danh sách phải báo cáo của kỳ “${period.name}”.`,
      );
    if (isReceived(r.status))
      throw new AppError(
        'ALREADY_RECEIVED',
        `${r.unitName}: ${lowerFirst(r.label)}, không cần đôn đốc. Hãy bỏ đơn vị này khỏi danh sách.`,
        { field: 'unitIds' },
      );
    return r;
  });
  if (rows.length === 0) throw new AppError('NO_UNITS', 'Chưa chọn đơn vị nào cần đôn đốc.');
  const template = await getTemplate(db, period.templateId);
  const plan = period.planId !== null ? await getPlan(db, period.planId) : null;
  const subject = subjectOf(template.name, period.name);
  const issuerName = agencyInSentence(agency.name);
  const basis = plan
    ? `Thực hiện ${planReference(plan)}${plan.issuer ? ` của ${plan.issuer}` : ''} về ${lowerFirst(plan.summary)}, ${issuerName} đã đề nghị các cơ quan, đơn vị, địa phương báo cáo ${subject}, gửi về ${issuerName} chậm nhất ${formatDateLine(period.deadline)}.`
    : `${issuerName} đã đề nghị các cơ quan, đơn vị, địa phương báo cáo ${subject}, gửi về ${issuerName} chậm nhất ${formatDateLine(period.deadline)}.`;
  const listed = rows.length <= 12;
  const input: DocumentModelInput = {
    header: {
      parentAgency: agency.parentName,
      agency: agency.name,
      issuerName,
      number: null,
      symbol: [agency.abbreviation, agency.draftingUnit].filter(Boolean).join('-'),
      place: agency.place,
      date,
    },
    type: 'Công văn',
    summary: `V/v đôn đốc báo cáo ${subject}`,
    to:
      listed && rows.length <= 5
        ? rows.map((r) => r.unitName)
        : ['Các cơ quan, đơn vị, địa phương có tên tại danh sách kèm theo'],
    body: [
      { kind: 'paragraph', text: basis },
      {
        kind: 'paragraph',
        text: `Đến ngày ${formatDateShort(date)}, còn ${rows.length} cơ quan, đơn vị, địa phương chưa gửi báo cáo hoặc báo cáo chưa đạt yêu cầu${listed ? ', gồm:' : ' (danh sách kèm theo).'}`,
      },
      ...(listed
        ? [
            {
              kind: 'list' as const,
              items: rows.map((r) => `${r.unitName} (${lowerFirst(r.label)})`),
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: [
          {
            text: `Để kịp thời tổng hợp, báo cáo cấp trên theo quy định, ${issuerName} đề nghị các cơ quan, đơn vị, địa phương nêu trên khẩn trương hoàn thành và gửi báo cáo `,
          },
          // The deadline day itself counts as on time (the board's rule), so the letter says "chậm nhất".
          { text: `chậm nhất ${formatDateLine(req.newDeadline)}`, bold: true, italic: true },
          { text: '.' },
        ],
      },
      { kind: 'paragraph', text: `${issuerName} đề nghị các cơ quan, đơn vị, địa phương quan tâm phối hợp thực hiện.` },
    ],
    signature: {
      authorityPrefix: signer.authorityPrefix,
      authorityLine: signer.authorityLine,
      title: signer.title,
      fullName: signer.fullName,
    },
    recipients: { entries: ['Như trên', 'Lưu hồ sơ kỳ báo cáo'], draftingUnit: agency.draftingUnit },
    annexes: listed
      ? []
      : [
          {
            title: `Danh sách cơ quan, đơn vị chưa gửi báo cáo ${subject}`,
            body: [
              {
                kind: 'table',
                header: [['TT', 'Cơ quan, đơn vị', 'Tình trạng']],
                rows: rows.map((r, i) => [String(i + 1), r.unitName, r.label]),
                widths: [8, 60, 32],
              },
            ],
          },
        ],
  };
  const parsed = documentModel.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError(
      'BAD_DOCUMENT',
      `Chưa soạn được công văn: ${first.message}${first.path.length ? ` (${fieldPathLabel(first.path)})` : ''}.`,
    );
  }
  return parsed.data;
}
