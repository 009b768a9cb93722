// The plan reader on hostile shapes (issue 21): repeated separators, 1 MB lines, thousands of
// mottos. Each must come back with the right reading; how long it takes is measured by
// `npm run bench` (bench/plan-reader.ts) as a ratio to splitting the text into lines, never here.
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../bench/shapes/plan-text';
import { parsePlanText } from '../../src/main/features/plan-import/reader/parse';

const MB = 1_000_000;
const shape = (name: string) => SHAPES.find((s) => s.name.startsWith(name))!;
const read = (name: string, size: number) => parsePlanText(shape(name).build(size));

describe('hostile shapes are read correctly', () => {
  it('thousands of "- A;" entries after Nơi nhận on one line', () => {
    const p = read('Nơi nhận: thousands', 300_000);
    expect(p.recipients.length).toBe(60_001);
    expect(p.recipients.slice(0, -1).every((r) => r.text === 'A')).toBe(true);
    expect(p.recipients.at(-1)!.text).toBe('Lưu: VT');
  });

  it('one entry of 1 MB of ";"', () => {
    const p = read('Nơi nhận: one entry', MB);
    expect(p.recipients).toHaveLength(2);
    expect(p.recipients[0]!.text.length).toBe(MB + 1);
    expect(p.recipients[0]!.text.endsWith(';x')).toBe(true);
    expect(p.recipients[1]!.text).toBe('Lưu: VT');
  });

  it('an archive entry followed by ". a" a third of a million times', () => {
    const p = read('Lưu entry', MB);
    expect(p.recipients.map((r) => r.text.slice(0, 10))).toEqual(['UBND tỉnh', 'Lưu: VT. a']);
    expect(p.signer).toBeNull();
  });

  it('a 1 MB line of capital words ending in lower case is no signature', () => {
    const p = read('capital words', MB);
    expect(p.signer).toBeNull();
    expect(p.recipients.map((r) => r.text)).toEqual(['Lưu: VT']);
  });

  it('a 1 MB line of lower-case words is one paragraph, said to be cut short', () => {
    const p = read('one 1 MB line', MB);
    expect(p.text.split('\n')).toHaveLength(10);
    expect(p.sections[0]!.text.length).toBeGreaterThan(MB);
    expect(p.text.length).toBeGreaterThan(MB);
    expect(p.truncated).toBe(true);
    expect(p.flags.map((f) => f.code)).toContain('source.truncated');
  });

  it('hard-wrapped lower-case lines are joined into one paragraph', () => {
    const p = read('lower-case lines', 300_000);
    const text = p.sections[0]!.text;
    expect(text.split('\n')).toHaveLength(1);
    expect(text.split(' tiếp tục thực hiện nội dung').length - 1).toBe(Math.ceil(300_000 / 28));
  });

  it('a header line of thousands of mottos', () => {
    const p = read('mottos repeated', 300_000);
    expect([p.system, p.type.value, p.number.value, p.symbol.value, p.title.value]).toEqual([
      'state',
      'Kế hoạch',
      '1',
      'KH-UBND',
      'Tên',
    ]);
  });

  it('thousands of Party heading lines', () => {
    const p = read('mottos, one', 300_000);
    expect([p.system, p.type.value, p.number.value, p.symbol.value, p.title.value]).toEqual([
      'party',
      'Chỉ thị',
      '09',
      'CT/TU',
      'về việc',
    ]);
  });

  it('a line of thousands of percent targets', () => {
    const p = read('percent targets', 300_000);
    const n = Math.ceil(300_000 / 'trên 80% cơ quan đạt ít nhất 01 mô hình, '.length);
    expect(p.targets).toHaveLength(n);
    expect(
      p.targets.every(
        (t) => t.comparator === 'tren' && t.value === '80' && t.text === 'trên 80% cơ quan đạt ít nhất 01 mô hình',
      ),
    ).toBe(true);
  });

  it('a line of thousands of deadlines gives one period', () => {
    const p = read('deadlines', 300_000);
    expect(p.deadlines).toHaveLength(Math.ceil(300_000 / '6 tháng (trước ngày 10/6) '.length));
    expect(p.deadlines.every((d) => d.kind === 'half' && d.date === '2025-06-10')).toBe(true);
    expect(p.periods.map((x) => x.name)).toEqual(['6 tháng đầu năm 2025']);
  });

  it('"phối hợp với" thousands of times names the supporting unit once', () => {
    const p = read('"phối hợp với"', 300_000);
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]!.units.map((u) => `${u.role}:${u.name}`)).toEqual(['lead:Sở Nội vụ', 'support:Sở Tư pháp']);
  });

  it('a bases paragraph of thousands of parts', () => {
    const p = read('bases paragraph', 300_000);
    expect(p.legalBases).toHaveLength(Math.ceil(300_000 / 'Luật A, Nghị định B; '.length));
    expect(p.legalBases[0]!.text).toBe('Căn cứ Luật A, Nghị định B');
    expect(p.legalBases.at(-1)!.text).toBe('Luật A, Nghị định B');
  });

  it('an item naming thousands of units is not an assignment', () => {
    const p = read('units list', 300_000);
    expect(p.tasks).toEqual([]);
    expect(p.sections[0]!.children).toHaveLength(1);
  });

  it('truncation marks are kept and said; page numbers are dropped', () => {
    const p = read('truncation marks', 300_000);
    expect(p.truncated).toBe(true);
    expect(p.text.split('\n').some((l) => l === '2')).toBe(false);
    expect(p.text.split('\n').filter((l) => l === '[...]')).toHaveLength(
      Math.ceil(300_000 / '[...]\n2\nđoạn văn\n'.length),
    );
  });

  it('separators and spaces only: nothing read, everything missing is said', () => {
    const p = read('spaces and separators', 300_000);
    expect([p.type.value, p.number.value, p.date.value, p.title.value, p.signer]).toEqual([null, '', null, '', null]);
    expect(p.flags.map((f) => f.code)).toEqual(
      expect.arrayContaining(['type.missing', 'number.missing', 'date.missing', 'title.missing', 'signer.missing']),
    );
  });
});
