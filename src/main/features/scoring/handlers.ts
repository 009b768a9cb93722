// scoring: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { exportFileName } from '../../platform/export-names';
import { saveExport } from '../../platform/exports';
import {
  deleteCriteriaSet,
  exportCriteriaSetJson,
  getCriteriaSet,
  importCriteriaSet,
  listCriteriaSets,
  saveCriteriaSet,
} from './criteria-sets';
import { addEvidence, openEvidence, removeEvidence } from './scoring-evidence';
import { approveScoring, getUnitScoring, reopenScoring, saveScores } from './unit-scoring';
import { changeRoundUnits, createRound, deleteRound, getRound, listRounds, roundCandidates } from './rounds';
import { roundResults } from './round-results';
import { exportScoringBook, exportScoringDocx, exportScoringXlsx, importScoringBook } from './scoring-files';

export const scoringHandlers = {
  'scoring.sets.list': (core) => listCriteriaSets(core.db),
  'scoring.sets.get': (core, a) => getCriteriaSet(core.db, a.id),
  'scoring.sets.save': (core, a) =>
    saveCriteriaSet(core.db, a.id, a.content, new Date(), undefined, a.expectedUpdatedAt),
  'scoring.sets.delete': (core, a) => deleteCriteriaSet(core.db, a.id),
  'scoring.sets.import': (core, a) => importCriteriaSet(core.db, a.fileName, a.data),
  'scoring.sets.export': async (core, a) => {
    const s = await getCriteriaSet(core.db, a.id);
    return saveExport(
      core.platform,
      exportFileName('criteriaSet', [s.code, `v${s.version}`], 'json'),
      [{ name: 'Bộ tiêu chí (JSON)', extensions: ['json'] }],
      exportCriteriaSetJson(s),
    );
  },
  'scoring.rounds.list': (core) => listRounds(core.db),
  'scoring.rounds.get': (core, a) => getRound(core.db, a.id),
  'scoring.rounds.create': (core, a) => createRound(core.db, a),
  'scoring.rounds.delete': (core, a) => deleteRound(core.db, a.id),
  'scoring.rounds.candidates': (core, a) => roundCandidates(core.db, a.roundId),
  'scoring.rounds.units': (core, a) => changeRoundUnits(core.db, a.roundId, a.add, a.remove),
  'scoring.unit.get': (core, a) => getUnitScoring(core.db, a.roundId, a.unitId),
  'scoring.unit.save': (core, a) => saveScores(core.db, a),
  'scoring.unit.approve': (core, a) => approveScoring(core.db, a.roundId, a.unitId, a.note, a.actor),
  'scoring.unit.reopen': (core, a) => reopenScoring(core.db, a.roundId, a.unitId, a.reason, a.actor),
  'scoring.evidence.add': (core, a) =>
    addEvidence(core.db, core.dataDir, a.roundId, a.unitId, a.itemCode, a.file.fileName, a.file.data),
  'scoring.evidence.remove': (core, a) => removeEvidence(core.db, a.roundId, a.unitId, a.evidenceId),
  'scoring.evidence.open': (core, a) => openEvidence(core.db, core.dataDir, core.platform, a.evidenceId),
  'scoring.workbook.export': (core, a) => exportScoringBook(core.db, core.platform, a.roundId, a.unitId),
  'scoring.workbook.import': (core, a) => importScoringBook(core.db, a.roundId, a.file.fileName, a.file.data),
  'scoring.results': (core, a) => roundResults(core.db, a.roundId),
  'scoring.export.docx': (core, a) => exportScoringDocx(core.db, core.platform, a.roundId, a.takeNumber, undefined, a),
  'scoring.export.xlsx': (core, a) => exportScoringXlsx(core.db, core.platform, a.roundId),
} satisfies Partial<Handlers>;
