// A .docx from outside, opened safely: sizes capped, every entry inflated and checked once before
// any parser sees it, and the parts that hold text found through [Content_Types].xml.
import JSZip from 'jszip';
import { AppError } from '../../../shared/errors';
import { verifyZipEntries } from '../../workbooks/zip-guard';
import { attr, children, parseXml, type XElement } from './xml';

export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 120 * 1024 * 1024;

const MAIN_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  'application/vnd.ms-word.document.macroEnabled.main+xml',
];
const TEXT_PARTS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml': 'Đầu trang',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml': 'Chân trang',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml': 'Chú thích cuối trang',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml': 'Chú thích cuối văn bản',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml': 'Nhận xét (comment)',
};

export interface TextPart {
  name: string;
  /** "Thân văn bản", "Đầu trang 1", … */
  label: string;
  kind: 'body' | 'header' | 'footer' | 'notes' | 'comments';
  xml: string;
}

export interface DocxPackage {
  zip: JSZip;
  parts: TextPart[];
  /** Other XML parts worth reading: styles, settings, font table. */
  styles: XElement | null;
  settings: XElement | null;
  fontTable: XElement | null;
  /** Relationships of the main part: id → target part name (headers, footers, images). */
  rels: Map<string, string>;
  /** Macros inside (a .docm renamed): refused. */
  hasMacros: boolean;
}

export async function openDocx(bytes: Uint8Array, fileName: string): Promise<DocxPackage> {
  if (bytes.length > MAX_TEMPLATE_BYTES)
    throw new AppError('TOO_LARGE', `Tệp mẫu “${fileName}” lớn quá ${MAX_TEMPLATE_BYTES / 1048576} MB.`, {
      file: fileName,
    });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new AppError(
      'NOT_DOCX',
      `Tệp “${fileName}” không phải tệp Word .docx (có thể là .doc cũ hoặc tệp khác): hãy mở bằng Word và lưu lại dạng .docx.`,
      { file: fileName },
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AppError('NOT_DOCX', `Tệp “${fileName}” bị hỏng, không mở được như tệp Word .docx.`, { file: fileName });
  }
  verifyZipEntries(zip, fileName, MAX_UNPACKED_BYTES, 'BAD_DOCX');
  const read = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : null);
  const typesXml = await read('[Content_Types].xml');
  if (!typesXml)
    throw new AppError('NOT_DOCX', `Tệp “${fileName}” thiếu phần [Content_Types].xml: không phải tệp Word .docx.`, {
      file: fileName,
    });
  const types = parseXml(typesXml, '[Content_Types].xml');
  const overrides = children(children(types)[0] ?? types, 'Override').map((o) => ({
    part: (attr(o, 'PartName') ?? '').replace(/^\//, ''),
    type: attr(o, 'ContentType') ?? '',
  }));
  const main = overrides.find((o) => MAIN_TYPES.includes(o.type));
  if (!main || !zip.file(main.part))
    throw new AppError('NOT_DOCX', `Tệp “${fileName}” không có phần văn bản chính: không phải tệp Word .docx.`, {
      file: fileName,
    });
  const parts: TextPart[] = [{ name: main.part, label: 'Thân văn bản', kind: 'body', xml: (await read(main.part))! }];
  const counters = new Map<string, number>();
  for (const o of overrides.sort((a, b) => a.part.localeCompare(b.part, 'en', { numeric: true }))) {
    const label = TEXT_PARTS[o.type];
    if (!label || !zip.file(o.part)) continue;
    const n = (counters.get(label) ?? 0) + 1;
    counters.set(label, n);
    const kind = o.type.includes('header')
      ? 'header'
      : o.type.includes('footer')
        ? 'footer'
        : o.type.includes('comments')
          ? 'comments'
          : 'notes';
    parts.push({
      name: o.part,
      label: kind === 'header' || kind === 'footer' ? `${label} ${n}` : label,
      kind,
      xml: (await read(o.part))!,
    });
  }
  const dir = main.part.slice(0, main.part.lastIndexOf('/') + 1);
  const xmlOf = async (name: string) => {
    const s = await read(dir + name);
    return s ? parseXml(s, name) : null;
  };
  const relsXml = await read(`${dir}_rels/${main.part.slice(dir.length)}.rels`);
  const rels = new Map<string, string>();
  if (relsXml) {
    const relsRoot = parseXml(relsXml, 'document.xml.rels');
    for (const r of children(children(relsRoot)[0] ?? relsRoot, 'Relationship')) {
      const target = attr(r, 'Target') ?? '';
      rels.set(attr(r, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : dir + target);
    }
  }
  return {
    zip,
    parts,
    rels,
    styles: await xmlOf('styles.xml'),
    settings: await xmlOf('settings.xml'),
    fontTable: await xmlOf('fontTable.xml'),
    hasMacros: Object.keys(zip.files).some((n) => /vbaProject\.bin$/i.test(n)),
  };
}
