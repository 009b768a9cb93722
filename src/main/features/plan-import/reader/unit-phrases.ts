// Unit names in assignments: split a list of units, and match each to the unit register
// (diacritics-insensitive, abbreviations such as UBND, MTTQ, HĐND expanded).
import type { UnitKind } from '../../../../shared/model/unit';
import { foldDiacritics } from '../../../../shared/text';
import { ABBREVIATIONS, UNIT_HEADS } from './vocabulary';

export interface RegisterUnit {
  id: number;
  code: string;
  name: string;
  shortName: string;
}

/** The comparison key of a unit name: folded, punctuation gone, abbreviations expanded. */
export function unitKey(name: string): string {
  let k = ` ${foldDiacritics(name)
    .replace(/&/g, ' va ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const [re, to] of ABBREVIATIONS) k = k.replace(re, to);
  return k.replace(/\s+/g, ' ').trim();
}

export function startsWithUnitHead(s: string): boolean {
  return UNIT_HEADS.some((h) => s.startsWith(h) && (s.length === h.length || /[\s,.:;)]/u.test(s[h.length]!)));
}

/**
 * Splits "Sở Tư pháp, Thanh tra tỉnh" into two units but keeps "Trung tâm Văn hóa, Thông tin và
 * Thể thao" as one: a fragment starts a new unit only when it begins with a unit head word.
 * Returns each unit with its offset in `s`.
 */
export function splitUnits(s: string): { name: string; offset: number }[] {
  const out: { name: string; offset: number; end: number }[] = [];
  const sep = /\s*(?:,|;|\s+và\s+|\s+với\s+)\s*/gu;
  let pos = 0;
  const pieces: { text: string; start: number; end: number }[] = [];
  for (const m of s.matchAll(sep)) {
    pieces.push({ text: s.slice(pos, m.index), start: pos, end: m.index });
    pos = m.index + m[0].length;
  }
  pieces.push({ text: s.slice(pos), start: pos, end: s.length });
  for (const p of pieces) {
    if (!p.text.trim()) continue;
    const last = out.at(-1);
    if (last && !startsWithUnitHead(p.text)) last.end = p.end;
    else out.push({ name: '', offset: p.start, end: p.end });
  }
  return out
    .map((u) => ({
      name: s
        .slice(u.offset, u.end)
        .trim()
        .replace(/[.:;,]+$/, ''),
      offset: u.offset,
    }))
    .filter((u) => u.name.length > 1);
}

export function matchUnit(name: string, register: RegisterUnit[]): RegisterUnit | null {
  const key = unitKey(name);
  if (!key) return null;
  const exact = register.filter(
    (u) => unitKey(u.name) === key || (u.shortName && unitKey(u.shortName) === key) || u.code.toLowerCase() === key,
  );
  if (exact.length >= 1) return exact[0]!;
  // "Phòng Nội vụ" in the text, "Phòng Nội vụ thành phố Long Khánh" in the register (and the reverse)
  const longer = register.filter((u) => unitKey(u.name).startsWith(key + ' '));
  if (longer.length === 1) return longer[0]!;
  const shorter = register.filter((u) => key.startsWith(unitKey(u.name) + ' '));
  if (shorter.length === 1) return shorter[0]!;
  return null;
}

export function suggestKind(name: string): UnitKind {
  const k = unitKey(name);
  if (/\bdac khu\b/.test(k)) return 'dac_khu';
  if (/^uy ban nhan dan (cac )?phuong\b/.test(k)) return 'ubnd_phuong';
  if (/^uy ban nhan dan (cac )?xa\b/.test(k)) return 'ubnd_xa';
  if (/^(trung tam|truong|benh vien|dai|vien|ban quan ly|don vi su nghiep)\b/.test(k)) return 'su_nghiep';
  if (/^(so|phong|ban|thanh tra|van phong|cong an|chi cuc|cuc|kho bac|bo chi huy)\b/.test(k)) return 'so_nganh';
  return 'khac';
}
