// Text people read quotes names with typographic quotes (“…”), never straight ones ("…"): docs/SCREENS.md.
// This scans every string, template, "+" chain and JSX text of src (a JSX element's texts joined
// around its expressions, as they are shown) that reads as prose — a Vietnamese letter, or two words
// outside the quotes, accents or not: an unexpected error's own text reaches people too (dispatch.ts
// shows it) — and refuses a straight double quote pair around a word or an interpolation. File
// formats and code (Excel formulas and headers, XML, JSON fragments, SQL, CSS attribute selectors)
// and command-line syntax keep straight quotes: they are told apart below, and the few texts that
// mix both are listed with their reason.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** A straight quote pair around a word or an interpolation, e.g. `Tệp "${name}"`, `mục "Nơi nhận"`. */
const STRAIGHT_PAIR = /"[^"\s][^"\n]*"/;

/** Texts that are a file format or code, not prose: an XML attribute or tag, a JSON object or key, a formula, SQL. */
const FORMAT = [
  /\w="/, // XML attribute, CSS attribute selector ([data-index="3"])
  /<[\w?!/]/, // XML tag
  /\{\s*"/, // JSON object
  /"\s*:\s*["\d{[]/, // JSON key with its value
  /^[A-Z]+\(/, // Excel formula
  /^\[=/, // Excel number format
  /&"/, // Excel header or footer: &"Times New Roman"
  /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|PRAGMA)\b/, // SQL, its identifiers quoted
  /\bcollate "/, // SQL: a column's collation
];

/** Prose: a Vietnamese letter, or at least two words outside the quotes and interpolations. */
const prose = (text: string) =>
  VIETNAMESE.test(text) ||
  (
    text
      .replace(/"[^"\n]*"/g, ' ')
      .replace(/\$\{…\}/g, ' ')
      .match(/[A-Za-z]{2,}/g) ?? []
  ).length >= 2;

/**
 * Texts that keep straight quotes on purpose, by file and a piece of the text. Command-line usage
 * shows shell quoting (the quotes are typed); migrations are history: they wrote what they wrote.
 */
const KEEP: Array<{ file: string; text: string; why: string }> = [
  { file: 'main/features/agency/cli.ts', text: '[--signer "', why: 'usage: shell quoting of an argument' },
  { file: 'main/features/scoring/cli.ts', text: '[--note "lý do"]', why: 'usage: shell quoting of an argument' },
  { file: 'main/features/scoring/cli.ts', text: '(điểm; "" để xóa)', why: '"" is the empty argument typed in a shell' },
  { file: 'main/features/compile/settings-cli.ts', text: '[--to "Kính gửi"]', why: 'usage: shell quoting' },
  { file: 'main/features/reports/workflow-cli.ts', text: '--reason "LÝ DO"', why: 'usage: shell quoting' },
  { file: 'main/features/reports/workflow-cli.ts', text: '--reason "lý do"', why: 'shell quoting, as in the usage' },
  { file: 'main/features/collect/collect-cells.ts', text: '"Có,Không"', why: 'Excel list validation formula' },
  { file: 'main/db/migrations/', text: '', why: 'a migration is history: its notes are what it wrote' },
];

/** `"${name}"` or `${kind} "${name}"${where}`: no words of its own, a quoted interpolation joined into a message. */
const quotesOnly = (text: string) => !/[a-z]/i.test(text.replace(/\$\{…\}/g, '')) && /(^|\s)"\.?\$\{…\}"/.test(text);

const kept = (rel: string, text: string) => KEEP.some((k) => rel.startsWith(k.file) && text.includes(k.text));

function isPlus(n: ts.Node): n is ts.BinaryExpression {
  return ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken;
}
const isText = (n: ts.Node): boolean =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);

/** The text of a literal, an interpolation shown as ${…}; a "+" chain joined the same way. */
function textOf(n: ts.Node): string {
  if (isPlus(n)) return textOf(n.left) + textOf(n.right);
  if (ts.isParenthesizedExpression(n)) return textOf(n.expression);
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => '${…}' + s.literal.text).join('');
  return '${…}';
}

/** What a JSX element's own children show: its texts, an expression as ${…}, a nested element as a break. */
function jsxText(children: ts.NodeArray<ts.JsxChild>): string {
  return children.map((c) => (ts.isJsxText(c) ? c.text : ts.isJsxExpression(c) ? '${…}' : '\n')).join('');
}

/** Straight-quoted prose of one file, as "file:line: text". */
function straightQuotes(file: string, src: string): string[] {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  const sf = ts.createSourceFile(
    file,
    src,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const check = (n: ts.Node, text: string) => {
    const bad =
      // `"${name}"` alone, joined into a message (not an SQL or CSV quoting that doubles inner quotes)
      (ts.isTemplateExpression(n) && quotesOnly(text) && !/'""'|\/"\/g/.test(n.getText(sf))) ||
      (prose(text) && STRAIGHT_PAIR.test(text) && !FORMAT.some((f) => f.test(text)));
    if (bad && !kept(rel, text))
      found.push(`${rel}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${text.slice(0, 100)}`);
  };
  const visit = (n: ts.Node): void => {
    const inChain =
      n.parent && (isPlus(n.parent) || (ts.isParenthesizedExpression(n.parent) && isPlus(n.parent.parent)));
    if (isPlus(n) && !inChain) check(n, textOf(n));
    else if (isText(n) && !inChain) check(n, textOf(n));
    else if (ts.isJsxText(n)) check(n, n.text);
    // `<p>Bấm "{label}" để lưu</p>`: the quotes sit in two JSX texts, the pair shows on screen
    else if ((ts.isJsxElement(n) || ts.isJsxFragment(n)) && n.children.some((c) => ts.isJsxExpression(c)))
      check(n, jsxText(n.children));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('text people read uses typographic quotes', () => {
  it('the rule tells prose from file formats and code', () => {
    const one = (code: string) => straightQuotes('x.ts', code);
    expect(one('const m = `Không tìm thấy đơn vị "${code}".`;')).toHaveLength(1);
    expect(one("const m = 'Kỳ \"' + name + '\" đã có.';")).toHaveLength(1);
    expect(one('const m = `Phông ${fonts.map((f) => `"${f}"`).join(", ")} chưa cài`;')).toHaveLength(1);
    expect(one('const what = `${kind} "${o.name}"${on}`;')).toHaveLength(1);
    expect(one('const sql = `SELECT count(*) FROM "${t.replace(/"/g, \'""\')}"`;')).toEqual([]);
    // without accents too: an unexpected error's text is shown to people ("Đã xảy ra lỗi không mong đợi: …")
    expect(one('const m = `copy: table "${t}" differs`;')).toHaveLength(1);
    expect(one("const m = 'Khong tim thay don vi \"' + code + '\"';")).toHaveLength(1);
    expect(straightQuotes('x.tsx', 'const e = <p>Bấm "{label}" để lưu.</p>;')).toHaveLength(1);
    expect(straightQuotes('x.tsx', 'const e = <p>Press "<b>{label}</b>" to save.</p>;')).toHaveLength(0); // a break
    // code keeps its quotes: selectors, SQL, JSON, Excel headers, a lone identifier
    expect(one('const s = `[data-index="${i}"] button`;')).toEqual([]);
    expect(one('const s = \'[tabindex]:not([tabindex="-1"])\';')).toEqual([]);
    expect(one('const q = sql`SELECT "user" FROM audit_context WHERE id = 1`;')).toEqual([]);
    expect(one('const q = `SELECT count(*) AS n FROM "${t}"`;')).toEqual([]);
    expect(one('const c = \' collate "C"\';')).toEqual([]);
    expect(one('const h = \'&C&"Times New Roman"&11Trang &P/&N\';')).toEqual([]);
    expect(one('const m = \'File content: {"$bytes": "<base64>"}, or leave it empty\';')).toEqual([]);
    expect(one('const k = \'"$bytes"\';')).toEqual([]);
    expect(one('const e = <p>Bấm "Lưu" để ghi.</p>;')).toHaveLength(0); // .ts: no JSX
    expect(straightQuotes('x.tsx', 'const e = <p>Bấm "Lưu" để ghi.</p>;')).toHaveLength(1);
    expect(one('const m = `Không tìm thấy đơn vị “${code}”.`;')).toEqual([]);
    expect(one('const f = `IF(COUNT(${r})<3,"",IF(${t},"Chưa hợp lý","Hợp lý"))`;')).toEqual([]);
    expect(one('const x = `<w:t xml:space="preserve">Số: ${n}</w:t>`;')).toEqual([]);
    expect(one('const m = `Tệp “${f}” phải là một đối tượng JSON {"MÃ": giá trị}.`;')).toEqual([]);
    expect(one('const q = (s: string) => `"${s.replace(/"/g, \'""\')}"`;')).toEqual([]);
    expect(one('const m = "Không có tệp";')).toEqual([]);
  });

  it('no straight double quotes around a name in the prose of src, accents or not', () => {
    const found = sourceFiles(SRC).flatMap((f) => straightQuotes(f, fs.readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the built-in report template and criteria set quote with “…” too', () => {
    const found: string[] = [];
    const walk = (v: unknown, where: string): void => {
      if (typeof v === 'string') {
        if (VIETNAMESE.test(v) && STRAIGHT_PAIR.test(v)) found.push(`${where}: ${v}`);
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
    };
    for (const dir of ['templates', 'scoring']) {
      const folder = path.resolve(SRC, '../resources', dir);
      for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.json')))
        walk(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')), `${dir}/${name}`);
    }
    expect(found).toEqual([]);
  });

  it('every kept text is still there (the list does not outlive its reason)', () => {
    for (const k of KEEP.filter((x) => x.text)) {
      const file = path.join(SRC, k.file);
      expect(fs.readFileSync(file, 'utf8'), `${k.file}: ${k.why}`).toContain(k.text);
    }
  });
});
