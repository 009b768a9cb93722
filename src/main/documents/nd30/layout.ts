// The layout of Nghị định 30/2020 (shared/design/ND30.md), in one place: every text, size,
// spacing and width of an official document is decided here, once, as a plan (plan.ts) that the
// .docx writer and the PDF writer only draw, so Word and PDF can never disagree. This file holds
// the page, the header block, Kính gửi, the signature block and the annexes; the body is in
// blocks.ts, the rules about text in text.ts.
import { formatDateLine } from '../../../shared/format';
import { trimRun } from '../../../shared/text';
import type { DocumentModel } from '../../../shared/contract/document-model';
import { textWidthTwips } from './metrics';
import {
  A4,
  MOTTO,
  NATIONAL_TITLE,
  SEAL_MM,
  SIGNATURE_GAP,
  SIGNATURE_HEIGHT_MM,
  SINGLE,
  mmToTwips,
  ptToTwips,
  type CellContent,
  type Element,
  type Para,
  type Plan,
  type Run,
  type Section,
  type SignatureImages,
  type Table,
} from './plan';
import {
  annexIsLandscape,
  annexNote,
  balanceLines,
  closeBody,
  curlyBody,
  numberLine,
  pad2,
  punctuateBases,
  splitLine,
  toRoman,
} from './text';
import { Planner, base64, mmToPx, pngSize, twipsToPx } from './blocks';
import { PARTY_SIZES, partyHeaderTable, partyNumberLine, partyPrefix } from './party';

export * from './plan';
export { annexIsLandscape, annexNote, numberLine, splitLine, toRoman } from './text';

/** Header block: a borderless two-column table (boxes 1–4 of the decree). */
function headerTable(p: Planner, model: DocumentModel, textWidth: number): Table {
  if (model.system === 'party') return partyHeaderTable(p, model, textWidth);
  const h = model.header;
  const cellPad = 60;
  const rightWidth = Math.max(
    Math.round(textWidth * 0.6),
    textWidthTwips(NATIONAL_TITLE, 12, true) + 2 * cellPad + 200,
  );
  const leftWidth = textWidth - rightWidth;
  const leftInner = leftWidth - 2 * cellPad;
  const rightInner = rightWidth - 2 * cellPad;
  const agencyLines = splitLine(h.agency, leftInner, 13, true);
  const agencyWidth = Math.min(leftInner, Math.max(...agencyLines.map((l) => textWidthTwips(l, 13, true))));
  const leftTop: CellContent[] = [
    ...(h.parentAgency ? splitLine(h.parentAgency, leftInner, 13, false).map((l) => p.centred(l, { size: 13 })) : []),
    ...agencyLines.map((l) => p.centred(l, { size: 13, bold: true })),
    p.rule(Math.round(agencyWidth * 0.4), leftInner),
  ];
  const rightTop: CellContent[] = [
    p.centred(NATIONAL_TITLE, { size: 12, bold: true }),
    p.centred(MOTTO, { size: 13, bold: true }),
    p.rule(textWidthTwips(MOTTO, 13, true), rightInner),
  ];
  const leftBottom: CellContent[] = [p.centred(numberLine(h.number, h.symbol), { size: 13 }, 0, ptToTwips(6))];
  if (model.type === 'Công văn') {
    const summary = /^V\/v\s/i.test(model.summary) ? model.summary : `V/v ${model.summary}`;
    leftBottom.push(p.centred(summary, { size: 12 }, 0, ptToTwips(4)));
  }
  const rightBottom = [
    p.centred(`${h.place}, ${formatDateLine(h.date)}`, { size: p.size, italic: true }, 0, ptToTwips(6)),
  ];
  return p.headerGrid([leftWidth, rightWidth], cellPad, [leftTop, rightTop], [leftBottom, rightBottom]);
}

/** Kính gửi: one recipient on the line; several one per line, "- …;" and the last ".". */
function addressees(p: Planner, model: DocumentModel, textWidth: number): Para[] {
  const size = p.size;
  const isLetter = model.type === 'Công văn';
  if (model.to.length === 0) return isLetter ? [{ kind: 'para', runs: [], after: ptToTwips(12) }] : [];
  const label = 'Kính gửi:';
  const before = isLetter ? ptToTwips(18) : 0;
  if (model.to.length === 1)
    return [p.centred(`${label} ${trimRun(model.to[0]!, '.;,', 'end')}.`, { size }, ptToTwips(12), before)];
  const k = textWidthTwips(`${label} `, size, false) + mmToTwips(2);
  const items = model.to.map(
    (t, i) => `- ${trimRun(t.replace(/^-\s*/, ''), '.;,', 'end')}${i === model.to.length - 1 ? '.' : ';'}`,
  );
  const longest = Math.max(...items.map((t) => textWidthTwips(t, size, false)));
  const x = Math.max(0, Math.min(Math.round((textWidth - k - longest) / 2), mmToTwips(30)));
  return items.map((item, i) => {
    const para: Para = {
      kind: 'para',
      align: 'left',
      left: x + k,
      tab: x + k,
      before: i === 0 ? before : 0,
      after: i === items.length - 1 ? ptToTwips(12) : 0,
      line: SINGLE,
      keepNext: true,
      runs:
        i === 0
          ? [
              { text: label, size },
              { text: '\t', size },
              { text: item, size },
            ]
          : [{ text: item, size }],
    };
    if (i === 0) para.hanging = k;
    return para;
  });
}

/** Nơi nhận (left) beside the signature block (right). */
function signatureTable(p: Planner, model: DocumentModel, textWidth: number): Table {
  const size = p.size;
  const sig = model.signature;
  const leftWidth = Math.round(textWidth * 0.45);
  const rightWidth = textWidth - leftWidth;
  const tight = (runs: Run[], keepNext = false): Para => ({
    kind: 'para',
    runs,
    before: 0,
    after: 0,
    line: SINGLE,
    ...(keepNext ? { keepNext } : {}),
  });

  // Nơi nhận: the state's "- …;" under a bold italic label, the Party's "- …," under an underlined one
  const party = model.system === 'party';
  const r = model.recipients;
  const entries = [
    ...(model.to.length > 0 && !r.entries.some((e) => /^-?\s*Như trên/i.test(e)) ? ['Như trên'] : []),
    ...r.entries,
  ];
  const end = party ? ',' : ';';
  const lines = entries.map((e) => `- ${trimRun(e.replace(/^-\s*/, ''), '.;,', 'end')}${end}`);
  const archive = ['VT', r.draftingUnit].filter(Boolean).join(', ');
  if (r.archive === undefined) lines.push(`- Lưu: ${archive}${r.copies ? ` (${pad2(r.copies)} bản)` : ''}.`);
  else if (r.archive) lines.push(`- ${trimRun(r.archive.replace(/^-\s*/, ''), '.;,', 'end')}.`);
  else if (lines.length) lines[lines.length - 1] = lines[lines.length - 1]!.replace(/[;,]$/, '.');
  const left: CellContent[] = [
    tight(
      [
        party
          ? { text: 'Nơi nhận:', size: PARTY_SIZES.recipientsLabel, underline: true }
          : { text: 'Nơi nhận:', size: 12, bold: true, italic: true },
      ],
      true,
    ),
    ...lines.map((l) => tight([{ text: l, size: party ? PARTY_SIZES.recipients : 11 }])),
  ];

  // the lines above the name: as the source printed them, else made from prefix, authority and title
  const authority: string[] = [];
  const prefix = party ? partyPrefix(sig.authorityPrefix) : sig.authorityPrefix;
  if (sig.lines) authority.push(...sig.lines);
  else if (sig.authorityPrefix) {
    authority.push(`${prefix} ${sig.authorityLine}`);
    if (sig.title && sig.title !== sig.authorityLine) authority.push(sig.title);
  } else authority.push(sig.title);
  const right: CellContent[] = authority.map((a) => p.centred(a, { size, bold: true }));
  if (sig.signatureImage || sig.sealImage) {
    const inner = rightWidth - 120;
    const images: SignatureImages = {
      kind: 'images',
      signature: null,
      seal: null,
      before: mmToTwips(2),
      after: mmToTwips(2),
      gap: Math.max(240, SIGNATURE_GAP),
    };
    let sigW = 0;
    let sigH = mmToPx(SIGNATURE_HEIGHT_MM);
    if (sig.signatureImage) {
      const data = base64(sig.signatureImage);
      const px = pngSize(data);
      sigW = Math.round((px.width / px.height) * sigH);
      const maxW = twipsToPx(inner) - 20;
      if (sigW > maxW) {
        sigH = Math.round((sigH * maxW) / sigW);
        sigW = maxW;
      }
      images.signature = { data, width: sigW, height: sigH };
    }
    if (sig.sealImage) {
      const data = base64(sig.sealImage);
      const px = pngSize(data);
      const sealW = mmToPx(SEAL_MM);
      const sealH = Math.round((px.height / px.width) * sealW);
      // The seal covers about a third of the signature, on its left.
      const sigLeft = (twipsToPx(inner) - sigW) / 2;
      const x =
        sigW > 0 ? Math.round(sigLeft + sigW / 3 - sealW) : Math.round((twipsToPx(inner) - sealW) / 2 - sealW / 3);
      images.seal = { data, width: sealW, height: sealH, x: Math.max(0, x), y: Math.round((sigH - sealH) / 2) };
    }
    right.push(images, p.centred(sig.fullName, { size, bold: true }, 0, 0, false));
  } else {
    right.push(p.centred(sig.fullName, { size, bold: true }, 0, SIGNATURE_GAP, false));
  }
  return {
    kind: 'table',
    widths: [leftWidth, rightWidth],
    borders: false,
    centred: false,
    padding: { left: 60, right: 60 },
    cellSize: size,
    cellSpacing: 0,
    rows: [
      {
        cells: [
          { span: 1, width: leftWidth, content: left },
          { span: 1, width: rightWidth, content: right },
        ],
      },
    ],
    signature: true,
  };
}

/** The whole plan of a (validated) model. */
export function planDocument(model: DocumentModel): Plan {
  const s = model.settings;
  const p = new Planner(s);
  const size = s.bodySize;
  const m = s.margins;
  const margins = {
    top: mmToTwips(m.top),
    bottom: mmToTwips(m.bottom),
    left: mmToTwips(m.left),
    right: mmToTwips(m.right),
  };
  const textWidth = A4.width - margins.left - margins.right;
  const isLetter = model.type === 'Công văn';
  const main: Element[] = [headerTable(p, model, textWidth)];

  // Title and summary with its rule (a công văn has none: its V/v sits under the number).
  if (!isLetter) {
    const typeSize = model.system === 'party' ? PARTY_SIZES.type : size;
    main.push(p.centred(model.type.toLocaleUpperCase('vi'), { size: typeSize, bold: true }, 0, ptToTwips(18)));
    if (model.authorLine) main.push(p.centred(model.authorLine, { size, bold: true }));
    if (model.summary) {
      // a long summary is broken into lines of even length, not a full line and one word under it
      const lines = balanceLines(model.summary, textWidth, size, true);
      for (const line of lines) main.push(p.centred(line, { size, bold: true }));
      const summaryWidth = Math.min(textWidth, Math.max(...lines.map((l) => textWidthTwips(l, size, true))));
      main.push(p.rule(Math.round(summaryWidth * 0.4), textWidth, ptToTwips(12)));
    } else main.push({ kind: 'para', runs: [], after: ptToTwips(12) });
  }
  main.push(...addressees(p, model, textWidth));
  // the decree ends the body with "./."; the Party's guide does not: a Party body ends as its source does
  const body = curlyBody(punctuateBases(model.body));
  const bodyElements = p.blocks(model.system === 'party' ? body : closeBody(body), textWidth);
  // the last paragraph goes with the signature: a signature never stands alone on its page
  const last = bodyElements[bodyElements.length - 1];
  if (last?.kind === 'para') last.keepNext = true;
  main.push(...bodyElements);
  main.push({ kind: 'para', runs: [], before: 0, after: 0, line: SINGLE, keepNext: true });
  main.push(signatureTable(p, model, textWidth));

  const sections: Section[] = [{ landscape: false, elements: main }];
  model.annexes.forEach((a, i) => {
    const landscape = annexIsLandscape(a);
    const width = (landscape ? A4.height : A4.width) - margins.left - margins.right;
    const number = a.number ?? (model.annexes.length >= 2 ? toRoman(i + 1) : '');
    const note = a.note ?? annexNote(model);
    sections.push({
      landscape,
      elements: [
        p.centred(number ? `Phụ lục ${number}` : 'Phụ lục', { size: 14, bold: true }),
        p.centred(a.title.toLocaleUpperCase('vi'), { size, bold: true }),
        ...(note ? [p.centred(note, { size, italic: true })] : []),
        p.rule(Math.round(Math.min(width, textWidthTwips(note || a.title, size, false)) * 0.4), width, ptToTwips(12)),
        ...p.blocks(a.body, width),
      ],
    });
  });

  const h = model.header;
  return {
    sections,
    margins,
    bodySize: size,
    tableSize: s.tableSize,
    properties: {
      title: `${model.type} ${model.summary}`.trim(),
      author: h.agency,
      // "Số: 05/BC-SNV, Quảng Nam, ngày 05 tháng 6 năm 2025": the number, place and date.
      subject: `${(model.system === 'party' ? partyNumberLine(h.number, h.symbol) : numberLine(h.number, h.symbol)).replace(/\u00A0+/g, ' ')}, ${h.place}, ${formatDateLine(h.date)}`,
      keywords: [model.type, h.symbol, h.issuerName ?? h.agency].join('; '),
    },
  };
}
