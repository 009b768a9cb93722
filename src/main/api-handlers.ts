// The implementation of every contract method: one line each, delegating to a service.
// The type below makes a missing or mistyped method a compile error.
import type { Core } from './core/core';
import type { MethodArgs, MethodName, MethodOutput } from '../shared/contract';
import { getAgency, saveAgency } from './features/agency/agency';
import { closeUnit, createUnit, getUnit, listUnits, mergeUnits, moveUnit, reopenUnit, unitHistory, updateUnit } from './features/units/units';
import { commitUnitImport, exportUnitWorkbook, previewUnitImport } from './features/units/unit-import';
import { saveExport } from './platform/exports';
import { currentSchemaVersion } from './db/migrate';
import { createPlan, deletePlan, getPlan, importPlan, listPlans, updatePlan } from './features/plans/plans';
import { copyTemplate, deleteTemplate, exportTemplateJson, getTemplate, importTemplate, listTemplates, saveTemplate } from './features/templates/templates';
import { createPeriod, deletePeriod, getPeriod, listPeriods, periodExpectedUnits, previewPeriod, updatePeriod } from './features/periods/periods';
import { getHolidays, saveHolidays } from './features/periods/holidays';
import { getReportForm, reportHistory, reportSnapshot, saveReportValues, transitionReport } from './features/reports/reports';
import { periodBoard, reportingTrend } from './features/reports/board';
import { buildReminder } from './features/reports/reminders';
import { listRegister, peekNextNumber } from './features/documents/register';
import { exportDocument, saveSample } from './features/documents/documents';
import { emailDraft, exportExcel, exportWord, getCompileSettings, getDraft, openExportFolder, refreshDraft, saveCompileSettings, saveDraft, showCompile } from './features/compile/compile';
import { getDocumentSettings, saveDocumentSettings } from './features/documents/document-settings';
import { inspectBackup, listBackups, manualBackup, restoreBackup, setBackupKeep } from './features/safety/backups';
import { exportPackage, importPackage, inspectPackage } from './features/safety/package';
import { auditWorkbook, listAudit } from './features/safety/audit-log';
import { emptyTrash, listTrash, restoreFromTrash } from './features/safety/trash';
import { deleteCriteriaSet, exportCriteriaSetJson, getCriteriaSet, importCriteriaSet, listCriteriaSets, saveCriteriaSet } from './features/scoring/criteria-sets';
import { addEvidence, approveScoring, changeRoundUnits, createRound, deleteRound, getRound, getUnitScoring, listRounds, openEvidence, removeEvidence, reopenScoring, roundCandidates, roundResults, saveScores } from './features/scoring/rounds';
import { exportScoringBook, exportScoringDocx, exportScoringXlsx, importScoringBook } from './features/scoring/scoring-files';
import { analyzeCollect, commitCollect, exportCollect } from './features/collect/collect';
import { jobProgress } from './core/jobs';

import { exportPlanDocx, parsePlanImport, savePlanImport } from './features/plan-import/plan-import';

export type Handlers = { [M in MethodName]: (core: Core, args: MethodArgs<M>) => Promise<MethodOutput<M>> };

export const handlers: Handlers = {
  'collect.export': (core, a) => exportCollect(core, a),
  'collect.analyze': (core, a) => analyzeCollect(core, a.periodId, a.files, a.jobId),
  'collect.commit': (core, a) => commitCollect(core, a.batchId, a.accept, a.actor),
  'jobs.progress': async (_core, a) => jobProgress(a.jobId),
  'app.info': async (core) => ({
    version: core.version,
    dbPath: core.conn.path,
    dataDir: core.dataDir,
    schemaVersion: await currentSchemaVersion(core.conn),
  }),
  'agency.get': (core) => getAgency(core.db),
  'agency.save': (core, a) => saveAgency(core.db, a),
  'units.list': (core, a) => listUnits(core.db, a),
  'units.get': (core, a) => getUnit(core.db, a.id),
  'units.create': (core, a) => createUnit(core.db, a),
  'units.update': (core, a) => updateUnit(core.db, a.id, a.unit),
  'units.close': (core, a) => closeUnit(core.db, a.id, a.date),
  'units.reopen': (core, a) => reopenUnit(core.db, a.id),
  'units.merge': (core, a) => mergeUnits(core.db, a.sourceId, a.targetId, a.date),
  'units.move': (core, a) => moveUnit(core.db, a.id, a.direction),
  'units.history': (core, a) => unitHistory(core.db, a.id),
  'units.importPreview': (core, a) => previewUnitImport(core.db, a.fileName, a.data),
  'units.importCommit': (core, a) => commitUnitImport(core.db, a.fileName, a.data),
  'units.exportXlsx': async (core) =>
    saveExport(core.platform, `danh-sach-don-vi.xlsx`, [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }], await exportUnitWorkbook(core.db)),
  'plans.list': (core) => listPlans(core.db),
  'plans.get': (core, a) => getPlan(core.db, a.id),
  'plans.create': (core, a) => createPlan(core.db, a),
  'plans.update': (core, a) => updatePlan(core.db, a.id, a.plan),
  'plans.delete': (core, a) => deletePlan(core.db, a.id),
  'plans.import': (core, a) => importPlan(core.db, a.fileName, a.data),
  'templates.list': (core) => listTemplates(core.db),
  'templates.get': (core, a) => getTemplate(core.db, a.id),
  'templates.save': (core, a) => saveTemplate(core.db, a.id, a.content),
  'templates.copy': (core, a) => copyTemplate(core.db, a.id, a.code, a.name),
  'templates.delete': (core, a) => deleteTemplate(core.db, a.id),
  'templates.export': async (core, a) => {
    const t = await getTemplate(core.db, a.id);
    return saveExport(core.platform, `mau-${t.code}-v${t.version}.json`, [{ name: 'Mẫu báo cáo (JSON)', extensions: ['json'] }], exportTemplateJson(t));
  },
  'templates.import': (core, a) => importTemplate(core.db, a.fileName, a.data),
  'periods.preview': (core, a) => previewPeriod(core.db, a),
  'periods.create': (core, a) => createPeriod(core.db, a),
  'periods.update': (core, a) => updatePeriod(core.db, a.id, a.period),
  'periods.list': (core) => listPeriods(core.db),
  'periods.get': (core, a) => getPeriod(core.db, a.id),
  'periods.delete': (core, a) => deletePeriod(core.db, a.id),
  'periods.expectedUnits': (core, a) => periodExpectedUnits(core.db, a.id),
  'periods.holidays': (core) => getHolidays(core.db),
  'periods.saveHolidays': (core, a) => saveHolidays(core.db, a.holidays),
  'reports.form': (core, a) => getReportForm(core.db, a.periodId, a.unitId),
  'reports.save': (core, a) => saveReportValues(core.db, a),
  'reports.transition': (core, a) => transitionReport(core.db, a),
  'reports.history': (core, a) => reportHistory(core.db, a.periodId, a.unitId),
  'reports.snapshot': (core, a) => reportSnapshot(core.db, a.periodId, a.unitId, a.revision),
  'dashboard.board': (core, a) => periodBoard(core.db, a.periodId, a.today ?? undefined),
  'reports.reminder': async (core, a) => exportDocument(core.db, core.platform, await buildReminder(core.db, a), a.takeNumber),
  'dashboard.trend': (core, a) => reportingTrend(core.db, a.limit, a.today ?? undefined),
  'register.list': (core, a) => listRegister(core.db, a),
  'register.next': async (core, a) => ({ number: await peekNextNumber(core.db, a.documentType, a.year) }),
  'documents.export': (core, a) => exportDocument(core.db, core.platform, a.model, a.takeNumber),
  'documents.sample': (core, a) => saveSample(core.db, core.platform, a.kind, a.date),
  'backups.list': (core) => listBackups(core),
  'backups.setKeep': (core, a) => setBackupKeep(core, a.keep),
  'backups.create': (core) => manualBackup(core),
  'backups.inspect': (core, a) => inspectBackup(core, a.name),
  'backups.restore': (core, a) => restoreBackup(core, a.token),
  'package.export': (core) => exportPackage(core),
  'package.inspect': (core) => inspectPackage(core),
  'package.import': (core, a) => importPackage(core, a.token),
  'audit.list': (core, a) => listAudit(core.db, a),
  'audit.export': async (core, a) =>
    saveExport(core.platform, 'nhat-ky-thay-doi.xlsx', [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }], await auditWorkbook(core.db, a)),
  'trash.list': (core) => listTrash(core.db),
  'trash.restore': (core, a) => restoreFromTrash(core.db, a.id),
  'trash.empty': (core, a) => emptyTrash(core.db, a.ids),
  'scoring.sets.list': (core) => listCriteriaSets(core.db),
  'scoring.sets.get': (core, a) => getCriteriaSet(core.db, a.id),
  'scoring.sets.save': (core, a) => saveCriteriaSet(core.db, a.id, a.content),
  'scoring.sets.delete': (core, a) => deleteCriteriaSet(core.db, a.id),
  'scoring.sets.import': (core, a) => importCriteriaSet(core.db, a.fileName, a.data),
  'scoring.sets.export': async (core, a) => {
    const s = await getCriteriaSet(core.db, a.id);
    return saveExport(core.platform, `bo-tieu-chi-${s.code}-v${s.version}.json`, [{ name: 'Bộ tiêu chí (JSON)', extensions: ['json'] }], exportCriteriaSetJson(s));
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
  'scoring.evidence.add': (core, a) => addEvidence(core.db, core.dataDir, a.roundId, a.unitId, a.itemCode, a.file.fileName, a.file.data),
  'scoring.evidence.remove': (core, a) => removeEvidence(core.db, a.roundId, a.unitId, a.evidenceId),
  'scoring.evidence.open': (core, a) => openEvidence(core.db, core.dataDir, core.platform, a.evidenceId),
  'scoring.workbook.export': (core, a) => exportScoringBook(core.db, core.platform, a.roundId, a.unitId),
  'scoring.workbook.import': (core, a) => importScoringBook(core.db, a.roundId, a.file.fileName, a.file.data),
  'scoring.results': (core, a) => roundResults(core.db, a.roundId),
  'scoring.export.docx': (core, a) => exportScoringDocx(core.db, core.platform, a.roundId, a.takeNumber),
  'scoring.export.xlsx': (core, a) => exportScoringXlsx(core.db, core.platform, a.roundId),
  'planImport.parse': (core, a) => parsePlanImport(core.db, a),
  'planImport.save': (core, a) => savePlanImport(core.db, a),
  'planImport.exportDocx': (core, a) => exportPlanDocx(core.db, core.platform, a.planId),
  'compile.show': (core, a) => showCompile(core.db, a),
  'compile.draft': (core, a) => getDraft(core.db, a),
  'compile.refreshDraft': (core, a) => refreshDraft(core.db, a),
  'compile.saveDraft': (core, a) => saveDraft(core.db, a),
  'compile.settings': (core) => getCompileSettings(core.db),
  'compile.saveSettings': (core, a) => saveCompileSettings(core.db, a),
  'compile.exportWord': (core, a) => exportWord(core.db, core.platform, a),
  'compile.exportExcel': (core, a) => exportExcel(core.db, core.platform, a),
  'compile.email': (core, a) => emailDraft(core.db, core.platform, a),
  'compile.openFolder': (core) => openExportFolder(core.db, core.platform),
  'documents.settings': (core) => getDocumentSettings(core.db),
  'documents.saveSettings': (core, a) => saveDocumentSettings(core.db, a),
};
