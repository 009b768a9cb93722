// Shared set-up for the workflow tests (issue 13): a typed caller of the contract, units, periods
// relative to today (so that no test depends on the day it runs), and reports with received dates.
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { AppErrorData, Result } from '../../src/shared/errors';
import { listTemplates } from '../../src/main/features/templates/templates';
import type { UnitKind } from '../../src/shared/model/unit';

export class CallError extends Error {
  constructor(public data: AppErrorData) {
    super(data.message);
  }
}

/** The contract, as the renderer and the CLI call it: validated, errors as data (thrown here). */
export function apiOf(core: Core) {
  const dispatch = createDispatch(core);
  return async <M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = (await dispatch(method, args)) as Result<MethodOutput<M>>;
    if (!r.ok) throw new CallError(r.error);
    return r.value;
  };
}

export type Api = ReturnType<typeof apiOf>;

export const thisYear = new Date().getFullYear();

export async function templateId(core: Core): Promise<number> {
  return (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
}

export const unitData = (code: string, name: string, kind: UnitKind = 'ubnd_xa', activeFrom: string | null = null) => ({
  code,
  name,
  shortName: '',
  kind,
  parentId: null,
  email: '',
  contactPerson: '',
  phone: '',
  activeFrom,
  activeTo: null,
});

/** `n` units X001… of a kind, existing "from always" (activeFrom null) unless told. */
export async function addUnits(api: Api, n: number, kind: UnitKind = 'ubnd_xa', prefix = 'X'): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++)
    ids.push((await api('units.create', unitData(`${prefix}${String(i).padStart(3, '0')}`, `Xã số ${i}`, kind))).id);
  return ids;
}

/** Saves values and, when `received` is given, records the report as received that day. */
export async function sendReport(
  api: Api,
  periodId: number,
  unitId: number,
  values: Record<string, string | number | boolean | null>,
  received: string | null,
  acceptBreaches = false,
): Promise<void> {
  await api('reports.save', {
    periodId,
    unitId,
    values: Object.entries(values).map(([key, input]) => ({ key, input })),
  });
  if (received) await api('reports.submit', { periodId, unitId, receivedDate: received, acceptBreaches });
}
