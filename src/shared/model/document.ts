// Official documents (Nghị định 30/2020/NĐ-CP): the document types with their abbreviations
// (Phụ lục III) and the entries of the outgoing-document register (sổ văn bản đi).

export interface DocumentTypeInfo {
  name: string;
  /** Abbreviation of Phụ lục III; a công văn has none (its symbol is agency + drafting unit). */
  abbreviation: string;
}

export const DOCUMENT_TYPES = [
  { name: 'Nghị quyết', abbreviation: 'NQ' },
  { name: 'Quyết định', abbreviation: 'QĐ' },
  { name: 'Chỉ thị', abbreviation: 'CT' },
  { name: 'Quy chế', abbreviation: 'QC' },
  { name: 'Quy định', abbreviation: 'QyĐ' },
  { name: 'Thông cáo', abbreviation: 'TC' },
  { name: 'Thông báo', abbreviation: 'TB' },
  { name: 'Hướng dẫn', abbreviation: 'HD' },
  { name: 'Chương trình', abbreviation: 'CTr' },
  { name: 'Kế hoạch', abbreviation: 'KH' },
  { name: 'Phương án', abbreviation: 'PA' },
  { name: 'Đề án', abbreviation: 'ĐA' },
  { name: 'Dự án', abbreviation: 'DA' },
  { name: 'Báo cáo', abbreviation: 'BC' },
  { name: 'Biên bản', abbreviation: 'BB' },
  { name: 'Tờ trình', abbreviation: 'TTr' },
  { name: 'Hợp đồng', abbreviation: 'HĐ' },
  { name: 'Công điện', abbreviation: 'CĐ' },
  { name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  { name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  { name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { name: 'Giấy mời', abbreviation: 'GM' },
  { name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { name: 'Phiếu gửi', abbreviation: 'PG' },
  { name: 'Phiếu chuyển', abbreviation: 'PC' },
  { name: 'Phiếu báo', abbreviation: 'PB' },
  { name: 'Công văn', abbreviation: '' },
] as const satisfies readonly DocumentTypeInfo[];

export type DocumentTypeName = (typeof DOCUMENT_TYPES)[number]['name'];

export const DOCUMENT_TYPE_NAMES = DOCUMENT_TYPES.map((t) => t.name) as [DocumentTypeName, ...DocumentTypeName[]];

export function documentTypeAbbreviation(name: DocumentTypeName): string {
  return DOCUMENT_TYPES.find((t) => t.name === name)?.abbreviation ?? '';
}

/** One line of the outgoing-document register. */
export interface RegisterEntry {
  id: number;
  documentType: DocumentTypeName;
  year: number;
  /** null: issued with a blank number ("Số: /BC-SNV"), to be filled in by hand. */
  number: number | null;
  symbol: string;
  date: string;
  summary: string;
  signerName: string;
  filePath: string;
  createdAt: string;
}

/** The sample documents the app can write to check the layout. */
export const SAMPLE_KINDS = ['bao-cao', 'ke-hoach', 'cong-van', 'phu-luc'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** What an official document is written as: Word, or PDF ready for digital signing (ký số). */
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What an export writes: the format, and whether the signature and seal images are placed. */
export interface DocumentOutput {
  format: DocumentFormat;
  /** The signer's signature image and the agency's seal, for a copy that is not signed digitally. */
  images: boolean;
}
