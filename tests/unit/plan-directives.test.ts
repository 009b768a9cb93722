// The reader on fourteen directives written for the tests in the styles offices really send
// (state and Party; UBND tỉnh/huyện/xã, Tỉnh ủy, Huyện ủy, Đảng ủy, Ban Dân vận; clean, OCR'd,
// web-copied, flattened, truncated). Every field of the proposal is compared with the JSON beside
// the text, written by hand from the text alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/main/features/plan-import/reader/parse';
import type { PlanProposal, ProposedSection } from '../../src/shared/model/plan-import';
import { directiveFields, type ExpectedDirective } from './directive-fields';

const DIR = path.join(__dirname, '../fixtures/directives');
const names = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

const load = (name: string) => ({
  text: fs.readFileSync(path.join(DIR, `${name}.txt`), 'utf8'),
  expected: JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as ExpectedDirective,
});

it('has at least twelve directives, state and Party', () => {
  expect(names.length).toBeGreaterThanOrEqual(12);
  const systems = names.map((n) => load(n).expected.system);
  expect(systems).toContain('state');
  expect(systems).toContain('party');
});

describe.each(names)('%s', (name) => {
  const { text, expected: e } = load(name);
  const p: PlanProposal = parsePlanText(text);
  const f = directiveFields(p);

  it('header', () => {
    expect({
      system: f.system,
      type: f.type,
      number: f.number,
      symbol: f.symbol,
      place: f.place,
      date: f.date,
      issuer: f.issuer,
      parentIssuer: f.parentIssuer,
      title: f.title,
    }).toEqual({
      system: e.system,
      type: e.type,
      number: e.number,
      symbol: e.symbol,
      place: e.place,
      date: e.date,
      issuer: e.issuer,
      parentIssuer: e.parentIssuer,
      title: e.title,
    });
    expect(f.to).toEqual(e.to ?? []);
  });

  it('legal bases', () => expect(f.legalBases).toEqual(e.legalBases));

  it('sections', () => {
    const check = (got: ProposedSection[], want: ExpectedDirective['sections'], where: string) => {
      const shown = got.filter((s) => s.level < 4);
      expect(
        shown.map((s) => s.label),
        where,
      ).toEqual(want.map((w) => w.label));
      for (const [i, w] of want.entries()) {
        const g = shown[i]!;
        if (w.title !== undefined) expect(g.title, `${where} ${w.label}`).toBe(w.title);
        if (w.titleStart !== undefined)
          expect(g.title.startsWith(w.titleStart), `${where} ${w.label}: "${g.title}"`).toBe(true);
        if (w.textStart !== undefined)
          expect(g.text.startsWith(w.textStart), `${where} ${w.label} text: "${g.text}"`).toBe(true);
        expect(g.children.filter((c) => c.level === 4).length, `${where} ${w.label} dashes`).toBe(w.dashes ?? 0);
        check(g.children, w.children, `${where} ${w.label}`);
      }
    };
    check(p.sections, e.sections, 'sections');
  });

  it('tasks and units', () => {
    expect(f.tasks.map((t) => t.section)).toEqual(e.tasks.map((t) => t.section));
    for (const [i, t] of e.tasks.entries()) {
      expect(f.tasks[i]!.text.startsWith(t.textStart), `task ${i}: "${f.tasks[i]!.text}"`).toBe(true);
      expect(f.tasks[i]!.units).toEqual(t.units.map((u) => ({ kinds: [], ...u })));
    }
  });

  it('deadlines and periods', () => {
    expect(f.deadlines).toEqual(e.deadlines);
    expect(f.periods).toEqual(e.periods);
  });

  it('targets', () => expect(f.targets).toEqual(e.targets));

  it('recipients and signer', () => {
    expect(f.recipients).toEqual(e.recipients);
    expect(f.signer).toEqual(e.signer);
  });

  it('reads its own normalised text the same (a saved plan is read again to be written back)', () => {
    const again = parsePlanText(p.text);
    expect(again.text).toBe(p.text);
    expect(directiveFields(again)).toEqual(f);
  });

  it('truncation and warnings', () => {
    expect(f.truncated).toBe(e.truncated);
    expect(f.warningCodes).toEqual(e.warnings);
  });
});
