// Moving between the reporting screens with a selection (a period, a unit's report): the hash
// picks the screen, this remembers what to open there.
const KEY = 'bcnv.reporting.target';
export const NAV_EVENT = 'bcnv-reporting-nav';

export interface ReportingTarget {
  periodId?: number;
  unitId?: number;
}

export function readTarget(): ReportingTarget {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as ReportingTarget;
  } catch {
    return {};
  }
}

export function goTo(
  route: 'tong-quan' | 'ky-bao-cao' | 'bao-cao-don-vi' | 'mau-bao-cao' | 'van-ban',
  target: ReportingTarget = {},
): void {
  sessionStorage.setItem(KEY, JSON.stringify({ ...readTarget(), ...target }));
  if (window.location.hash !== `#/${route}`) window.location.hash = `#/${route}`;
  window.dispatchEvent(new Event(NAV_EVENT));
}

export function rememberTarget(target: ReportingTarget): void {
  sessionStorage.setItem(KEY, JSON.stringify({ ...readTarget(), ...target }));
}
