// The PDF writer: the same plan as the Word writer (nd30-layout.ts), typeset with PDFKit, fonts
// embedded as subsets, PDF/A-2b, document properties filled, and two empty signature fields
// (AcroForm /FT /Sig) where the signer and the agency (the seal) sign: ready for ký số.
import { imagesInOrder } from './pdf-images';
import PDFDocument from 'pdfkit';
import type { DocumentModel } from '../../shared/contract/document-model';
import { parseDocumentModel } from './model';
import { writeFileAtomic } from '../platform/files';
import { planDocument } from './nd30/layout';
import { FACES, pdfFonts, type Face, type FontSet } from './pdf-fonts';
import { Metrics } from './pdf-lines';
import { Flow, type Box, type Canvas } from './pdf-flow';
import { Parts, TextOps, type KitFont, type KitPage } from './pdf-text';
import { deflateBehind, pageContent } from './pdf-deflate';

/** Names of the signature fields: what signing tools list and sign into. */
export const SIGNER_FIELD = 'ChuKySo_NguoiKy';
export const SEAL_FIELD = 'ChuKySo_CoQuan';

export interface PdfOptions {
  /** Creation date written in the properties (tests pass a fixed one). */
  now?: Date;
  /** Fonts to embed; by default the system's Times New Roman or the bundled Liberation Serif. */
  fonts?: FontSet;
  /** Text and lines drawn by PDFKit's `doc.text`, `moveTo` …, as before pdf-text.ts (tests compare: same bytes). */
  kitText?: boolean;
}

const metricsCache = new WeakMap<FontSet, Metrics>();
function metricsOf(set: FontSet): Metrics {
  let m = metricsCache.get(set);
  if (!m) metricsCache.set(set, (m = new Metrics(set)));
  return m;
}

const A4_PT: [number, number] = [595.28, 841.89];

interface PdfFontLike {
  font: { glyphForCodePoint(cp: number): { advanceWidth: number; codePoints: number[] } };
  scale: number;
  layoutRun?: unknown;
}

/**
 * PDFKit shapes text with kerning and ligatures; Word and LibreOffice do not for these documents,
 * and the flow measured plain advance widths. Each face lays text out glyph by glyph instead.
 */
function plainLayout(font: PdfFontLike): void {
  font.layoutRun = (text: string) => {
    const glyphs = [];
    const positions = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const g = font.font.glyphForCodePoint(ch.codePointAt(0)!);
      const w = g.advanceWidth * font.scale;
      glyphs.push(g);
      positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      advanceWidth += w;
    }
    return { glyphs, positions, advanceWidth };
  };
}

interface StreamRef {
  write(chunk: unknown): unknown;
  finalize(): void;
}

/**
 * PDFKit turns every operator of a page's content into its own small byte array (tens of
 * thousands for a long table), most of the writer's garbage. The page's operators are gathered
 * as one string instead and handed over once, before the stream is compressed: the same bytes.
 */
function gatherContent(ref: StreamRef, pending: Parts): void {
  const write = ref.write.bind(ref);
  const finalize = ref.finalize.bind(ref);
  // Kept as a list and joined once: a string grown by tens of thousands of += is a deep rope that
  // the conversion below had to flatten piece by piece.
  const flush = (): void => {
    // "latin1" keeps each character's low byte, as PDFKit's own conversion does.
    if (pending.n) write(Buffer.from(pending.take(), 'latin1'));
  };
  ref.write = (chunk) => {
    if (chunk instanceof Uint8Array) {
      flush();
      return write(chunk);
    }
    pending.push(`${String(chunk)}\n`);
    return undefined;
  };
  ref.finalize = () => {
    flush();
    finalize();
  };
}

/** PDFKit's parsed faces (fontkit fonts) by font set, filled as each face is first used. */
const fontCache = new WeakMap<FontSet, Partial<Record<Face, unknown>>>();
function keptFonts(set: FontSet): Partial<Record<Face, unknown>> {
  let kept = fontCache.get(set);
  if (!kept) fontCache.set(set, (kept = {}));
  return kept;
}

interface KitGlyph {
  _decode(): unknown;
}

/**
 * A kept face's glyph outlines decoded once per process: embedding a subset decodes every glyph it
 * takes again (to find a composite glyph's parts), for data that never changes. Variable fonts
 * move points for each instance and are left as they are.
 */
function decodeOnce(font: unknown): unknown {
  const f = font as { getGlyph(id: number, cps?: number[]): KitGlyph | null; _variationProcessor?: unknown };
  if (f._variationProcessor) return font;
  const getGlyph = f.getGlyph.bind(f);
  f.getGlyph = (id, cps) => {
    const g = getGlyph(id, cps);
    if (g && !Object.hasOwn(g, '_decode')) {
      const decode = g._decode.bind(g);
      let decoded: { value: unknown } | undefined;
      g._decode = () => (decoded ??= { value: decode() }).value;
    }
    return g;
  };
  return font;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A validated model → PDF bytes. */
export async function renderPdf(model: DocumentModel, options: PdfOptions = {}): Promise<Uint8Array> {
  const plan = planDocument(model);
  const set = options.fonts ?? pdfFonts();
  const metrics = metricsOf(set);
  const p = plan.properties;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: A4_PT,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: 'vi-VN',
    displayTitle: true,
    font: null as unknown as string,
    info: {
      Title: p.title,
      Author: p.author,
      Subject: p.subject,
      Keywords: p.keywords,
      Creator: 'Báo cáo Nội vụ',
      Producer: 'Báo cáo Nội vụ (PDFKit)',
      CreationDate: options.now ?? new Date(),
    },
  } as PDFKit.PDFDocumentOptions);
  // PDFKit writes the properties into the XMP metadata without escaping "&" or "<".
  const d = doc as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const endMetadata = d.endMetadata.bind(doc);
  d.endMetadata = () => {
    const saved = d.info;
    d.info = Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, typeof v === 'string' ? xml(v) : v]));
    endMetadata();
    d.info = saved;
  };
  const openImage = imagesInOrder(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // Streams deflated on the thread pool while the next pages are typeset (PDFKit's own path,
    // kept for the tests' comparison, deflates each on the main thread): the same bytes.
    if (!options.kitText) deflateBehind(doc, (doc as unknown as { _root: object })._root, reject);
  });

  // Each face read once per process (its tables parsed again for every PDF were about a
  // twentieth of the time); PDFKit's own path (kitText) reads them for each document, as before.
  const kept = options.kitText ? undefined : keptFonts(set);
  for (const f of FACES) doc.registerFont(f, (kept?.[f] ?? Buffer.from(set.files[f])) as Buffer);
  const patched = new Set<Face>();
  const ops = new TextOps();
  const kit = doc as unknown as {
    page: KitPage & { content: StreamRef };
    _font: KitFont & PdfFontLike;
    _fontSize: number;
  };
  // The face and size set last on the page (compared apart: a key string per piece was garbage).
  let currentFace: Face | null = null;
  let currentSize = 0;
  /** The page's stroke width so far (null: nothing stroked yet, colour still to set). */
  let stroke: number | null = null;
  const strokeWidth = (width: number): void => {
    if (stroke === width) return;
    doc.lineWidth(width);
    if (stroke === null) doc.strokeColor('black');
    stroke = width;
  };
  const canvas: Canvas = {
    newPage: (landscape) => {
      ops.close();
      doc.addPage({
        size: A4_PT,
        layout: landscape ? 'landscape' : 'portrait',
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      });
      gatherContent(kit.page.content, ops.out);
      if (!options.kitText) pageContent(kit.page.content);
      currentFace = null;
      stroke = null;
    },
    text: (text, face, size, x, baseline, wordSpacing) => {
      if (face !== currentFace || size !== currentSize) {
        doc.font(face).fontSize(size);
        if (!patched.has(face)) {
          plainLayout(kit._font);
          patched.add(face);
          if (kept) kept[face] ??= decodeOnce(kit._font.font);
        }
        currentFace = face;
        currentSize = size;
      }
      if (options.kitText) doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', wordSpacing });
      else ops.text(kit.page, kit._font, kit._fontSize, text, x, baseline, wordSpacing);
    },
    line: (x1, y1, x2, y2, width) => {
      // Colour and width are graphics state kept to the page's end (text and images change theirs
      // inside q … Q): set when they change, not before each of a table's thousands of rules.
      if (options.kitText) doc.moveTo(x1, y1).lineTo(x2, y2);
      else {
        ops.close();
        ops.line(x1, y1, x2, y2);
      }
      strokeWidth(width);
      if (options.kitText) doc.stroke();
      else ops.out.push('S\n');
    },
    // A row's rules after its texts, so that the texts share one text block (no pixel of a cell's
    // text touches its rules; PDFKit's own path keeps the order it had), written at once.
    ...(options.kitText
      ? {}
      : {
          rowRules: (cells: number[], top: number, h: number, width: number) => {
            ops.close();
            strokeWidth(width);
            ops.rowRules(cells, top, h);
          },
        }),
    image: (data, x, y, w, h) => {
      ops.close();
      doc.image(openImage(data), x, y, { width: w, height: h });
    },
    field: (kind, box) =>
      kind === 'signer'
        ? addField(doc, SIGNER_FIELD, `Chữ ký số của người ký: ${model.signature.fullName}`, box)
        : addField(doc, SEAL_FIELD, `Chữ ký số của cơ quan (hình con dấu): ${model.header.agency}`, box),
  };
  const flow = new Flow(plan, metrics, canvas);
  flow.run();
  ops.close();
  doc.end();
  const buf = await done;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * An empty signature field: a widget with an empty appearance (PDF/A wants one) and the print
 * flag, listed in the AcroForm whose SigFlags 1 says "signatures exist" (not yet append-only:
 * that is for the signing tool to set once it has signed).
 */
function addField(doc: PDFKit.PDFDocument, name: string, tooltip: string, box: Box): void {
  const d = doc as unknown as {
    _root: { data: { AcroForm?: { data: Record<string, unknown> } } };
    page: { annotations: unknown[] };
    ref(data: object): { end(): void };
  };
  if (!d._root.data.AcroForm) {
    doc.initForm();
    const form = d._root.data.AcroForm!.data;
    delete form.NeedAppearances;
    form.SigFlags = 1;
  }
  const appearance = d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, box.w, box.h], Resources: {} });
  appearance.end();
  doc.annotate(box.x, box.y, box.w, box.h, {
    Subtype: 'Widget',
    FT: 'Sig',
    T: new String(name),
    TU: new String(tooltip),
    F: 4,
    AP: { N: appearance },
  } as unknown as PDFKit.Mixins.AnnotationOption);
  (d._root.data.AcroForm!.data.Fields as unknown[]).push(d.page.annotations[d.page.annotations.length - 1]);
}

export async function writePdf(raw: unknown, target: string, options: PdfOptions = {}): Promise<DocumentModel> {
  const model = parseDocumentModel(raw);
  writeFileAtomic(target, await renderPdf(model, options));
  return model;
}
