// What kind of figure an indicator gives, decided once for the form, the consolidated report,
// the Excel summary and the CLI.
import type { AggregationRule } from '../model/template';

/** Rates (n / d) and shares of "có" answers are percentages: shown with "%", compared in percentage points. */
export const isPercentIndicator = (i: { rule: AggregationRule }): boolean => i.rule === 'RATE' || i.rule === 'SHARE';
