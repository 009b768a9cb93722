// The rules of a report's template judged against its values: each rule with its wording and
// reason (the report form, exports), and the bare count of rules broken (the board, Tổng hợp).
import { evaluateRule, formatRule, parseRule, ruleCodes } from '../../../shared/domain/rules';
import { reasonKey, type RuleCheck, type ValueMap } from '../../../shared/model/report';
import type { Template } from '../../../shared/model/template';

/** Every rule of the template against the values, with the reason given for a breach. */
export function checkRules(template: Template, values: ValueMap): RuleCheck[] {
  return template.rules.map((r) => {
    const parsed = parseRule(r.expression);
    if (!parsed.ok)
      return {
        expression: r.expression,
        detail: r.expression,
        codes: [],
        holds: null,
        message: parsed.message,
        reason: '',
      };
    return {
      expression: r.expression,
      detail: formatRule(parsed.rule, values),
      codes: ruleCodes(parsed.rule),
      holds: evaluateRule(parsed.rule, values),
      message: r.message,
      reason: values[reasonKey(r.expression)] ?? '',
    };
  });
}

/**
 * The number of rules a report breaks, as `checkRules` judges them (holds === false), with each
 * rule parsed once for a whole board instead of once per unit and no wording built.
 */
export function breachCounter(template: Template): { codes: string[]; count: (values: ValueMap) => number } {
  const rules = template.rules.map((r) => parseRule(r.expression)).flatMap((p) => (p.ok ? [p.rule] : []));
  return {
    /** The only values the rules read. */
    codes: [...new Set(rules.flatMap(ruleCodes))],
    count: (values) => rules.reduce((n, rule) => n + (evaluateRule(rule, values) === false ? 1 : 0), 0),
  };
}
