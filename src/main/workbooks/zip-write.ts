// A small zip writer for packages stamped from one template: each part is deflated once into a
// PackedPart, so the parts every copy shares are compressed once and reused byte for byte, and
// only the parts that differ are deflated again. Plain zip (no Zip64): parts and packages here
// are far below 4 GB and 65,535 entries.
import zlib from 'node:zlib';
import { crc32 } from './zip-guard';

export interface PackedPart {
  name: Buffer;
  crc: number;
  size: number;
  deflated: Buffer;
  /** A folder entry ("xl/"), as exceljs writes them: stored, empty, with the directory attribute. */
  folder?: boolean;
}

export function packFolder(name: string): PackedPart {
  return { name: Buffer.from(name, 'utf8'), crc: 0, size: 0, deflated: Buffer.alloc(0), folder: true };
}

/** Deflates one part (level 6, as exceljs and Excel do). */
export function packPart(name: string, data: Uint8Array | string): PackedPart {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    name: Buffer.from(name, 'utf8'),
    crc: crc32(bytes),
    size: bytes.length,
    deflated: zlib.deflateRawSync(bytes, { level: 6 }),
  };
}

/** The same part deflated on libuv's thread pool: the caller goes on (rendering the next part) meanwhile. */
export async function packPartAsync(name: string, data: Uint8Array | string): Promise<PackedPart> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const deflated = await new Promise<Buffer>((resolve, reject) =>
    zlib.deflateRaw(bytes, { level: 6 }, (err, out) => (err ? reject(err) : resolve(out))),
  );
  return { name: Buffer.from(name, 'utf8'), crc: crc32(bytes), size: bytes.length, deflated };
}

/** MS-DOS date and time of a moment (local time, as zip tools show it), at 2-second steps. */
export function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
  };
}

/** The zip file of the parts, in their order. */
export function writeZip(parts: PackedPart[], at: { date: number; time: number }): Buffer {
  if (parts.length > 0xffff) throw new Error('zip: too many parts');
  let size = 22;
  for (const p of parts) size += 30 + 46 + 2 * p.name.length + p.deflated.length;
  if (size > 0xffffffff) throw new Error('zip: package too large');
  const out = Buffer.allocUnsafe(size);
  const offsets: number[] = [];
  let o = 0;
  const common = (p: PackedPart, at0: number) => {
    out.writeUInt16LE(20, at0); // version needed: 2.0 (deflate)
    out.writeUInt16LE(0, at0 + 2); // flags
    out.writeUInt16LE(p.folder ? 0 : 8, at0 + 4); // stored or deflated
    out.writeUInt16LE(at.time, at0 + 6);
    out.writeUInt16LE(at.date, at0 + 8);
    out.writeUInt32LE(p.crc, at0 + 10);
    out.writeUInt32LE(p.deflated.length, at0 + 14);
    out.writeUInt32LE(p.size, at0 + 18);
    out.writeUInt16LE(p.name.length, at0 + 22);
    out.writeUInt16LE(0, at0 + 24); // extra field length
  };
  for (const p of parts) {
    offsets.push(o);
    out.writeUInt32LE(0x04034b50, o);
    common(p, o + 4);
    o += 30;
    o += p.name.copy(out, o);
    o += p.deflated.copy(out, o);
  }
  const cdStart = o;
  parts.forEach((p, i) => {
    out.writeUInt32LE(0x02014b50, o);
    out.writeUInt16LE(20, o + 4); // made by: MS-DOS, 2.0
    common(p, o + 6);
    out.writeUInt16LE(0, o + 32); // comment length
    out.writeUInt16LE(0, o + 34); // disk
    out.writeUInt16LE(0, o + 36); // internal attributes
    out.writeUInt32LE(p.folder ? 0x10 : 0, o + 38); // external attributes: MS-DOS directory
    out.writeUInt32LE(offsets[i]!, o + 42);
    o += 46;
    o += p.name.copy(out, o);
  });
  const cdSize = o - cdStart;
  out.writeUInt32LE(0x06054b50, o);
  out.writeUInt16LE(0, o + 4);
  out.writeUInt16LE(0, o + 6);
  out.writeUInt16LE(parts.length, o + 8);
  out.writeUInt16LE(parts.length, o + 10);
  out.writeUInt32LE(cdSize, o + 12);
  out.writeUInt32LE(cdStart, o + 16);
  out.writeUInt16LE(0, o + 20);
  return out;
}
