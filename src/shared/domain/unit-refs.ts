// A task's lead or supporting unit as typed in the plan editor: a name that may or may not be a unit of
// the register. Names picked from the register carry the unit's id; anything else stays a free name.
import type { TaskUnitRef } from '../model/plan';
import { cleanText, foldDiacritics } from '../text';

interface RegisterUnit {
  id: number;
  code: string;
  name: string;
  shortName: string;
}

const key = (s: string) => foldDiacritics(cleanText(s)).toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The ref for a typed name: the unit whose name, short name or code it is (ignoring case and accents),
 * else the unit it named before (so a closed unit keeps its link when the plan is edited), else free text.
 */
export function resolveUnitRef(
  typed: string,
  units: readonly RegisterUnit[],
  previous: readonly TaskUnitRef[] = [],
): TaskUnitRef | null {
  const name = cleanText(typed).trim();
  if (!name) return null;
  const k = key(name);
  const unit =
    units.find((u) => key(u.name) === k) ??
    units.find((u) => u.shortName !== '' && key(u.shortName) === k) ??
    units.find((u) => key(u.code) === k);
  if (unit) return { unitId: unit.id, name: unit.name };
  const prev = previous.find((r) => r.unitId !== null && key(r.name) === k);
  if (prev) return { unitId: prev.unitId, name: prev.name };
  return { unitId: null, name };
}

/** Supporting units typed as one line, separated by ";" or new lines; duplicates dropped. */
export function resolveUnitRefs(
  typed: string,
  units: readonly RegisterUnit[],
  previous: readonly TaskUnitRef[] = [],
): TaskUnitRef[] {
  const out: TaskUnitRef[] = [];
  for (const part of typed.split(/[;\n]/)) {
    const ref = resolveUnitRef(part, units, previous);
    if (!ref) continue;
    if (
      out.some((r) =>
        ref.unitId !== null ? r.unitId === ref.unitId : r.unitId === null && key(r.name) === key(ref.name),
      )
    )
      continue;
    out.push(ref);
  }
  return out;
}
