// compile: this feature's slice of the contract, one line per method delegating to its services.
import path from 'node:path';
import type { Core } from '../../core/core';
import type { Handlers } from '../../core/handlers';
import { sessionSlot } from '../../core/session';
import { keepRead, keptRead } from '../../core/read-cache';
import { todayIso } from '../../../shared/format';
import { emailDraft, exportExcel, exportWord, openExportFolder } from './compile-export';
import { getCompileSettings, saveCompileSettings, showCompile } from './compile';
import { screenDraft, screenView, unitLines } from './compile-draft';
import type { WindowArgs } from './compile';

/** The folder of this session's last export, for "Mở thư mục". */
const LAST_FOLDER = sessionSlot('compile.last-folder', () => ({ folder: null as string | null }));

/** Notes where a file was saved and passes the result on. */
function remembered<T extends { path: string | null }>(core: Core, saved: T): T {
  if (saved.path) core.session.get(LAST_FOLDER).folder = path.dirname(saved.path);
  return saved;
}

/** The whole draft view of a window is kept until the data change; the screen gets it without unit lines, pages them. */
const draftKey = (a: WindowArgs) =>
  `draft ${JSON.stringify({ periodIds: a.periodIds, compareIds: a.compareIds, today: a.today ?? todayIso() })}`;
const keptDraft = (core: Core, a: WindowArgs) => keptRead(core.db, draftKey(a), () => screenDraft.get(core.db, a));

export const compileHandlers = {
  'compile.show': (core, a) => showCompile(core.db, a),
  'compile.draft': async (core, a) => {
    const d = await keptDraft(core, a);
    return { ...screenView(d), lines: a.lines && unitLines(d, a.lines.offset, a.lines.limit) };
  },
  'compile.refreshDraft': async (core, a) =>
    screenView(await keepRead(core.db, draftKey(a), await screenDraft.refresh(core.db, a))),
  'compile.saveDraft': async (core, a) =>
    screenView(await keepRead(core.db, draftKey(a), await screenDraft.save(core.db, a))),
  'compile.units': async (core, a) => unitLines(await keptDraft(core, a), a.offset, a.limit),
  'compile.settings': (core) => getCompileSettings(core.db),
  'compile.saveSettings': (core, a) => saveCompileSettings(core.db, a),
  'compile.exportWord': async (core, a) =>
    remembered(core, await exportWord(core.db, core.platform, core.dataDir, a, undefined, a)),
  'compile.exportExcel': async (core, a) => remembered(core, await exportExcel(core.db, core.platform, a)),
  'compile.email': async (core, a) => {
    const r = await emailDraft(core.db, core.platform, core.dataDir, a);
    if (r.folder) core.session.get(LAST_FOLDER).folder = r.folder;
    return r;
  },
  'compile.openFolder': (core) => openExportFolder(core.platform, core.session.get(LAST_FOLDER).folder),
} satisfies Partial<Handlers>;
