// The plan of an official document (Nghị định 30/2020, shared/design/ND30.md): what the layout
// decides, as writer-neutral elements that the .docx and the PDF writers draw. Lengths are in
// twips (1/20 pt, Word's own unit, exact for both writers); font sizes in points.
export const FONT = 'Times New Roman';
/** Millimetres to twips, rounded (docx's own helper rounds down). */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
/** A4 in twips. */
export const A4 = { width: mmToTwips(210), height: mmToTwips(297) };
/** Where the page number sits: 10 mm from the top edge, in the top margin. */
export const HEADER_DISTANCE = mmToTwips(10);
/** First-line indent of body paragraphs: 1 cm. */
export const FIRST_LINE = mmToTwips(10);
/** Space after body paragraphs: 6 pt. */
export const PARA_AFTER = ptToTwips(6);
/** Room for the hand signature and the seal between the title and the name. */
export const SIGNATURE_GAP = mmToTwips(28);
/** The signature image's height and the seal's true size (a round seal about 36 mm across). */
export const SIGNATURE_HEIGHT_MM = 22;
export const SEAL_MM = 36;
/** Width of the signer's empty signature field in the PDF when there is no signature image. */
export const SIGNER_FIELD_MM = 60;
/** Columns wider than this make an annex landscape when its orientation is "auto". */
export const LANDSCAPE_FROM_COLUMNS = 7;
/** Line spacing "single" in Word's units (240ths of a line). */
export const SINGLE = 240;
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Footnotes: 11 pt, justified. */
export const FOOTNOTE_SIZE = 11;

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface Run extends RunStyle {
  text: string;
  footnote?: string;
}

/** A paragraph. `line` is the spacing in 240ths of a line (Word's "auto" rule). */
export interface Para {
  kind: 'para';
  runs: Run[];
  /** Unset: the default (left). */
  align?: Align;
  before?: number;
  after?: number;
  /** Unset: single. */
  line?: number;
  firstLine?: number;
  /** Left indent; with `hanging`, the first line starts `hanging` further left at a tab stop. */
  left?: number;
  hanging?: number;
  tab?: number;
  right?: number;
  keepNext?: boolean;
  /** A table cell's paragraph: its spacing is the table's (one style in Word, not thousands). */
  cell?: boolean;
}

/** A short solid line centred in a space `space` wide (under the agency, the motto, a title). */
export interface Rule {
  kind: 'rule';
  width: number;
  space: number;
  before: number;
  after: number;
}

/** The signature image and the seal over a third of it on its left (sizes in px at 96 dpi). */
export interface SignatureImages {
  kind: 'images';
  signature: { data: Uint8Array; width: number; height: number } | null;
  seal: { data: Uint8Array; width: number; height: number; x: number; y: number } | null;
  before: number;
  after: number;
  /** Height of the line when there is no signature image (the seal floats). */
  gap: number;
}

export type CellContent = Para | Rule | SignatureImages;

export interface Cell {
  span: number;
  width: number;
  middle?: boolean;
  content: CellContent[];
}

export interface Row {
  header?: boolean;
  cells: Cell[];
}

/** A table: a grid with borders, or the borderless boxes of the header and signature blocks. */
export interface Table {
  kind: 'table';
  widths: number[];
  borders: boolean;
  centred: boolean;
  padding: { left: number; right: number };
  /** Size of the text of its cells when they are data cells (`Para.cell`). */
  cellSize: number;
  /** Space above and below the text of each data cell. */
  cellSpacing: number;
  rows: Row[];
  /** The signature block, where signing tools are given their fields. */
  signature?: boolean;
}

export interface PageBreak {
  kind: 'pageBreak';
}

export type Element = Para | Rule | Table | PageBreak;

/** A run of pages with one orientation, numbered from 1, with no number on its first page. */
export interface Section {
  landscape: boolean;
  elements: Element[];
}

export interface Plan {
  sections: Section[];
  margins: { top: number; bottom: number; left: number; right: number };
  /** Size of the page numbers and the default text. */
  bodySize: number;
  tableSize: number;
  properties: { title: string; author: string; subject: string; keywords: string };
}
