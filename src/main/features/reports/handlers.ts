// reports: this feature's slice of the contract, one line per method delegating to its services.
import type { Core } from '../../core/core';
import type { Handlers } from '../../core/handlers';
import { setupProgress } from './setup-steps';
import { getReportForm, reportHistory, reportSnapshot, saveReportValues } from './reports';
import { acceptReport, reopenReport, returnReport, submitReport, transitionReport } from './approval';
import { boardPage, periodBoard, reportingTrend } from './board';
import { sqlBoardPage } from './board-page';
import { buildReminder } from './reminders';
import { exportDocument } from '../documents/documents';
import { getPeriod } from '../periods/periods';
import { SMALL_LIMIT, keptRead } from '../../core/read-cache';
import { unitChoices } from './unit-choices';
import { todayIso } from '../../../shared/format';

/** The board is worked out once per period and day until the data change; its pages are cut from it. */
const keptBoard = (core: Core, periodId: number, asOf: string) =>
  keptRead(core.db, `board ${periodId} ${asOf}`, () => periodBoard(core.db, periodId, asOf));

export const reportsHandlers = {
  'reports.form': (core, a) => getReportForm(core.db, a.periodId, a.unitId),
  'reports.save': (core, a) => saveReportValues(core.db, a),
  'reports.transition': (core, a) => transitionReport(core.db, a),
  'reports.submit': (core, a) => submitReport(core.db, a),
  'reports.accept': (core, a) => acceptReport(core.db, a),
  'reports.return': (core, a) => returnReport(core.db, a),
  'reports.reopen': (core, a) => reopenReport(core.db, a),
  'reports.history': (core, a) => reportHistory(core.db, a.periodId, a.unitId),
  'reports.snapshot': (core, a) => reportSnapshot(core.db, a.periodId, a.unitId, a.revision),
  'dashboard.board': (core, a) => keptBoard(core, a.periodId, a.asOf ?? a.today ?? todayIso()),
  'dashboard.page': (core, a) => {
    const asOf = a.asOf ?? todayIso();
    // read by the database where the plain read applies, else cut from the whole board; kept until
    // the data change, as the whole board is, so a chip or period seen again costs no query (a page
    // of the screen's size with the small reads: the pages of every period stay kept)
    return keptRead(
      core.db,
      `board page ${a.periodId} ${asOf} ${a.filter} ${a.offset} ${a.limit}`,
      async () => {
        const page = await sqlBoardPage(core.db, a.periodId, asOf, a.filter, a.offset, a.limit);
        return page ?? boardPage(await keptBoard(core, a.periodId, asOf), a.filter, a.offset, a.limit);
      },
      a.limit <= SMALL_LIMIT ? 'small' : 'large',
    );
  },
  'reports.unitChoices': async (core, a) =>
    unitChoices(core.db, await keptBoard(core, a.periodId, todayIso()), a.search, a.offset, a.limit),
  'reports.reminder': async (core, a) =>
    exportDocument(core.db, core.platform, await buildReminder(core.db, a), a.takeNumber, undefined, undefined, a, {
      type: 'reminder',
      parts: [(await getPeriod(core.db, a.periodId)).name],
    }),
  'dashboard.setup': (core) => setupProgress(core.db),
  'dashboard.trend': (core, a) => {
    const asOf = a.asOf ?? a.today ?? todayIso();
    return keptRead(core.db, `trend ${a.limit} ${asOf}`, () => reportingTrend(core.db, a.limit, asOf), 'small');
  },
} satisfies Partial<Handlers>;
