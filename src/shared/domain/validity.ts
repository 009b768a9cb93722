// Units in time: a unit reports from its first day (activeFrom, included) until the day it stops
// (activeTo, "thôi hoạt động từ", itself included in the stop): valid on D when
// activeFrom ≤ D < activeTo. A period expects the units valid on its data cut-off.
// Unit codes are compared after NFC and case folding ("ubnd-px1" is "UBND-PX1").
import type { Unit } from '../model/unit';

export function isActiveOn(u: Pick<Unit, 'activeFrom' | 'activeTo'>, day: string): boolean {
  return (!u.activeFrom || u.activeFrom <= day) && (!u.activeTo || day < u.activeTo);
}

/** Why a unit is not valid on a day, in Vietnamese; '' when it is. */
export function notValidReason(u: Pick<Unit, 'activeFrom' | 'activeTo'>, day: string): string {
  const fmt = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  if (u.activeFrom && u.activeFrom > day) return `bắt đầu hoạt động từ ${fmt(u.activeFrom)}`;
  if (u.activeTo && u.activeTo <= day) return `thôi hoạt động từ ${fmt(u.activeTo)}`;
  return '';
}

/** The key a unit code is unique by. */
export const unitCodeKey = (code: string): string => code.normalize('NFC').toLocaleLowerCase('vi');
