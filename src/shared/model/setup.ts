// The first-start checklist on Tổng quan: the five steps from an empty app to the first report
// received, each done or not from the data itself (never from a flag the user ticks).

export type SetupStepKey = 'agency' | 'units' | 'plans' | 'periods' | 'reports';

export interface SetupStep {
  key: SetupStepKey;
  done: boolean;
  /** How many there are (units, plans, periods, reports received); 1/0 for the agency. */
  count: number;
}

export interface SetupProgress {
  steps: SetupStep[];
  /** Every step done: the checklist steps aside. */
  complete: boolean;
}
