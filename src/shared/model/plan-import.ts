// What the plan-text reader proposes from a pasted or opened document. Every proposal carries
// the spans (character offsets in `text`, the normalised source) of the passage it came from,
// so the screen can highlight it; nothing here is stored until the user saves.
import type { Comparator, PlanType } from './plan';
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
  /** For an unmatched name: the kind a new unit would get. */
  suggestedKind: UnitKind;
  spans: Span[];
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
  spans: Span[];
}

export interface ProposedSigner {
  /** Authority lines above the title ("KT. CHỦ TỊCH"). */
  authority: string[];
  title: string;
  name: string;
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
  legalBases: ProposedText[];
  sections: ProposedSection[];
  tasks: ProposedTask[];
  deadlines: ProposedDeadline[];
  targets: ProposedTarget[];
  recipients: ProposedText[];
  signer: ProposedSigner | null;
  periods: ProposedPeriod[];
  /** Things the reader could not tell, in Vietnamese, for the user to check. */
  warnings: string[];
}
