// One page of a period's board (dashboard.page) without building the whole board (issue 17): the
// chips' counts from the few groups of standings the database counts (status, received date,
// rules broken or not), the page's rows by ORDER BY … LIMIT. The rule stays in the one status
// model: each group is judged once by `standingOf`/`matchesFilter` (shared/domain/report-status.ts)
// and the page asks for the rows of the groups its chip matches. The rows and order are
// `periodBoard`'s (board.ts): the expected units in the register's order, then the reports of
// units outside the list that are not "chưa nộp". Reports whose breach count was not kept with
// their revision (older data) are judged from their values by the whole board, so such a period's
// page is still cut from it. tests/unit/board-page.test.ts checks page = whole board.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { daysBetween } from '../../../shared/domain/periods';
import { countStandings, matchesFilter, standingOf } from '../../../shared/domain/report-status';
import type { Board, BoardChip, BoardPage, BoardRow, Channel, ReportStatus } from '../../../shared/model/report';
import type { Period } from '../../../shared/model/period';
import type { UnitKind } from '../../../shared/model/unit';
import { expectedIdsQuery } from '../periods/expected';
import { getPeriod } from '../periods/periods';
import { boardPage } from './board';
import { reportsAsOfQuery } from './standings-sql';

interface Row {
  expected: number;
  unit_id: number;
  code: string;
  name: string;
  kind: string;
  status: string;
  received_date: string | null;
  channel: string | null;
  breach_count: number | null;
  /** Rules broken: 1 yes, 0 no (or "chưa nộp": nothing to check), -1 not kept with the revision. */
  br: number;
  gk: string;
}

/** The board's rows as a query: expected units, then outsiders' reports; `gk` names a row's group. */
function boardRows(db: Kysely<DB>, period: Period, asOf: string) {
  const ex = expectedIdsQuery(db, period);
  return sql`
    WITH s AS (${reportsAsOfQuery(period.id, asOf)}),
    ex AS (SELECT ex0.id FROM ${ex} AS ex0),
    b AS (
      SELECT 1 AS expected, u.id AS unit_id, u.code, u.name, u.kind, u.sort_order,
        COALESCE(s.status, 'chua_nop') AS status, s.received_date, s.channel, s.breach_count
      FROM ex JOIN units u ON u.id = ex.id LEFT JOIN s ON s.unit_id = u.id
      UNION ALL
      SELECT 0, s.unit_id, s.code, s.name, s.kind, s.sort_order, s.status, s.received_date, s.channel, s.breach_count
      FROM s WHERE s.status <> 'chua_nop' AND s.unit_id NOT IN (SELECT ex.id FROM ex)
    ),
    k AS (
      SELECT b.*, CASE WHEN b.status = 'chua_nop' THEN 0 WHEN b.breach_count IS NULL THEN -1
        WHEN b.breach_count > 0 THEN 1 ELSE 0 END AS br
      FROM b
    ),
    g AS (
      SELECT k.*, CAST(k.expected AS TEXT) || '|' || k.status || '|' || COALESCE(k.received_date, '') || '|' ||
        CAST(k.br AS TEXT) AS gk
      FROM k
    )`;
}

/**
 * The page of `filter` from `offset` of the period's board on `asOf`, equal to
 * `boardPage(await periodBoard(…))`; `whole` gives that board when the page cannot be cut here.
 */
export async function periodBoardPage(
  db: Kysely<DB>,
  periodId: number,
  asOf: string,
  filter: BoardChip,
  offset: number,
  limit: number,
  whole: () => Promise<Board>,
): Promise<BoardPage> {
  const period = await getPeriod(db, periodId);
  const rows = boardRows(db, period, asOf);
  const groups = (
    await sql<Row & { n: number }>`${rows}
      SELECT g.gk, MAX(g.expected) AS expected, MAX(g.status) AS status, MAX(g.received_date) AS received_date,
        MAX(g.br) AS br, COUNT(*) AS n
      FROM g GROUP BY g.gk`.execute(db)
  ).rows.map((x) => ({
    key: x.gk,
    expected: Number(x.expected) === 1,
    br: Number(x.br),
    n: Number(x.n),
    standing: standingOf(x.status as ReportStatus, x.received_date, period.deadline, asOf, Number(x.br)),
  }));
  if (groups.some((x) => x.br < 0)) return boardPage(await whole(), filter, offset, limit);
  const listed = groups.filter((x) => x.expected);
  const under = groups.filter((x) =>
    filter === 'ngoai_danh_sach' ? !x.expected : x.expected && matchesFilter(x.standing, filter),
  );
  const page = under.length
    ? (
        await sql<Row>`${rows}
          SELECT g.* FROM g WHERE g.gk IN (${sql.join(under.map((x) => x.key))})
          ORDER BY g.sort_order, g.code LIMIT ${limit} OFFSET ${offset}`.execute(db)
      ).rows
    : [];
  const sum = (list: typeof groups) => list.reduce((a, x) => a + x.n, 0);
  return {
    period,
    asOf,
    // each group counted as its rows: the same count as the whole board's, one standing per group
    counts: countStandings(listed.flatMap((x) => new Array<(typeof x)['standing']>(x.n).fill(x.standing))),
    daysLeft: daysBetween(asOf, period.deadline),
    filter,
    total: sum(under),
    offset,
    rows: page.map(rowOf(period.deadline, asOf)),
    outside: sum(groups.filter((x) => !x.expected)),
  };
}

const rowOf =
  (deadline: string, asOf: string) =>
  (r: Row): BoardRow => {
    const status = r.status as ReportStatus;
    return {
      unitId: Number(r.unit_id),
      unitCode: r.code,
      unitName: r.name,
      unitKind: r.kind as UnitKind,
      expected: Number(r.expected) === 1,
      channel: status === 'chua_nop' ? null : (r.channel as Channel | null),
      ...standingOf(status, r.received_date, deadline, asOf, status === 'chua_nop' ? 0 : Number(r.breach_count ?? 0)),
    };
  };
