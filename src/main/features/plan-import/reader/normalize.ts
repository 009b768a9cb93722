// Turns noisy pasted or extracted text into one canonical form: one paragraph per line, NFC,
// no web-page header, no scrape markup, no footnote markers or emoji, OCR slips fixed, the
// header and signature blocks split back into their lines. Every span of a proposal points
// into this text, so the screen shows exactly this text.
import { MOTTO_LINES, OCR_FIXES, SIGNER_TITLES, TYPE_NAMES } from './vocabulary';

// Control characters other than the line break; zero-width and bidi marks; emoji and their joiners.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u20E3/gu;
const SUPERSCRIPT_MARK = /(?<=[\p{L}\p{N}.,;:)”"'’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu;
const BRACKET_MARK = /(?<=[\p{L}.,;:)”"'’])\[\d{1,3}\]/gu;
const SPACE = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

const upperRatio = (s: string): number => {
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return (
    letters.filter((c) => c === c.toLocaleUpperCase('vi') && c !== c.toLocaleLowerCase('vi')).length / letters.length
  );
};

export const isUpperLine = (s: string): boolean => upperRatio(s) > 0.8 && /\p{L}{2}/u.test(s);

export const isMottoLine = (s: string): boolean => MOTTO_LINES.some((r) => r.test(s));

/** A type line: the type name alone, in capitals ("KẾ HOẠCH"). */
export function typeOfLine(s: string): string | null {
  const t = s.replace(/\s+/g, ' ').trim();
  for (const ty of TYPE_NAMES) if (t === ty.name.toLocaleUpperCase('vi')) return ty.name;
  return null;
}

const NUMBER_LINE = /^Số\s*:?\s*[\p{N}]*\s*[/-]\s*[\p{L}\p{N}]/u;
const PLACE_DATE = /,\s*ngày\b/u;

/** Markdown and table markup of a scraped page: pipes become line breaks, asterisks and # go. */
function dropMarkup(line: string): string[] {
  const l = line
    .replace(/\*+/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '');
  if (!l.includes('|')) return [l];
  const cells = l.split('|').map((c) => c.trim());
  return cells.filter((c) => c !== '' && !/^:?-{3,}:?$/.test(c));
}

/** The agency and the motto on one line, the number and the place-date on one line: split them. */
function splitHeaderLine(line: string): string[] {
  const motto =
    /(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)/u;
  const m = motto.exec(line);
  if (m && line.trim() !== m[0]) {
    const before = line.slice(0, m.index).trim();
    const after = line.slice(m.index + m[0].length).trim();
    return [...(before ? splitHeaderLine(before) : []), m[0], ...(after ? splitHeaderLine(after) : [])];
  }
  const num = /^(Số\s*:?\s*\p{N}*\s*[/-]\s*[\p{L}\p{N}Đđ/.-]+)\s+(\S.*,\s*ngày\b.*)$/u.exec(line);
  if (num) return [num[1]!, ...splitHeaderLine(num[2]!)];
  // "... ỦY BAN NHÂN DÂN ... Số: 12/KH-UBND": the number after an agency on the same line
  const numAfter = /^(.*\S)\s+(Số\s*:?\s*\p{N}*\s*[/-]\s*\S+.*)$/u.exec(line);
  if (numAfter && isUpperLine(numAfter[1]!)) return [numAfter[1]!, ...splitHeaderLine(numAfter[2]!)];
  // "... Long Khánh, ngày 27 tháng 3 năm 2024 KẾ HOẠCH Thực hiện …": type after the date
  const dateThenType = /^(.*,\s*ngày\b.*?năm\s+\p{N}{4})\s+(\p{Lu}.*)$/u.exec(line);
  if (dateThenType) return [dateThenType[1]!, ...splitHeaderLine(dateThenType[2]!)];
  for (const ty of TYPE_NAMES) {
    const up = ty.name.toLocaleUpperCase('vi');
    if (line.startsWith(up + ' ') && !isUpperLine(line.slice(up.length))) return [up, line.slice(up.length).trim()];
  }
  return [line];
}

/**
 * A signature block flattened onto one line: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Quốc Thế" becomes
 * the authority line, the title line and the name line.
 */
export function splitSignatureLine(line: string): string[] {
  const m =
    /^((?:(?:TM|KT|Q|TL|TUQ)\.\s*)?[\p{Lu}][\p{Lu}\s,.-]*?[\p{Lu}])\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$/u.exec(
      line,
    );
  if (!m) return [line];
  const upper = m[1]!.replace(/\s+/g, ' ');
  const name = m[2]!;
  const title = SIGNER_TITLES.find((t) => upper === t || upper.endsWith(' ' + t));
  if (!title) return [line];
  const authority = upper.slice(0, upper.length - title.length).trim();
  return authority ? [authority, title, name] : [title, name];
}

/** "Nơi nhận: - A; - B; - Lưu: VT. KT. CHỦ TỊCH …" on one line: one entry per line. */
function splitRecipients(line: string): string[] {
  const m = /^(.*?)\s*(Nơi nhận\s*:)\s*(.*)$/u.exec(line);
  if (!m || !/[-–+•]\s/u.test(m[3]!)) return [line];
  const out: string[] = [];
  if (m[1]) out.push(m[1]);
  out.push(m[2]!.replace(/\s+:/, ':'));
  const items = m[3]!
    .split(/(?<=^|[;:.,])\s*(?=[-–+•]\s)/u)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const [i, item] of items.entries()) {
    // the last entry ("Lưu: VT, TH.") may carry the signature block after it
    const tail = i === items.length - 1 ? /^([-–+•]\s*Lưu\b[^]*?\.)\s+(\p{Lu}[^]*)$/u.exec(item) : null;
    if (tail) out.push(tail[1]!, ...splitSignatureLine(tail[2]!));
    else out.push(item);
  }
  return out;
}

/** "… chỉ đạo./. Nơi nhận: …": the end mark of the body ends the paragraph. */
function splitAfterEndMark(line: string): string[] {
  const i = line.indexOf('./.');
  if (i < 0 || i + 3 >= line.length) return [line];
  const rest = line.slice(i + 3).trim();
  return rest ? [line.slice(0, i + 3), rest] : [line];
}

function isDocumentAnchor(line: string): boolean {
  return (
    /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc/u.test(
      line,
    ) ||
    NUMBER_LINE.test(line) ||
    typeOfLine(line) !== null
  );
}

/** The header region: up to the first legal basis or heading (at most 25 lines). */
function headerEnd(lines: string[]): number {
  const i = lines.findIndex(
    (l, k) =>
      k > 0 && (/^(Căn cứ|Thực hiện|Xét|Theo đề nghị)(?![\p{L}\p{N}])/u.test(l) || /^[IVX]+\s*[.\-–)]\s/u.test(l)),
  );
  return Math.min(i < 0 ? lines.length : i, 25);
}

/** Drops what a web page puts above the document (menus, breadcrumbs, share buttons). */
function dropWebHeader(lines: string[]): string[] {
  const anchor = lines.findIndex(isDocumentAnchor);
  if (anchor <= 0) return lines;
  let start = anchor;
  // agency lines in capitals directly above the anchor belong to the document
  for (let i = anchor - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const l = lines[i]!;
    if (isUpperLine(l) && l.length < 120 && !/[|>]/.test(l)) start = i;
    else break;
  }
  return lines.slice(start);
}

const ENDS_SENTENCE = /[.;:!?)\]”"'’…]$/u;
const STARTS_HEADING = /^(?:[IVXLC]+\s*[.\-–)]|\p{N}+\s*[.)]|[a-zđ]\s*\)|[-–+•]\s)/u;

/**
 * Joins a paragraph cut by a page break or a hard wrap: a line that does not end a sentence,
 * followed by one that starts in lower case (and is not a heading), is one paragraph.
 */
function joinBrokenParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    if (
      prev !== undefined &&
      !ENDS_SENTENCE.test(prev) &&
      /^\p{Ll}/u.test(l) &&
      !STARTS_HEADING.test(l) &&
      !isUpperLine(prev)
    ) {
      out[out.length - 1] = `${prev} ${l}`;
    } else out.push(l);
  }
  return out;
}

export function normalizePlanText(raw: string): string {
  let s = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(EMOJI, ' ');
  s = s.replace(SUPERSCRIPT_MARK, '').replace(BRACKET_MARK, '');
  let lines = s.split('\n').flatMap(dropMarkup);
  lines = lines.map((l) => l.replace(SPACE, ' ').trim()).filter((l) => l !== '' && !/^[-_=~.…·•*]{3,}$/.test(l));
  lines = dropWebHeader(lines);
  const end = headerEnd(lines);
  lines = [...lines.slice(0, end).flatMap(splitHeaderLine), ...lines.slice(end)];
  lines = lines.flatMap(splitAfterEndMark).flatMap(splitRecipients);
  lines = joinBrokenParagraphs(lines);
  lines = lines.map((l) => {
    let t = l;
    for (const [re, to] of OCR_FIXES) t = t.replace(re, to);
    return t
      .replace(/\s+([,;:.])(?=\s|$)/g, '$1')
      .replace(SPACE, ' ')
      .trim();
  });
  // a flattened signature line anywhere after "Nơi nhận"
  const recipientsAt = lines.findIndex((l) => /^Nơi nhận\s*:/u.test(l));
  if (recipientsAt >= 0)
    lines = [
      ...lines.slice(0, recipientsAt),
      ...lines.slice(recipientsAt).flatMap((l) => (/^[-–+•]/u.test(l) ? [l] : splitSignatureLine(l))),
    ];
  else if (lines.length) lines = [...lines.slice(0, -1), ...splitSignatureLine(lines.at(-1)!)];
  return lines.filter((l) => l !== '').join('\n');
}

/** Whether a line is a place-date line ("Long Khánh, ngày 27 tháng 3 năm 2024"). */
export const isPlaceDateLine = (l: string): boolean => PLACE_DATE.test(l) && l.length < 120;
