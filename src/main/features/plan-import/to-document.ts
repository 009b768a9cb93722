// A saved plan back into the document model, word for word: its stored text is read again and
// every line of the body becomes a block in order (bases, headings, paragraphs, dash items), the
// signature lines and the distribution list exactly as the source printed them, in the source's
// format (state or Party). Nothing is invented: what the source lacks stays empty and is said.
import type { DocumentModelInput } from '../../../shared/contract/document-model';
import { DOCUMENT_TYPE_NAMES, type DocumentTypeName } from '../../../shared/model/document';
import { PLAN_TYPE_LABELS, type Plan } from '../../../shared/model/plan';
import { AppError } from '../../../shared/errors';
import { toLines } from './reader/lines';
import { parsePlanText } from './reader/parse';
import { headingOf } from './reader/sections';
import { trimRun } from '../../../shared/text';

type Block = DocumentModelInput['body'][number];

export interface PlanDocument {
  model: DocumentModelInput;
  /** What the document leaves empty or could not keep, in Vietnamese. */
  warnings: string[];
}

const BASIS = /^(Căn cứ|Thực hiện|Xét)(?![\p{L}\p{N}])/u;
/** The labels the writer prints itself ("I. ", "1. ", "a) "): other labels ("1-") stay in the text. */
const WRITER_LABEL = /^(?:[IVXL]{1,6}\. |\d{1,2}\. |[a-zđ]\) )/u;

/** The body's lines as blocks, in order and whole: only the "- " of dash items is the writer's to print. */
export function bodyBlocks(lines: string[], system: 'state' | 'party'): Block[] {
  const out: Block[] = [];
  let list: string[] | null = null;
  let beforeHeadings = true;
  for (const text of lines) {
    const h = headingOf(text);
    if (h?.level === 4) {
      if (!list) out.push({ kind: 'list', items: (list = []) });
      list.push(text.replace(/^[-–+•] ?/u, ''));
      continue;
    }
    list = null;
    if (h) beforeHeadings = false;
    if (beforeHeadings && BASIS.test(text)) out.push({ kind: 'basis', text });
    else if (h && WRITER_LABEL.test(text) && system === 'state' && isTitleLine(h.rest, h.level))
      out.push({ kind: 'heading', level: h.level as 1 | 2 | 3, number: h.label, title: h.rest });
    else if (h && h.level <= 2 && isTitleLine(h.rest, h.level))
      out.push({ kind: 'paragraph', text: [{ text, bold: true }], indent: true });
    else out.push({ kind: 'paragraph', text });
  }
  return out.filter((b) => b.kind !== 'list' || b.items.length > 0);
}

/** A heading's own line: a title, not a paragraph that starts with a number. */
function isTitleLine(rest: string, level: number): boolean {
  if (level === 1) return rest.length <= 200 && !/[.;]$/.test(rest);
  return level === 2 && rest.length <= 150 && !/[.;:]$/.test(rest);
}

/**
 * The place of a document is the locality its issuer sits in (Nghị định 30, Phụ lục I): for a
 * plan typed in by hand, read it from the issuer's name ("UBND thành phố Long Khánh" → "Long Khánh").
 */
export function placeOfIssuer(issuer: string): string | null {
  const m = /(?:^|\s)(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+(\S.*)$/iu.exec(issuer.trim());
  if (!m) return null;
  return m[1]!
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');
}

export function planDocumentModel(plan: Plan): PlanDocument {
  const p = parsePlanText(plan.body);
  const warnings: string[] = [];
  const missing: string[] = [];
  const issuer = (plan.issuer || p.issuer.value || '').toLocaleUpperCase('vi');
  const place = p.place.value ?? placeOfIssuer(issuer);
  if (!issuer) missing.push('cơ quan ban hành');
  if (!place) missing.push('địa danh');
  else if (!p.place.value) warnings.push(`Văn bản lưu không ghi địa danh: lấy “${place}” theo tên cơ quan ban hành.`);
  if (!plan.issuedDate) missing.push('ngày ban hành');
  if (!plan.symbol) missing.push('ký hiệu');
  if (missing.length)
    throw new AppError(
      'PLAN_INCOMPLETE',
      `Văn bản chỉ đạo mã số ${plan.id} chưa có ${missing.join(', ')} nên chưa xuất được thể thức chính thức. Hãy bổ sung ở màn hình Văn bản chỉ đạo rồi xuất lại.`,
      { field: 'planId' },
    );
  const label = PLAN_TYPE_LABELS[plan.type];
  const names = DOCUMENT_TYPE_NAMES as readonly string[];
  const type = (
    names.includes(p.type.value ?? '') ? p.type.value : names.includes(label) ? label : 'Kế hoạch'
  ) as DocumentTypeName;
  const number = /^\d{1,6}$/.test(plan.number) && Number(plan.number) > 0 ? Number(plan.number) : null;
  if (number === null) warnings.push('Văn bản không có số: dòng “Số” để trống cho văn thư ghi.');

  const bodyLines = toLines(p.text.slice(p.body.start, p.body.end)).map((l) => l.text);
  const body = bodyBlocks(bodyLines, p.system);
  if (p.truncated) warnings.push('Văn bản nguồn có vẻ không đầy đủ (“[...]” hoặc bị cắt): bản xuất chỉ có phần đã có.');

  const sig = p.signer;
  const name = plan.signer || sig?.name || '';
  if (!sig)
    warnings.push(
      name
        ? 'Văn bản nguồn không có khối chữ ký: chỉ ghi họ tên người ký đã lưu, không ghi thẩm quyền, chức vụ.'
        : 'Văn bản nguồn không có khối chữ ký: để trống chỗ ký, không ghi chức vụ hay họ tên.',
    );
  else if (!name) warnings.push('Văn bản nguồn không ghi họ tên người ký: để trống chỗ ghi họ tên.');
  const archiveAt = p.recipients.findIndex((r) => /^Lưu\b/u.test(r.text));
  const entries = p.recipients.filter((_, i) => i !== archiveAt).map((r) => r.text);
  if (!p.recipients.length) warnings.push('Văn bản nguồn không có “Nơi nhận”: bản xuất để trống phần này.');
  return {
    model: {
      system: p.system,
      header: {
        parentAgency: (p.parentIssuer.value ?? '').toLocaleUpperCase('vi'),
        agency: issuer,
        number,
        symbol: trimRun(plan.symbol.replace(/[^\p{L}\p{N}/-]+/gu, '-'), '-'),
        place: place!,
        date: plan.issuedDate!,
      },
      type,
      summary: plan.summary,
      ...(p.typeAuthor.value ? { authorLine: p.typeAuthor.value } : {}),
      to: p.to.map((t) => t.text),
      body,
      signature: {
        lines: sig ? [...sig.authority, ...(sig.title ? [sig.title] : [])] : [],
        title: sig?.title ?? '',
        fullName: name,
      },
      recipients: { entries, draftingUnit: '', archive: archiveAt >= 0 ? p.recipients[archiveAt]!.text : '' },
    },
    warnings,
  };
}
