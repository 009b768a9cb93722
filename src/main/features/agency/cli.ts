// The `agency` commands of the headless CLI: show the agency, and set it from a JSON file (the
// shape `agency show --json` prints) or from flags that change only what they name.
import { AUTHORITY_PREFIXES, type Agency, type AuthorityPrefix } from '../../../shared/model/agency';
import type { AgencyInput } from '../../../shared/contract/agency';
import { fixedPathPlatform } from '../../platform/platform';
import { CliFailure, flagValue, parseArgs, readJsonInput, withApp, type CliApp, type CliIo } from '../../cli/kit';

export const AGENCY_USAGE = `  agency show [--json]                         thông tin cơ quan
  agency set [FILE.json | -] [--name TÊN] [--parent CƠ_QUAN_CHỦ_QUẢN] [--abbreviation VIẾT_TẮT]
          [--place ĐỊA_DANH] [--drafting-unit ĐƠN_VỊ_SOẠN_THẢO] [--signer "[KT. GIÁM ĐỐC/]CHỨC VỤ/Họ tên"]…
                                               sửa thông tin cơ quan (FILE.json: dạng của agency show --json;
                                               các tùy chọn chỉ sửa phần được ghi; --signer đầu tiên là người ký mặc định)`;

const VALUE_FLAGS = ['--name', '--parent', '--abbreviation', '--place', '--drafting-unit', '--signer'];

type SignerInput = AgencyInput['signers'][number];

/** "KT. GIÁM ĐỐC/PHÓ GIÁM ĐỐC/Nguyễn Văn A" or "GIÁM ĐỐC/Nguyễn Văn A". */
export function parseSignerFlag(text: string, isDefault: boolean): SignerInput {
  const parts = text.split('/').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p))
    throw new CliFailure(
      `Lỗi: --signer “${text.slice(0, 80)}” phải có dạng “CHỨC VỤ/Họ tên” hoặc “KT. GIÁM ĐỐC/CHỨC VỤ/Họ tên”.`,
    );
  let authorityPrefix: AuthorityPrefix = '';
  let authorityLine = '';
  if (parts.length === 3) {
    const authority = parts[0]!;
    const prefix = AUTHORITY_PREFIXES.find((p) => p && authority.startsWith(p + ' '));
    if (!prefix)
      throw new CliFailure(
        `Lỗi: thẩm quyền “${authority.slice(0, 60)}” phải bắt đầu bằng ${AUTHORITY_PREFIXES.filter(Boolean).join(', ')} (ví dụ: “KT. GIÁM ĐỐC”).`,
      );
    authorityPrefix = prefix;
    authorityLine = authority.slice(prefix.length).trim();
  }
  return { title: parts.at(-2)!, fullName: parts.at(-1)!, authorityPrefix, authorityLine, isDefault };
}

/** The agency as the save method takes it: stored ids and dates left out. */
function asInput(a: Agency | Record<string, unknown>): Record<string, unknown> {
  const { updatedAt: _u, ...rest } = a as Record<string, unknown>;
  const signers = Array.isArray(rest.signers)
    ? rest.signers.map((s) => {
        if (!s || typeof s !== 'object') return s;
        // The signature image is kept by its own command (agency.saveSignature), not by agency.save.
        const { id: _id, signatureImage: _image, ...signer } = s as Record<string, unknown>;
        return signer;
      })
    : rest.signers;
  return { ...rest, signers };
}

export async function runAgencyCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags, all } = parseArgs(argv, VALUE_FLAGS, []);
  const [, action, file, extra] = positional;
  if (!(action === 'show' && !file) && !(action === 'set' && !extra)) {
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n${AGENCY_USAGE}`);
    return 1;
  }
  const fromFile = file === undefined ? undefined : readJsonInput(file);
  if (fromFile !== undefined && (!fromFile || typeof fromFile !== 'object' || Array.isArray(fromFile)))
    throw new CliFailure(`Lỗi: ${file === '-' ? 'đầu vào chuẩn' : `tệp “${file}”`} phải là một đối tượng JSON.`);
  const signerFlags = all.get('--signer');
  const signers = signerFlags?.map((s, i) => parseSignerFlag(s, i === 0));
  return withApp(app, dbPath, fixedPathPlatform(process.cwd()), io, async (call) => {
    if (action === 'set') {
      const base = asInput((fromFile as Record<string, unknown> | undefined) ?? (await call('agency.get', {})));
      const patch: Record<string, unknown> = {};
      const set = (flag: string, key: string) => {
        const v = flagValue(flags, flag);
        if (v !== undefined) patch[key] = v;
      };
      set('--name', 'name');
      set('--parent', 'parentName');
      set('--abbreviation', 'abbreviation');
      set('--place', 'place');
      set('--drafting-unit', 'draftingUnit');
      if (signers) patch.signers = signers;
      if (!fromFile && Object.keys(patch).length === 0)
        throw new CliFailure('Lỗi: “agency set” cần một tệp JSON hoặc ít nhất một tùy chọn (--name, --place, …).');
      await call('agency.save', { ...base, ...patch });
    }
    const a = await call('agency.get', {});
    if (flags.has('--json')) io.out(JSON.stringify(a, null, 2));
    else
      io.out(
        [
          ...(action === 'set' ? ['Đã lưu thông tin cơ quan.'] : []),
          a.parentName,
          a.name,
          `Viết tắt: ${a.abbreviation}`,
          `Địa danh: ${a.place}`,
          ...a.signers.map(
            (s) =>
              `Người ký: ${s.authorityPrefix ? `${s.authorityPrefix} ${s.authorityLine} / ` : ''}${s.title} / ${s.fullName}${s.isDefault ? ' (mặc định)' : ''}`,
          ),
        ].join('\n'),
      );
    return 0;
  });
}
