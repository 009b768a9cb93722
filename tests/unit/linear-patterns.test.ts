// Outside text (a unit's narrative, a plan's line, a file name) must be read in linear time. A
// regular expression anchored only at its end, such as /[.;,]+$/, is tried from every position
// and is quadratic on a long run that does not reach the end (40,000 dots before a letter: 5 s).
// Such trims go through shared/text.trimRun; patterns anchored at "^" (tried once) are fine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimRun } from '../../src/shared/text';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Regular-expression literals of a line (good enough for this code base's style). */
const LITERAL = /(?<![\w)\]$])\/(?![/*])((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^\\/\n[])+)\/[dgimsuvy]*/g;

/** The pattern's top-level branches (split at "|" outside groups and classes). */
function branches(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '[') while (i < body.length && body[i] !== ']') i += body[i] === '\\' ? 2 : 1;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  return [...out, body.slice(from)];
}

/** A repeated item right before a final "$" in a branch not pinned at the start. */
function endAnchoredRun(body: string): boolean {
  return branches(body).some((b) => /[+*}]\)*\$$/.test(b) && !b.startsWith('^'));
}

/** Patterns that end in a run but start with a literal the run cannot hold: one try per literal. */
const LINEAR_BY_LITERAL: Record<string, string> = {
  '\\.([a-z0-9]+)$': 'a file extension: tried only after each dot, and the run stops at the next one',
  '(?:^|\\s)(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\\s+(\\S.*)$':
    'tried only after a place word; the issuer line is at most a few hundred characters',
};

describe('patterns on outside text are linear', () => {
  it('the rule tells the two kinds apart', () => {
    expect(endAnchoredRun('[;.,]+$')).toBe(true);
    expect(endAnchoredRun('^_+|_+$')).toBe(true);
    expect(endAnchoredRun('\\s+$')).toBe(true);
    expect(endAnchoredRun('^\\d+$')).toBe(false);
    expect(endAnchoredRun('^[a-z0-9]+(-[a-z0-9]+)*$')).toBe(false);
    expect(endAnchoredRun('\\.xlsx$')).toBe(false);
    expect(endAnchoredRun('^a\\s+(.+)$|^b\\.\\s+(.+)$')).toBe(false);
  });

  it('no source file trims with a pattern anchored only at its end', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*)/.test(line)) return;
          for (const m of line.matchAll(LITERAL))
            if (endAnchoredRun(m[1]!) && !(m[1]! in LINEAR_BY_LITERAL))
              found.push(`${path.relative(SRC, file)}:${i + 1} /${m[1]}/`);
        });
    }
    expect(found).toEqual([]);
  });

  it('trimRun trims runs at either end, and only the given characters', () => {
    expect(trimRun('__tiêu đề__', '_')).toBe('tiêu đề');
    expect(trimRun('Kết thúc.;,', '.;,', 'end')).toBe('Kết thúc');
    expect(trimRun('..a..', '.', 'start')).toBe('a..');
    expect(trimRun('....', '.')).toBe('');
    const long = '.'.repeat(200_000) + 'x' + '.'.repeat(3);
    expect(trimRun(long, '.', 'end')).toBe('.'.repeat(200_000) + 'x');
  });
});
