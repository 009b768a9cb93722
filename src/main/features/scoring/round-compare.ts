// Kết quả against last year's round (issue 20): the latest round of the year before on the same
// criteria set (any version), its scores read onto this round's units through the lineage of the
// reorganisations between the two years (shared/domain/restate-scores.ts says how).
import { formatDateShort } from '../../../shared/format';
import { partsAcross } from '../../../shared/domain/restate';
import { scoresAcross } from '../../../shared/domain/restate-scores';
import type { PreviousRound, RankingRow, RoundResults } from '../../../shared/model/scoring';
import { lineageAcross } from '../compile/restated';
import type { Executor } from '../../db/executor';

export const SCORES_FOOTNOTE = 'Điểm năm trước được quy đổi theo đơn vị hành chính mới';

export async function previousRound(
  db: Executor,
  round: { id: number; year: number; setId: number },
  ranking: RankingRow[],
  load: (roundId: number) => Promise<RoundResults>,
): Promise<PreviousRound | null> {
  const prev = await db
    .selectFrom('scoring_rounds as r')
    .innerJoin('scoring_sets as s', 's.id', 'r.set_id')
    .innerJoin('scoring_sets as cur', 'cur.code', 's.code')
    .select('r.id')
    .where('cur.id', '=', round.setId)
    .where('r.year', '=', round.year - 1)
    .where('r.id', '!=', round.id)
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  if (!prev) return null;
  const last = await load(prev.id);
  // Units reorganised after last year's round (its year's end) up to this round's year end.
  const links = await lineageAcross(db, `${round.year - 1}-12-31`, `${round.year}-12-31`);
  const parts = partsAcross(
    links,
    `${round.year - 1}-12-31`,
    `${round.year}-12-31`,
    last.ranking.map((r) => r.unitId),
  );
  const rows = scoresAcross(
    ranking.map((r) => ({ unitId: r.unitId, total: r.total })),
    last.ranking.map((r) => ({
      unitId: r.unitId,
      code: r.unitCode,
      name: r.unitName,
      total: r.total,
      rankLabel: r.rankLabel,
    })),
    parts,
  );
  const moved = rows.some((r) => r.sources.some((s) => s.unitId !== r.unitId));
  const dates = [...new Set(links.map((l) => formatDateShort(l.date)))].join(', ');
  return {
    round: {
      id: last.round.id,
      name: last.round.name,
      year: last.round.year,
      setName: last.round.setName,
      setVersion: last.round.setVersion,
    },
    rows,
    footnote: moved
      ? `${SCORES_FOOTNOTE} (sắp xếp đơn vị từ ngày ${dates}): đơn vị tiếp nhận nguyên một đơn vị cũ được so với điểm và hạng năm trước của đơn vị đó; đơn vị hình thành từ nhiều đơn vị cũ hoặc từ một phần đơn vị chia tách không so sánh được, vì điểm chấm không cộng, chia theo tỷ lệ hay lấy bình quân được.`
      : '',
  };
}
