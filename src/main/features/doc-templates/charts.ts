// Charts for {%chart.…} tags: real Word charts (DrawingML, data kept in the chart's cache), so
// their Vietnamese labels are drawn by Word or LibreOffice with the document's font. The image
// module places a tiny PNG that says which chart it stands for; this pass swaps it for the chart.
import type PizZip from 'pizzip';
import zlib from 'node:zlib';
import { ancestor, append, attr, descendants, el, encodeText, parseXml, serializeXml, setAttr } from './xml';

export interface ChartValue {
  kind: 'chart';
  title: string;
  categories: string[];
  values: number[];
  /** RRGGBB per category. */
  colors: string[];
  widthPx: number;
  heightPx: number;
}

const MARK = 'bcnv-chart:';

/** A 1×1 transparent PNG carrying the chart's number in a tEXt chunk. */
export function placeholderPng(n: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const text = Buffer.from(`Comment\0${MARK}${n}`, 'latin1');
  const idat = zlib.deflateSync(Buffer.from([0, 0, 0, 0, 0]));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('tEXt', text),
      chunk('IDAT', idat),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chartNumberOf(png: Uint8Array): number | null {
  const s = Buffer.from(png.subarray(0, 120)).toString('latin1');
  const k = s.indexOf(MARK);
  return k === -1 ? null : Number.parseInt(s.slice(k + MARK.length), 10);
}

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

function chartXml(c: ChartValue): string {
  const font =
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200"><a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>';
  const pts = (xs: string[]) => xs.map((v, i) => `<c:pt idx="${i}"><c:v>${encodeText(v)}</c:v></c:pt>`).join('');
  const dPts = c.colors
    .map(
      (rgb, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr></c:dPt>`,
    )
    .join('');
  const n = c.categories.length;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${C}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1300" b="1"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:r><a:rPr lang="vi-VN" sz="1300" b="1"><a:latin typeface="Times New Roman"/></a:rPr><a:t>${encodeText(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Số đơn vị</c:v></c:tx><c:invertIfNegative val="0"/>${dPts}<c:dLbls>${font}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$${n + 1}</c:f><c:strCache><c:ptCount val="${n}"/>${pts(c.categories)}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B$${n + 1}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${pts(c.values.map(String))}</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart><c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${font}<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${font}<c:crossAx val="5001"/><c:crosses val="max"/><c:crossBetween val="between"/>${Math.max(...c.values, 0) <= 10 ? '<c:majorUnit val="1"/>' : ''}</c:valAx></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>${font}</c:chartSpace>`;
}

/** Swaps each chart placeholder picture for its chart part; returns how many were placed. */
export function placeCharts(zip: PizZip, charts: ChartValue[]): number {
  if (charts.length === 0) return 0;
  const byMedia = new Map<string, number>();
  for (const name of Object.keys(zip.files)) {
    if (!/^word\/media\/[^/]+\.png$/i.test(name)) continue;
    const n = chartNumberOf(zip.file(name)!.asUint8Array());
    if (n !== null && charts[n]) byMedia.set(name.slice('word/'.length), n);
  }
  let placed = 0;
  let overrides = '';
  for (const relsName of Object.keys(zip.files).filter((n) => /^word\/_rels\/[^/]+\.xml\.rels$/.test(n))) {
    const partName = `word/${relsName.slice('word/_rels/'.length, -'.rels'.length)}`;
    const partFile = zip.file(partName);
    if (!partFile) continue;
    const rels = parseXml(zip.file(relsName)!.asText(), relsName);
    const found = descendants(rels, 'Relationship').filter((r) => byMedia.has(attr(r, 'Target') ?? ''));
    if (found.length === 0) continue;
    const part = parseXml(partFile.asText(), partName);
    const blips = descendants(part, 'a:blip');
    for (const r of found) {
      const media = attr(r, 'Target')!;
      const n = byMedia.get(media)!;
      const rId = attr(r, 'Id')!;
      const target = `charts/chart${n + 1}.xml`;
      setAttr(r, 'Type', REL_CHART);
      setAttr(r, 'Target', target);
      // The picture's graphic becomes a chart reference; the drawing's size stays.
      for (const b of blips.filter((x) => attr(x, 'r:embed') === rId)) {
        const data = ancestor(b, 'a:graphicData');
        if (!data) continue;
        setAttr(data, 'uri', C);
        data.children = [];
        append(data, el('c:chart', { 'xmlns:c': C, 'xmlns:r': REL_NS, 'r:id': rId }));
      }
      zip.file(`word/${target}`, chartXml(charts[n]!));
      zip.remove(`word/${media}`);
      overrides += `<Override PartName="/word/${target}" ContentType="${CHART_TYPE}"/>`;
      placed++;
    }
    zip.file(relsName, serializeXml(rels));
    zip.file(partName, serializeXml(part));
  }
  if (overrides) {
    const types = zip.file('[Content_Types].xml')!.asText();
    zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides}</Types>`));
  }
  return placed;
}
