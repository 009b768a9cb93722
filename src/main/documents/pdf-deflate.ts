// A PDF's streams deflated on libuv's thread pool while the main thread typesets the next pages.
// PDFKit compresses each object's stream with zlib.deflateSync the moment the object ends (a page
// ends when the next one is added): a quarter of the PDF's time, spent on the main thread. Here
// an object that ends starts its deflate at once on the pool and is written later, in the order
// the objects ended, with the same bytes PDFKit writes: the same dictionary, the same compressed
// stream (zlib gives the same output for the same input and settings, all of it at once with
// Z_FINISH, as deflateSync does), so the same offsets and cross-reference table. Pages' contents
// are deflated at level 5 instead of zlib's 6: 40 % less time for files at most half a percent
// larger (their operators repeat in short strings, which level 6's longer searches barely shorten;
// measured on the test corpus, where the unit test holds it under 1 %).
import zlib from 'node:zlib';

/** The parts of PDFKit's PDFReference that ending an object uses. */
interface KitRef {
  document: object;
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/** zlib's level for pages' contents (PDFKit deflates every stream at zlib's default, 6). */
export const CONTENT_LEVEL = 5;

const BEHIND = Symbol('pdf-deflate-behind');
const PATCHED = Symbol('pdf-deflate-patched');

interface Behind {
  /** Objects ended so far, written one after the other as their streams are ready. */
  tail: Promise<void>;
  fail(e: unknown): void;
}

/** Streams deflated at another level than zlib's default. */
const levels = new WeakMap<object, number>();

/** A page's content stream: deflated at CONTENT_LEVEL. */
export function pageContent(ref: object): void {
  levels.set(ref, CONTENT_LEVEL);
}

/** zlib.deflateSync's bytes, computed on the thread pool in one piece (no round trip per chunk). */
function deflate(raw: Uint8Array, level = zlib.constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  const chunkSize = Math.max(16 * 1024, raw.length + (raw.length >> 3) + 1024);
  return new Promise((resolve, reject) =>
    zlib.deflate(raw, { flush: zlib.constants.Z_FINISH, chunkSize, level }, (e, out) => (e ? reject(e) : resolve(out))),
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * From now on, each object of `doc` that ends is written behind: its stream (when PDFKit would
 * compress it) deflates on the pool, and it is written, with everything that ended after it, once
 * the streams before it are ready. `fail` receives a deflate error. Documents not passed here
 * (PDFKit's own path, kept for the tests' comparison) end as before.
 */
export function deflateBehind(doc: object, someRef: object, fail: (e: unknown) => void): void {
  const proto = Object.getPrototypeOf(someRef) as KitRef & { [PATCHED]?: true };
  if (!proto[PATCHED]) {
    const original = proto.finalize;
    proto[PATCHED] = true;
    proto.finalize = function (this: KitRef): void {
      const behind = (this.document as { [BEHIND]?: Behind })[BEHIND];
      if (!behind) return original.call(this);
      let ready: Promise<void> | undefined;
      if (this.compress && this.buffer.length) {
        const pending = deflate(concat(this.buffer), levels.get(this));
        // Deflated: PDFKit's own ending then writes it as it is (its Filter was set by write()).
        ready = pending.then((out) => {
          this.buffer = [out];
          this.compress = false;
        });
        ready.catch(() => undefined); // reported through the chain below
      }
      behind.tail = behind.tail.then(async () => {
        if (ready) await ready;
        original.call(this);
      });
      behind.tail.catch(behind.fail);
    };
  }
  (doc as { [BEHIND]?: Behind })[BEHIND] = { tail: Promise.resolve(), fail };
}
