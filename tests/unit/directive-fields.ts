// A proposal in the shape of the directive fixtures' JSON (tests/fixtures/directives/*.json), for
// the fixture tests and for the field-accuracy count of `npm run bench`.
import type { PlanProposal } from '../../src/shared/model/plan-import';
import type { UnitKind } from '../../src/shared/model/unit';

export interface ExpectedSection {
  label: string;
  title?: string;
  titleStart?: string;
  textStart?: string;
  dashes?: number;
  children: ExpectedSection[];
}

export interface ExpectedUnit {
  name: string;
  role: 'lead' | 'support';
  resolves: 'unit' | 'group' | 'office' | 'issuer';
  kinds?: UnitKind[];
}

export interface ExpectedDirective {
  style: string;
  system: 'state' | 'party';
  type: string | null;
  number: string | null;
  symbol: string | null;
  place: string | null;
  date: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  title: string | null;
  to?: string[];
  legalBases: string[];
  sections: ExpectedSection[];
  tasks: { section: string; textStart: string; units: ExpectedUnit[] }[];
  deadlines: { kind: string; date: string | null; text: string }[];
  periods: { type: string; year: number; windowStart: string; windowEnd: string; deadline: string }[];
  targets: { text: string; comparator: string; value: string; unit: string }[];
  recipients: string[];
  signer: { authority: string[]; title: string; name: string | null } | null;
  truncated: boolean;
  warnings: string[];
}

export function directiveFields(p: PlanProposal) {
  return {
    system: p.system,
    type: p.type.value,
    number: p.number.value || null,
    symbol: p.symbol.value || null,
    place: p.place.value,
    date: p.date.value,
    issuer: p.issuer.value,
    parentIssuer: p.parentIssuer.value,
    title: p.title.value || null,
    to: p.to.map((t) => t.text),
    legalBases: p.legalBases.map((b) => b.text),
    tasks: p.tasks.map((t) => ({
      section: t.section,
      text: t.text,
      units: t.units.map((u) => ({ name: u.name, role: u.role, resolves: u.resolves, kinds: u.kinds })),
    })),
    deadlines: p.deadlines.map((d) => ({ kind: d.kind, date: d.date, text: d.text })),
    periods: p.periods.map((x) => ({
      type: x.type,
      year: x.year,
      windowStart: x.windowStart,
      windowEnd: x.windowEnd,
      deadline: x.deadline,
    })),
    targets: p.targets.map((t) => ({ text: t.text, comparator: t.comparator, value: t.value, unit: t.unit })),
    recipients: p.recipients.map((r) => r.text),
    signer: p.signer ? { authority: p.signer.authority, title: p.signer.title, name: p.signer.name || null } : null,
    truncated: p.truncated,
    warningCodes: p.flags.map((f) => f.code),
  };
}
