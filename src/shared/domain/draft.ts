// The draft of the consolidated report: sentences built from the figures with {{PLACEHOLDERS}}
// (so the figures refresh while the words the user typed stay), the units' narrative answers
// gathered under each section with the unit's name in front, and the merge that keeps the
// user's edits when the draft is regenerated.
import { formatDec } from './decimal';
import { foldDiacritics } from '../text';
import { targetPhrase } from './aggregate-compare';
import type { CompileResult, Draft, DraftSection, IndicatorTotal } from '../model/compile';
import type { TemplateSection } from '../model/template';
import { addressedToAgency, isProposalSection, pointLine, syllables, synthesize } from './synthesis';
import { isPercentIndicator as isPercent } from './indicators';

export const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z]+)?)\}\}/g;

/** "1.234" or "93,67%" or "—". */
export function formatFigure(value: string | null, percent: boolean): string {
  if (value === null) return '—';
  return `${formatDec(value)}${percent ? '%' : ''}`;
}

function deltaPhrase(delta: string | null, unit: string, percent: boolean, hasPrevious: boolean): string {
  if (!hasPrevious || delta === null) return 'chưa có số liệu cùng kỳ để so sánh';
  if (delta === '0') return 'bằng cùng kỳ';
  const up = !delta.startsWith('-');
  const abs = up ? delta : delta.slice(1);
  const u = percent ? ' điểm phần trăm' : unit ? ` ${unit}` : '';
  return `${up ? 'tăng' : 'giảm'} ${formatDec(abs)}${u} so với cùng kỳ`;
}

/** Every placeholder of a compiled window, rendered in Vietnamese. */
export function buildPlaceholders(
  r: Pick<CompileResult, 'current' | 'previous' | 'comparison' | 'targets' | 'planReference'>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const cur = r.current;
  for (const i of cur.indicators) {
    if (i.type === 'text') continue;
    const pct = isPercent(i);
    const cmp = r.comparison.find((c) => c.code === i.code);
    out[i.code] = formatFigure(i.value, pct);
    out[`${i.code}.prev`] = formatFigure(cmp?.previous ?? null, pct);
    out[`${i.code}.delta`] = deltaPhrase(cmp?.delta ?? null, i.unit, pct, r.previous !== null && cmp?.previous != null);
    // The comparison in brackets, or nothing when there is none: for generated sentences.
    out[`${i.code}.cmp`] = r.previous !== null && cmp?.delta != null ? ` (${out[`${i.code}.delta`]})` : '';
    out[`${i.code}.reported`] = String(i.reported);
    out[`${i.code}.expected`] = String(i.expected);
    out[`${i.code}.missing`] = String(i.missing);
    out[`${i.code}.missingClause`] = i.missing ? `; ${i.missing} cơ quan, đơn vị chưa báo cáo nội dung này` : '';
    if (i.rule === 'SHARE') out[`${i.code}.yes`] = i.numerator ?? '0';
    if (i.rule === 'RATE') {
      out[`${i.code}.num`] = formatFigure(i.numerator, false);
      out[`${i.code}.den`] = formatFigure(i.denominator, false);
    }
    const ts = r.targets.filter((t) => t.indicatorCode === i.code);
    out[`${i.code}.target`] = ts
      .map((t) => {
        const phrase = targetPhrase(t, formatDec);
        if (t.met === null) return `chỉ tiêu ${phrase}: ${t.problem.replace(/\.$/, '').toLocaleLowerCase('vi')}`;
        const gap = t.gap!.startsWith('-') ? t.gap!.slice(1) : t.gap!;
        const unit = t.targetUnit === '%' ? ' điểm phần trăm' : t.targetUnit ? ` ${t.targetUnit}` : '';
        return t.met
          ? `đạt chỉ tiêu ${phrase}${t.gap !== '0' ? ` (${t.gap!.startsWith('-') ? 'thấp hơn' : 'vượt'} ${formatDec(gap)}${unit})` : ''}`
          : `chưa đạt chỉ tiêu ${phrase} (${t.gap!.startsWith('-') ? 'còn thiếu' : 'vượt'} ${formatDec(gap)}${unit})`;
      })
      .join('; ');
  }
  const s = cur.status;
  out['period'] = cur.periods.map((p) => p.name).join(', ');
  out['plan'] = r.planReference;
  out['units.expected'] = String(s.expected);
  out['units.reported'] = String(s.reported);
  out['units.onTime'] = String(s.onTime);
  out['units.late'] = String(s.late);
  out['units.missing'] = String(s.missing);
  out['units.lateList'] = s.lateUnits.join(', ') || 'không có';
  out['units.missingList'] = s.missingUnits.join(', ') || 'không có';
  out['units.missingClause'] = s.missing
    ? `; còn ${s.missing} cơ quan, đơn vị chưa gửi báo cáo: ${s.missingUnits.join(', ')}`
    : '';
  out['units.lateClause'] = s.late ? `; nộp muộn: ${s.lateUnits.join(', ')}` : '';
  return out;
}

/** Replaces the placeholders; unknown ones stay as typed and are listed. */
export function renderPlaceholders(text: string, values: Record<string, string>): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) {
      unknown.push(key);
      return whole;
    }
    return v;
  });
  return { text: out, unknown: [...new Set(unknown)] };
}

/**
 * A unit's narrative as it may arrive (pasted from Word, with control characters, tabs, CR,
 * non-breaking spaces): plain lines, no control characters, no placeholder braces.
 */
export function sanitizeNarrative(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\u00a0\u202f]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2028\u2029\ufeff]/g, '')
      .replace(/\{\{/g, '{ {')
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
  );
}

const STOP = new Set(['va', 'cua', 'cac', 'voi', 'o', 've', 'cong', 'tac', 'ky', 'trong', 'nam', 'da']);

function tokens(s: string): Set<string> {
  return new Set(
    foldDiacritics(s)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0 && !STOP.has(w)),
  );
}

/**
 * The section an indicator's sentence goes under: the text section whose title shares the most
 * words with the indicator's group (its name for text answers). Null when nothing matches.
 */
export function sectionFor(
  label: string,
  sections: Pick<TemplateSection, 'number' | 'title' | 'hasText'>[],
): string | null {
  const words = tokens(label);
  let best: { number: string; score: number } | null = null;
  for (const s of sections) {
    if (!s.hasText) continue;
    const t = tokens(s.title);
    let common = 0;
    for (const w of words) if (t.has(w)) common++;
    const score = common / Math.max(1, words.size) + common / Math.max(1, t.size) / 10;
    if (common > 0 && (!best || score > best.score)) best = { number: s.number, score };
  }
  return best?.number ?? null;
}

/** "Hội nghị đối thoại" → "hội nghị đối thoại"; "UBND …" stays. */
function lowerFirst(s: string): string {
  if (s.length > 1 && s[1] === s[1]!.toLocaleUpperCase('vi') && /\p{L}/u.test(s[1]!)) return s;
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

function figureSentence(group: IndicatorTotal[], hasPrevious: boolean, targetCodes: Set<string>): string[] {
  const parts: string[] = [];
  const shares: string[] = [];
  // Only indicators with a value: a list of "—" says nothing. A refresh adds the others later.
  for (const i of group.filter((x) => x.value !== null)) {
    const name = lowerFirst(i.name);
    const delta = hasPrevious ? `{{${i.code}.cmp}}` : '';
    if (i.rule === 'SUM') parts.push(`${name}: {{${i.code}}}${i.unit ? ` ${i.unit}` : ''}${delta}`);
    else if (i.rule === 'RATE') parts.push(`${name} đạt {{${i.code}}}${delta}`);
    else if (i.rule === 'SHARE')
      shares.push(
        `Có {{${i.code}.yes}}/{{${i.code}.expected}} cơ quan, đơn vị phải báo cáo ({{${i.code}}}) ${name}{{${i.code}.missingClause}}.`,
      );
  }
  const out: string[] = [];
  if (parts.length) out.push(`Trong kỳ, các cơ quan, đơn vị đã báo cáo: ${parts.join('; ')}.`);
  out.push(...shares);
  const targeted = group.filter((i) => targetCodes.has(i.code) && i.value !== null);
  for (const i of targeted) out.push(`So với chỉ tiêu của kế hoạch, chỉ số “${i.name}” {{${i.code}.target}}.`);
  return out;
}

export interface Narrative {
  sectionNumber: string;
  unitName: string;
  periodName: string;
  text: string;
}

export interface DraftOptions {
  /** At most this many grouped points of the units' words per section. */
  maxPoints: number;
  /** Each unit's full words go to an annex (the body then says so when points were left out). */
  unitTextAnnex: boolean;
  /** Names the compiling agency goes by: proposals addressed to it are kept apart from the body. */
  agencyNames: string[];
}

export const DEFAULT_DRAFT_OPTIONS: DraftOptions = { maxPoints: 5, unitTextAnnex: true, agencyNames: [] };

/** Does every word of a text indicator's name appear in the section's title ("Ưu điểm" → "Ưu điểm")? */
function strongSection(name: string, sections: Pick<TemplateSection, 'number' | 'title' | 'hasText'>[]): string | null {
  const words = tokens(name);
  if (words.size === 0) return null;
  for (const s of sections) {
    if (!s.hasText) continue;
    const t = tokens(s.title);
    if ([...words].every((w) => t.has(w))) return s.number;
  }
  return null;
}

/** A point's identity across the body: the same sentence is never written twice. */
const pointKey = (text: string): string => syllables(text).join(' ');

/**
 * The freshly generated draft: the opening, then each section of the template with the sentences
 * of its figures and the synthesis of the units' words (grouped points with their attribution,
 * most-raised first). Proposals addressed to the compiling agency itself are offered as
 * suggestions of the section, not written into the body.
 */
export function generateDraft(
  sections: TemplateSection[],
  r: Pick<CompileResult, 'current' | 'previous' | 'targets' | 'planReference'>,
  narratives: Narrative[],
  issuer: string,
  reportTitle: string,
  options: DraftOptions = DEFAULT_DRAFT_OPTIONS,
): Omit<Draft, 'periodIds' | 'compareIds' | 'updatedAt'> {
  const hasPrevious = r.previous !== null;
  const targetCodes = new Set(r.targets.filter((t) => t.indicatorCode).map((t) => t.indicatorCode));
  const multi = r.current.periods.length > 1;
  const body = new Map<string, string[]>(sections.map((s) => [s.number, []]));
  const suggestions = new Map<string, string[]>();
  const fallback = sections.find((s) => s.hasText)?.number ?? null;
  const expected = r.current.status.expected;

  // Figures, group by group, under the section whose title matches the group.
  const groups = new Map<string, IndicatorTotal[]>();
  for (const i of r.current.indicators) {
    if (i.type === 'text' || i.rule === 'NONE') continue;
    const g = groups.get(i.group) ?? [];
    g.push(i);
    groups.set(i.group, g);
  }
  for (const [group, inds] of groups) {
    const target = sectionFor(group || inds[0]!.name, sections) ?? fallback;
    if (target) body.get(target)!.push(...figureSentence(inds, hasPrevious, targetCodes));
  }

  // The units' words: section answers, and text indicators whose name is a section's title.
  // A text indicator that names no section ("Ghi chú") stays in the annex of the units' words.
  const bySection = new Map<string, { unitName: string; text: string }[]>();
  const add = (number: string, unitName: string, periodName: string, text: string) => {
    const clean = sanitizeNarrative(text);
    if (!clean) return;
    const list = bySection.get(number) ?? [];
    list.push({ unitName: multi ? `${unitName} (${periodName})` : unitName, text: clean });
    bySection.set(number, list);
  };
  for (const n of narratives) add(n.sectionNumber, n.unitName, n.periodName, n.text);
  for (const i of r.current.indicators) {
    if (i.type !== 'text') continue;
    const target = strongSection(i.name, sections);
    if (target) for (const t of i.texts) add(target, t.unitName, t.periodName, t.text);
  }
  const written = new Set<string>();
  for (const s of sections) {
    const entries = bySection.get(s.number);
    if (!s.hasText || !entries?.length) continue;
    const { points, omitted } = synthesize(entries, { maxPoints: options.maxPoints });
    const proposals = isProposalSection(s.title);
    let left = omitted.length;
    for (const p of points) {
      const key = pointKey(p.text);
      if (written.has(key)) continue;
      if (proposals && addressedToAgency(p.text, options.agencyNames)) {
        suggestions.set(s.number, [...(suggestions.get(s.number) ?? []), pointLine(p, expected)]);
        continue;
      }
      written.add(key);
      body.get(s.number)!.push(pointLine(p, expected));
    }
    for (const p of omitted)
      if (proposals && addressedToAgency(p.text, options.agencyNames)) {
        suggestions.set(s.number, [...(suggestions.get(s.number) ?? []), pointLine(p, expected)]);
        left--;
      }
    if (left > 0)
      body
        .get(s.number)!
        .push(
          `- Các cơ quan, đơn vị còn nêu ${left} ý kiến khác về ${lowerFirst(s.title)}${options.unitTextAnnex ? ' (chi tiết tại Phụ lục IV)' : ''}.`,
        );
  }

  const reference = r.planReference ? `Thực hiện ${r.planReference}, ` : '';
  const subject = reportTitle.replace(/^báo cáo\s+/i, '');
  const opening = [
    `${reference}${issuer} báo cáo ${lowerFirst(subject)} {{period}} như sau:`,
    `Có {{units.reported}}/{{units.expected}} cơ quan, đơn vị gửi báo cáo ({{units.onTime}} đúng hạn, {{units.late}} nộp muộn){{units.missingClause}} (chi tiết tại Phụ lục III).`,
  ].join('\n');
  const out: DraftSection[] = [
    { number: '', title: '', level: 0, hasText: true, text: opening, generated: opening, refreshNote: '' },
  ];
  for (const s of sections) {
    const text = (body.get(s.number) ?? []).join('\n');
    const sug = suggestions.get(s.number);
    out.push({
      number: s.number,
      title: s.title,
      level: s.level,
      hasText: s.hasText,
      text,
      generated: text,
      refreshNote: '',
      ...(sug?.length ? { suggestions: sug } : {}),
    });
  }
  return { title: `${subject.replace(/^\p{L}/u, (c) => c.toLocaleUpperCase('vi'))} {{period}}`, sections: out };
}

const paras = (t: string): string[] =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Regenerates without losing the user's work. A section the user has not touched takes the new
 * text; an edited section keeps the user's text, gets the new paragraphs (a unit that reported
 * since) appended, and says which generated paragraphs it still holds that no longer apply.
 * Sections the template no longer has are kept when they hold the user's text.
 */
export function mergeDraft(
  old: Pick<Draft, 'title' | 'sections'> | null,
  fresh: Pick<Draft, 'title' | 'sections'>,
): Pick<Draft, 'title' | 'sections'> {
  if (!old) return fresh;
  const sections: DraftSection[] = fresh.sections.map((f) => {
    const o = old.sections.find((s) => s.number === f.number);
    if (!o || o.text === o.generated) return { ...f, refreshNote: '' };
    const oldGen = new Set(paras(o.generated));
    const newGen = paras(f.generated);
    const mine = new Set(paras(o.text));
    const added = newGen.filter((p) => !oldGen.has(p) && !mine.has(p));
    const stale = [...oldGen].filter((p) => !newGen.includes(p) && mine.has(p));
    const notes: string[] = [];
    if (added.length) notes.push(`Đã thêm ${added.length} đoạn mới vào cuối mục (số liệu hoặc ý kiến đơn vị mới).`);
    if (stale.length)
      notes.push(`Mục đã sửa tay còn ${stale.length} đoạn mà số liệu mới không còn tạo ra: hãy xem lại.`);
    return {
      ...f,
      text: [o.text.trimEnd(), ...added].filter(Boolean).join('\n'),
      refreshNote: notes.join(' '),
    };
  });
  for (const o of old.sections) {
    if (!fresh.sections.some((f) => f.number === o.number) && o.text.trim() && o.text !== o.generated) {
      sections.push({
        ...o,
        generated: '',
        refreshNote: 'Mục này không còn trong mẫu báo cáo; nội dung bạn đã sửa được giữ lại.',
      });
    }
  }
  return { title: old.title || fresh.title, sections };
}
