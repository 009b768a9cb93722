// Turns noisy pasted or extracted text into one canonical form: one paragraph per line, NFC,
// no web-page header, no scrape markup, no footnote markers, emoji or page numbers, OCR slips
// fixed, the header and signature blocks split back into their lines. Every span of a proposal
// points into this text, so the screen shows exactly this text.
//
// Everything here runs on text from outside, so it is linear: the patterns that could backtrack
// (several unbounded parts) only ever see lines shorter than SHORT_LINE, the rest is plain scanning,
// and nothing recurses.
import { MOTTO_LINES, OCR_FIXES, SIGNER_TITLES, TYPE_NAMES } from './vocabulary';
import { trimRun } from '../../../../shared/text';

/** Header, signature and distribution lines are short; longer lines are body paragraphs. */
export const SHORT_LINE = 600;

// Control characters other than the line break; zero-width and bidi marks; emoji and their joiners.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u20E3/gu;
const SUPERSCRIPT_MARK = /(?<=[\p{L}\p{N}.,;:)”"'’])[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu;
const BRACKET_MARK = /(?<=[\p{L}.,;:)”"'’])\[\d{1,3}\]/gu;
const SPACE = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
/** A page number or page footer left by a PDF or OCR copy: "2", "- 3 -", "Trang 4", "Trang 4/9". */
const PAGE_NUMBER = /^(?:[-–]\s?)?\d{1,3}(?:\s?[-–])?$|^Trang \d{1,3}(?: ?\/ ?\d{1,3})?$/u;

function upperRatio(s: string): number {
  const letters = s.replace(/[^\p{L}]+/gu, '').length;
  return letters === 0 ? 0 : s.replace(/[^\p{Lu}]+/gu, '').length / letters;
}

export const isUpperLine = (s: string): boolean => upperRatio(s) > 0.8 && /\p{L}{2}/u.test(s);

export const isMottoLine = (s: string): boolean => s.length < 80 && MOTTO_LINES.some((r) => r.test(s));

/** A type line: the type name alone, in capitals ("KẾ HOẠCH"). */
export function typeOfLine(s: string): string | null {
  if (s.length > 40) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  for (const ty of TYPE_NAMES) if (t === ty.name.toLocaleUpperCase('vi')) return ty.name;
  return null;
}

/** A number line: "Số: 12/KH-UBND", "Số 09-CT/TU", "Số: /KH-UBND", OCR'd "Số: 17 KH-UBND". */
const NUMBER_LINE = /^Số\s?:?\s?(?:\p{N}{0,6}\s?[/-]\s?[\p{L}\p{N}]|\p{N}{1,6} \p{Lu}[\p{L}]{0,7}[-/]\p{Lu})/u;
export const isNumberLine = (s: string): boolean => NUMBER_LINE.test(s);
const PLACE_DATE = /,\s?ngày\b/u;
const MOTTO = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập ?[-–—] ?Tự do ?[-–—] ?Hạnh phúc/gu;

function fixSlips(line: string): string {
  let t = line;
  for (const [re, to] of OCR_FIXES) t = t.replace(re, to);
  return t;
}

/** Markdown and table markup of a scraped page: pipes become line breaks, asterisks, # and _ go. */
function dropMarkup(line: string): string[] {
  let l = line
    .replace(/\*+/g, '')
    .replace(/^\s*#{1,6}\s/, '')
    .replace(/^\s*>\s?/, '');
  if (l.startsWith('_') || l.endsWith('_')) l = trimRun(l, '_');
  if (!l.includes('|')) return [l];
  const out: string[] = [];
  for (const cell of l.split('|')) {
    const c = cell.trim();
    if (c !== '' && !/^:?-{3,}:?$/.test(c)) out.push(c);
  }
  return out;
}

/** One step of splitting a short header line: the first line it starts with, and the rest. */
function splitHeaderStep(line: string): [string, string] | null {
  // "Số: 12/KH-UBND Long Khánh, ngày …" (also "Số 09-CT/TU …", OCR'd "Số: 17 KH-UBND …")
  const num = /^(Số ?:? ?(?:\p{N}{0,6} ?[/-] ?|\p{N}{1,6} (?=\p{Lu}))[\p{L}\p{N}/.-]+) (\S.*, ?ngày\b.*)$/u.exec(line);
  if (num) return [num[1]!, num[2]!];
  // "… ỦY BAN NHÂN DÂN … Số: 12/KH-UBND": the number after an agency on the same line
  const at = line.indexOf(' Số');
  if (at > 0 && isNumberLine(line.slice(at + 1)) && isUpperLine(line.slice(0, at)))
    return [line.slice(0, at), line.slice(at + 1)];
  // "… Long Khánh, ngày 27 tháng 3 năm 2024 KẾ HOẠCH Thực hiện …": type after the date
  const dateThenType = /^([^,]{1,80}, ?ngày [^A-ZĐ]{0,40}?năm \p{N}{4}) (\p{Lu}.*)$/u.exec(line);
  if (dateThenType) return [dateThenType[1]!, dateThenType[2]!];
  for (const ty of TYPE_NAMES) {
    const up = ty.name.toLocaleUpperCase('vi');
    if (line.startsWith(up + ' ') && !isUpperLine(line.slice(up.length))) return [up, line.slice(up.length).trim()];
  }
  return null;
}

/**
 * The agency and the motto on one line, the number and the place-date on one line: split them.
 * Mottos are found in one pass, then each piece is split step by step (no recursion: a line of
 * thousands of mottos is as cheap as one).
 */
function splitHeaderLine(line: string): string[] {
  if (line.length > SHORT_LINE) return [line];
  const pieces: { text: string; motto: boolean }[] = [];
  let pos = 0;
  for (const m of line.matchAll(MOTTO)) {
    const before = line.slice(pos, m.index).trim();
    if (before) pieces.push({ text: before, motto: false });
    pieces.push({ text: m[0], motto: true });
    pos = m.index + m[0].length;
  }
  const tail = line.slice(pos).trim();
  if (tail) pieces.push({ text: tail, motto: false });
  const out: string[] = [];
  for (const piece of pieces) {
    let rest = piece.text;
    for (let step = 0; !piece.motto && step < 8; step++) {
      const s = splitHeaderStep(rest);
      if (!s) break;
      out.push(s[0].trim());
      rest = s[1].trim();
    }
    if (rest) out.push(rest);
  }
  return out;
}

/** Words of a line in capitals (titles, agencies), a prefix such as "TM." or "T/M" counted as capitals. */
const isUpperWord = (w: string): boolean => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
const BARE_PREFIX = /^(?:(?:TM|KT|Q|TL|TUQ)\.|T\/M|K\/T|T\/L|T\/UQ)$/u;
const isNameWord = (w: string): boolean => /^\p{Lu}\p{Ll}*$/u.test(w) && w.length <= 12;

/**
 * A signature block flattened onto one line: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Bùi Quốc Thế" becomes
 * the authority line, the title line and the name line. Read word by word: capitals, then a name.
 */
export function splitSignatureLine(line: string): string[] {
  if (line.length > 200) return [line];
  const signed = /\(\s?[Đđ]ã ký\s?\)/u.exec(line);
  if (signed) {
    const before = line.slice(0, signed.index).trim();
    const after = line.slice(signed.index + signed[0].length).trim();
    if (before && isUpperLine(before)) return [...splitSignatureLine(before), signed[0], ...(after ? [after] : [])];
    return [line];
  }
  const words = line.split(' ');
  let k = 0;
  while (k < words.length && isUpperWord(words[k]!)) k++;
  const nameWords = words.slice(k);
  const upper = words.slice(0, k).join(' ');
  if (k === 0 || nameWords.length > 6 || !nameWords.every(isNameWord) || (nameWords.length > 0 && nameWords.length < 2))
    return [line];
  const title = SIGNER_TITLES.find((t) => upper === t || upper.endsWith(' ' + t));
  if (!title) return [line];
  const authority = upper.slice(0, upper.length - title.length).trim();
  const name = nameWords.join(' ');
  // "KT. CHỦ TỊCH" stays one line; "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" is two authority lines
  if (BARE_PREFIX.test(authority)) return [upper, ...(name ? [name] : [])];
  const second = / (?=(?:KT|TL|TUQ|Q)\. |(?:K\/T|T\/L|T\/UQ) )/u.exec(authority);
  const lines = second
    ? [authority.slice(0, second.index), authority.slice(second.index + 1)]
    : authority
      ? [authority]
      : [];
  return [...lines, title, ...(name ? [name] : [])];
}

/** Splits "- A; - B, - C." at each item dash that follows the end of the previous item. */
function splitItems(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ((c === '-' || c === '–' || c === '+' || c === '•') && s[i + 1] === ' ' && i > start) {
      const before = s.slice(start, i).trimEnd();
      if (/[;:.,]$/.test(before)) {
        out.push(before);
        start = i;
      }
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

/** The last entry "- Lưu: VT, TH. KT. CHỦ TỊCH …": the archive entry, then the signature block. */
function splitArchiveTail(item: string): string[] {
  if (!/^[-–+•] ?Lưu\b/u.test(item)) return [item];
  for (let i = item.indexOf('. '); i >= 0; i = item.indexOf('. ', i + 1)) {
    // the word after ". " (at most 12 characters are looked at): "TM.", "KT.", "CHỦ", "T/M" …
    let j = i + 2;
    while (j < item.length && j < i + 14 && item[j] !== ' ') j++;
    const first = item.slice(i + 2, j);
    if (isUpperWord(first) && /\p{Lu}.*\p{Lu}/u.test(first))
      return [item.slice(0, i + 1), ...splitSignatureLine(item.slice(i + 2))];
  }
  return [item];
}

/** "Nơi nhận: - A; - B; - Lưu: VT. KT. CHỦ TỊCH …" on one line: one entry per line. */
function splitRecipients(line: string): string[] {
  const at = line.indexOf('Nơi nhận');
  if (at < 0) return [line];
  const colon = /^Nơi nhận ?:/u.exec(line.slice(at));
  if (!colon) return [line];
  const rest = line.slice(at + colon[0].length).trim();
  if (!/^[-–+•] /u.test(rest)) return [line];
  const out: string[] = [];
  const before = line.slice(0, at).trim();
  if (before) out.push(before);
  out.push('Nơi nhận:');
  const items = splitItems(rest);
  items.forEach((item, i) => out.push(...(i === items.length - 1 ? splitArchiveTail(item) : [item])));
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
  if (line.length > SHORT_LINE) return false;
  MOTTO.lastIndex = 0;
  const motto = MOTTO.test(line);
  MOTTO.lastIndex = 0;
  return motto || isNumberLine(line) || typeOfLine(line) !== null;
}

/** The header region: up to the first legal basis or heading (at most 25 lines). */
function headerEnd(lines: string[]): number {
  const limit = Math.min(lines.length, 25);
  for (let k = 1; k < limit; k++) {
    const l = lines[k]!;
    if (/^(Căn cứ|Thực hiện|Xét|Theo đề nghị)(?![\p{L}\p{N}])/u.test(l) || /^[IVX]{1,6} ?[.\-–)] /u.test(l)) return k;
  }
  return limit;
}

/** Drops what a web page puts above the document (menus, breadcrumbs, share buttons). */
function dropWebHeader(lines: string[]): string[] {
  const anchor = lines.findIndex(isDocumentAnchor);
  if (anchor <= 0) return lines;
  let start = anchor;
  // agency lines in capitals directly above the anchor belong to the document
  for (let i = anchor - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const l = lines[i]!;
    if (l.length < 120 && isUpperLine(l) && !/[|>]/.test(l)) start = i;
    else break;
  }
  return lines.slice(start);
}

/** What a web page puts below the document: from such a line on, nothing is the document's. */
const WEB_FOOTER =
  /^(?:Tin liên quan|Bài viết liên quan|Văn bản liên quan|Tin cùng chuyên mục|Các tin khác|Tin khác|Bình luận|Ý kiến bạn đọc)$/iu;

function dropWebFooter(lines: string[]): string[] {
  const at = lines.findIndex((l) => l.length < 40 && WEB_FOOTER.test(l));
  return at > 0 ? lines.slice(0, at) : lines;
}

const ENDS_SENTENCE = /[.;:!?)\]”"'’…]$/u;
const STARTS_HEADING = /^(?:[IVXLC]{1,6} ?[.\-–)]|\p{N}{1,3} ?[.)]|\p{N}{1,3} ?[-–] |[a-zđ] ?\)|[-–+•] )/u;

/**
 * Joins a paragraph cut by a page break or a hard wrap: a line that does not end a sentence,
 * followed by one that starts in lower case (and is not a heading), is one paragraph. The parts
 * are gathered and joined once, and only the last part's end is looked at: linear in the text.
 */
function joinBrokenParagraphs(lines: string[]): string[] {
  const out: string[] = [];
  let parts: string[] = [];
  let joinable = false;
  const flush = () => {
    if (parts.length) out.push(parts.join(' '));
    parts = [];
  };
  for (const l of lines) {
    const last = parts.at(-1);
    if (
      last !== undefined &&
      joinable &&
      !ENDS_SENTENCE.test(last.slice(-2)) &&
      /^\p{Ll}/u.test(l) &&
      !STARTS_HEADING.test(l.slice(0, 12))
    ) {
      parts.push(l);
      continue;
    }
    flush();
    parts.push(l);
    joinable = !isUpperLine(l.slice(0, 400));
  }
  flush();
  return out;
}

export function normalizePlanText(raw: string): string {
  let s = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '').replace(EMOJI, ' ');
  s = s.replace(SUPERSCRIPT_MARK, '').replace(BRACKET_MARK, '');
  let lines = s.split('\n').flatMap(dropMarkup);
  lines = lines
    .map((l) => fixSlips(l.replace(SPACE, ' ').trim()))
    .filter((l) => l !== '' && !/^[-_=~.…·•*]{3,}$/.test(l) && !PAGE_NUMBER.test(l));
  // the same heading line again and again (a hostile or broken copy) counts once
  lines = lines.filter((l, i) => i === 0 || l !== lines[i - 1] || !isMottoLine(l));
  lines = dropWebFooter(dropWebHeader(lines));
  const end = headerEnd(lines);
  lines = [...lines.slice(0, end).flatMap(splitHeaderLine), ...lines.slice(end)];
  lines = lines.flatMap(splitAfterEndMark).flatMap(splitRecipients);
  lines = joinBrokenParagraphs(lines);
  // again after the joins: a slip cut by a page break ("Quy" / "ché số 14-QC/TU") is whole now
  lines = lines.map((l) =>
    fixSlips(l)
      .replace(/ ([,;:.])(?= |$)/g, '$1')
      .trim(),
  );
  // a flattened signature line anywhere after "Nơi nhận" (or the last line when there is none)
  const recipientsAt = lines.findIndex((l) => /^Nơi nhận ?:/u.test(l));
  if (recipientsAt >= 0)
    lines = [
      ...lines.slice(0, recipientsAt),
      ...lines.slice(recipientsAt).flatMap((l) => (/^[-–+•]/u.test(l) ? [l] : splitSignatureLine(l))),
    ];
  else if (lines.length) lines = [...lines.slice(0, -1), ...splitSignatureLine(lines.at(-1)!)];
  return lines.filter((l) => l !== '').join('\n');
}

/** Whether a line is a place-date line ("Long Khánh, ngày 27 tháng 3 năm 2024"). */
export const isPlaceDateLine = (l: string): boolean => l.length < 120 && PLACE_DATE.test(l);
