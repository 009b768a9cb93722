// The proposal as the save input: what the screen starts from before the user corrects it, and
// what the CLI saves as is. Unmatched unit names become new units of the suggested kind.
import type { PlanImportSaveInput } from './plan-import';
import type { PlanProposal } from '../model/plan-import';

export function proposalToSaveInput(p: PlanProposal): PlanImportSaveInput {
  return {
    type: p.planType,
    number: p.number.value,
    symbol: p.symbol.value,
    issuedDate: p.date.value,
    issuer: p.issuer.value ?? '',
    signer: p.signer?.name ?? '',
    summary: p.title.value,
    field: '',
    body: p.text.slice(0, 200_000),
    tasks: p.tasks.map((t) => ({
      text: t.text || t.units.map((u) => u.name).join(', '),
      units: t.units.map((u) => ({
        name: u.name,
        role: u.role,
        unitId: u.unitId,
        createKind: u.unitId === null ? u.suggestedKind : null,
      })),
      deadline: null,
    })),
    targets: p.targets.map((t) => ({
      text: t.text,
      comparator: t.comparator,
      value: t.value,
      valueUnit: t.unit,
      indicatorCode: '',
      unitKinds: [],
    })),
    periods: p.periods.map((x) => ({
      type: x.type,
      year: x.year,
      index: x.index,
      name: x.name,
      windowStart: x.windowStart,
      windowEnd: x.windowEnd,
      deadline: x.deadline,
    })),
    templateId: null,
  };
}
