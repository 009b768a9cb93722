// Puts the data tables written by docx-table-xml.ts into the package the docx library zipped:
// the library wrote a placeholder paragraph where each table goes, so its document.xml stays
// small; here that part is inflated, each placeholder replaced by its table's XML, and the part
// deflated again by zlib (native, on the 9 MB of the 1,000-unit report about ten times faster
// than the library's JavaScript deflate). The other parts are copied as they are, still deflated.
import zlib from 'node:zlib';
import { packPart, writeZip, type PackedPart } from '../workbooks/zip-write';

const DOCUMENT = 'word/document.xml';

interface Entry {
  part: PackedPart;
  method: number;
  time: number;
  date: number;
}

/** The entries of a zip the library wrote (plain zip: no Zip64, no encryption), in its order. */
function readEntries(zip: Buffer): Entry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('docx: no zip directory');
  const count = zip.readUInt16LE(end + 10);
  let o = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(o) !== 0x02014b50) throw new Error('docx: bad zip directory');
    const method = zip.readUInt16LE(o + 10);
    if (method !== 0 && method !== 8) throw new Error(`docx: zip method ${method}`);
    const nameLength = zip.readUInt16LE(o + 28);
    const local = zip.readUInt32LE(o + 42);
    const compressed = zip.readUInt32LE(o + 20);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({
      method,
      time: zip.readUInt16LE(o + 12),
      date: zip.readUInt16LE(o + 14),
      part: {
        name: zip.subarray(o + 46, o + 46 + nameLength),
        crc: zip.readUInt32LE(o + 16),
        size: zip.readUInt32LE(o + 24),
        deflated: zip.subarray(start, start + compressed),
      },
    });
    o += 46 + nameLength + zip.readUInt16LE(o + 30) + zip.readUInt16LE(o + 32);
  }
  return entries;
}

const bytesOf = (e: Entry): Buffer => (e.method === 0 ? e.part.deflated : zlib.inflateRawSync(e.part.deflated));

/**
 * The package with each placeholder paragraph of document.xml (the library's XML of a paragraph
 * holding only the text `marker(i)`) replaced by `tables[i]`. Each must be found once, in order.
 */
export function fillTables(zip: Uint8Array, marker: (i: number) => string, tables: string[]): Buffer {
  const entries = readEntries(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  const doc = entries.find((e) => e.part.name.toString('utf8') === DOCUMENT);
  if (!doc) throw new Error('docx: no document.xml');
  const xml = bytesOf(doc).toString('utf8');
  const pieces: string[] = [];
  let from = 0;
  tables.forEach((table, i) => {
    const placeholder = `<w:p><w:r><w:t xml:space="preserve">${marker(i)}</w:t></w:r></w:p>`;
    const at = xml.indexOf(placeholder, from);
    if (at < 0) throw new Error(`docx: table ${i} has no place`);
    pieces.push(xml.slice(from, at), table);
    from = at + placeholder.length;
  });
  pieces.push(xml.slice(from));
  const filled = packPart(DOCUMENT, pieces.join(''));
  const at = entries[0] ? { time: entries[0].time, date: entries[0].date } : { time: 0, date: 0x21 };
  // parts the library stored are deflated too, as writeZip writes every file deflated
  const parts = entries.map((e) =>
    e === doc ? filled : e.method === 8 ? e.part : { ...e.part, deflated: zlib.deflateRawSync(bytesOf(e)) },
  );
  return writeZip(parts, at);
}
