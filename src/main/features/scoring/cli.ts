// CLI commands for chấm điểm, xếp loại. Same core, same contract, same validation as the app:
// every command goes through dispatch.
import path from 'node:path';
import { fixedPathPlatform } from '../../platform/platform';
import type { CliApp } from '../../cli/kit';
import { apartSentences, classText, formatPoints } from '../../../shared/domain/scoring';
import { SCORING_STAGE_LABELS } from '../../../shared/model/scoring';
import {
  CliFailure as Failure,
  documentFormatOf,
  parseArgs,
  readInputBytes as readBytes,
  type CliIo as Io,
  withApp,
} from '../../cli/kit';

/** `scoring …`, and `export scoring …`. */
export const isScoringCommand = (argv: string[]): boolean => {
  const pos = argv.filter(
    (a, i) => !a.startsWith('--') && !(argv[i - 1]?.startsWith('--') && VALUE_FLAGS.includes(argv[i - 1]!)),
  );
  return pos[0] === 'scoring' || (pos[0] === 'export' && pos[1] === 'scoring');
};

export const SCORING_USAGE = `  scoring sets list [--json]                   bộ tiêu chí chấm điểm và phiên bản
  scoring sets import FILE.json                nhập bộ tiêu chí (mã đã có: sửa, hoặc phiên bản mới nếu đã dùng)
  scoring sets export ID FILE.json             xuất bộ tiêu chí ra tệp JSON
  scoring round create --year N --set ID [--name TÊN] [--self-deadline YYYY-MM-DD] [--appraisal-deadline YYYY-MM-DD] [--units MÃ,MÃ] [--json]
  scoring rounds [--json]                      các đợt chấm điểm
  scoring set-score --round ID --unit MÃ --code MÃ_TIÊU_CHÍ --score ĐIỂM [--side self|appraisal] [--note "lý do"]
  scoring book --round ID --unit MÃ --out FILE.xlsx      phiếu tự chấm của một đơn vị
  scoring import-book --round ID FILE.xlsx               nhập phiếu tự chấm đơn vị gửi về
  scoring approve|reopen --round ID --unit MÃ [--note "lý do"]
  scoring results --round ID [--json]          bảng xếp hạng, xếp loại
  export scoring --round ID --out FILE.docx|.pdf|.xlsx [--images]
                                               báo cáo kết quả (Word, PDF để ký số; --images: chèn ảnh chữ ký, con dấu)
                                               hoặc bảng điểm (Excel)`;

const VALUE_FLAGS = [
  '--db',
  '--format',
  '--year',
  '--set',
  '--name',
  '--self-deadline',
  '--appraisal-deadline',
  '--units',
  '--round',
  '--unit',
  '--code',
  '--score',
  '--side',
  '--note',
  '--out',
];

const parse = (argv: string[]) => {
  const a = parseArgs(argv, VALUE_FLAGS, ['--images']);
  return { positional: a.positional, flags: a.flags };
};

export async function runScoringCli(argv: string[], dbPath: string, app: CliApp, io: Io): Promise<number> {
  const { positional, flags } = parse(argv);
  const [group, action, arg, arg2] = positional;
  const str = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const int = (name: string): number => {
    const v = str(name);
    if (v === undefined) throw new Failure(`Lỗi: thiếu ${name}.`);
    if (!/^\d+$/.test(v)) throw new Failure(`Lỗi: ${name} phải là số nguyên (đã ghi “${v}”).`);
    return Number(v);
  };
  const json = flags.has('--json');
  const target =
    str('--out') ??
    (group === 'scoring' && action === 'sets' && arg === 'export' && positional[4] ? positional[4] : process.cwd());
  return withApp(app, dbPath, fixedPathPlatform(target), io, async (call) => {
    const unitId = async (roundId: number): Promise<number> => {
      const code = str('--unit');
      if (!code) throw new Failure('Lỗi: thiếu --unit (mã đơn vị).');
      const round = await call('scoring.rounds.get', { id: roundId });
      const u = round.units.find((x) => x.code.toLowerCase() === code.toLowerCase());
      if (!u) throw new Failure(`Lỗi: đơn vị mã “${code}” không thuộc đợt chấm điểm “${round.name}”.`);
      return u.unitId;
    };
    if (group === 'scoring' && action === 'sets' && arg === 'list') {
      const sets = await call('scoring.sets.list', {});
      if (json) io.out(JSON.stringify(sets, null, 2));
      else
        for (const s of sets)
          io.out(
            `${s.id}\t${s.code} v${s.version}\t${s.name}\t${s.province}\tnăm ${s.year}\t${formatPoints(s.totalPoints)} điểm${s.frozen ? '\t(đã dùng, chỉ đọc)' : ''}`,
          );
      return 0;
    }
    if (group === 'scoring' && action === 'sets' && arg === 'import' && arg2) {
      const r = await call('scoring.sets.import', { fileName: path.basename(arg2), data: readBytes(arg2) });
      io.out(
        json
          ? JSON.stringify({ id: r.set.id, version: r.set.version, newVersion: r.newVersion })
          : `Đã nhập bộ tiêu chí “${r.set.name}” (mã số ${r.set.id}, phiên bản ${r.set.version}${r.newVersion ? ', phiên bản mới' : ''}).`,
      );
      return 0;
    }
    if (group === 'scoring' && action === 'sets' && arg === 'export' && arg2 && positional[4]) {
      if (!/^\d+$/.test(arg2)) throw new Failure(`Lỗi: mã số bộ tiêu chí phải là số nguyên (đã ghi “${arg2}”).`);
      const r = await call('scoring.sets.export', { id: Number(arg2) });
      io.out(json ? JSON.stringify(r) : `Đã xuất: ${r.path}`);
      return 0;
    }
    if (group === 'scoring' && action === 'round' && arg === 'create') {
      const codes = str('--units')
        ?.split(',')
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean);
      let unitIds: number[] | undefined;
      if (codes) {
        const units = await call('units.list', { includeClosed: true });
        unitIds = codes.map((c) => {
          const u = units.find((x) => x.code.toLowerCase() === c);
          if (!u) throw new Failure(`Lỗi: không có đơn vị mã “${c}”.`);
          return u.id;
        });
      }
      const r = await call('scoring.rounds.create', {
        year: int('--year'),
        setId: int('--set'),
        name: str('--name') ?? '',
        selfDeadline: str('--self-deadline') ?? null,
        appraisalDeadline: str('--appraisal-deadline') ?? null,
        unitIds,
      });
      io.out(
        json
          ? JSON.stringify(r, null, 2)
          : `Đã tạo đợt chấm điểm “${r.name}” (mã số ${r.id}) với ${r.units.length} đơn vị.`,
      );
      return 0;
    }
    if (group === 'scoring' && action === 'rounds') {
      const rounds = await call('scoring.rounds.list', {});
      if (json) io.out(JSON.stringify(rounds, null, 2));
      else
        for (const r of rounds)
          io.out(`${r.id}\t${r.name}\t${r.setName} v${r.setVersion}\t${r.approvedCount}/${r.unitCount} đã duyệt`);
      return 0;
    }
    if (group === 'scoring' && action === 'set-score') {
      const roundId = int('--round');
      const code = str('--code');
      if (!code) throw new Failure('Lỗi: thiếu --code (mã tiêu chí).');
      const raw = str('--score');
      if (raw === undefined) throw new Failure('Lỗi: thiếu --score (điểm; "" để xóa).');
      const score = raw === '' ? null : Number(raw.replace(',', '.'));
      if (score !== null && !Number.isFinite(score)) throw new Failure(`Lỗi: điểm “${raw}” không phải là số.`);
      const side = str('--side') ?? 'self';
      const r = await call('scoring.unit.save', {
        roundId,
        unitId: await unitId(roundId),
        side,
        lines: [{ code, score, note: str('--note') ?? '' }],
      });
      io.out(
        json
          ? JSON.stringify(r.final)
          : `Đã lưu. ${r.unitName}: tự chấm ${formatPoints(r.self.total)}, tổng điểm ${formatPoints(r.final.total)} — ${classText(r.final)}.`,
      );
      return 0;
    }
    if (group === 'scoring' && action === 'book') {
      const roundId = int('--round');
      if (!str('--out')) throw new Failure('Lỗi: thiếu --out FILE.xlsx.');
      const r = await call('scoring.workbook.export', { roundId, unitId: await unitId(roundId) });
      io.out(`Đã xuất: ${r.path}`);
      return 0;
    }
    if (group === 'scoring' && action === 'import-book' && arg) {
      const r = await call('scoring.workbook.import', {
        roundId: int('--round'),
        file: { fileName: path.basename(arg), data: readBytes(arg) },
      });
      io.out(
        json
          ? JSON.stringify(r.self)
          : `Đã nhập phiếu tự chấm của ${r.unitName}: ${formatPoints(r.self.total)} điểm (${classText(r.self)}).`,
      );
      return 0;
    }
    if (group === 'scoring' && (action === 'approve' || action === 'reopen')) {
      const roundId = int('--round');
      const id = await unitId(roundId);
      const r =
        action === 'approve'
          ? await call('scoring.unit.approve', { roundId, unitId: id, note: str('--note') ?? '' })
          : await call('scoring.unit.reopen', { roundId, unitId: id, reason: str('--note') ?? '' });
      io.out(
        `${r.unitName}: ${SCORING_STAGE_LABELS[r.stage]}, ${formatPoints(r.final.total)} điểm — ${classText(r.final)}.`,
      );
      return 0;
    }
    if (group === 'scoring' && action === 'results') {
      const r = await call('scoring.results', { roundId: int('--round') });
      if (json) io.out(JSON.stringify(r, null, 2));
      else {
        const prev = new Map((r.previous?.rows ?? []).map((p) => [p.unitId, p]));
        // With last year's round: its total (or why none) and the change, through the lineage.
        const lastYear = (unitId: number) => {
          const p = prev.get(unitId);
          if (!r.previous || !p) return '';
          if (p.total === null) return `\tNăm ${r.previous.round.year}: ${p.sources.length ? 'không so sánh' : '—'}`;
          const ch = p.change === null ? '' : ` (${p.change > 0 ? '+' : ''}${formatPoints(p.change)})`;
          return `\tNăm ${r.previous.round.year}: ${formatPoints(p.total)}${ch}`;
        };
        for (const row of r.ranking)
          io.out(
            `${row.rankLabel}\t${row.unitCode}\t${row.unitName}\t${formatPoints(row.total)}\t${row.classLabel}\t${SCORING_STAGE_LABELS[row.stage]}${lastYear(row.unitId)}`,
          );
        for (const p of r.previous?.rows ?? [])
          if (p.total === null && p.note && p.sources.length) io.out(`Lưu ý: ${p.note}`);
        if (r.previous?.footnote) io.out(`Lưu ý: ${r.previous.footnote}`);
        for (const t of r.ties) io.out(t);
        for (const sentence of apartSentences(r)) io.out(sentence);
      }
      return 0;
    }
    if (group === 'export' && action === 'scoring') {
      const roundId = int('--round');
      const out = str('--out');
      if (!out || !/\.(docx|pdf|xlsx)$/i.test(out))
        throw new Failure('Lỗi: --out phải là tệp .docx hoặc .pdf (báo cáo) hoặc .xlsx (bảng điểm).');
      const r = /\.(docx|pdf)$/i.test(out)
        ? await call('scoring.export.docx', {
            roundId,
            takeNumber: false,
            format: documentFormatOf(str('--format'), out),
            images: flags.has('--images'),
          })
        : await call('scoring.export.xlsx', { roundId });
      io.out(json ? JSON.stringify(r) : `Đã xuất: ${r.path}`);
      return 0;
    }
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n\n${SCORING_USAGE}`);
    return 1;
  });
}
