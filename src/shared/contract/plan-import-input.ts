// The proposal as the save input: what the screen starts from before the user corrects it, and
// what the CLI saves as is. A name not in the register stays unlinked: creating a unit is the
// user's explicit choice, never the default; a group phrase keeps the kinds it names.
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
        createKind: null,
        kinds: u.resolves === 'group' ? u.kinds : [],
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
      scope: t.scope,
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
