// The report form's drafts (what each field shows) and what they say live: which fields do not
// parse, the values that do, and the template's rules checked against them as the user types.
import { useMemo } from 'react';
import { formatDec } from '../../../shared/domain/decimal';
import { evaluateRule, formatRule, parseRule, ruleCodes } from '../../../shared/domain/rules';
import { parseIndicatorInput, storedText } from '../../../shared/domain/report-values';
import type { ReportForm, ValueMap } from '../../../shared/model/report';
import type { TemplateIndicator } from '../../../shared/model/template';

/** The text a stored value is shown as in its field. */
export function toDraft(ind: TemplateIndicator | undefined, value: string | undefined): string {
  if (value === undefined) return '';
  if (!ind) return value;
  if (ind.type === 'yesno') return value === '1' ? 'có' : value === '0' ? 'không' : value;
  if (ind.type === 'text') return value;
  return formatDec(value);
}

export function draftsFrom(form: ReportForm): Record<string, string> {
  const out: Record<string, string> = {};
  const byCode = new Map(form.template.indicators.map((i) => [i.code, i]));
  for (const [k, v] of Object.entries(form.values)) out[k] = toDraft(byCode.get(k), v);
  return out;
}

export interface RuleCheckLive {
  expression: string;
  message: string;
  holds: boolean | null;
  detail: string;
  /** The indicator the breach is shown under. */
  anchor: string;
}

export interface LiveChecks {
  /** Drafts that do not parse: they stay as typed and are not sent. */
  localErrors: Record<string, string>;
  /** What parses now, for rates and rules. */
  live: ValueMap;
  checks: RuleCheckLive[];
}

export function useLiveChecks(form: ReportForm | null, drafts: Record<string, string>): LiveChecks {
  return useMemo(() => {
    const localErrors: Record<string, string> = {};
    const live: ValueMap = {};
    if (!form) return { localErrors, live, checks: [] };
    for (const ind of form.template.indicators) {
      const d = drafts[ind.code];
      if (d === undefined) continue;
      const r = parseIndicatorInput(ind, d);
      if (typeof r === 'string') {
        if (ind.rule !== 'RATE') localErrors[ind.code] = r;
      } else if (r) live[ind.code] = storedText(r);
    }
    const checks = form.template.rules.flatMap((r) => {
      const p = parseRule(r.expression);
      if (!p.ok) return [];
      return [
        {
          expression: r.expression,
          message: r.message,
          holds: evaluateRule(p.rule, live),
          detail: formatRule(p.rule, live),
          anchor: p.rule.left.terms.find((t) => t.code)?.code ?? ruleCodes(p.rule)[0]!,
        },
      ];
    });
    return { localErrors, live, checks };
  }, [form, drafts]);
}
