// The document's header: its system (state or Party), type, number and symbol, place and date,
// issuing and parent agency, the title (trích yếu) and the addressees (Kính gửi).
import type {
  DocumentSystem,
  PlanProposal,
  Proposed,
  ProposalFlag,
  ProposedText,
  Span,
} from '../../../../shared/model/plan-import';
import { isoOf } from './dates';
import { spanIn, spanOf, type Line } from './lines';
import { SHORT_LINE, isMottoLine, isPlaceDateLine, isUpperLine, typeOfLine } from './normalize';
import { TYPE_NAMES } from './vocabulary';
import { trimRun } from '../../../../shared/text';

/** The header's fields, named and typed as in the proposal they end up in. */
export interface Header extends Pick<
  PlanProposal,
  | 'type'
  | 'planType'
  | 'number'
  | 'symbol'
  | 'place'
  | 'date'
  | 'issuer'
  | 'parentIssuer'
  | 'title'
  | 'typeAuthor'
  | 'to'
  | 'flags'
> {
  /** State or Party, when the header tells; null when it has neither heading (the signature may tell). */
  system: DocumentSystem | null;
  /** Index of the first line after the header (legal bases or the body start there). */
  bodyStart: number;
}

const none = <T>(value: T): Proposed<T> => ({ value, spans: [] });
const HEADER_SCAN = 30;

export interface NumberRead {
  number: Proposed<string>;
  symbol: Proposed<string>;
  /** "-" in "Số 09-CT/TU" (Party), "/" in "Số: 12/KH-UBND" (state), "" when OCR lost it. */
  separator: '-' | '/' | '';
}

/** Rule: "Số: 468/KH-UBND", "Số: /KH-UBND" (number left blank), "Số 33-CT/TU", OCR'd "Số: 17 KH-UBND". */
export function readNumber(l: Line): NumberRead | null {
  if (l.text.length > SHORT_LINE || !l.text.startsWith('Số')) return null;
  const m = /^Số ?:? ?(\p{N}{0,6}) ?([/-]) ?([\p{L}\p{N}][\p{L}\p{N}/.-]{0,40})/u.exec(l.text);
  const slip = m ? null : /^Số ?:? ?(\p{N}{1,6}) (\p{Lu}\p{L}{0,7}[-/][\p{L}\p{N}][\p{L}\p{N}/.-]{0,40})/u.exec(l.text);
  const found = m ?? slip;
  if (!found) return null;
  const raw = (m ? m[3] : slip![2])!;
  const symbol = trimRun(raw, '.', 'end');
  const digits = found[1]!;
  return {
    number: digits ? { value: digits, spans: [spanIn(l, digits)] } : { value: '', spans: [spanIn(l, found[0])] },
    symbol: { value: symbol, spans: [spanIn(l, symbol, found[0].indexOf(raw))] },
    separator: m ? (m[2] as '-' | '/') : '',
  };
}

/** Rule: "Long Khánh, ngày 27 tháng 3 năm 2024" (also "ngày 27/3/2024"; a blank day gives no date). */
export function readPlaceDate(l: Line): { place: Proposed<string | null>; date: Proposed<string | null> } | null {
  if (!isPlaceDateLine(l.text)) return null;
  const comma = l.text.indexOf(',');
  const m = /^, ?ngày ?(.*)$/u.exec(l.text.slice(comma));
  if (comma <= 0 || !m) return null;
  const place = l.text.slice(0, comma).trim();
  const rest = m[1]!;
  const d = /^(\d{1,2}) ?(?:tháng ?|\/|-|\.) ?(\d{1,2}) ?(?:năm ?|\/|-|\.) ?(\d{4})/u.exec(rest);
  const iso = d ? isoOf(Number(d[3]), Number(d[2]), Number(d[1])) : null;
  return {
    place: { value: place, spans: [spanIn(l, place)] },
    date: { value: iso, spans: iso ? [spanIn(l, `ngày ${rest}`.trim())] : [] },
  };
}

const AGENCY_HEAD = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|ĐẢNG BỘ)$/u;
const PLACE_HEAD = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|ĐẶC KHU|ĐẢNG BỘ)(?![\p{L}\p{N}])/u;

/** Agency lines: capitals, not the motto, not the number or the date. Two lines split a name that wraps. */
function readAgencies(lines: Line[]): { issuer: Proposed<string | null>; parentIssuer: Proposed<string | null> } {
  const cands = lines.filter(
    (l) =>
      l.text.length < 150 &&
      isUpperLine(l.text) &&
      !isMottoLine(l.text) &&
      !typeOfLine(l.text) &&
      !/^Số(?![\p{L}\p{N}])/u.test(l.text),
  );
  // a name cut after its first words ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ LONG KHÁNH") is one agency
  const joined: { text: string; spans: Span[] }[] = [];
  for (const l of cands) {
    const prev = joined.at(-1);
    if (prev && AGENCY_HEAD.test(prev.text) && PLACE_HEAD.test(l.text)) {
      prev.text = `${prev.text} ${l.text}`;
      prev.spans.push(spanOf(l));
    } else joined.push({ text: trimRun(l.text, '-_', 'end').trim(), spans: [spanOf(l)] });
  }
  if (joined.length === 0) return { issuer: none(null), parentIssuer: none(null) };
  const issuer = joined.at(-1)!;
  const parent = joined.length > 1 ? joined.at(-2)! : null;
  return {
    issuer: { value: issuer.text, spans: issuer.spans },
    parentIssuer: parent ? { value: parent.text, spans: parent.spans } : none(null),
  };
}

const BODY_START = /^(Căn cứ|Thực hiện|Xét|Theo|Kính gửi|[IVX]{1,6} ?[.\-–)] |\p{N}{1,2} ?[.)] |\p{N}{1,2} ?[-–] )/u;
/** What cannot be a title line after the type (a title may well start with "Thực hiện"). */
const NOT_TITLE = /^(Căn cứ|Kính gửi|[IVX]{1,6} ?[.\-–)] )/u;
const KINH_GUI = /^Kính gửi ?:? ?/u;

/** "Kính gửi: X." on one line, or "Kính gửi:" then "- X;" lines. Returns the addressees and the next line. */
function readAddressees(lines: Line[], at: number): { to: ProposedText[]; next: number } {
  const first = lines[at];
  if (!first || !KINH_GUI.test(first.text)) return { to: [], next: at };
  const to: ProposedText[] = [];
  const strip = (l: Line, from: number): ProposedText | null => {
    let a = from;
    let b = l.text.length;
    while (a < b && /[-–+•: ]/u.test(l.text[a]!)) a++;
    while (b > a && /[;,. ]/.test(l.text[b - 1]!)) b--;
    return a < b ? { text: l.text.slice(a, b), spans: [{ start: l.start + a, end: l.start + b }] } : null;
  };
  const inline = strip(first, KINH_GUI.exec(first.text)![0].length);
  if (inline) to.push(inline);
  let next = at + 1;
  while (next < lines.length && next < at + 40 && /^[-–+•] /u.test(lines[next]!.text)) {
    const t = strip(lines[next]!, 0);
    if (t) to.push(t);
    next++;
  }
  return { to, next };
}

const flag = (code: string, field: string, message: string): ProposalFlag => ({ code, field, message });

export function readHeader(lines: Line[]): Header {
  const scan = lines.slice(0, HEADER_SCAN);
  const typeLine = scan.find((l) => typeOfLine(l.text) !== null) ?? null;
  const vv = scan.find((l) => l.text.length < SHORT_LINE && /^V\/v\b/iu.test(l.text)) ?? null;
  const limit = typeLine ? typeLine.index + 1 : HEADER_SCAN;
  let num: NumberRead | null = null;
  let numberLine: Line | null = null;
  let place: Proposed<string | null> = none(null);
  let date: Proposed<string | null> = none(null);
  let dateLine: Line | null = null;
  for (const l of scan) {
    if (l.index > limit) break;
    const n = numberLine ? null : readNumber(l);
    if (n) {
      num = n;
      numberLine = l;
      continue;
    }
    const pd = dateLine ? null : readPlaceDate(l);
    if (pd) {
      ({ place, date } = pd);
      dateLine = l;
    }
  }
  const headerEnd = typeLine?.index ?? vv?.index ?? Math.max(numberLine?.index ?? -1, dateLine?.index ?? -1);
  const headerLines = scan.filter((l) => l.index < Math.max(headerEnd, 0) && l !== numberLine && l !== dateLine);
  const { issuer, parentIssuer } = readAgencies(headerLines);
  const mottos = headerLines.filter((l) => isMottoLine(l.text)).map((l) => l.text);
  const state = mottos.some((m) => m.startsWith('CỘNG HÒA') || m.startsWith('Độc lập'));
  const party = mottos.includes('ĐẢNG CỘNG SẢN VIỆT NAM');
  const system: DocumentSystem | null = state ? 'state' : party || num?.separator === '-' ? 'party' : null;

  // the title: the line after the type (after a Party "CỦA BAN THƯỜNG VỤ …" line); a công văn's V/v
  let title = none('');
  let typeAuthor: Proposed<string | null> = none(null);
  let bodyStart = Math.max(headerEnd, numberLine?.index ?? -1, dateLine?.index ?? -1) + 1;
  if (typeLine) {
    let at = typeLine.index + 1;
    const author = lines[at];
    if (author && author.text.length < 150 && /^CỦA\s/u.test(author.text) && isUpperLine(author.text)) {
      typeAuthor = { value: author.text, spans: [spanOf(author)] };
      at++;
    }
    const first = lines[at];
    if (
      first &&
      first.text.length < SHORT_LINE &&
      !NOT_TITLE.test(first.text) &&
      first !== dateLine &&
      first !== numberLine
    ) {
      const parts = [first];
      // a title in capitals may wrap onto more lines in capitals
      while (isUpperLine(first.text) && parts.length < 4) {
        const more = lines[at + parts.length];
        if (!more || more.text.length > 200 || BODY_START.test(more.text) || !isUpperLine(more.text)) break;
        parts.push(more);
      }
      title = {
        value: parts
          .map((p) => p.text)
          .join(' ')
          .replace(/[.;]$/, ''),
        spans: parts.map(spanOf),
      };
      at += parts.length;
    }
    bodyStart = Math.max(bodyStart, at);
  } else if (vv) {
    title = { value: vv.text, spans: [spanOf(vv)] };
    bodyStart = Math.max(bodyStart, vv.index + 1);
  }
  const addressees = readAddressees(lines, bodyStart);
  bodyStart = addressees.next;

  let typeName: string | null = typeLine ? typeOfLine(typeLine.text) : null;
  let typeSpans: Span[] = typeLine ? [spanOf(typeLine)] : [];
  const flags: ProposalFlag[] = [];
  if (!typeName && vv) {
    typeName = 'Công văn';
    typeSpans = [spanOf(vv)];
  }
  const number = num?.number ?? none('');
  const symbol = num?.symbol ?? none('');
  if (!typeName && symbol.value) {
    // Rule: the symbol's type part ("KH-UBND", "33-CT/TU") names the type when no type line is left
    const abbr = symbol.value.split(/[-/]/)[0];
    const found = TYPE_NAMES.find((t) => t.abbreviation === abbr);
    if (found) {
      typeName = found.name;
      typeSpans = symbol.spans;
      flags.push(
        flag(
          'type.from-symbol',
          'type',
          `Không thấy dòng tên loại văn bản: loại “${found.name}” được suy ra từ ký hiệu ${symbol.value}; hãy kiểm tra.`,
        ),
      );
    }
  }
  if (!typeName)
    flags.push(flag('type.missing', 'type', 'Không nhận ra loại văn bản (Kế hoạch, Chỉ thị, …): hãy chọn loại.'));
  if (!num)
    flags.push(
      flag('number.missing', 'number', 'Không thấy dòng số, ký hiệu văn bản (Số: …/…): hãy nhập số và ký hiệu.'),
    );
  else if (!number.value)
    flags.push(
      flag(
        'number.blank',
        'number',
        `Văn bản chưa ghi số (dòng “Số” để trống trước ký hiệu ${symbol.value}): hãy nhập số nếu đã có.`,
      ),
    );
  else if (num.separator === '')
    flags.push(
      flag(
        'number.no-slash',
        'number',
        `Dòng số thiếu dấu “/” (có thể do nhận dạng chữ): đã đọc số ${number.value}, ký hiệu ${symbol.value}; hãy kiểm tra.`,
      ),
    );
  if (!date.value) flags.push(flag('date.missing', 'date', 'Không đọc được ngày ban hành: hãy nhập ngày.'));
  if (!title.value)
    flags.push(flag('title.missing', 'title', 'Không nhận ra trích yếu (tên văn bản): hãy nhập trích yếu.'));
  if (!issuer.value)
    flags.push(
      flag('issuer.missing', 'issuer', 'Không thấy tên cơ quan ban hành ở đầu văn bản: hãy nhập cơ quan ban hành.'),
    );

  const planType = TYPE_NAMES.find((t) => t.name === typeName)?.code ?? 'KHAC';
  return {
    system,
    type: { value: typeName, spans: typeSpans },
    planType,
    number,
    symbol,
    place,
    date,
    issuer,
    parentIssuer,
    title,
    typeAuthor,
    to: addressees.to,
    flags,
    bodyStart: Math.max(0, bodyStart),
  };
}
