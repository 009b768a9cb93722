// `settings show|set`: what Tổng hợp puts around the report — Kính gửi, Nơi nhận, the email
// recipients and the report's symbol. Repeated flags replace their whole list; lists not named stay.
import { fixedPathPlatform } from '../../platform/platform';
import type { CompileSettings } from '../../../shared/model/compile';
import { CliFailure, flagValue, parseArgs, readJsonInput, withApp, type CliApp, type CliIo } from '../../cli/kit';

export const SETTINGS_USAGE = `  settings show [--json]                       cài đặt báo cáo tổng hợp: Kính gửi, Nơi nhận, thư điện tử, ký hiệu
  settings set [FILE.json | -] [--to "Kính gửi"]… [--recipient "Nơi nhận"]… [--email-to ĐỊA_CHỈ]…
          [--email-cc ĐỊA_CHỈ]… [--symbol BC-SNV] [--max-points N] [--annex yes|no]
                                               (mỗi tùy chọn lặp lại thay cả danh sách; --clear to|recipient|… xóa danh sách;
                                               --max-points: số ý tổng hợp mỗi mục; --annex: phụ lục ý kiến từng đơn vị)`;

const LISTS: Record<string, keyof CompileSettings> = {
  '--to': 'to',
  '--recipient': 'recipients',
  '--email-to': 'emailTo',
  '--email-cc': 'emailCc',
};

export async function runSettingsCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags, all } = parseArgs(
    argv,
    [...Object.keys(LISTS), '--symbol', '--clear', '--max-points', '--annex'],
    [],
  );
  const [, action, file, extra] = positional;
  if (!(action === 'show' && !file) && !(action === 'set' && !extra)) {
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n${SETTINGS_USAGE}`);
    return 1;
  }
  const fromFile = file === undefined ? undefined : readJsonInput(file);
  if (fromFile !== undefined && (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)))
    throw new CliFailure(`Lỗi: tệp “${file}” phải là một đối tượng JSON.`);
  const cleared = (all.get('--clear') ?? []).map((name) => {
    const key = LISTS[`--${name.replace(/^--/, '')}`];
    if (!key)
      throw new CliFailure(
        `Lỗi: --clear nhận ${Object.keys(LISTS)
          .map((f) => f.slice(2))
          .join(', ')} (đã ghi “${name.slice(0, 40)}”).`,
      );
    return key;
  });
  const scalars: Record<string, unknown> = {};
  const symbol = flagValue(flags, '--symbol');
  if (symbol !== undefined) scalars.symbol = symbol;
  const maxPoints = flagValue(flags, '--max-points');
  if (maxPoints !== undefined) {
    if (!/^\d{1,3}$/.test(maxPoints)) throw new CliFailure('Lỗi: --max-points cần một số nguyên (1–20).');
    scalars.maxPoints = Number(maxPoints);
  }
  const annex = flagValue(flags, '--annex');
  if (annex !== undefined) {
    if (annex !== 'yes' && annex !== 'no') throw new CliFailure('Lỗi: --annex nhận yes hoặc no.');
    scalars.unitTextAnnex = annex === 'yes';
  }
  return withApp(app, dbPath, fixedPathPlatform(process.cwd()), io, async (call) => {
    if (action === 'set') {
      const next: Record<string, unknown> = { ...(fromFile ?? (await call('compile.settings', {}))), ...scalars };
      for (const key of cleared) next[key] = [];
      for (const [flag, key] of Object.entries(LISTS)) if (all.has(flag)) next[key] = all.get(flag);
      if (
        !fromFile &&
        cleared.length === 0 &&
        !Object.keys(scalars).length &&
        !Object.keys(LISTS).some((f) => all.has(f))
      )
        throw new CliFailure('Lỗi: “settings set” cần một tệp JSON hoặc ít nhất một tùy chọn (--to, --recipient, …).');
      await call('compile.saveSettings', next);
    }
    const s = await call('compile.settings', {});
    if (flags.has('--json')) io.out(JSON.stringify(s, null, 2));
    else
      io.out(
        [
          ...(action === 'set' ? ['Đã lưu cài đặt báo cáo tổng hợp.'] : []),
          `Kính gửi: ${s.to.join('; ') || '(chưa có)'}`,
          `Nơi nhận: ${s.recipients.join('; ') || '(chưa có)'}`,
          `Gửi thư tới: ${s.emailTo.join(', ') || '(chưa có)'}${s.emailCc.length ? ` · đồng gửi: ${s.emailCc.join(', ')}` : ''}`,
          `Ký hiệu báo cáo: ${s.symbol || '(chưa có)'}`,
          `Tổng hợp ý kiến: tối đa ${s.maxPoints} ý mỗi mục; phụ lục ý kiến từng đơn vị: ${s.unitTextAnnex ? 'có' : 'không'}`,
        ].join('\n'),
      );
    return 0;
  });
}
