// The headless command line: the same database, the same contract, the same validation.
//   npm run cli -- units list --json [--db PATH]
// In an installed app: ELECTRON_RUN_AS_NODE=1 <app executable> <resources>/app.asar/out/main/cli.js …
import { openCore } from './app';
import { DOCS_USAGE, runDocsCli } from './features/documents/cli';
import { DOC_TEMPLATES_USAGE, isDocTemplatesCommand, runDocTemplatesCli } from './features/doc-templates/cli';
import { createDispatch } from './dispatch';
import { COMPILE_USAGE, isCompileCommand, runCompileCli } from './features/compile/cli';
import { SETTINGS_USAGE, runSettingsCli } from './features/compile/settings-cli';
import { REPORTING_GROUPS, REPORTING_USAGE, runReportingCli } from './features/reports/cli';
import { WORKFLOW_USAGE, isWorkflowCommand, runWorkflowCli } from './features/reports/workflow-cli';
import { SCORING_USAGE, isScoringCommand, runScoringCli } from './features/scoring/cli';
import { defaultDbPath, defaultUserDataDir } from './platform/paths';
import { locateDatabase } from './platform/database-choice';
import { DATABASE_USAGE, runDatabaseCli } from './features/safety/database-cli';
import { cliNativeBindingFor } from './platform/native-binding';
import { fixedPathPlatform } from './platform/platform';
import { COLLECT_USAGE, runCollectCli } from './features/collect/cli';
import { PLAN_TEXT_USAGE, isPlanTextCommand, runPlanTextCli } from './features/plan-import/cli';
import { UNITS_USAGE, runUnitsCli } from './features/units/cli';
import { REORGANISE_USAGE, isReorganiseCommand, runReorganiseCli } from './features/reorganise/cli';
import { AGENCY_USAGE, runAgencyCli } from './features/agency/cli';
import { CALL_USAGE, runCallCli } from './cli/call';
import { CliFailure, dbFlag, parseArgs, positionalWords, withApp, type CliApp, type CliIo } from './cli/kit';

export type { CliIo };

const USAGE = `Báo cáo Nội vụ — dòng lệnh

${CALL_USAGE}
${UNITS_USAGE}
${REORGANISE_USAGE}
${AGENCY_USAGE}
${SETTINGS_USAGE}
${REPORTING_USAGE}
${WORKFLOW_USAGE}
${PLAN_TEXT_USAGE}
${SCORING_USAGE}
${DOCS_USAGE}
${DOC_TEMPLATES_USAGE}
${COMPILE_USAGE}
${COLLECT_USAGE}
${DATABASE_USAGE}
  info [--json]                                phiên bản, tệp dữ liệu

Tùy chọn chung: --db PATH hoặc --db postgres://người-dùng@máy-chủ:5432/tên-csdl  (mặc định: cơ sở dữ liệu đã chọn trong Cài đặt → Cơ sở dữ liệu trên máy này; chưa chọn thì ${defaultDbPath()}; mật khẩu máy chủ lấy từ tệp pgpass hoặc PGPASSWORD), --json, --help
Mã thoát: 0 thành công, 1 lệnh viết sai, 2 ứng dụng từ chối (lý do in ra stderr), 3 nhập biểu còn tệp lỗi.`;

/** Value flags that may stand before the command words (so their values are not taken for words). */
const ROUTING_VALUE_FLAGS = ['--open', '--save', '--out', '--period', '--unit', '--search', '--format'];

/** Runs one command; returns the process exit code. */
export async function runCli(
  argv: string[],
  io: CliIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') },
): Promise<number> {
  try {
    return await route(argv, io);
  } catch (err) {
    if (err instanceof CliFailure) {
      io.err(err.message);
      return 1;
    }
    io.err(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

async function route(argv: string[], io: CliIo): Promise<number> {
  const positional = positionalWords(argv, ROUTING_VALUE_FLAGS);
  const [group, action] = positional;
  if (argv.includes('--help') || group === 'help') {
    io.out(group === 'call' ? CALL_USAGE : USAGE);
    return 0;
  }
  if (!group && !argv.includes('--list')) {
    io.err(USAGE);
    return 1;
  }
  const db = dbFlag(argv);
  // Without --db, the database this account chose in Cài đặt, as the app opens it.
  const dbPath = locateDatabase(db, defaultUserDataDir(), null);
  const app = cliApp();
  if (group === 'call' || (!group && argv.includes('--list'))) return runCallCli(argv, dbPath, app, io);
  if (group === 'units' && isReorganiseCommand(action)) return runReorganiseCli(argv, dbPath, app, io);
  if (group === 'units') return runUnitsCli(argv, dbPath, app, io);
  if (group === 'agency') return runAgencyCli(argv, dbPath, app, io);
  if (group === 'settings') return runSettingsCli(argv, dbPath, app, io);
  if (isPlanTextCommand(positional)) {
    const { flags } = parseArgs(argv, [], []);
    return runPlanTextCli(positional, flags, dbPath, app, io);
  }
  if (isWorkflowCommand(positional)) return runWorkflowCli(argv, dbPath, app, io);
  if (REPORTING_GROUPS.includes(group!)) return runReportingCli(argv, dbPath, app, io);
  if (isScoringCommand(argv)) return runScoringCli(argv, dbPath, app, io);
  if (group === 'docs' && isDocTemplatesCommand(action)) return runDocTemplatesCli(argv, dbPath, app, io);
  if (group === 'docs') {
    const { flags } = parseArgs(argv, ['--out', '--format'], ['--images']);
    const out = flags.get('--out');
    const file = typeof out === 'string' ? out : undefined;
    const output = { format: flags.get('--format'), images: flags.has('--images') };
    return runDocsCli(action, positional[2], file, output, dbPath, app, io);
  }
  if (group === 'collect') return runCollectCli(argv, dbPath, app, io);
  if (group === 'db') return runDatabaseCli(argv, dbPath, app, io);
  if (isCompileCommand(argv)) return runCompileCli(argv, dbPath, app, io);
  if (group === 'info' && !action) {
    const { flags } = parseArgs(argv, [], []);
    return withApp(app, dbPath, fixedPathPlatform(process.cwd()), io, async (call) => {
      const info = await call('app.info', {});
      io.out(
        flags.has('--json')
          ? JSON.stringify(info, null, 2)
          : Object.entries(info)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
      );
      return 0;
    });
  }
  io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n\n${USAGE}`);
  return 1;
}

/** What the features' command groups open the app with. */
function cliApp(): CliApp {
  return {
    nativeBinding: cliNativeBinding(),
    version: process.env.npm_package_version ?? 'cli',
    openCore,
    createDispatch,
  };
}

/** Under Electron (ELECTRON_RUN_AS_NODE in an installed app) the app's own native build is used. */
function cliNativeBinding(): string | undefined {
  return cliNativeBindingFor({
    mainDir: __dirname,
    resourcesPath: (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath,
  });
}

const isEntry = typeof require !== 'undefined' ? require.main === module : process.argv[1]?.endsWith('cli.ts');
if (isEntry) {
  // exitCode, never process.exit(): exiting at once would cut a piped stdout at 64 KiB.
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
