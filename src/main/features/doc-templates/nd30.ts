// What the linter can see of Nghị định 30/2020 in a template (warnings only: the office's own
// form may differ on purpose): A4 and margins, Times New Roman 13–14, the national motto in the
// header block, the page number centred in the header and absent from page 1, installed fonts.
import type { Severity } from '../../../shared/contract/doc-templates';
import type { DocxPackage } from './package';
import { attr, child, children, descendants, elementsWhere, parseXml, textOf, type XElement } from './xml';

export interface DecreeFinding {
  code: string;
  severity: Severity;
  message: string;
}

const MM = 1440 / 25.4;
const mm = (twips: number) => Math.round((twips / MM) * 10) / 10;
const NOT_TEXT_FONTS = new Set([
  'symbol',
  'wingdings',
  'wingdings 2',
  'wingdings 3',
  'webdings',
  'marlett',
  'ms mincho',
  'simsun',
  'mangal',
]);

export function checkDecree(pkg: DocxPackage, installedFonts: Set<string> | null): DecreeFinding[] {
  const out: DecreeFinding[] = [];
  const body = parseXml(pkg.parts[0]!.xml, pkg.parts[0]!.name);
  const sections = descendants(body, 'w:sectPr');
  const first = sections[0] ?? null;
  if (first) checkPage(first, out);
  checkFonts(pkg, body, installedFonts, out);
  checkHeaderBlock(body, out);
  checkPageNumbers(pkg, sections, out);
  return out;
}

function checkPage(sect: XElement, out: DecreeFinding[]): void {
  const sz = child(sect, 'w:pgSz');
  const w = Number(sz ? attr(sz, 'w:w') : NaN);
  const h = Number(sz ? attr(sz, 'w:h') : NaN);
  if (Number.isFinite(w) && Number.isFinite(h)) {
    const a4 =
      (Math.abs(w - 11906) < 60 && Math.abs(h - 16838) < 60) || (Math.abs(h - 11906) < 60 && Math.abs(w - 16838) < 60);
    if (!a4)
      out.push({
        code: 'ND30_PAPER',
        severity: 'warning',
        message: `Khổ giấy ${mm(w)} × ${mm(h)} mm, không phải A4 (210 × 297 mm) theo Nghị định 30.`,
      });
    if (w > h)
      out.push({
        code: 'ND30_ORIENTATION',
        severity: 'warning',
        message: 'Trang đầu đặt khổ ngang: Nghị định 30 dùng khổ dọc (chỉ phụ lục có bảng rộng mới đặt ngang).',
      });
  }
  const mar = child(sect, 'w:pgMar');
  if (!mar || w > h) return;
  const ranges: [string, string, number, number][] = [
    ['w:top', 'trên', 20, 25],
    ['w:bottom', 'dưới', 20, 25],
    ['w:left', 'trái', 30, 35],
    ['w:right', 'phải', 15, 20],
  ];
  const bad = ranges
    .map(([a, label, lo, hi]) => ({ label, lo, hi, v: mm(Math.abs(Number(attr(mar, a) ?? NaN))) }))
    .filter((r) => Number.isFinite(r.v) && (r.v < r.lo - 0.3 || r.v > r.hi + 0.3));
  if (bad.length) {
    out.push({
      code: 'ND30_MARGIN',
      severity: 'warning',
      message: `Lề trang lệch Nghị định 30: ${bad.map((r) => `lề ${r.label} ${String(r.v).replace('.', ',')} mm (quy định ${r.lo}–${r.hi} mm)`).join('; ')}.`,
    });
  }
}

/** Explicit font names of a run or style properties (theme fonts have no name here). */
function fontsOf(root: XElement): string[] {
  const names: string[] = [];
  for (const f of descendants(root, 'w:rFonts'))
    for (const a of ['w:ascii', 'w:hAnsi']) {
      const v = attr(f, a);
      if (v) names.push(v);
    }
  return names;
}

function checkFonts(pkg: DocxPackage, body: XElement, installed: Set<string> | null, out: DecreeFinding[]): void {
  const styles = pkg.styles;
  const defaults = styles ? descendants(styles, 'w:docDefaults')[0] : undefined;
  const normal = styles
    ? children(children(styles)[0] ?? styles, 'w:style').find(
        (s) => attr(s, 'w:styleId') === 'Normal' || (attr(s, 'w:default') === '1' && attr(s, 'w:type') === 'paragraph'),
      )
    : undefined;
  const baseFonts = [...(defaults ? fontsOf(defaults) : []), ...(normal ? fontsOf(normal) : [])];
  const themed = [defaults, normal].some(
    (x) => x && descendants(x, 'w:rFonts').some((f) => attr(f, 'w:asciiTheme') && !attr(f, 'w:ascii')),
  );
  const used = new Set<string>([
    ...baseFonts,
    ...(styles ? fontsOf(styles) : []),
    ...pkg.parts.flatMap((p) => fontsOf(p.kind === 'body' ? body : parseXml(p.xml, p.name))),
  ]);
  const textFonts = [...used].filter((f) => !NOT_TEXT_FONTS.has(f.toLowerCase()));
  const baseFont = (normal && fontsOf(normal)[0]) ?? (defaults && fontsOf(defaults)[0]) ?? null;
  if (baseFont && baseFont.toLowerCase() !== 'times new roman')
    out.push({
      code: 'ND30_FONT',
      severity: 'warning',
      message: `Phông chữ mặc định của mẫu là “${baseFont}”: Nghị định 30 dùng Times New Roman.`,
    });
  else if (!baseFont && themed)
    out.push({
      code: 'ND30_FONT',
      severity: 'warning',
      message:
        'Phông chữ mặc định lấy theo chủ đề (theme) của Word (thường là Calibri hoặc Aptos): Nghị định 30 dùng Times New Roman.',
    });
  const others = textFonts.filter((f) => f.toLowerCase() !== 'times new roman' && f !== baseFont);
  if (others.length)
    out.push({
      code: 'ND30_FONT',
      severity: 'warning',
      message: `Mẫu còn dùng phông ${others.map((f) => `“${f}”`).join(', ')}: Nghị định 30 dùng Times New Roman cho toàn văn bản.`,
    });
  const legacy = textFonts.filter((f) => /^\.?vn|^vni[- ]/i.test(f));
  if (legacy.length)
    out.push({
      code: 'FONT_NOT_UNICODE',
      severity: 'warning',
      message: `Phông ${legacy.map((f) => `“${f}”`).join(', ')} là phông TCVN3/VNI, không phải Unicode: chữ tiếng Việt điền vào sẽ hiển thị sai.`,
    });
  if (installed) {
    const missing = textFonts.filter((f) => !installed.has(f.toLowerCase()));
    if (missing.length)
      out.push({
        code: 'FONT_MISSING',
        severity: 'warning',
        message: `Phông ${missing.map((f) => `“${f}”`).join(', ')} chưa được cài trên máy này: khi mở hoặc in, chữ sẽ bị thay bằng phông khác.`,
      });
  }
  const size = (x: XElement | undefined) => {
    const sz = x ? descendants(x, 'w:sz')[0] : undefined;
    return sz ? Number(attr(sz, 'w:val')) / 2 : null;
  };
  const bodySize = size(normal) ?? size(defaults);
  if (bodySize !== null && (bodySize < 13 || bodySize > 14))
    out.push({
      code: 'ND30_SIZE',
      severity: 'warning',
      message: `Cỡ chữ của đoạn văn thường (Normal) là ${String(bodySize).replace('.', ',')}: Nghị định 30 quy định cỡ 13–14 cho phần nội dung.`,
    });
}

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

function checkHeaderBlock(body: XElement, out: DecreeFinding[]): void {
  const bodyEl = descendants(body, 'w:body')[0];
  if (!bodyEl) return;
  // The header block sits in the first few elements: a table or paragraphs.
  const firstBlocks = children(bodyEl).slice(0, 8);
  const text = firstBlocks.map((b) => descendants(b, 'w:t').map(textOf).join('')).join('\n');
  const flat = text.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/g, ' ');
  if (!flat.includes(MOTTO) && !flat.includes('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM')) {
    out.push({
      code: 'ND30_HEADER',
      severity: 'warning',
      message:
        'Không thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” ở đầu văn bản: Nghị định 30 yêu cầu khối tiêu đề (thường là bảng hai cột không viền, bên trái tên cơ quan, bên phải Quốc hiệu và Tiêu ngữ).',
    });
    return;
  }
  if (!firstBlocks.some((b) => b.name === 'w:tbl'))
    out.push({
      code: 'ND30_HEADER',
      severity: 'info',
      message:
        'Khối tiêu đề (tên cơ quan, Quốc hiệu) không đặt trong bảng: khi tên cơ quan dài, hai cột có thể lệch nhau.',
    });
  const motto = /ĐỘC LẬP\s*[-–—]\s*TỰ DO\s*[-–—]\s*HẠNH PHÚC/.exec(flat);
  if (motto && !/ĐỘC LẬP - TỰ DO - HẠNH PHÚC/.test(motto[0]))
    out.push({
      code: 'ND30_MOTTO',
      severity: 'warning',
      message: 'Tiêu ngữ phải viết “Độc lập - Tự do - Hạnh phúc” với dấu gạch nối (-) có cách chữ hai bên.',
    });
}

const isPageField = (root: XElement) =>
  elementsWhere(
    root,
    (x) =>
      (x.name === 'w:instrText' && /^\s*PAGE\b/.test(textOf(x))) ||
      (x.name === 'w:fldSimple' && /^\s*PAGE\b/.test(attr(x, 'w:instr') ?? '')),
  ).length > 0;

function checkPageNumbers(pkg: DocxPackage, sections: XElement[], out: DecreeFinding[]): void {
  const partByName = new Map(pkg.parts.map((p) => [p.name, p]));
  const hasPage = new Map(
    pkg.parts
      .filter((p) => p.kind === 'header' || p.kind === 'footer')
      .map((p) => [p.name, isPageField(parseXml(p.xml, p.name))]),
  );
  const inHeaders = pkg.parts.some((p) => p.kind === 'header' && hasPage.get(p.name));
  const inFooters = pkg.parts.some((p) => p.kind === 'footer' && hasPage.get(p.name));
  if (!inHeaders && !inFooters) {
    out.push({
      code: 'ND30_PAGE',
      severity: 'warning',
      message:
        'Mẫu không có số trang (trường PAGE): Nghị định 30 yêu cầu đánh số trang từ trang 2, chữ số Ả Rập, đặt canh giữa ở lề trên (Insert → Page Number → Top of Page).',
    });
    return;
  }
  if (!inHeaders)
    out.push({
      code: 'ND30_PAGE_PLACE',
      severity: 'warning',
      message: 'Số trang đặt ở chân trang: Nghị định 30 đặt số trang canh giữa ở lề trên (đầu trang).',
    });
  const sect = sections[0];
  if (!sect) return;
  const refs = children(sect, 'w:headerReference').map((r) => ({
    type: attr(r, 'w:type'),
    part: pkg.rels.get(attr(r, 'r:id') ?? '') ?? '',
  }));
  const titlePg = child(sect, 'w:titlePg');
  const titleOn = !!titlePg && attr(titlePg, 'w:val') !== '0' && attr(titlePg, 'w:val') !== 'false';
  const firstHeader = titleOn ? refs.find((r) => r.type === 'first') : refs.find((r) => r.type === 'default');
  if (firstHeader && partByName.has(firstHeader.part) && hasPage.get(firstHeader.part)) {
    out.push({
      code: 'ND30_PAGE_FIRST',
      severity: 'warning',
      message:
        'Trang đầu cũng hiện số trang: Nghị định 30 không đánh số trang thứ nhất (chọn “Different First Page” cho đầu trang).',
    });
  }
}
