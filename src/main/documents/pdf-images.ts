// Images embedded in the order they are drawn. PDFKit decodes a PNG with transparency on the thread
// pool (png-js inflates asynchronously) and gives its alpha mask an object number when the decode
// ends: with two such images (a signature and a seal) the numbers followed whichever decode ended
// first, so the same document came out with other bytes now and then (the same marks and pixels).
// The decodes still run together; their endings are taken in drawing order.

interface PngDecoder {
  decodePixels(done: (pixels: Uint8Array) => void): unknown;
}

/** An opener of images for `doc` whose decodes end in the order the images were opened. */
export function imagesInOrder(doc: PDFKit.PDFDocument): (data: Uint8Array) => PDFKit.Mixins.ImageSrc {
  let last: Promise<void> = Promise.resolve();
  return (data) => {
    const image = (doc as unknown as { openImage(src: Buffer): { image?: Partial<PngDecoder> } }).openImage(
      Buffer.from(data),
    );
    const png = image.image;
    if (png && typeof png.decodePixels === 'function') {
      const decode = png.decodePixels.bind(png);
      png.decodePixels = (done) => {
        const pixels = new Promise<Uint8Array>((resolve) => decode(resolve));
        const before = last;
        last = (async () => {
          const p = await pixels;
          await before;
          try {
            done(p);
          } catch (err) {
            // the document fails (renderPdf rejects) instead of waiting for this image for ever
            doc.emit('error', err);
          }
        })();
        return undefined;
      };
    }
    return image as unknown as PDFKit.Mixins.ImageSrc;
  };
}
