// What the plan-text reader proposes from a pasted or opened document. Every proposal carries
// the spans (character offsets in `text`, the normalised source) of the passage it came from,
// so the screen can highlight it; nothing here is stored until the user saves.
import type { Comparator, PlanType, TargetScope } from './plan';
import type { PeriodType } from './period';
import type { UnitKind } from './unit';

/** [start, end) offsets into PlanProposal.text. */
export interface Span {
  start: number;
  end: number;
}

export interface Proposed<T> {
  value: T;
  spans: Span[];
}

export interface ProposedText {
  text: string;
  spans: Span[];
}

export interface ProposedSection {
  /** The numbering as printed, without punctuation: "I", "1", "a", "-". */
  label: string;
  /** 1 for I., II.; 2 for 1., 2.; 3 for a), b); 4 for dashes. */
  level: number;
  title: string;
  /** The paragraphs under the heading, before its first child (one per line). */
  text: string;
  children: ProposedSection[];
  spans: Span[];
}

export interface UnitMatch {
  /** The name as the document writes it. */
  name: string;
  role: 'lead' | 'support';
  /** The register unit it matches, or null (offered as a new unit). */
  unitId: number | null;
  unitName: string | null;
  /** For an unmatched name: the kind a new unit would get if the user chooses to create it. */
  suggestedKind: UnitKind;
  /**
   * What the phrase names: one unit (linked, or offered for creation, never pre-chosen); a group of
   * units of some kinds ("các sở, ban, ngành", "UBND các xã, phường"); a person's post that is no
   * unit ("Công chức Văn hóa - Xã hội"); or the issuing agency itself.
   */
  resolves: UnitResolution;
  /** For a group: the kinds of unit it names (none when the register has no such kind). */
  kinds: UnitKind[];
  spans: Span[];
}

export type UnitResolution = 'unit' | 'group' | 'office' | 'issuer';

/** The two formats of Vietnamese official documents: state (Nghị định 30/2020) and Party (Hướng dẫn 36-HD/VPTW). */
export type DocumentSystem = 'state' | 'party';

/** Something the reader could not read, guessed, or doubts: a stable code and the Vietnamese message. */
export interface ProposalFlag {
  code: string;
  /** The proposal field it concerns ("number", "signer", "source"). */
  field: string;
  message: string;
}

export interface ProposedTask {
  text: string;
  units: UnitMatch[];
  /** The heading the assignment stands under ("IV.1"), or "". */
  section: string;
  spans: Span[];
}

export interface ProposedDeadline {
  kind: PeriodType;
  /** The words that name the kind ("6 tháng", "cuối năm"). */
  kindText: string;
  /** ISO date; a date written without a year takes the plan's year. Null when none can be told. */
  date: string | null;
  text: string;
  spans: Span[];
}

export interface ProposedTarget {
  text: string;
  comparator: Comparator;
  /** Canonical decimal as written ("80", "99.5"). */
  value: string;
  unit: string;
  subject: string;
  /** What the target is about, as read from its words ("mỗi đơn vị…" → each_unit). */
  scope: TargetScope;
  spans: Span[];
}

export interface ProposedSigner {
  /** Authority lines above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ"). */
  authority: string[];
  /** The title line as printed ("PHÓ CHỦ TỊCH"); "" when the block has none. */
  title: string;
  /** The signer's name; "" when the source has none ("(Đã ký)" only). */
  name: string;
  /** Where the name was read: the signature block, the page's "Người ký:" line, or nowhere. */
  nameFrom: 'block' | 'metadata' | 'none';
  spans: Span[];
}

export interface ProposedPeriod {
  type: PeriodType;
  year: number;
  /** Quarter 1–4 for a quarterly period, else null. */
  index: number | null;
  name: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  /** Why the window differs from Nghị định 09/2019's, if it does (Vietnamese). */
  note: string;
  spans: Span[];
}

export interface PlanProposal {
  /** The normalised source text: every span points into it. */
  text: string;
  /** State (Quốc hiệu) or Party ("ĐẢNG CỘNG SẢN VIỆT NAM") format. */
  system: DocumentSystem;
  /** The document type as named in Vietnamese ("Kế hoạch"), and its code. */
  type: Proposed<string | null>;
  planType: PlanType;
  number: Proposed<string>;
  symbol: Proposed<string>;
  place: Proposed<string | null>;
  date: Proposed<string | null>;
  issuer: Proposed<string | null>;
  parentIssuer: Proposed<string | null>;
  title: Proposed<string>;
  /** The author line under a Party type name ("CỦA BAN THƯỜNG VỤ TỈNH ỦY"), if any. */
  typeAuthor: Proposed<string | null>;
  /** Kính gửi: the addressees of a công văn or report. */
  to: ProposedText[];
  legalBases: ProposedText[];
  /** The body's span in `text`: after the header, before Nơi nhận or the signature block. */
  body: Span;
  sections: ProposedSection[];
  tasks: ProposedTask[];
  deadlines: ProposedDeadline[];
  targets: ProposedTarget[];
  recipients: ProposedText[];
  signer: ProposedSigner | null;
  periods: ProposedPeriod[];
  /** The source looks cut short ("[...]", no ending, no signature): said in a flag too. */
  truncated: boolean;
  /** Everything missing, guessed or doubtful, each with a code and the field it concerns. */
  flags: ProposalFlag[];
  /** The flags' messages, in Vietnamese, for the user to check. */
  warnings: string[];
  /** Plans already saved with the same number, symbol, date and issuer (set when read against a database). */
  duplicates?: { planId: number; summary: string }[];
}
