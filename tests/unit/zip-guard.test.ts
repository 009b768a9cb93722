// The zip guard inflates small entries in place and the others on the thread pool: whichever way an
// entry goes, a package is accepted or refused exactly as when every entry is inflated at once under
// the whole budget (the synchronous guard), with the same message; the bytes it hands on for reading
// are the entries' own.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SMALL_ENTRY_BYTES, verifyZipEntries, verifyZipEntriesAsync } from '../../src/main/workbooks/zip-guard';
import { lyingBomb } from '../fuzz/mutations';

const MB = 1024 * 1024;

/** Text that deflates well but not to nothing: `bytes` long. */
const filler = (bytes: number) => {
  let s = '';
  for (let i = 0; s.length < bytes; i++) s += `<c r="A${i}"><v>${(i * 7919) % 1000}</v></c>`;
  return s.slice(0, bytes);
};

async function pack(entries: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The outcome of a guard: the total size, or the error's code and message. */
async function outcome(run: () => number | Promise<number>): Promise<string> {
  try {
    return `total ${await run()}`;
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
}

async function both(bytes: Uint8Array, budget: number) {
  const load = () => JSZip.loadAsync(bytes, { checkCRC32: false });
  const whole = await outcome(async () => verifyZipEntries(await load(), 'g.xlsx', budget));
  const split = await outcome(async () => verifyZipEntriesAsync(await load(), 'g.xlsx', budget));
  return { whole, split };
}

/** Flips bytes inside the first entry's deflated data (after its local header and name). */
function damage(bytes: Uint8Array): Uint8Array {
  const b = new Uint8Array(bytes);
  const nameLength = b[26]! | (b[27]! << 8);
  for (let i = 30 + nameLength + 4; i < 30 + nameLength + 40; i++) b[i] = b[i]! ^ 0x5a;
  return b;
}

describe('zip guard: small entries in place, large ones on the pool', () => {
  it('accepts or refuses every package as the whole-budget guard does, with the same message', async () => {
    const good = await pack({ 'a.xml': filler(40_000), 'b.xml': 'Ủy ban nhân dân', 'big.xml': filler(3 * MB) });
    // an entry that claims 1,000 bytes but inflates to 2 MB: past the in-place cap, within the budget
    const lying = lyingBomb(await pack({ 'x.xml': filler(2 * MB) }));
    // the same lie, past the whole budget: a bomb
    const bomb = lyingBomb(await pack({ 'x.xml': filler(6 * MB) }));
    const cases: [string, Uint8Array, number, RegExp][] = [
      ['good', good, 200 * MB, /^total \d+$/],
      ['size that lies', lying, 200 * MB, /không khớp mã kiểm tra/],
      ['lying bomb', bomb, 4 * MB, /ZIP_BOMB/],
      ['budget under the in-place cap', await pack({ 'x.xml': filler(SMALL_ENTRY_BYTES / 2) }), 1000, /ZIP_BOMB/],
      ['damaged deflate data', damage(await pack({ 'x.xml': filler(200_000) })), 200 * MB, /bị hỏng/],
    ];
    for (const [label, bytes, budget, expected] of cases) {
      const r = await both(bytes, budget);
      expect(r.split, label).toBe(r.whole);
      expect(r.split, label).toMatch(expected);
    }
  });

  it("hands on each entry's own bytes, once checked", async () => {
    const zip = await JSZip.loadAsync(
      await pack({ 'a.xml': filler(40_000), 'b.rels': 'Đ', 'big.xml': filler(3 * MB), 'empty.xml': '' }),
      { checkCRC32: false },
    );
    const kept = new Map<string, Uint8Array>();
    await verifyZipEntriesAsync(zip, 'g.xlsx', 200 * MB, 'CORRUPT_XLSX', (name, bytes) => kept.set(name, bytes));
    // an empty entry has no data to inflate (JSZip holds none): nothing to hand on
    expect([...kept.keys()].sort()).toEqual(['a.xml', 'b.rels', 'big.xml']);
    for (const [name, bytes] of kept)
      expect(Buffer.from(bytes).equals(await zip.file(name)!.async('nodebuffer'))).toBe(true);
  });
});
