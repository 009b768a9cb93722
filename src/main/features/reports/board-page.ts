// One page of a period's board (dashboard.page) read by the database, not cut from the whole board:
// the usual board (every report kept on the day: today, data written by the app) is counted by a
// GROUP BY over the period's reports (in the list or not) and the list's count — a few groups
// (status, day received, rules broken or not), each judged once by the one status model
// (standingOf, matchesFilter) — and a chip's page is the rows of its groups, ORDER BY … LIMIT: a thousand
// units no longer cross into JavaScript to show sixty (issue 17). Anything else (a day in the past,
// older rows, a breach count not kept on the report's revision, the data changed between the two
// reads) answers null, and the caller cuts the page from the whole board (board.ts) as before.
// tests/unit/board-page.test.ts checks both answers byte for byte, on both engines.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import { engineOf } from '../../db/database';
import { keptRead } from '../../core/read-cache';
import { daysBetween } from '../../../shared/domain/periods';
import { countStandingGroups, matchesFilter } from '../../../shared/domain/report-status';
import type { BoardChip, BoardPage, Channel, ReportStatus, Standing, StatusCounts } from '../../../shared/model/report';
import type { Period } from '../../../shared/model/period';
import type { UnitKind } from '../../../shared/model/unit';
import { getPeriod } from '../periods/periods';
import { expectedIdsQuery } from '../periods/expected';
import { boardRow, standingsOn } from './board';
import { keptTest, lastEventJoin } from './standings-sql';

/** Units sharing a standing: listed (expected) or from outside the list, with its key in SQL. */
interface Group {
  listed: boolean;
  key: string;
  standing: Standing;
  n: number;
}

/** What every page of a period's board on a day shares: kept until the data change. */
interface Head {
  period: Period;
  counts: StatusCounts;
  daysLeft: number;
  outside: number;
  groups: Group[];
}

const RECEIVED = sql.raw(`('da_nop', 'da_duyet')`);

/*
 * A report's row (`r`, or none: a unit with nothing) as the plain read of kept rows gives it
 * (standings-sql.ts, keptReportsAsOf): its status, the day received (received statuses only), the
 * rules broken (0 when not submitted) and the flag it is grouped by (1: some, 0: none, -1: not
 * counted on the report's revision: the whole board judges them).
 */
const statusSql = sql`COALESCE(r.status, 'chua_nop')`;
const recvSql = (day: RawBuilder<unknown>) =>
  sql`CASE WHEN r.status IN ${RECEIVED} THEN COALESCE(r.received_date, ${day}) END`;
const brokenSql = sql`CASE WHEN r.id IS NULL OR r.status = 'chua_nop' THEN 0
  WHEN r.breach_revision = r.revision THEN r.breach_count END`;
const flagSql = sql`CASE WHEN r.id IS NULL OR r.status = 'chua_nop' THEN 0
  WHEN r.breach_revision = r.revision AND r.breach_count > 0 THEN 1
  WHEN r.breach_revision = r.revision AND r.breach_count IS NOT NULL THEN 0 ELSE -1 END`;
/** A group's key as SQL writes it from a report's row, and as it is written here. */
const keySql = (day: RawBuilder<unknown>) =>
  sql`${statusSql} || '|' || COALESCE(${recvSql(day)}, '') || '|' || CAST(${flagSql} AS TEXT)`;
const keyOf = (status: string, recv: string | null, flag: number) => `${status}|${recv ?? ''}|${flag}`;

/** The counts and groups of the board, or null when the plain read does not apply. */
async function boardHead(db: Kysely<DB>, periodId: number, asOf: string): Promise<Head | null> {
  const period = await getPeriod(db, periodId);
  const day = sql`CAST(${asOf} AS TEXT)`;
  const ex = expectedIdsQuery(db, period);
  // one pass over the period's reports (in the list or not, kept on the day or not); the listed
  // units without a report are the list's count less the listed reports
  const r = await sql<{ listed: number; status: string; recv: string | null; flag: number; kept: number; n: number }>`
    SELECT CASE WHEN r.unit_id IN ${ex} THEN 1 ELSE 0 END AS listed, r.status, ${recvSql(day)} AS recv,
      ${flagSql} AS flag, MIN(CASE WHEN ${keptTest(day)} THEN 1 ELSE 0 END) AS kept, COUNT(*) AS n,
      (SELECT COUNT(*) FROM ${ex} AS ex) AS listed_count
    FROM reports r ${lastEventJoin} WHERE r.period_id = ${periodId}
    GROUP BY 1, 2, 3, 4`.execute(db);
  // a report not kept on the day, or whose rules were not counted on its revision: the whole board
  if (r.rows.some((g) => Number(g.kept) !== 1 || Number(g.flag) < 0)) return null;
  const counted = r.rows.map((g) => ({
    listed: Number(g.listed) === 1,
    status: g.status as ReportStatus,
    recv: g.recv,
    flag: Number(g.flag),
    n: Number(g.n),
  }));
  const listedCount = r.rows.length
    ? Number((r.rows[0] as unknown as { listed_count: number }).listed_count)
    : Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${ex} AS ex`.execute(db)).rows[0]!.n);
  const nothing = listedCount - counted.reduce((t, g) => (g.listed ? t + g.n : t), 0);
  if (nothing > 0) {
    const same = counted.find((g) => g.listed && keyOf(g.status, g.recv, g.flag) === keyOf('chua_nop', null, 0));
    if (same) same.n += nothing;
    else counted.push({ listed: true, status: 'chua_nop', recv: null, flag: 0, n: nothing });
  }
  const standing = standingsOn(period, asOf);
  const groups = counted.map((g) => ({
    listed: g.listed,
    key: keyOf(g.status, g.recv, g.flag),
    standing: standing(g.status, g.recv, g.flag),
    n: g.n,
  }));
  return {
    period,
    counts: countStandingGroups(groups.filter((g) => g.listed)),
    daysLeft: daysBetween(asOf, period.deadline),
    // reports of units outside the list are shown but not counted; units with nothing are left out
    outside: groups.reduce((t, g) => (!g.listed && g.standing.status !== 'chua_nop' ? t + g.n : t), 0),
    groups,
  };
}

/**
 * The page of `filter` from `offset`, as boardPage cuts it from the whole board, or null when the
 * plain read does not apply (then the caller cuts it from the whole board).
 */
export async function sqlBoardPage(
  db: Kysely<DB>,
  periodId: number,
  asOf: string,
  filter: BoardChip,
  offset: number,
  limit: number,
): Promise<BoardPage | null> {
  const engine = engineOf(db);
  // the counts and the rows come from two reads: the same data only if nothing was written in
  // between (on a server, any transaction moves the stamp: tried again, then left to the whole board)
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await engine.readStamp(db);
    if (before === null) return null;
    const head = await keptRead(db, `board head ${periodId} ${asOf}`, () => boardHead(db, periodId, asOf), 'small');
    if (!head) return null;
    const outsiders = filter === 'ngoai_danh_sach';
    const under = head.groups.filter((g) =>
      outsiders ? !g.listed && g.standing.status !== 'chua_nop' : g.listed && matchesFilter(g.standing, filter),
    );
    const total = under.reduce((t, g) => t + g.n, 0);
    const rows = total > offset ? await pageRows(db, head, asOf, under, offset, limit) : [];
    if ((await engine.readStamp(db)) !== before) continue;
    const { period, counts, daysLeft, outside } = head;
    // the fields in boardPage's order: the same JSON
    return { period, asOf, counts, daysLeft, filter, total, offset, rows, outside };
  }
  return null;
}

/** The rows of these groups in the register's order, from `offset`. */
async function pageRows(db: Kysely<DB>, head: Head, asOf: string, under: Group[], offset: number, limit: number) {
  const listed = under[0]!.listed;
  const day = sql`CAST(${asOf} AS TEXT)`;
  const ex = expectedIdsQuery(db, head.period);
  const joined = sql`LEFT JOIN reports r ON r.period_id = ${head.period.id} AND r.unit_id = u.id`;
  const cols = sql`u.id AS unit_id, u.code, u.name, u.kind, ${statusSql} AS status, ${recvSql(day)} AS recv,
    r.channel, ${brokenSql} AS broken`;
  const order = sql`ORDER BY u.sort_order, u.code`;
  const window = sql`LIMIT ${limit} OFFSET ${offset}`;
  const query = !listed
    ? // outsiders: every report of a unit outside the list but those with nothing
      sql`SELECT ${cols} FROM reports r JOIN units u ON u.id = r.unit_id
        WHERE r.period_id = ${head.period.id} AND r.unit_id NOT IN ${ex} AND r.status <> 'chua_nop' ${order} ${window}`
    : under.length === head.groups.filter((g) => g.listed).length
      ? // every listed unit: the window of units first, then their reports (not a thousand joined to sort them)
        sql`SELECT ${cols} FROM (SELECT u.id, u.code, u.name, u.kind, u.sort_order FROM ${ex} AS ex
          JOIN units u ON u.id = ex.id ${order} ${window}) AS u ${joined} ${order}`
      : sql`SELECT ${cols} FROM ${ex} AS ex JOIN units u ON u.id = ex.id ${joined}
        WHERE ${keySql(day)} IN (${sql.join(under.map((g) => g.key))}) ${order} ${window}`;
  const r = await sql<{
    unit_id: number;
    code: string;
    name: string;
    kind: string;
    status: string;
    recv: string | null;
    channel: string | null;
    broken: number | null;
  }>`${query}`.execute(db);
  const standing = standingsOn(head.period, asOf);
  return r.rows.map((x) =>
    boardRow(
      { id: Number(x.unit_id), code: x.code, name: x.name, kind: x.kind as UnitKind },
      listed,
      x.channel as Channel | null,
      standing(x.status as ReportStatus, x.recv, Number(x.broken ?? 0)),
    ),
  );
}
