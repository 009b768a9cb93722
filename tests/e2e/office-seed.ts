// A realistic office for looking at every screen: the agency with two signers, 40 units of six
// kinds (long names among them, one closed), a plan with tasks and targets, the built-in template
// and a copy, three periods, reports in every status, a saved compile draft, a scoring round with
// units self-scored, appraised and approved, a Word template, a backup and an item in the trash.
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import type { UnitKind } from '../../src/shared/model/unit';
import { addDays } from '../../src/shared/domain/periods';
import { buildDocx, headerBlock, p, pageHeader } from '../unit/doc-templates-fixtures';

export interface Office {
  units: Record<string, number>;
  periodId: number;
  olderPeriodId: number;
  planId: number;
  roundId: number;
}

const UNITS: [code: string, name: string, kind: UnitKind][] = [
  ['STP', 'Sở Tư pháp', 'so_nganh'],
  ['STC', 'Sở Tài chính', 'so_nganh'],
  ['SNV', 'Sở Nội vụ', 'so_nganh'],
  ['SGD', 'Sở Giáo dục và Đào tạo', 'so_nganh'],
  ['SYT', 'Sở Y tế', 'so_nganh'],
  ['SXD', 'Sở Xây dựng', 'so_nganh'],
  ['SNN', 'Sở Nông nghiệp và Môi trường', 'so_nganh'],
  ['BQL', 'Ban Quản lý các khu công nghiệp và khu kinh tế mở Chu Lai tỉnh Quảng Nam', 'so_nganh'],
  ['PTK', 'UBND phường Tam Kỳ', 'ubnd_phuong'],
  ['PHA', 'UBND phường Hội An', 'ubnd_phuong'],
  ['PDB', 'UBND phường Điện Bàn', 'ubnd_phuong'],
  ['PAT', 'UBND phường An Thắng', 'ubnd_phuong'],
  ['PHP', 'UBND phường Hương Trà', 'ubnd_phuong'],
  ['PBT', 'UBND phường Bàn Thạch', 'ubnd_phuong'],
  ['XDX', 'UBND xã Duy Xuyên', 'ubnd_xa'],
  ['XQS', 'UBND xã Quế Sơn', 'ubnd_xa'],
  ['XTB', 'UBND xã Thăng Bình', 'ubnd_xa'],
  ['XNT', 'UBND xã Núi Thành', 'ubnd_xa'],
  ['XPN', 'UBND xã Phú Ninh', 'ubnd_xa'],
  ['XTP', 'UBND xã Tiên Phước', 'ubnd_xa'],
  ['XHD', 'UBND xã Hiệp Đức', 'ubnd_xa'],
  ['XNS', 'UBND xã Nông Sơn', 'ubnd_xa'],
  ['XDL', 'UBND xã Đại Lộc', 'ubnd_xa'],
  ['XNG', 'UBND xã Nam Giang', 'ubnd_xa'],
  ['XDG', 'UBND xã Đông Giang', 'ubnd_xa'],
  ['XTG', 'UBND xã Tây Giang', 'ubnd_xa'],
  ['XPS', 'UBND xã Phước Sơn', 'ubnd_xa'],
  ['XBTM', 'UBND xã Bắc Trà My', 'ubnd_xa'],
  ['XNTM', 'UBND xã Nam Trà My', 'ubnd_xa'],
  ['XTL', 'UBND xã Trà Leng', 'ubnd_xa'],
  ['XSV', 'UBND xã Sông Vàng', 'ubnd_xa'],
  ['XLL', 'UBND xã La Dêê', 'ubnd_xa'],
  ['DKCC', 'Đặc khu Cù Lao Chàm', 'dac_khu'],
  ['TTHC', 'Trung tâm Phục vụ hành chính công tỉnh', 'su_nghiep'],
  ['TTCN', 'Trung tâm Công nghệ thông tin và Truyền thông', 'su_nghiep'],
  ['BVDK', 'Bệnh viện Đa khoa tỉnh', 'su_nghiep'],
  ['TCD', 'Trường Cao đẳng Quảng Nam', 'su_nghiep'],
];

/** Units whose parent is a xã (phòng chuyên môn), and one that closed. */
const OFFICES: [code: string, name: string, parent: string][] = [
  ['XDX-VH', 'Phòng Văn hóa – Xã hội xã Duy Xuyên', 'XDX'],
  ['XDX-KT', 'Phòng Kinh tế xã Duy Xuyên', 'XDX'],
];

export async function seedOffice(core: Core): Promise<Office> {
  const dispatch = createDispatch(core);
  const api = async <M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = (await dispatch(method, args)) as Result<MethodOutput<M>>;
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  await api('audit.setUser', { name: 'Nguyễn Thị Lan' });
  await api('agency.save', {
    parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
    name: 'SỞ NỘI VỤ',
    abbreviation: 'SNV',
    place: 'Quảng Nam',
    draftingUnit: 'XDCQ',
    signers: [
      { fullName: 'Nguyễn Văn Ánh', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true },
      {
        fullName: 'Trần Thị Bích Ngọc',
        title: 'PHÓ GIÁM ĐỐC',
        authorityPrefix: 'KT.',
        authorityLine: 'GIÁM ĐỐC',
        isDefault: false,
      },
    ],
  });
  const units: Record<string, number> = {};
  const base = { shortName: '', email: '', contactPerson: '', phone: '', activeFrom: null, activeTo: null };
  for (const [code, name, kind] of UNITS)
    units[code] = (
      await api('units.create', {
        ...base,
        code,
        name,
        kind,
        parentId: null,
        email: `${code.toLowerCase()}@quangnam.gov.vn`,
        contactPerson: 'Lê Văn Hùng',
        phone: '0235 3812 345',
      })
    ).id;
  for (const [code, name, parent] of OFFICES)
    units[code] = (await api('units.create', { ...base, code, name, kind: 'phong_xa', parentId: units[parent]! })).id;
  const year = new Date().getFullYear() - 1;
  units.KHAC = (
    await api('units.create', { ...base, code: 'HND', name: 'Hội Nông dân tỉnh', kind: 'khac', parentId: null })
  ).id;
  await api('units.close', { id: units.XLL!, date: `${year}-03-01` });

  const plan = await api('plans.create', {
    type: 'KH',
    number: '468',
    symbol: 'KH-UBND',
    issuedDate: `${year}-03-27`,
    issuer: 'UBND tỉnh Quảng Nam',
    signer: 'Nguyễn Văn Ánh',
    summary: `Thực hiện công tác dân vận chính quyền và quy chế dân chủ ở cơ sở năm ${year}`,
    field: 'Dân vận chính quyền',
    tasks: [
      {
        text: 'Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân',
        lead: { unitId: units.SNV!, name: 'Sở Nội vụ' },
        supporting: [{ unitId: units.STP!, name: 'Sở Tư pháp' }],
        deadline: `${year}-06-30`,
      },
      { text: 'Xây dựng, nhân rộng mô hình "Dân vận khéo" trong cơ quan hành chính', deadline: `${year}-11-30` },
    ],
    targets: [
      {
        text: 'Trên 80% cơ quan, đơn vị đạt tiêu chí "Dân vận khéo"',
        indicatorCode: 'DV04',
        comparator: 'tren',
        value: '80',
        valueUnit: '%',
      },
      {
        text: '100% cơ quan, đơn vị tổ chức hội nghị đối thoại',
        indicatorCode: 'DT01',
        comparator: 'it_nhat',
        value: '100',
        valueUnit: '%',
      },
    ],
    deadlines: [{ periodType: 'half', monthDay: '06-20' }],
  });
  // A second plan, deleted: it waits in the trash.
  const old = await api('plans.create', { type: 'CV', number: '12', symbol: 'SNV-XDCQ', summary: 'Công văn cũ' });
  await api('plans.delete', { id: old.id });

  const templates = await api('templates.list', undefined);
  const templateId = templates.find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  await api('templates.copy', { id: templateId, code: 'dan-van-rut-gon', name: 'Báo cáo dân vận (rút gọn cho xã)' });

  const expected = { mode: 'kinds' as const, kinds: ['so_nganh', 'ubnd_phuong', 'ubnd_xa', 'dac_khu'] as UnitKind[] };
  const older = await api('periods.create', { type: 'half', year: year - 1, templateId, expected });
  const period = await api('periods.create', { type: 'half', year, templateId, planId: plan.id, expected });
  await api('periods.create', { type: 'year', year, templateId, planId: plan.id, expected });

  await api('periods.saveHolidays', {
    holidays: [
      { date: `${year}-01-27`, name: 'Tết Nguyên đán' },
      { date: `${year}-01-28`, name: 'Tết Nguyên đán' },
      { date: `${year}-01-29`, name: 'Tết Nguyên đán' },
      { date: `${year}-01-30`, name: 'Tết Nguyên đán' },
      { date: `${year}-01-31`, name: 'Tết Nguyên đán' },
      { date: `${year}-04-07`, name: 'Giỗ Tổ Hùng Vương' },
      { date: `${year}-09-01`, name: 'Nghỉ thêm dịp Quốc khánh' },
    ],
  });

  const send = async (periodId: number, code: string, values: Record<string, number | string>, received?: string) => {
    await api('reports.save', {
      periodId,
      unitId: units[code]!,
      values: Object.entries(values).map(([key, input]) => ({ key, input })),
    });
    if (received)
      await api('reports.submit', { periodId, unitId: units[code]!, receivedDate: received, acceptBreaches: true });
  };
  const full = (n: number) => ({
    LD01: n,
    LD02: 2,
    LD03: 120 + n,
    LD04: 'có',
    TD01: 40 + n,
    DT01: 3 + (n % 4),
    DT02: 30 + n,
    DT03: 25 + n,
    HC01: 1200 + n * 10,
    HC02: 1100,
    HC03: 1050,
    DV01: 2,
    DV02: 1,
    DV04: n % 3 ? 'có' : 'không',
    TX05: 'Đơn vị đã hoàn thành các nhiệm vụ trọng tâm.',
  });
  const d = period.deadline;
  const codes = UNITS.map((u) => u[0]).filter((c) => c !== 'XLL' && !/^(TT|BV|TC)/.test(c));
  for (const [i, code] of codes.slice(0, 12).entries()) await send(older.id, code, full(i), older.deadline);
  for (const [i, code] of codes.slice(0, 14).entries())
    await send(period.id, code, full(i), i % 5 === 4 ? addDays(d, 3 + i) : addDays(d, -2));
  for (const code of codes.slice(0, 3)) await api('reports.accept', { periodId: period.id, unitId: units[code]! });
  await api('reports.return', {
    periodId: period.id,
    unitId: units[codes[5]!]!,
    reason: 'Thiếu số liệu mục DT02, DT03',
  });
  // One with a rule breach (DT03 > DT02), one being typed, the rest silent.
  await send(period.id, codes[14]!, { DT01: 2, DT02: 5, DT03: 9 }, d);
  await send(period.id, codes[15]!, { DT01: 1, LD01: 2 });

  await api('compile.draft', { periodIds: [period.id], compareIds: [older.id] });

  const set = (await api('scoring.sets.list', undefined))[0]!;
  const round = await api('scoring.rounds.create', {
    year,
    setId: set.id,
    selfDeadline: `${year}-11-30`,
    appraisalDeadline: `${year}-12-15`,
  });
  for (const [i, code] of ['STP', 'STC', 'SNV', 'PTK', 'XDX'].entries()) {
    const unitId = units[code]!;
    const sheet = await api('scoring.unit.get', { roundId: round.id, unitId });
    const max = new Map(sheet.set.groups.flatMap((g) => g.criteria.map((c) => [c.code, c.maxPoints] as const)));
    const lines = sheet.lines.filter((l) => max.has(l.code));
    await api('scoring.unit.save', {
      roundId: round.id,
      unitId,
      side: 'self',
      lines: lines.map((l) => ({ code: l.code, score: max.get(l.code)!, note: '' })),
    });
    await api('scoring.unit.save', {
      roundId: round.id,
      unitId,
      side: 'appraisal',
      lines: lines.map((l, k) => ({
        code: l.code,
        score: Math.max(0, max.get(l.code)! - ((i + k) % 3 === 0 ? 1 : 0)),
        note: (i + k) % 3 === 0 ? 'Minh chứng chưa đầy đủ' : '',
      })),
    });
    if (i < 2) await api('scoring.unit.approve', { roundId: round.id, unitId });
  }

  const docx = await buildDocx({
    body: headerBlock() + p('Kính gửi: {unit.name}') + p('Đến nay đơn vị chưa gửi báo cáo {period.name}.'),
    header: pageHeader(),
    firstHeader: '',
  });
  await api('docTemplates.upload', {
    fileName: 'cong-van-don-doc.docx',
    data: new Uint8Array(docx),
    name: 'Công văn đôn đốc gửi báo cáo',
    usage: 'reminder',
  });
  await api('backups.create', undefined);
  return { units, periodId: period.id, olderPeriodId: older.id, planId: plan.id, roundId: round.id };
}
