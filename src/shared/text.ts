// Text rules shared by both sides: NFC at every boundary, diacritics folded for search.

/** Normalises outside text to NFC, drops zero-width and bidi control marks, trims. */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\uD800-\uDFFF]/g, (ch, i: number, s: string) => {
      // keep well-formed surrogate pairs, drop lone halves
      const code = ch.charCodeAt(0);
      if (code <= 0xdbff) {
        const next = s.charCodeAt(i + 1);
        return next >= 0xdc00 && next <= 0xdfff ? ch : '';
      }
      const prev = s.charCodeAt(i - 1);
      return prev >= 0xd800 && prev <= 0xdbff ? ch : '';
    })
    .trim();
}

/**
 * Folds Vietnamese for search: lower case, tone and vowel marks removed, đ → d.
 * FTS5's remove_diacritics does not fold đ (a letter of its own), so the index and
 * the queries are both folded by this one function.
 */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Vietnamese-aware comparison for sorting names. */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Straight double quotes paired into Vietnamese typographic ones (“…”), as the templates'
 * own headings are written. Left alone when the count is odd: a lone quote has no known side.
 */
export function curlyQuotes(value: string): string {
  let count = 0;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 34) count++;
  if (count === 0 || count % 2 === 1) return value;
  let open = true;
  let out = '';
  for (const ch of value) {
    if (ch === '"') {
      out += open ? '“' : '”';
      open = !open;
    } else out += ch;
  }
  return out;
}

/**
 * The text without a run of the given characters at its start and/or end. A loop, not
 * "[…]+$": a pattern anchored only at the end is tried from every position, quadratic on a
 * long run that does not reach the end (outside text can hold one).
 */
export function trimRun(value: string, chars: string, where: 'start' | 'end' | 'both' = 'both'): string {
  let a = 0;
  let b = value.length;
  if (where !== 'end') while (a < b && chars.includes(value[a]!)) a++;
  if (where !== 'start') while (b > a && chars.includes(value[b - 1]!)) b--;
  return value.slice(a, b);
}
