// A criteria set as the editor holds it: every number as the text typed, turned back into the
// contract's input and checked live by the same rules as the service.
import { criteriaSetInput } from '../../../shared/contract/scoring';
import {
  checkCriteriaSet,
  formatPoints,
  fromCenti,
  parsePoints,
  toCenti,
  type SetProblem,
} from '../../../shared/domain/scoring';
import type { CriteriaSetContent } from '../../../shared/model/scoring';

// Numbers are kept as typed ("7,5") and read on every change.
interface DraftSub {
  title: string;
  maxPoints: string;
}

export interface DraftCriterion {
  code: string;
  title: string;
  maxPoints: string;
  guidance: string;
  evidence: string;
  subCriteria: DraftSub[];
}

interface DraftGroup {
  code: string;
  title: string;
  maxPoints: string;
  criteria: DraftCriterion[];
}

interface DraftItem {
  code: string;
  title: string;
  maxPoints: string;
  guidance: string;
}

interface DraftClass {
  code: string;
  label: string;
  from: string;
  to: string;
}

export interface Draft {
  code: string;
  name: string;
  province: string;
  year: string;
  description: string;
  totalPoints: string;
  groups: DraftGroup[];
  bonus: { cap: string; items: DraftItem[] };
  deductions: { cap: string; items: DraftItem[] };
  classes: DraftClass[];
}

const pts = (v: number | null) => (v === null ? '' : formatPoints(v));

export function draftOf(s: CriteriaSetContent): Draft {
  const item = (i: CriteriaSetContent['bonus']['items'][number]): DraftItem => ({
    code: i.code,
    title: i.title,
    maxPoints: pts(i.maxPoints),
    guidance: i.guidance,
  });
  return {
    code: s.code,
    name: s.name,
    province: s.province,
    year: String(s.year),
    description: s.description,
    totalPoints: pts(s.totalPoints),
    groups: s.groups.map((g) => ({
      code: g.code,
      title: g.title,
      maxPoints: pts(g.maxPoints),
      criteria: g.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        maxPoints: pts(c.maxPoints),
        guidance: c.guidance,
        evidence: c.evidence,
        subCriteria: c.subCriteria.map((x) => ({ title: x.title, maxPoints: pts(x.maxPoints) })),
      })),
    })),
    bonus: { cap: pts(s.bonus.cap), items: s.bonus.items.map(item) },
    deductions: { cap: pts(s.deductions.cap), items: s.deductions.items.map(item) },
    classes: s.classes.map((c) => ({ code: c.code, label: c.label, from: pts(c.from), to: pts(c.to) })),
  };
}

/**
 * The draft as the contract's input. A number that does not read becomes `bad` (NaN: the schema
 * names it; 0: the sums can still be checked), an empty one null.
 */
export function rawOf(d: Draft, bad: number) {
  const num = (t: string): number | null => {
    const p = parsePoints(t);
    return p.ok ? p.value : bad;
  };
  const req = (t: string): number => num(t) ?? bad;
  const item = (i: DraftItem) => ({ code: i.code, title: i.title, maxPoints: req(i.maxPoints), guidance: i.guidance });
  return {
    code: d.code,
    name: d.name,
    province: d.province,
    year: /^\d+$/.test(d.year.trim()) ? Number(d.year.trim()) : bad,
    description: d.description,
    totalPoints: req(d.totalPoints),
    groups: d.groups.map((g) => ({
      code: g.code,
      title: g.title,
      maxPoints: req(g.maxPoints),
      criteria: g.criteria.map((c) => ({
        code: c.code,
        title: c.title,
        maxPoints: req(c.maxPoints),
        guidance: c.guidance,
        evidence: c.evidence,
        subCriteria: c.subCriteria.map((x) => ({ title: x.title, maxPoints: num(x.maxPoints) })),
      })),
    })),
    bonus: { cap: req(d.bonus.cap), items: d.bonus.items.map(item) },
    deductions: { cap: num(d.deductions.cap), items: d.deductions.items.map(item) },
    classes: d.classes.map((c) => ({ code: c.code, label: c.label, from: req(c.from), to: num(c.to) })),
  };
}

const pathText = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/** Every problem of the draft, each with the field it belongs to ("groups[0].criteria[1].maxPoints"). */
export function draftProblems(d: Draft): SetProblem[] {
  const parsed = criteriaSetInput.safeParse(rawOf(d, Number.NaN));
  if (parsed.success) return checkCriteriaSet(parsed.data);
  const problems = parsed.error.issues.map((i) => ({ field: pathText(i.path), message: i.message }));
  // The sums and thresholds are still checked on what reads, so they show while a field is being fixed.
  for (const p of checkCriteriaSet(rawOf(d, 0) as CriteriaSetContent))
    if (!/quá hai chữ số|không được âm/.test(p.message)) problems.push(p);
  return problems;
}

export const sum = (texts: string[]): number =>
  fromCenti(
    texts.reduce((s, t) => {
      const p = parsePoints(t);
      return s + (p.ok && p.value !== null ? toCenti(p.value)! : 0);
    }, 0),
  );
