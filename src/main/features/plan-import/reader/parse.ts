// The plan-text reader: normalise, then run each small named rule. Deterministic, offline, and it
// never throws: whatever it cannot tell is left empty and said in `warnings`.
import type { PlanProposal } from '../../../../shared/model/plan-import';
import { readLegalBases } from './bases';
import { readRecipients, readSigner, RECIPIENTS_LINE } from './closing';
import { readDeadlines } from './deadlines';
import { readHeader } from './header';
import { toLines } from './lines';
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

export function parsePlanText(raw: string, options: ParseOptions = {}): PlanProposal {
  const text = normalizePlanText(raw.length > MAX_TEXT_CHARS ? raw.slice(0, MAX_TEXT_CHARS) : raw);
  const lines = toLines(text);
  const header = readHeader(lines);

  // the body: from the header to "Nơi nhận" or the signature block, whichever comes first
  const recipientsAt = lines.findIndex((l) => RECIPIENTS_LINE.test(l.text));
  let lastEndMark = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (lines[i]!.text.endsWith('./.')) {
      lastEndMark = i;
      break;
    }
  const tailStart =
    lastEndMark >= 0
      ? lastEndMark + 1
      : recipientsAt >= 0
        ? recipientsAt
        : Math.max(header.bodyStart, lines.length - 6);
  const signer = readSigner(lines, tailStart);
  const signerStart = signer ? lines.findIndex((l) => l.start === signer.spans[0]!.start) : -1;
  const ends = [recipientsAt, signerStart].filter((i) => i >= header.bodyStart);
  const bodyEnd = ends.length ? Math.min(...ends) : lines.length;
  const body = lines.slice(header.bodyStart, bodyEnd);

  const firstHeading = body.findIndex((l) => headingOf(l.text)?.level === 1);
  const preamble = firstHeading < 0 ? body : body.slice(0, firstHeading);
  const planYear = header.date.value ? Number(header.date.value.slice(0, 4)) : null;
  const deadlines = readDeadlines(body, planYear);
  const { periods, warnings } = proposePeriods(deadlines);

  if (!header.type.value) warnings.unshift('Không nhận ra loại văn bản (Kế hoạch, Chỉ thị, …): hãy chọn loại.');
  if (!header.date.value) warnings.unshift('Không đọc được ngày ban hành: hãy nhập ngày.');
  if (!header.title.value) warnings.unshift('Không nhận ra trích yếu (tên văn bản): hãy nhập trích yếu.');
  if (deadlines.some((d) => d.date === null))
    warnings.push('Có hạn nộp không ghi năm và văn bản không có ngày ban hành: hãy nhập ngày.');

  return {
    text,
    type: header.type,
    planType: header.planType,
    number: header.number,
    symbol: header.symbol,
    place: header.place,
    date: header.date,
    issuer: header.issuer,
    parentIssuer: header.parentIssuer,
    title: header.title,
    legalBases: readLegalBases(preamble),
    sections: readSections(firstHeading < 0 ? [] : body.slice(firstHeading)),
    tasks: readTasks(body, options.units ?? []),
    deadlines,
    targets: readTargets(body),
    recipients: readRecipients(lines),
    signer,
    periods,
    warnings,
  };
}
