// Approximate advance widths of Times New Roman (metric-compatible with Liberation Serif), in
// 1/1000 em. Used only to size the short rules under the agency, the motto and the summary:
// Word has no "rule as long as the text above", so the writer sets the rule's indents itself.

const ROMAN: Record<string, number> = {
  ' ': 250,
  '-': 333,
  '.': 250,
  ',': 250,
  ':': 278,
  ';': 278,
  '/': 278,
  '(': 333,
  ')': 333,
  '"': 408,
  '“': 444,
  '”': 444,
  a: 444,
  b: 500,
  c: 444,
  d: 500,
  e: 444,
  f: 333,
  g: 500,
  h: 500,
  i: 278,
  j: 278,
  k: 500,
  l: 278,
  m: 778,
  n: 500,
  o: 500,
  p: 500,
  q: 500,
  r: 333,
  s: 389,
  t: 278,
  u: 500,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 444,
  A: 722,
  B: 667,
  C: 667,
  D: 722,
  E: 611,
  F: 556,
  G: 722,
  H: 722,
  I: 333,
  J: 389,
  K: 722,
  L: 611,
  M: 889,
  N: 722,
  O: 722,
  P: 556,
  Q: 722,
  R: 667,
  S: 556,
  T: 611,
  U: 722,
  V: 722,
  W: 944,
  X: 722,
  Y: 722,
  Z: 611,
};

const BOLD: Record<string, number> = {
  ' ': 250,
  '-': 333,
  '.': 250,
  ',': 250,
  ':': 333,
  ';': 333,
  '/': 278,
  '(': 333,
  ')': 333,
  '"': 555,
  '“': 500,
  '”': 500,
  a: 500,
  b: 556,
  c: 444,
  d: 556,
  e: 444,
  f: 333,
  g: 500,
  h: 556,
  i: 278,
  j: 333,
  k: 556,
  l: 278,
  m: 833,
  n: 556,
  o: 500,
  p: 556,
  q: 556,
  r: 444,
  s: 389,
  t: 333,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 444,
  A: 722,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 778,
  I: 389,
  J: 500,
  K: 778,
  L: 667,
  M: 944,
  N: 722,
  O: 778,
  P: 611,
  Q: 778,
  R: 722,
  S: 556,
  T: 667,
  U: 722,
  V: 722,
  W: 1000,
  X: 722,
  Y: 722,
  Z: 667,
};

/** The letters that set a text's advance width: Vietnamese marks do not change it (the base letter is measured). */
export function baseLetters(text: string): string {
  // plain ASCII (codes, numbers, most labels) has no marks: nothing to take apart
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Width in points of text already reduced to its base letters (baseLetters). */
export function baseWidthPt(base: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD : ROMAN;
  let units = 0;
  for (const ch of base) units += table[ch] ?? 500;
  return (units / 1000) * sizePt;
}

/** Width of a line of text in points. */
export const textWidthPt = (text: string, sizePt: number, bold: boolean): number =>
  baseWidthPt(baseLetters(text), sizePt, bold);

/** Width in twips. */
export const textWidthTwips = (text: string, sizePt: number, bold: boolean): number =>
  Math.round(textWidthPt(text, sizePt, bold) * 20);
