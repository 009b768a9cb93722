// The plan-text reader: normalise, then run each small named rule. Deterministic, offline, linear
// in the length of the text, and it never throws: whatever it cannot tell is left empty and said
// in a flag (code, field, Vietnamese message).
import type { PlanProposal, ProposalFlag } from '../../../../shared/model/plan-import';
import { readLegalBases } from './bases';
import { readRecipients, readSigner, RECIPIENTS_LINE } from './closing';
import { readDeadlines } from './deadlines';
import { readHeader } from './header';
import { toLines, type Line } from './lines';
import { normalizePlanText } from './normalize';
import { proposePeriods } from './period-kinds';
import { headingOf, readSections } from './sections';
import { readTargets } from './targets';
import { readTasks } from './tasks';
import type { RegisterUnit } from './unit-phrases';

/** Longer texts are refused by the callers; the reader itself stays linear. */
export const MAX_TEXT_CHARS = 6_000_000;

export interface ParseOptions {
  units?: RegisterUnit[];
}

const flag = (code: string, field: string, message: string): ProposalFlag => ({ code, field, message });

/** "[...]", "[…]", "(...)": a copy that left part of the document out. */
const ELLIPSIS = /^[[(]\s?(?:\.{3}|…)\s?[\])]$/u;
const ENDS_SENTENCE = /[.;:!?)\]”"'’…]$/u;

/** Where the body ends: "Nơi nhận", else the line after the last "./.", else a signature block near the end. */
function findTail(lines: Line[], bodyStart: number): { recipientsAt: number; signerFrom: number } {
  let recipientsAt = -1;
  for (let i = bodyStart; i < lines.length; i++)
    if (RECIPIENTS_LINE.test(lines[i]!.text)) {
      recipientsAt = i;
      break;
    }
  if (recipientsAt >= 0) {
    let i = recipientsAt + 1;
    while (i < lines.length && /^[-–+•]/u.test(lines[i]!.text)) i++;
    return { recipientsAt, signerFrom: i };
  }
  for (let i = lines.length - 1; i >= bodyStart; i--)
    if (lines[i]!.text.endsWith('./.')) return { recipientsAt, signerFrom: i + 1 };
  return { recipientsAt, signerFrom: Math.max(bodyStart, lines.length - 8) };
}

export function parsePlanText(raw: string, options: ParseOptions = {}): PlanProposal {
  const text = normalizePlanText(raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw);
  const lines = toLines(text);
  const header = readHeader(lines);

  // the body: from the header to "Nơi nhận" or the signature block, whichever comes first
  const { recipientsAt, signerFrom } = findTail(lines, header.bodyStart);
  const signer = readSigner(lines, signerFrom);
  const signerStart = signer ? lines.findIndex((l) => l.start === signer.spans[0]!.start) : -1;
  const ends = [recipientsAt, signerStart].filter((i) => i >= header.bodyStart);
  const bodyEnd = ends.length ? Math.min(...ends) : lines.length;
  const body = lines.slice(header.bodyStart, bodyEnd);

  // the heading tree starts at the first part (I., II.), or at the first numbered item when there is none
  let firstHeading = body.findIndex((l) => headingOf(l.text)?.level === 1);
  if (firstHeading < 0) firstHeading = body.findIndex((l) => headingOf(l.text)?.level === 2);
  const preamble = firstHeading < 0 ? body : body.slice(0, firstHeading);
  const unplaced: string[] = [];
  const deadlines = readDeadlines(body, header.date.value, unplaced);
  const proposed = proposePeriods(deadlines);
  const recipients = readRecipients(lines, header.bodyStart);

  const flags: ProposalFlag[] = [...header.flags];
  const last = body.at(-1)?.text ?? '';
  const truncated =
    body.some((l) => ELLIPSIS.test(l.text)) || (recipientsAt < 0 && !signer && !ENDS_SENTENCE.test(last));
  if (truncated)
    flags.push(
      flag(
        'source.truncated',
        'source',
        'Văn bản nguồn có vẻ không đầy đủ (có đoạn “[...]” hoặc bị cắt giữa chừng): hãy đối chiếu với bản gốc.',
      ),
    );
  if (recipientsAt < 0)
    flags.push(flag('recipients.missing', 'recipients', 'Không thấy phần “Nơi nhận”: hãy bổ sung nếu bản gốc có.'));
  if (!signer)
    flags.push(
      flag(
        'signer.missing',
        'signer',
        'Không thấy khối chữ ký (thẩm quyền, chức vụ, họ tên người ký): để trống, không tự điền.',
      ),
    );
  else {
    if (!signer.title)
      flags.push(
        flag(
          'signer.no-title',
          'signer',
          `Khối chữ ký “${signer.authority.join(' / ')}” thiếu dòng chức vụ người ký: hãy kiểm tra bản gốc.`,
        ),
      );
    if (signer.nameFrom === 'none')
      flags.push(
        flag(
          'signer.no-name',
          'signer',
          'Khối chữ ký không ghi họ tên người ký (chỉ có “(Đã ký)” hoặc để trống): để trống, không tự điền.',
        ),
      );
    if (signer.nameFrom === 'metadata')
      flags.push(
        flag(
          'signer.name-from-metadata',
          'signer',
          `Họ tên người ký “${signer.name}” lấy từ dòng “Người ký:” của trang web, không có trong khối chữ ký: hãy kiểm tra.`,
        ),
      );
  }
  if (deadlines.some((d) => d.date === null))
    flags.push(
      flag(
        'deadline.no-year',
        'deadlines',
        'Có hạn nộp không ghi năm và văn bản không có ngày ban hành: hãy nhập ngày.',
      ),
    );
  for (const u of unplaced)
    flags.push(
      flag(
        'deadline.no-period',
        'deadlines',
        `Hạn “${u}” không nói thuộc kỳ báo cáo nào (6 tháng, năm, quý…): chưa đề xuất kỳ; hãy kiểm tra.`,
      ),
    );
  for (const w of proposed.warnings) flags.push(flag('period.not-proposed', 'periods', w));

  // the system: the header's heading, else the signature's prefixes (T/M, K/T are the Party's)
  const partySigner = signer?.authority.some((a) => /^(T\/M|K\/T|T\/L|T\/UQ)\s/u.test(a)) ?? false;
  const system = header.system ?? (partySigner ? 'party' : 'state');
  const bodyRange = body.length ? { start: body[0]!.start, end: body.at(-1)!.end } : { start: 0, end: 0 };

  return {
    text,
    system,
    type: header.type,
    planType: header.planType,
    number: header.number,
    symbol: header.symbol,
    place: header.place,
    date: header.date,
    issuer: header.issuer,
    parentIssuer: header.parentIssuer,
    title: header.title,
    typeAuthor: header.typeAuthor,
    to: header.to,
    legalBases: readLegalBases(preamble),
    body: bodyRange,
    sections: readSections(firstHeading < 0 ? [] : body.slice(firstHeading)),
    tasks: readTasks(body, options.units ?? [], header.issuer.value),
    deadlines,
    targets: readTargets(body),
    recipients,
    signer,
    periods: proposed.periods,
    truncated,
    flags,
    warnings: flags.map((f) => f.message),
  };
}
