// The four faces of the PDF's font: the system's Times New Roman when it is installed and covers
// every Vietnamese letter, otherwise Liberation Serif 2 (SIL OFL 1.1, metric-compatible with Times
// New Roman) shipped in resources/fonts. Either way the PDF embeds a subset of it.
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from '@pdf-lib/fontkit';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface FontSet {
  /** "Times New Roman" or "Liberation Serif": which family the PDF embeds. */
  family: string;
  files: Record<Face, Uint8Array>;
}

const LIBERATION: Record<Face, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

/** Where each system keeps Times New Roman (Windows, macOS, Linux with the core fonts). */
const TIMES_DIRS = [
  path.join(process.env.SystemRoot ?? process.env.WINDIR ?? 'C:\\Windows', 'Fonts'),
  '/System/Library/Fonts/Supplemental',
  '/Library/Fonts',
  '/usr/share/fonts/truetype/msttcorefonts',
  '/usr/share/fonts/truetype/times',
];
const TIMES: Record<Face, string[]> = {
  regular: ['times.ttf', 'Times New Roman.ttf', 'Times_New_Roman.ttf'],
  bold: ['timesbd.ttf', 'Times New Roman Bold.ttf', 'Times_New_Roman_Bold.ttf'],
  italic: ['timesi.ttf', 'Times New Roman Italic.ttf', 'Times_New_Roman_Italic.ttf'],
  boldItalic: ['timesbi.ttf', 'Times New Roman Bold Italic.ttf', 'Times_New_Roman_Bold_Italic.ttf'],
};

/** Every letter of Vietnamese: a face missing one of them would print boxes. */
const VIETNAMESE = (() => {
  let s = 'đĐ';
  for (const b of 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY')
    for (const m of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) s += (b + m).normalize('NFC');
  return [...s].map((c) => c.codePointAt(0)!);
})();

function usable(data: Uint8Array): boolean {
  try {
    const font = fontkit.create(data);
    // A face whose licence forbids embedding or subsetting may not go into a PDF.
    const fsType = (font as unknown as { 'OS/2'?: { fsType?: { noEmbedding?: boolean; noSubsetting?: boolean } } })[
      'OS/2'
    ]?.fsType;
    if (fsType?.noEmbedding || fsType?.noSubsetting) return false;
    return VIETNAMESE.every((cp) => font.hasGlyphForCodePoint(cp));
  } catch {
    return false;
  }
}

function readFirst(dirs: string[], names: string[]): Uint8Array | null {
  for (const dir of dirs)
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (fs.statSync(file).isFile()) return new Uint8Array(fs.readFileSync(file));
      } catch {
        // not there: try the next place
      }
    }
  return null;
}

/** resources/fonts, from the source tree, the built app (out/main) or the packaged app (app.asar). */
export function bundledFontDir(): string {
  const starts = [__dirname, process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      const candidate = path.join(dir, 'resources', 'fonts');
      if (fs.existsSync(path.join(candidate, LIBERATION.regular))) return candidate;
      dir = path.dirname(dir);
    }
  }
  throw new Error('Không tìm thấy phông chữ đi kèm (resources/fonts/LiberationSerif-*.ttf).');
}

let cached: FontSet | null = null;

/** The fonts of every PDF: looked up once per process. */
export function pdfFonts(options: { systemTimes?: boolean } = {}): FontSet {
  if (options.systemTimes === false) return bundled();
  if (cached) return cached;
  const times = FACES.map((f) => readFirst(TIMES_DIRS, TIMES[f]));
  cached = times.every((d) => d && usable(d))
    ? {
        family: 'Times New Roman',
        files: { regular: times[0]!, bold: times[1]!, italic: times[2]!, boldItalic: times[3]! },
      }
    : bundled();
  return cached;
}

let bundledSet: FontSet | null = null;
function bundled(): FontSet {
  if (bundledSet) return bundledSet;
  const dir = bundledFontDir();
  const files = Object.fromEntries(
    FACES.map((f) => [f, new Uint8Array(fs.readFileSync(path.join(dir, LIBERATION[f])))]),
  ) as Record<Face, Uint8Array>;
  bundledSet = { family: 'Liberation Serif', files };
  return bundledSet;
}
