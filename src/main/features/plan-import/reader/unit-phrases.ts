// Unit names in assignments: split a list of units, and match each to the unit register
// (diacritics-insensitive, abbreviations such as UBND, MTTQ, HĐND expanded).
import type { UnitResolution } from '../../../../shared/model/plan-import';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/model/unit';
import { foldDiacritics, trimRun } from '../../../../shared/text';
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

/** Words that begin like a unit's name but are not one ("Tổ chức quán triệt …", "Hội nghị …"). */
const NOT_A_UNIT = /^(Tổ chức|Hội nghị|Hội thi|Hội thảo|Đội ngũ|Bộ máy|Trường hợp|Đoàn kết)(?![\p{L}])/u;

export function startsWithUnitHead(s: string): boolean {
  if (NOT_A_UNIT.test(s)) return false;
  return UNIT_HEADS.some((h) => s.startsWith(h) && (s.length === h.length || /[\s,.:;)]/u.test(s[h.length]!)));
}

/**
 * Splits "Sở Tư pháp, Thanh tra tỉnh" into two units but keeps "Trung tâm Văn hóa, Thông tin và
 * Thể thao" as one: a fragment starts a new unit only when it begins with a unit head word.
 * Returns each unit with its offset in `s`.
 */
export function splitUnits(s: string): { name: string; offset: number }[] {
  if (s.length > 400) return [{ name: s.trim(), offset: 0 }];
  const out: { name: string; offset: number; end: number }[] = [];
  const sep = / ?(?:,|;| và | với ) ?/gu;
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
    // "Văn phòng HĐND và UBND xã" is one office, not two units
    const joint =
      last &&
      /^Văn phòng (HĐND|Hội đồng nhân dân)$/u.test(s.slice(last.offset, last.end).trim()) &&
      /^(UBND|Ủy ban nhân dân)\b/u.test(p.text);
    if (last && (joint || !startsWithUnitHead(p.text))) last.end = p.end;
    else out.push({ name: '', offset: p.start, end: p.end });
  }
  return out
    .map((u) => ({
      name: trimRun(s.slice(u.offset, u.end).trim(), '.:;,', 'end'),
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

/** A person's post at the head of a phrase: "Thủ trưởng các sở", "Chủ tịch UBND các xã", "Công chức …". */
const OFFICE =
  /^(?:Thủ trưởng|Người đứng đầu|Lãnh đạo|(?:Phó )?Chủ tịch|(?:Phó )?Giám đốc|(?:Phó )?Trưởng|(?:Phó )?Bí thư|Công chức|Cán bộ)(?= |$)/u;
/** Words that name an organisation (folded): what is left of "Chủ tịch UBND các xã" is one. */
const ORGANISATION =
  /\b(uy ban|so|ban|nganh|co quan|don vi|phong|trung tam|xa|phuong|dac khu|huyen|thi xa|thi tran|thanh pho|tinh|dang uy|huyen uy|thanh uy|tinh uy|chi bo|dang bo|hoi dong|van phong|cong an)\b/;

/** The kinds a group names, read from the first words of each item after "các". */
export function groupKinds(phrase: string): UnitKind[] {
  const at = phrase.search(/(?:^|\s)[Cc]ác\s/u);
  if (at < 0) return [];
  const items = phrase
    .slice(at)
    .replace(/^\s*[Cc]ác\s/u, '')
    .split(/,| và /u)
    .map((i) => foldDiacritics(i.trim()));
  const kinds = new Set<UnitKind>();
  for (const i of items) {
    if (/^(so|ban|nganh|co quan chuyen mon)\b/.test(i)) kinds.add('so_nganh');
    else if (/^(xa|thi tran)\b/.test(i)) kinds.add('ubnd_xa');
    else if (/^phuong\b/.test(i)) kinds.add('ubnd_phuong');
    else if (/^dac khu\b/.test(i)) kinds.add('dac_khu');
    else if (/^(don vi|co quan|co quan, don vi) su nghiep\b/.test(i)) kinds.add('su_nghiep');
  }
  return UNIT_KINDS.filter((k) => kinds.has(k));
}

/**
 * What a phrase of an assignment names: a group of units of some kinds, a person's post, the
 * issuing agency itself, or one unit. Only "unit" is ever offered for creation.
 */
export function resolveUnitPhrase(
  name: string,
  issuer: string | null,
): { resolves: UnitResolution; kinds: UnitKind[] } {
  const office = OFFICE.exec(name);
  if (office && /^(Công chức|Cán bộ)$/u.test(office[0])) return { resolves: 'office', kinds: [] };
  const rest = office ? name.slice(office[0].length).trim() : name;
  const restKey = unitKey(rest);
  const isGroup = /(^|\s)[Cc]ác\s/u.test(rest);
  if (office && !ORGANISATION.test(restKey)) return { resolves: 'office', kinds: [] };
  if (isGroup) return { resolves: 'group', kinds: groupKinds(rest) };
  const issuerKey = issuer ? unitKey(issuer) : '';
  if (issuerKey && restKey && (issuerKey === restKey || issuerKey.startsWith(restKey + ' ')))
    return { resolves: 'issuer', kinds: [] };
  return { resolves: 'unit', kinds: [] };
}
