// Cài đặt → Cơ sở dữ liệu: the database open now, the one the next start opens (a choice kept on
// this computer, platform/database-choice.ts), the connection test, and copying all the data into
// an empty file or server database as a job. Switching takes effect on restart: a running app
// never swaps its database under the screens.
import path from 'node:path';
import type { z } from 'zod';
import type { Core } from '../../core/core';
import { sessionSlot } from '../../core/session';
import type { Job } from '../../core/jobs';
import { PostgresDatabase } from '../../db/postgres/database';
import { DB_FILE_NAME } from '../../platform/paths';
import {
  choiceLocation,
  pgpassFile,
  readChoice,
  serverUrl,
  shownChoice,
  writeChoice,
  type DatabaseChoice,
} from '../../platform/database-choice';
import { refuseNetworkShare } from '../../platform/network-share';
import type { databaseTarget } from '../../../shared/contract/database';
import type { DatabaseCheck, DatabaseState } from '../../../shared/model/database';
import { AppError } from '../../../shared/errors';
import { checkDatabase } from './database-check';
import { copyDatabase } from './database-copy';

type Target = z.output<typeof databaseTarget>;

/** The SQLite file last chosen in this session's dialog. */
const pickedFile = sessionSlot<{ file: string | null }>('database.pickedFile', () => ({ file: null }));

const DB_FILTERS = [{ name: 'Tệp dữ liệu Báo cáo Nội vụ', extensions: ['db'] }];

/** Where the open database can be opened again (a server's URL keeps its password here only). */
function openLocation(core: Core): string {
  const d = core.database;
  if (d instanceof PostgresDatabase) return d.url;
  if (!d.file) throw new AppError('NO_FILE', 'Dữ liệu đang mở chỉ nằm trong bộ nhớ: không có gì để chép.');
  return d.file;
}

export function databaseState(core: Core): DatabaseState {
  const saved = readChoice(core.local.choiceFile);
  const defaultFile = path.join(path.dirname(core.local.choiceFile), DB_FILE_NAME);
  const next = saved ?? { kind: 'sqlite' as const, file: defaultFile };
  const nextShown = shownChoice(next);
  const differs =
    next.kind !== core.database.engine.kind ||
    (next.kind === 'sqlite' ? path.resolve(next.file) !== core.database.file : nextShown !== core.database.location);
  return {
    kind: core.database.engine.kind,
    location: core.database.location,
    next: differs ? { kind: next.kind, location: nextShown } : null,
    fixedByCommandLine: core.local.fixedByCommandLine,
    choiceFile: core.local.choiceFile,
    passwordProtection: core.local.secrets ? 'os' : 'none',
    passwordFile: pgpassFile(),
  };
}

export async function pickDatabaseFile(core: Core, purpose: 'open' | 'new'): Promise<{ file: string | null }> {
  const file =
    purpose === 'open'
      ? await core.platform.chooseOpenPath(DB_FILTERS)
      : await core.platform.chooseSavePath(DB_FILE_NAME, DB_FILTERS);
  if (file) refuseNetworkShare(file);
  core.session.get(pickedFile).file = file;
  return { file };
}

/** The target as the choice kept on this computer (no password) and where to open it now. */
async function resolve(core: Core, target: Target, purpose: 'open' | 'new') {
  if (target.kind === 'sqlite') {
    let file =
      target.file === 'default'
        ? path.join(path.dirname(core.local.choiceFile), DB_FILE_NAME)
        : core.session.get(pickedFile).file;
    // From the command line nothing was picked before this call: the dialog is asked now (--open/--save).
    if (!file) file = (await pickDatabaseFile(core, purpose)).file;
    if (!file) throw new AppError('NO_FILE', 'Chưa chọn tệp dữ liệu.');
    refuseNetworkShare(file);
    const choice: DatabaseChoice = { kind: 'sqlite', file: path.resolve(file) };
    return { choice, location: choice.file };
  }
  const address = { host: target.host, port: target.port, database: target.database, user: target.user };
  const choice: DatabaseChoice = { kind: 'postgres', ...address };
  const password = target.password;
  if (!password) {
    // The password kept for this very server and user, if any; else the driver reads pgpass.
    const saved = readChoice(core.local.choiceFile);
    if (saved?.kind === 'postgres' && serverUrl(saved) === serverUrl(address))
      return { choice: saved, location: choiceLocation(saved, core.local.secrets) };
  }
  return { choice, location: serverUrl(address, password), password };
}

export async function checkTarget(core: Core, target: Target): Promise<DatabaseCheck> {
  const { location } = await resolve(core, target, 'open');
  return checkDatabase(location, core.nativeBinding);
}

/** Keeps the choice for the next start; refuses a database this app cannot open. */
export async function chooseDatabase(
  core: Core,
  target: Target,
  rememberPassword: boolean,
): Promise<DatabaseState & { passwordKept: boolean }> {
  const r = await resolve(core, target, 'open');
  const check = await checkDatabase(r.location, core.nativeBinding);
  if (check.newer || (!check.empty && check.units === null)) throw new AppError('DB_UNUSABLE', check.verdict);
  let choice = r.choice;
  let passwordKept = choice.kind === 'postgres' && !!choice.password;
  if (choice.kind === 'postgres' && 'password' in r && r.password) {
    const secrets = core.local.secrets;
    passwordKept = rememberPassword && secrets !== null;
    choice = passwordKept ? { ...choice, password: { protectedBy: 'os', data: secrets!.encrypt(r.password) } } : choice;
  }
  writeChoice(core.local.choiceFile, choice);
  return { ...databaseState(core), passwordKept };
}

/** Copies all the data of the open database into the empty target, as a job with progress. */
export async function copyToTarget(core: Core, target: Target, job: Job) {
  const { location } = await resolve(core, target, 'new');
  const summary = await copyDatabase(openLocation(core), location, core.nativeBinding, job);
  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  const shown = target.kind === 'sqlite' ? location : serverUrl({ ...target });
  return { location: shown, tables: Object.keys(summary.counts).length, rows, units: summary.counts.units ?? 0 };
}
