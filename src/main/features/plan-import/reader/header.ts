// The document's header: type, number and symbol, place and date, issuing and parent agency,
// and the title (trích yếu).
import type { PlanType } from '../../../../shared/model/plan';
import type { Proposed, Span } from '../../../../shared/model/plan-import';
import { isoOf } from './dates';
import { spanIn, spanOf, type Line } from './lines';
import { isMottoLine, isUpperLine, isPlaceDateLine, typeOfLine } from './normalize';
import { TYPE_NAMES } from './vocabulary';

export interface Header {
  type: Proposed<string | null>;
  planType: PlanType;
  number: Proposed<string>;
  symbol: Proposed<string>;
  place: Proposed<string | null>;
  date: Proposed<string | null>;
  issuer: Proposed<string | null>;
  parentIssuer: Proposed<string | null>;
  title: Proposed<string>;
  /** Index of the first line after the header (legal bases or the body start there). */
  bodyStart: number;
}

const none = <T>(value: T): Proposed<T> => ({ value, spans: [] });
const HEADER_SCAN = 30;

/** Rule: "Số: 468/KH-UBND", "Số: /KH-UBND" (number left blank), "Số 33-CT/TU". */
export function readNumber(l: Line): { number: Proposed<string>; symbol: Proposed<string> } | null {
  const m = /^Số\s*:?\s*(\p{N}*)\s*([/-])\s*([\p{L}\p{N}][\p{L}\p{N}/.-]*)/u.exec(l.text);
  if (!m) return null;
  const symbol = m[3]!.replace(/[.]+$/, '');
  return {
    number: m[1] ? { value: m[1], spans: [spanIn(l, m[1])] } : { value: '', spans: [spanIn(l, m[0])] },
    symbol: { value: symbol, spans: [spanIn(l, symbol, m[0].indexOf(m[3]!))] },
  };
}

/** Rule: "Long Khánh, ngày 27 tháng 3 năm 2024" (also "ngày 27/3/2024"; a blank day gives no date). */
export function readPlaceDate(l: Line): { place: Proposed<string | null>; date: Proposed<string | null> } | null {
  if (!isPlaceDateLine(l.text)) return null;
  const m = /^(.+?),\s*ngày\s*(.*)$/u.exec(l.text);
  if (!m) return null;
  const place = m[1]!.trim();
  const rest = m[2]!;
  const d = /^(\d{1,2})\s*(?:tháng\s*|\/|-|\.)\s*(\d{1,2})\s*(?:năm\s*|\/|-|\.)\s*(\d{4})/u.exec(rest);
  const iso = d ? isoOf(Number(d[3]), Number(d[2]), Number(d[1])) : null;
  return {
    place: { value: place, spans: [spanIn(l, place)] },
    date: { value: iso, spans: iso ? [spanIn(l, `ngày ${rest}`.trim())] : [] },
  };
}

/** Agency lines: capitals, not the motto, not the number or the date. Two lines split a name that wraps. */
function readAgencies(lines: Line[]): { issuer: Proposed<string | null>; parentIssuer: Proposed<string | null> } {
  const cands = lines.filter(
    (l) =>
      isUpperLine(l.text) &&
      !isMottoLine(l.text) &&
      !typeOfLine(l.text) &&
      !/^Số(?![\p{L}\p{N}])/u.test(l.text) &&
      l.text.length < 150,
  );
  // a name cut after its first words ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ LONG KHÁNH") is one agency
  const joined: { text: string; spans: Span[] }[] = [];
  for (const l of cands) {
    const prev = joined.at(-1);
    if (
      prev &&
      /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|ĐẢNG BỘ)$/u.test(prev.text) &&
      /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|ĐẶC KHU|ĐẢNG BỘ)(?![\p{L}\p{N}])/u.test(l.text)
    ) {
      prev.text = `${prev.text} ${l.text}`;
      prev.spans.push(spanOf(l));
    } else joined.push({ text: l.text.replace(/[-_]+$/, '').trim(), spans: [spanOf(l)] });
  }
  if (joined.length === 0) return { issuer: none(null), parentIssuer: none(null) };
  const issuer = joined.at(-1)!;
  const parent = joined.length > 1 ? joined.at(-2)! : null;
  return {
    issuer: { value: issuer.text, spans: issuer.spans },
    parentIssuer: parent ? { value: parent.text, spans: parent.spans } : none(null),
  };
}

const BODY_START = /^(Căn cứ|Thực hiện|Xét|Theo|Kính gửi|[IVX]+\s*[.\-–)]\s|\p{N}+\s*[.)]\s)/u;

export function readHeader(lines: Line[]): Header {
  const scan = lines.slice(0, HEADER_SCAN);
  const typeLine = scan.find((l) => typeOfLine(l.text) !== null) ?? null;
  let number = none('');
  let symbol = none('');
  let place: Proposed<string | null> = none(null);
  let date: Proposed<string | null> = none(null);
  let numberLine: Line | null = null;
  for (const l of scan) {
    if (typeLine && l.index > typeLine.index + 1) break;
    const n = !numberLine ? readNumber(l) : null;
    if (n) {
      ({ number, symbol } = n);
      numberLine = l;
      continue;
    }
    const pd = place.value === null ? readPlaceDate(l) : null;
    if (pd) ({ place, date } = pd);
  }
  // the header ends at the type line (or at the number / date line when there is none)
  const headerLast =
    typeLine?.index ??
    Math.max(numberLine?.index ?? -1, place.spans.length ? scan.findIndex((l) => readPlaceDate(l)) : -1);
  const headerLines = scan.filter(
    (l) => l.index < (typeLine?.index ?? headerLast + 1) && !readNumber(l) && !readPlaceDate(l),
  );
  const { issuer, parentIssuer } = readAgencies(headerLines);

  let title = none('');
  let bodyStart = headerLast + 1;
  const vv = scan.find((l) => /^V\/v\b/iu.test(l.text));
  if (typeLine) {
    const next = lines[typeLine.index + 1];
    if (next && !/^(Căn cứ|Kính gửi|[IVX]+\s*[.\-–)]\s)/u.test(next.text)) {
      title = { value: next.text.replace(/[.;]$/, ''), spans: [spanOf(next)] };
      bodyStart = next.index + 1;
    }
  } else if (vv) {
    title = { value: vv.text, spans: [spanOf(vv)] };
    bodyStart = vv.index + 1;
  }
  // after a title, further header-ish lines (a second title line in capitals) are skipped
  while (
    lines[bodyStart] &&
    !BODY_START.test(lines[bodyStart]!.text) &&
    bodyStart <= (typeLine?.index ?? 0) + 2 &&
    isUpperLine(lines[bodyStart]!.text)
  )
    bodyStart++;

  let typeName: string | null = typeLine ? typeOfLine(typeLine.text) : null;
  let typeSpans: Span[] = typeLine ? [spanOf(typeLine)] : [];
  if (!typeName && vv) {
    typeName = 'Công văn';
    typeSpans = [spanOf(vv)];
  }
  if (!typeName && symbol.value) {
    // Rule: the symbol's type part ("KH-UBND", "33-CT/TU") names the type when no type line is left
    const abbr = symbol.value.split(/[-/]/)[0];
    const found = TYPE_NAMES.find((t) => t.abbreviation === abbr);
    if (found) {
      typeName = found.name;
      typeSpans = symbol.spans;
    }
  }
  const planType = TYPE_NAMES.find((t) => t.name === typeName)?.code ?? 'KHAC';
  return {
    type: { value: typeName, spans: typeSpans },
    planType,
    number,
    symbol,
    place,
    date,
    issuer,
    parentIssuer,
    title,
    bodyStart: Math.max(0, bodyStart),
  };
}
