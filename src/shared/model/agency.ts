// The user's own agency: the top-left of every exported document, and its signers.

export const AUTHORITY_PREFIXES = ['', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;
export type AuthorityPrefix = (typeof AUTHORITY_PREFIXES)[number];

export const AUTHORITY_PREFIX_LABELS: Record<AuthorityPrefix, string> = {
  '': 'Ký trực tiếp (không tiền tố)',
  'TM.': 'TM. — thay mặt tập thể',
  'KT.': 'KT. — ký thay người đứng đầu',
  'Q.': 'Q. — quyền',
  'TL.': 'TL. — thừa lệnh',
  'TUQ.': 'TUQ. — thừa ủy quyền',
};

export interface Signer {
  id: number;
  fullName: string;
  /** Title printed above the name, e.g. "PHÓ GIÁM ĐỐC". */
  title: string;
  authorityPrefix: AuthorityPrefix;
  /** The line the prefix stands before, e.g. "GIÁM ĐỐC" in "KT. GIÁM ĐỐC". */
  authorityLine: string;
  isDefault: boolean;
  /** The signature image kept for this person (Cài đặt → Cơ quan), for copies not signed digitally. */
  signatureImage: { fileName: string; widthPx: number; heightPx: number } | null;
}

export interface Agency {
  parentName: string;
  name: string;
  abbreviation: string;
  place: string;
  draftingUnit: string;
  signers: Signer[];
  updatedAt: string | null;
}
