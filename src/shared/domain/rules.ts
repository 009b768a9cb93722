// Validation rules of a template ("DT03 <= DT02", "DN03 <= DN01 + DN02"): a small hand-written
// parser (never eval), exact evaluation over canonical decimals, and the checks a template must
// pass before it is stored (unknown codes, rates that do not add up, cycles).
import { addDec, compareDec, formatDec, isCanonical, ratePercent, subDec } from './decimal';
import type { TemplateContent, TemplateIndicator } from '../model/template';

export type CmpOp = '<=' | '<' | '>=' | '>' | '=' | '!=';

/** A sum of signed terms: each a code or a number. */
export interface SumExpr {
  terms: { sign: 1 | -1; code: string | null; number: string | null }[];
}

export interface Rule {
  left: SumExpr;
  op: CmpOp;
  right: SumExpr;
}

export type RuleParse = { ok: true; rule: Rule } | { ok: false; message: string };

const OP_ALIASES: Record<string, CmpOp> = {
  '<=': '<=',
  '≤': '<=',
  '<': '<',
  '>=': '>=',
  '≥': '>=',
  '>': '>',
  '=': '=',
  '==': '=',
  '!=': '!=',
  '≠': '!=',
};
const OP_SYMBOL: Record<CmpOp, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '=': '=', '!=': '≠' };

export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,19}$/;

type Token = { kind: 'code' | 'num' | 'op' | 'sign' | 'lp' | 'rp'; text: string; at: number };

function tokenize(src: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const op = /^(<=|>=|==|!=|<|>|=|≤|≥|≠)/.exec(rest);
    if (op) {
      out.push({ kind: 'op', text: op[1]!, at: i });
      i += op[1]!.length;
      continue;
    }
    if (ch === '+' || ch === '-') {
      out.push({ kind: 'sign', text: ch, at: i });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      out.push({ kind: ch === '(' ? 'lp' : 'rp', text: ch, at: i });
      i++;
      continue;
    }
    const code = /^[A-Za-z][A-Za-z0-9_]*/.exec(rest);
    if (code) {
      out.push({ kind: 'code', text: code[0].toUpperCase(), at: i });
      i += code[0].length;
      continue;
    }
    const num = /^\d+(?:[.,]\d+)?/.exec(rest);
    if (num) {
      out.push({ kind: 'num', text: num[0].replace(',', '.'), at: i });
      i += num[0].length;
      continue;
    }
    return `ký tự “${ch}” ở vị trí ${i + 1} không được dùng (chỉ dùng mã chỉ số, số, + - ( ) và một phép so sánh <=, <, >=, >, =, !=)`;
  }
  return out;
}

/** Parses one rule; the message says what is wrong and where. */
export function parseRule(source: string): RuleParse {
  const src = source.trim();
  if (src === '') return { ok: false, message: 'Quy tắc trống.' };
  if (src.length > 300) return { ok: false, message: 'Quy tắc dài quá 300 ký tự.' };
  const tokens = tokenize(src);
  if (typeof tokens === 'string') return { ok: false, message: `Quy tắc “${src}”: ${tokens}.` };
  let pos = 0;
  const fail = (what: string): RuleParse => ({ ok: false, message: `Quy tắc “${src}”: ${what}.` });

  // sum := ['+'|'-'] atom (('+'|'-') atom)* ; atom := CODE | NUM | '(' sum ')'
  const parseSum = (negate: boolean, depth: number): SumExpr | string => {
    if (depth > 8) return 'lồng ngoặc quá sâu';
    const terms: SumExpr['terms'] = [];
    let sign: 1 | -1 = 1;
    let first = true;
    for (;;) {
      const t = tokens[pos];
      if (t?.kind === 'sign') {
        sign = t.text === '-' ? -1 : 1;
        pos++;
      } else if (!first) break;
      const a = tokens[pos];
      const effective = ((negate ? -1 : 1) * sign) as 1 | -1;
      if (!a) return 'thiếu toán hạng ở cuối';
      if (a.kind === 'code') {
        if (!CODE_PATTERN.test(a.text)) return `mã “${a.text}” không hợp lệ`;
        terms.push({ sign: effective, code: a.text, number: null });
        pos++;
      } else if (a.kind === 'num') {
        terms.push({ sign: effective, code: null, number: a.text });
        pos++;
      } else if (a.kind === 'lp') {
        pos++;
        const inner = parseSum(effective === -1, depth + 1);
        if (typeof inner === 'string') return inner;
        if (tokens[pos]?.kind !== 'rp') return `thiếu dấu “)” ở vị trí ${(tokens[pos]?.at ?? src.length) + 1}`;
        pos++;
        terms.push(...inner.terms);
      } else return `cần mã chỉ số hoặc số ở vị trí ${a.at + 1}`;
      first = false;
      sign = 1;
    }
    return { terms };
  };

  const left = parseSum(false, 0);
  if (typeof left === 'string') return fail(left);
  const opTok = tokens[pos];
  if (!opTok || opTok.kind !== 'op')
    return fail(opTok ? `cần phép so sánh ở vị trí ${opTok.at + 1}` : 'thiếu phép so sánh (ví dụ <=)');
  pos++;
  const right = parseSum(false, 0);
  if (typeof right === 'string') return fail(right);
  if (pos < tokens.length) return fail(`thừa “${tokens[pos]!.text}” ở vị trí ${tokens[pos]!.at + 1}`);
  const codes = [...left.terms, ...right.terms].filter((t) => t.code);
  if (codes.length === 0) return fail('phải có ít nhất một mã chỉ số');
  return { ok: true, rule: { left, op: OP_ALIASES[opTok.text]!, right } };
}

export function ruleCodes(rule: Rule): string[] {
  return [
    ...new Set([...rule.left.terms, ...rule.right.terms].map((t) => t.code).filter((c): c is string => c !== null)),
  ];
}

function sumText(s: SumExpr, values?: Record<string, string | null | undefined>): string {
  return s.terms
    .map((t, i) => {
      const sign = t.sign === -1 ? (i === 0 ? '-' : ' - ') : i === 0 ? '' : ' + ';
      const body = t.code
        ? values
          ? `${t.code} (${values[t.code] == null || values[t.code] === '' ? '…' : formatDec(values[t.code]!)})`
          : t.code
        : formatDec(t.number!);
      return sign + body;
    })
    .join('');
}

/** "DT03 ≤ DT02", or with values "DT03 (12) ≤ DT02 (10)". */
export function formatRule(rule: Rule, values?: Record<string, string | null | undefined>): string {
  return `${sumText(rule.left, values)} ${OP_SYMBOL[rule.op]} ${sumText(rule.right, values)}`;
}

function evalSum(s: SumExpr, values: Record<string, string | null | undefined>): string | null {
  let acc = '0';
  for (const t of s.terms) {
    const v = t.code ? values[t.code] : t.number;
    if (v === null || v === undefined || v === '' || !isCanonical(v)) return null;
    acc = t.sign === 1 ? addDec(acc, v) : subDec(acc, v);
  }
  return acc;
}

/** A canonical integer of at most 15 digits ("-0" is not canonical). */
const SMALL_INTEGER = /^(?:0|-?[1-9]\d{0,14})$/;

/**
 * The sum as a JS number when every term is a small integer and every partial sum stays a safe
 * integer (then it is exact); null when a value is empty; NaN when the exact decimal code must
 * decide. Counts — nearly every rule — are judged this way without a BigInt per term, which is
 * what a board or Tổng hợp spends its time on when it checks a thousand reports.
 */
function smallSum(s: SumExpr, values: Record<string, string | null | undefined>): number | null {
  let acc = 0;
  for (const t of s.terms) {
    const v = t.code ? values[t.code] : t.number;
    if (v === null || v === undefined || v === '') return null;
    if (!SMALL_INTEGER.test(v)) return NaN;
    acc += t.sign * Number(v);
    if (!Number.isSafeInteger(acc)) return NaN;
  }
  return acc;
}

function holds(op: CmpOp, c: number): boolean {
  switch (op) {
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/** True when the rule holds, false when breached, null while a value it needs is empty. */
export function evaluateRule(rule: Rule, values: Record<string, string | null | undefined>): boolean | null {
  const a = smallSum(rule.left, values);
  const b = smallSum(rule.right, values);
  if (a === null || b === null) return null;
  if (!Number.isNaN(a) && !Number.isNaN(b)) return holds(rule.op, a < b ? -1 : a > b ? 1 : 0);
  const l = evalSum(rule.left, values);
  const r = evalSum(rule.right, values);
  if (l === null || r === null) return null;
  return holds(rule.op, compareDec(l, r));
}

/** The computed value of a RATE indicator (percent, canonical) or null ("—"). */
export function computeRate(
  ind: Pick<TemplateIndicator, 'numerator' | 'denominator'>,
  values: Record<string, string | null | undefined>,
): string | null {
  if (!ind.numerator || !ind.denominator) return null;
  const n = values[ind.numerator];
  const d = values[ind.denominator];
  if (!n || !d || !isCanonical(n) || !isCanonical(d)) return null;
  return ratePercent(n, d);
}

/** Finds one cycle in a directed graph, as the list of nodes around it, or null. */
export function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      if (state.get(m) === 1) return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of [...edges.keys()].sort()) {
    if (!state.has(n)) {
      const c = visit(n);
      if (c) return c;
    }
  }
  return null;
}

export interface TemplateProblem {
  message: string;
  field: string;
}

/**
 * Everything that makes a template unusable, each with a Vietnamese message and the field:
 * duplicate or malformed codes, rates without valid numerator/denominator, rules that do not
 * parse or name unknown codes, and cycles (a rate computed from itself through other rates, or
 * rules that order indicators in a circle such as A < B, B < A).
 */
export function checkTemplate(t: Pick<TemplateContent, 'sections' | 'indicators' | 'rules'>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const byCode = new Map<string, TemplateIndicator>();
  t.indicators.forEach((ind, i) => {
    const field = `indicators.${i}.code`;
    if (!CODE_PATTERN.test(ind.code))
      problems.push({
        field,
        message: `Mã chỉ số “${ind.code}” không hợp lệ: chỉ gồm chữ IN HOA không dấu, số và “_”, bắt đầu bằng chữ (ví dụ DT01).`,
      });
    else if (byCode.has(ind.code)) problems.push({ field, message: `Mã chỉ số “${ind.code}” bị trùng.` });
    byCode.set(ind.code, ind);
  });
  const sectionNumbers = new Set<string>();
  t.sections.forEach((s, i) => {
    if (sectionNumbers.has(s.number))
      problems.push({ field: `sections.${i}.number`, message: `Số mục “${s.number}” bị trùng.` });
    sectionNumbers.add(s.number);
  });
  const numeric = (ind: TemplateIndicator | undefined) =>
    ind && (ind.type === 'count' || ind.type === 'amount' || ind.type === 'percent');
  const computed = new Map<string, Set<string>>();
  t.indicators.forEach((ind, i) => {
    const typeOk: Record<string, string[]> = {
      RATE: ['percent'],
      SHARE: ['yesno'],
      TEXT: ['text'],
      SUM: ['count', 'amount'],
      NONE: ['count', 'amount', 'percent', 'yesno', 'text'],
    };
    if (!typeOk[ind.rule]!.includes(ind.type)) {
      problems.push({
        field: `indicators.${i}.rule`,
        message: `Chỉ số ${ind.code}: cách tổng hợp ${ind.rule} không dùng được cho kiểu dữ liệu này.`,
      });
    }
    if (ind.rule === 'RATE') {
      for (const [part, label] of [
        ['numerator', 'tử số'],
        ['denominator', 'mẫu số'],
      ] as const) {
        const code = ind[part];
        if (!code)
          problems.push({ field: `indicators.${i}.${part}`, message: `Chỉ số tỷ lệ ${ind.code} thiếu ${label}.` });
        else if (!byCode.has(code))
          problems.push({
            field: `indicators.${i}.${part}`,
            message: `Chỉ số tỷ lệ ${ind.code}: ${label} “${code}” không có trong mẫu.`,
          });
        else if (!numeric(byCode.get(code)))
          problems.push({
            field: `indicators.${i}.${part}`,
            message: `Chỉ số tỷ lệ ${ind.code}: ${label} “${code}” không phải là chỉ số dạng số.`,
          });
      }
      computed.set(ind.code, new Set([ind.numerator, ind.denominator].filter((c): c is string => !!c)));
    } else if (ind.numerator || ind.denominator) {
      problems.push({
        field: `indicators.${i}.numerator`,
        message: `Chỉ số ${ind.code} không phải tỷ lệ nên không có tử số, mẫu số.`,
      });
    }
  });
  const rateCycle = findCycle(computed);
  if (rateCycle)
    problems.push({ field: 'indicators', message: `Các chỉ số tỷ lệ tính vòng quanh nhau: ${rateCycle.join(' → ')}.` });

  // Rules: every code known and numeric; the order they impose must not go round in a circle.
  const order = new Map<string, Set<string>>();
  t.rules.forEach((r, i) => {
    const field = `rules.${i}.expression`;
    const parsed = parseRule(r.expression);
    if (!parsed.ok) {
      problems.push({ field, message: parsed.message });
      return;
    }
    for (const code of ruleCodes(parsed.rule)) {
      if (!byCode.has(code))
        problems.push({ field, message: `Quy tắc “${r.expression}” dùng mã “${code}” không có trong mẫu.` });
      else if (!numeric(byCode.get(code)))
        problems.push({ field, message: `Quy tắc “${r.expression}”: chỉ số “${code}” không phải dạng số.` });
    }
    const { left, op, right } = parsed.rule;
    const codesOf = (s: SumExpr) => s.terms.filter((x) => x.code && x.sign === 1).map((x) => x.code!);
    const [small, big] =
      op === '<=' || op === '<'
        ? [codesOf(left), codesOf(right)]
        : op === '>=' || op === '>'
          ? [codesOf(right), codesOf(left)]
          : [[], []];
    for (const a of small)
      for (const b of big) {
        if (a === b) continue;
        const set = order.get(a) ?? new Set<string>();
        set.add(b);
        order.set(a, set);
      }
    if (
      small.some((c) => big.includes(c)) &&
      (op === '<' || op === '>') &&
      parsed.rule.left.terms.length === 1 &&
      parsed.rule.right.terms.length === 1
    ) {
      problems.push({ field, message: `Quy tắc “${r.expression}” so sánh một chỉ số với chính nó.` });
    }
  });
  const ruleCycle = findCycle(order);
  if (ruleCycle)
    problems.push({
      field: 'rules',
      message: `Các quy tắc tạo thành vòng lặp: ${ruleCycle.join(' ≤ ')}. Hãy bỏ bớt một quy tắc.`,
    });
  return problems;
}
