// Small shared checks and inputs of the service tests: a refusal awaited, a unit with only a code.
import { expect } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { UnitData } from '../../src/main/features/units/units';

/** Awaits `p`, which must be refused with an AppError whose message matches `pattern`. */
export async function expectAppError(p: Promise<unknown>, pattern: RegExp): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(pattern);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

/** A unit's input with a code and nothing else to say: named “Đơn vị CODE”, a sở/ngành, always active. */
export function blankUnit(code: string, over: Partial<UnitData> = {}): UnitData {
  return {
    code,
    name: `Đơn vị ${code}`,
    shortName: '',
    kind: 'so_nganh',
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
    ...over,
  };
}
