// Assignments in the implementation section: "1. Phòng Nội vụ: …", "Sở Tư pháp, Thanh tra tỉnh:
// Chủ trì …", "Công chức văn phòng – Thống kê theo dõi …", with the units they name.
import type { ProposedTask, Span, UnitMatch } from '../../../../shared/model/plan-import';
import { foldDiacritics } from '../../../../shared/text';
import { mergeSpans, spanOf, type Line } from './lines';
import { headingOf } from './sections';
import {
  matchUnit,
  resolveUnitPhrase,
  splitUnits,
  startsWithUnitHead,
  suggestKind,
  unitKey,
  type RegisterUnit,
} from './unit-phrases';

const IMPLEMENTATION = /to chuc thuc hien|phan cong (nhiem vu|trach nhiem)|trach nhiem thuc hien|giao nhiem vu/;
const IMPLEMENTATION_ITEM = /^(to chuc thuc hien|phan cong (nhiem vu|trach nhiem)|trach nhiem thuc hien)/;
const VERBS =
  /\s(chủ trì|theo dõi|tham mưu|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|xây dựng|tổ chức|hướng dẫn|tổng hợp|căn cứ|kiểm tra|rà soát|đôn đốc|bố trí|tăng cường|chỉ đạo|định kỳ|nghiên cứu|quán triệt|phát huy|cập nhật|lãnh đạo|tuyên truyền|phổ biến|vận động)(?=[\s,])/u;
const SUPPORT =
  /phối hợp(?: với)? (.{1,200}?)(?=\s(?:phối hợp|tham mưu|xử lý|triển khai|làm tốt|đăng tin|rà soát|chấm điểm|tổ chức|thực hiện|kiểm tra|theo dõi|hướng dẫn|tuyên truyền|vận động|giải quyết|xây dựng|chỉ đạo|báo cáo|đánh giá|tổng hợp|để|trong|nhằm|theo|về|tại)(?=[\s,.;])|[.;(:]|$)/gu;

interface Open {
  section: string;
  units: UnitMatch[];
  lines: string[];
  spans: Span[];
}

function unitsFrom(
  l: Line,
  head: string,
  headOffset: number,
  role: UnitMatch['role'],
  register: RegisterUnit[],
  issuer: string | null,
): UnitMatch[] {
  return splitUnits(head).map((u) => {
    const { resolves, kinds } = resolveUnitPhrase(u.name, issuer);
    // only a phrase naming one unit is matched to the register (a group, a post or the issuer is not a unit)
    const found = resolves === 'unit' ? matchUnit(u.name, register) : null;
    const start = l.start + headOffset + u.offset;
    return {
      name: u.name,
      role,
      unitId: found?.id ?? null,
      unitName: found?.name ?? null,
      suggestedKind: suggestKind(u.name),
      resolves,
      kinds,
      spans: [{ start, end: start + u.name.length }],
    };
  });
}

/** Rule: "Units: text" — a head before a colon that names units. */
function colonAssignment(text: string): { head: string; rest: string; restOffset: number } | null {
  const i = text.indexOf(':');
  if (i <= 0 || i > 160) return null;
  const head = text.slice(0, i).trim();
  if (!startsWithUnitHead(head) || head.split(/\s+/).length > 20 || /\d{1,2}\/\d{1,2}/.test(head)) return null;
  const rest = text.slice(i + 1);
  return { head, rest: rest.trim(), restOffset: i + 1 + (rest.length - rest.trimStart().length) };
}

/** Rule: "Units verb …" — a subject naming units, then a verb of assignment. */
function subjectAssignment(text: string): string | null {
  if (!startsWithUnitHead(text)) return null;
  const m = VERBS.exec(text);
  if (!m || m.index > 140) return null;
  const subject = text.slice(0, m.index).trim();
  if (/đề nghị|yêu cầu/u.test(subject)) return null;
  return subject;
}

/** Supporting units: "phối hợp (với) X" where X names a unit (not "các cơ quan, đơn vị"). */
function supportUnits(open: Open, lines: Line[], register: RegisterUnit[], issuer: string | null): UnitMatch[] {
  const out: UnitMatch[] = [];
  const seen = new Set(open.units.map((u) => unitKey(u.name)));
  for (const l of lines) {
    for (const m of l.text.matchAll(SUPPORT)) {
      const frag = m[1]!;
      const fragOffset = m.index + m[0].indexOf(frag);
      for (const u of unitsFrom(l, frag, fragOffset, 'support', register, issuer)) {
        if (!/^\p{Lu}/u.test(u.name) || u.name.startsWith('Các ') || !startsWithUnitHead(u.name)) continue;
        const k = unitKey(u.name);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(u);
      }
    }
  }
  return out;
}

/**
 * The implementation part: a Roman part (or a numbered Party item, "6- Tổ chức thực hiện") whose
 * title says so, to the next heading of its level. A directive without parts (a Chỉ thị of
 * numbered items) is read whole: each item may assign work.
 */
function implementationPart(lines: Line[]): { from: number; to: number; part: string } | null {
  let at = -1;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const h = headingOf(lines[i]!.text);
    const title = foldDiacritics(h?.rest.slice(0, 120) ?? '');
    // a part's title names it anywhere ("GIẢI PHÁP VÀ TỔ CHỨC THỰC HIỆN"); an item's title starts with it
    if (h && (h.level === 1 ? IMPLEMENTATION.test(title) : h.level === 2 && IMPLEMENTATION_ITEM.test(title))) {
      at = i;
      level = h.level;
      break;
    }
  }
  if (at >= 0) {
    let to = lines.length;
    for (let i = at + 1; i < lines.length; i++)
      if ((headingOf(lines[i]!.text)?.level ?? 9) <= level) {
        to = i;
        break;
      }
    return { from: at + 1, to, part: headingOf(lines[at]!.text)!.label };
  }
  if (lines.some((l) => headingOf(l.text)?.level === 1)) return null;
  const first = lines.findIndex((l) => headingOf(l.text)?.level === 2);
  return first < 0 ? null : { from: first, to: lines.length, part: '' };
}

export function readTasks(lines: Line[], register: RegisterUnit[], issuer: string | null = null): ProposedTask[] {
  const range = implementationPart(lines);
  if (!range) return [];
  const { part } = range;
  const label = (sub: string) => [part, sub].filter(Boolean).join('.');
  const tasks: ProposedTask[] = [];
  let open: Open | null = null;
  let openLines: Line[] = [];
  let openByDash = false;
  let sub = '';
  const close = () => {
    if (open && (open.lines.length || open.units.length)) {
      const support = supportUnits(open, openLines, register, issuer);
      tasks.push({
        text: open.lines.join('\n'),
        units: [...open.units, ...support],
        section: open.section,
        spans: mergeSpans(open.spans),
      });
    }
    open = null;
    openLines = [];
    openByDash = false;
  };
  const start = (l: Line, head: string, headOffset: number, section: string) => {
    close();
    open = { section, units: unitsFrom(l, head, headOffset, 'lead', register, issuer), lines: [], spans: [spanOf(l)] };
    openLines = [l];
  };
  for (const l of lines.slice(range.from, range.to)) {
    const h = headingOf(l.text);
    if (h && h.level <= 3) {
      sub = h.label;
      const offset = l.text.indexOf(h.rest);
      const c = colonAssignment(h.rest);
      if (c) {
        start(l, c.head, offset, label(h.label));
        if (c.rest) open!.lines.push(c.rest);
        continue;
      }
      const subject = subjectAssignment(h.rest);
      if (subject) {
        start(l, subject, offset, label(h.label));
        open!.lines.push(h.rest);
        continue;
      }
      // Rule: a heading that is only a unit's name ("1. Phòng Nội vụ", as a Word heading writes it)
      if (startsWithUnitHead(h.rest) && h.rest.length < 120 && !VERBS.test(h.rest)) {
        start(l, h.rest.replace(/[:.]$/, ''), offset, label(h.label));
        continue;
      }
      close();
      continue;
    }
    // Rule: a dash item that assigns work ("- Ban Dân vận Tỉnh ủy chủ trì, …") is a task of its own
    if (h?.level === 4) {
      const offset = l.text.indexOf(h.rest);
      const c = colonAssignment(h.rest);
      const subject = c ? null : subjectAssignment(h.rest);
      if (c || subject) {
        start(l, c ? c.head : subject!, offset, label(sub));
        open!.lines.push(c ? c.rest : h.rest);
        openByDash = true;
        continue;
      }
    } else if (openByDash) close();
    const c = colonAssignment(l.text);
    if (c && (!open || (open as Open).lines.length > 0)) {
      start(l, c.head, 0, label(sub));
      if (c.rest) open!.lines.push(c.rest);
      continue;
    }
    if (open) {
      (open as Open).lines.push(l.text);
      (open as Open).spans.push(spanOf(l));
      openLines.push(l);
      continue;
    }
    const subject = subjectAssignment(l.text);
    if (subject) {
      start(l, subject, 0, label(sub));
      open!.lines.push(l.text);
      close();
    }
  }
  close();
  return tasks;
}
