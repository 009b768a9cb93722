// The headless command line: the same database, the same contract, the same validation.
//   npm run cli -- units list --json [--db PATH]
// In an installed app: ELECTRON_RUN_AS_NODE=1 <app executable> <resources>/app.asar/out/main/cli.js …
import fs from 'node:fs';
import path from 'node:path';
import { type Core } from './core/core';
import { openCore } from './app';
import { DOCS_USAGE, runDocsCli } from './features/documents/cli';
import { DOC_TEMPLATES_USAGE, isDocTemplatesCommand, runDocTemplatesCli } from './features/doc-templates/cli';
import { createDispatch } from './dispatch';
import { COMPILE_USAGE, isCompileCommand, runCompileCli } from './features/compile/cli';
import { REPORTING_GROUPS, REPORTING_USAGE, runReportingCli } from './features/reports/cli';
import { SCORING_USAGE, isScoringCommand, runScoringCli } from './features/scoring/cli';
import { defaultDbPath } from './platform/paths';
import { cliNativeBindingFor } from './platform/native-binding';
import { fixedPathPlatform } from './platform/platform';
import { COLLECT_USAGE, runCollectCli } from './features/collect/cli';
import { PLAN_TEXT_USAGE, isPlanTextCommand, runPlanTextCli } from './features/plan-import/cli';
import { UNIT_KIND_LABELS } from '../shared/model/unit';
import { CliFailure, parseArgs, type CliApp, type CliIo, contractCaller } from './cli/kit';

export type { CliIo };

const USAGE = `Báo cáo Nội vụ — dòng lệnh

  units list [--json] [--search TEXT] [--all]   liệt kê đơn vị (--all: cả đơn vị đã thôi hoạt động)
  units import FILE.xlsx                       nhập danh sách đơn vị (tất cả hoặc không dòng nào)
  units export FILE.xlsx                       xuất danh sách đơn vị
  agency show [--json]                         thông tin cơ quan
${REPORTING_USAGE}
${PLAN_TEXT_USAGE}
${SCORING_USAGE}
${DOCS_USAGE}
${DOC_TEMPLATES_USAGE}
${COMPILE_USAGE}
${COLLECT_USAGE}
  info [--json]                                phiên bản, tệp dữ liệu

Tùy chọn chung: --db PATH  (mặc định: ${defaultDbPath()})`;

const CORE_VALUE_FLAGS = ['--db', '--search', '--out'];

/** Runs one command; returns the process exit code. */
export async function runCli(
  argv: string[],
  io: CliIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') },
): Promise<number> {
  const { positional, flags } = parseArgs(argv, CORE_VALUE_FLAGS);
  const [group, action, arg] = positional;
  if (!group || flags.has('--help') || group === 'help') {
    io.out(USAGE);
    return group ? 0 : 1;
  }
  const dbFlag = flags.get('--db');
  const dbPath = typeof dbFlag === 'string' ? path.resolve(dbFlag) : defaultDbPath();
  if (isPlanTextCommand(positional)) return runPlanTextCli(positional, flags, dbPath, cliApp(), io);
  if (REPORTING_GROUPS.includes(group)) return runReportingCli(argv, dbPath, cliApp(), io);
  if (isScoringCommand(argv)) return runScoringCli(argv, dbPath, cliApp(), io);
  if (group === 'docs' && isDocTemplatesCommand(action)) return runDocTemplatesCli(argv, dbPath, cliApp(), io);
  if (group === 'docs') {
    const outFlag = flags.get('--out');
    return runDocsCli(action, arg, typeof outFlag === 'string' ? outFlag : undefined, dbPath, cliApp(), io);
  }
  if (group === 'collect') return runCollectCli(argv, dbPath, cliApp(), io);
  if (isCompileCommand(argv)) return runCompileCli(argv, dbPath, cliApp(), io);
  const json = flags.has('--json');
  const exportTarget = group === 'units' && action === 'export' && arg ? arg : process.cwd();
  let core: Core;
  try {
    core = await openCore({
      dbPath,
      platform: fixedPathPlatform(exportTarget),
      version: process.env.npm_package_version ?? 'cli',
      nativeBinding: cliNativeBinding(),
    });
  } catch (err) {
    io.err(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const dispatch = createDispatch(core, (m, e) => io.err(`${m}: ${String(e)}`));
  const call = contractCaller(dispatch);
  try {
    if (group === 'units' && action === 'list') {
      const search = flags.get('--search');
      const units = await call('units.list', {
        includeClosed: flags.has('--all'),
        search: typeof search === 'string' ? search : undefined,
      });
      if (json) io.out(JSON.stringify(units, null, 2));
      else
        for (const u of units)
          io.out(
            `${'  '.repeat(u.depth)}${u.code}\t${u.name}\t${UNIT_KIND_LABELS[u.kind]}${u.isActive ? '' : '\t(đã thôi hoạt động)'}`,
          );
      return 0;
    }
    if (group === 'units' && action === 'import' && arg) {
      let data: Buffer;
      try {
        data = fs.readFileSync(arg);
      } catch {
        throw new CliFailure(`Lỗi: không đọc được tệp "${arg}".`);
      }
      const r = await call('units.importCommit', { fileName: path.basename(arg), data: new Uint8Array(data) });
      io.out(json ? JSON.stringify(r) : `Đã nhập ${r.created} đơn vị mới, cập nhật ${r.updated} đơn vị.`);
      return 0;
    }
    if (group === 'units' && action === 'export' && arg) {
      const r = await call('units.exportXlsx', {});
      io.out(json ? JSON.stringify(r) : `Đã xuất: ${r.path}`);
      return 0;
    }
    if (group === 'agency' && action === 'show') {
      const a = await call('agency.get', {});
      if (json) io.out(JSON.stringify(a, null, 2));
      else
        io.out(
          [
            a.parentName,
            a.name,
            `Viết tắt: ${a.abbreviation}`,
            `Địa danh: ${a.place}`,
            ...a.signers.map((s) => `Người ký: ${s.authorityPrefix} ${s.authorityLine} / ${s.title} / ${s.fullName}`),
          ].join('\n'),
        );
      return 0;
    }
    if (group === 'info') {
      const info = await call('app.info', {});
      io.out(
        json
          ? JSON.stringify(info, null, 2)
          : Object.entries(info)
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
      );
      return 0;
    }
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n\n${USAGE}`);
    return 1;
  } catch (err) {
    io.err(err instanceof CliFailure ? err.message : `Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  } finally {
    await core.close();
  }
}

/** What the features' command groups open the app with. */
function cliApp(): CliApp {
  return { nativeBinding: cliNativeBinding(), openCore, createDispatch };
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
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
