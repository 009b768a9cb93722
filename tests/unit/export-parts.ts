// What an exported file says, apart from when it was made: the parts of a .docx/.xlsx (each XML
// part as text, other parts by their bytes' hash; the zip's own timestamps are not read) and the
// parts of an .eml (headers that name a moment or a random token dropped, attachments unpacked
// the same way). Two files with equal parts differ only in their dates: the full-cycle test
// compares what SQLite and PostgreSQL export with these.
import crypto from 'node:crypto';
import JSZip from 'jszip';

const MOMENT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/** Each part of an Office file (a zip), by name, in name order. */
export async function zipParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out[name] = /\.(xml|rels)$/i.test(name)
      ? (await entry.async('string')).replace(MOMENT, '<moment>')
      : `sha256:${crypto
          .createHash('sha256')
          .update(await entry.async('uint8array'))
          .digest('hex')}`;
  }
  return out;
}

/** Headers whose value is a moment or a token made up for this one message. */
const UNIQUE_HEADERS = new Set(['date', 'message-id']);

interface MimePart {
  headers: Record<string, string>;
  body: unknown;
}

function headersOf(block: string): Record<string, string> {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const out: Record<string, string> = {};
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

/** An .eml's structure: headers (without the unique ones and boundaries), text decoded, attachments as parts. */
export async function emlParts(bytes: Uint8Array): Promise<MimePart> {
  const text = Buffer.from(bytes).toString('latin1');
  return part(text);
}

async function part(text: string): Promise<MimePart> {
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const rest = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const all = headersOf(head);
  const type = all['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(all))
    if (!UNIQUE_HEADERS.has(k)) headers[k] = boundary ? v.replace(boundary, '<boundary>') : v;
  if (boundary) {
    const pieces = rest.split(`--${boundary}`).slice(1);
    const parts: MimePart[] = [];
    for (const p of pieces) {
      if (p.startsWith('--')) break;
      parts.push(await part(p.replace(/^\r?\n/, '')));
    }
    return { headers, body: parts };
  }
  const raw =
    (all['content-transfer-encoding'] ?? '').toLowerCase() === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64')
      : Buffer.from(rest, 'latin1');
  const body = raw.subarray(0, 2).toString('latin1') === 'PK' ? await zipParts(raw) : raw.toString('utf8');
  return { headers, body };
}
