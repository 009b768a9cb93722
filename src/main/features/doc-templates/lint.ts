// Mẫu Word: the linter. It reads a template the way the engine will (tracked changes accepted,
// split tags joined) and says, in Vietnamese and with the place, what would break or surprise:
// syntax, loops, field names, tags Word split in ways that cannot be joined, tags in tracked
// changes or comments, Word mail-merge fields, fonts, and deviations from Nghị định 30.
import type { DocUsage, LintFinding, LintReport, Severity } from '../../../shared/contract/doc-templates';
import type { DocxPackage } from './package';
import { describePlace, excerpt, mapPart, type Para } from './text-map';
import { nameProblem, piecesOf, scanTags, type Tag } from './tags';
import { acceptRevisions, formatKey, joinProblem, joinTags, mergeFields } from './normalize';
import { checkFields, nearestName } from './lint-fields';
import { topNames } from './catalogue';
import { findGroupRows, isRowLoop, pairLoops, type LoopPair } from './group-rows';
import { checkDecree } from './nd30';
import { parseXml, type XElement } from './xml';

export interface LintOptions {
  usage: DocUsage | null;
  /** Font families installed on this computer (lower case); null when unknown. */
  installedFonts: Set<string> | null;
}

class Findings {
  list: LintFinding[] = [];
  add(code: string, severity: Severity, message: string, para?: Para): void {
    const where = para ? describePlace(para.place) : '';
    const text = para ? excerpt(cellText(para)) : '';
    if (this.list.some((f) => f.code === code && f.where === where && f.message === message)) return;
    this.list.push({ code, severity, message, where, text });
  }
}

/** A cell's whole text (all its paragraphs), a paragraph's text otherwise. */
function cellText(para: Para): string {
  if (!para.tc) return para.text;
  const texts: string[] = [];
  const walk = (e: XElement) => {
    for (const c of e.children) {
      if (c.type !== 'el') continue;
      if (c.name === 'w:t') texts.push(c.children.map((x) => (x.type === 'text' ? x.raw : '')).join(''));
      else if (c.name !== 'w:delText') walk(c);
    }
  };
  walk(para.tc);
  return texts.join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const tagLabel = (t: Tag) => `{${t.raw}}`;

export function lintPackage(pkg: DocxPackage, fileName: string, opts: LintOptions): LintReport {
  const out = new Findings();
  if (pkg.hasMacros)
    out.add(
      'MACROS',
      'error',
      'Tệp có chứa macro (VBA): ứng dụng không dùng mẫu có macro. Hãy lưu lại dạng “Word Document (.docx)”.',
    );
  let revisionCount = 0;
  let joinedCount = 0;
  let tagCount = 0;
  const bodyTags: Tag[] = [];
  const allTags: Tag[] = [];
  for (const part of pkg.parts) {
    const original = parseXml(part.xml, part.name);
    revisionCount += checkRevisions(mapPart(original, part.name, part.label), out);
    // The engine's view: revisions accepted, then split tags joined.
    const root = parseXml(part.xml, part.name);
    acceptRevisions(root);
    const before = mapPart(root, part.name, part.label);
    const scanned = scanTags(before);
    checkSplits(scanned.tags, out);
    joinedCount += joinTags(scanned.tags);
    const paras = mapPart(root, part.name, part.label);
    const { tags, strays } = scanTags(paras);
    tagCount += tags.length;
    checkStrays(strays, paras, out);
    for (const tag of tags) {
      const problem = nameProblem(tag);
      if (problem) out.add('BAD_TAG', 'error', `Thẻ ${tagLabel(tag)}: ${problem}.`, tag.para);
      const pieces = piecesOf(tag);
      if (pieces.length > 1) {
        const why = joinProblem(tag);
        if (why)
          out.add(
            'SPLIT_TAG',
            'error',
            `Thẻ ${tagLabel(tag)} không nối lại được: ${why}. Hãy xóa thẻ rồi gõ lại liền một lần.`,
            tag.para,
          );
      }
      const field = pieces.find((p) => p.field)?.field;
      if (field)
        out.add(
          'TAG_IN_FIELD',
          'warning',
          `Thẻ ${tagLabel(tag)} nằm trong kết quả của trường Word “${field.split(/\s+/)[0]}”: khi cập nhật trường (F9), Word sẽ ghi đè giá trị đã điền.`,
          tag.para,
        );
      if (part.kind === 'comments')
        out.add(
          'TAG_IN_COMMENT',
          'warning',
          `Thẻ ${tagLabel(tag)} nằm trong một nhận xét (comment): nhận xét không phải nội dung văn bản; hãy đưa thẻ vào văn bản hoặc xóa nhận xét.`,
          tag.para,
        );
    }
    checkStructure(tags, out);
    for (const name of mergeFields(root)) {
      const near = nearestName(name, topNames());
      out.add(
        'MERGEFIELD',
        'warning',
        `Mẫu có trường trộn thư của Word «${name}»: ứng dụng không điền loại trường này; hãy thay bằng thẻ {…}${near ? `, ví dụ {${near}}` : ''}.`,
      );
    }
    if (part.kind !== 'comments') (part.kind === 'body' ? bodyTags : allTags).push(...tags);
  }
  const ordered = [...bodyTags, ...allTags];
  // Names are checked even when loops are broken: the user fixes both at once.
  const fields = checkFields(ordered, opts.usage);
  const used = fields.used;
  for (const p of fields.problems) out.add(p.code, p.severity, p.message, p.tag.para);
  if (revisionCount)
    out.add(
      'REVISIONS',
      'info',
      `Mẫu còn ${revisionCount} thay đổi được theo dõi (Track Changes): khi điền, mọi thay đổi được chấp nhận như lệnh “Accept All” của Word.`,
    );
  if (joinedCount)
    out.add(
      'JOINED',
      'info',
      `${joinedCount} thẻ bị Word tách thành nhiều đoạn định dạng (do kiểm tra chính tả hoặc sửa chữa): đã nối lại, giữ định dạng của phần đầu.`,
    );
  if (tagCount === 0)
    out.add(
      'NO_TAGS',
      'warning',
      'Mẫu không có thẻ nào ({agency.name}, {period.name}, …): văn bản điền ra sẽ giống hệt mẫu.',
    );
  for (const f of checkDecree(pkg, opts.installedFonts)) out.add(f.code, f.severity, f.message);

  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const findings = out.list.sort((a, b) => order[a.severity] - order[b.severity]);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    fileName,
    ok: count('error') === 0,
    findings,
    fields: used,
    counts: { errors: count('error'), warnings: count('warning'), infos: count('info'), tags: tagCount },
  };
}

/** Tags touched by tracked changes (before they are accepted); returns how many changes there are. */
function checkRevisions(paras: Para[], out: Findings): number {
  let changes = 0;
  const { tags } = scanTags(paras);
  for (const para of paras) {
    const deleted = para.pieces.filter((p) => p.kind === 'deleted');
    const inserted = para.pieces.filter((p) => p.inserted && p.kind === 'text');
    changes += deleted.length + inserted.length;
    for (const d of deleted) {
      if (/[{}]/.test(d.text))
        out.add(
          'TAG_DELETED',
          'info',
          `Thẻ hoặc dấu ngoặc “${excerpt(d.text, 40)}” nằm trong phần đã xóa có theo dõi thay đổi: khi điền, phần này bị bỏ.`,
          para,
        );
    }
    for (const tag of tags.filter((t) => t.para === para)) {
      const touched =
        inserted.some((p) => p.start < tag.end && p.start + p.text.length > tag.start) ||
        deleted.some((d) => d.start > tag.start && d.start < tag.end);
      if (touched)
        out.add(
          'TAG_IN_REVISION',
          'warning',
          `Thẻ ${tagLabel(tag)} nằm trong phần sửa có theo dõi thay đổi (Track Changes): khi điền, thay đổi được chấp nhận; hãy kiểm tra thẻ đọc đúng như mong muốn rồi chấp nhận thay đổi trong Word.`,
          para,
        );
    }
  }
  return changes;
}

/** Split tags whose pieces carry different formatting: the value takes the first piece's. */
function checkSplits(tags: Tag[], out: Findings): void {
  for (const tag of tags) {
    const pieces = piecesOf(tag);
    if (pieces.length < 2 || joinProblem(tag)) continue;
    if (new Set(pieces.map((p) => formatKey(p.run))).size > 1) {
      out.add(
        'MIXED_FORMAT',
        'warning',
        `Thẻ ${tagLabel(tag)} có các phần định dạng khác nhau (đậm, nghiêng, cỡ chữ…): giá trị điền vào sẽ theo định dạng của phần đầu.`,
        tag.para,
      );
    }
  }
}

function checkStrays(strays: ReturnType<typeof scanTags>['strays'], paras: Para[], out: Findings): void {
  for (const s of strays) {
    if (s.brace === '}') {
      out.add(
        'STRAY_BRACE',
        'error',
        'Có dấu “}” không có dấu “{” mở tương ứng: xóa dấu thừa hoặc gõ lại thẻ.',
        s.para,
      );
      continue;
    }
    const k = paras.indexOf(s.para);
    const next = paras[k + 1];
    const nextClose = next ? next.text.indexOf('}') : -1;
    const broken = next && nextClose !== -1 && (next.text.indexOf('{') === -1 || next.text.indexOf('{') > nextClose);
    out.add(
      broken ? 'TAG_ACROSS_PARAGRAPHS' : 'UNCLOSED_TAG',
      'error',
      broken
        ? `Thẻ “${excerpt(s.para.text.slice(s.at), 30)}” bị ngắt sang đoạn sau (có dấu xuống dòng giữa thẻ): hãy gõ thẻ liền trên một dòng.`
        : `Dấu “{” ở “${excerpt(s.para.text.slice(s.at), 30)}” không có dấu “}” đóng.`,
      s.para,
    );
  }
}

const sameContainer = (a: Para, b: Para) => !!a.place.textBox === !!b.place.textBox;

/** Loop tags: nesting, names, and where their two ends may sit. */
function checkStructure(tags: Tag[], out: Findings): void {
  const stack: Tag[] = [];
  for (const t of tags) {
    if (t.kind === 'open' || t.kind === 'inverted') stack.push(t);
    else if (t.kind === 'close') {
      if (stack.length === 0) {
        out.add('LOOP_UNOPENED', 'error', `Thẻ đóng ${tagLabel(t)} không có thẻ mở {#${t.name}} đứng trước.`, t.para);
        continue;
      }
      const top = stack.at(-1)!;
      if (t.name && t.name !== top.name) {
        const deeper = stack.findIndex((x) => x.name === t.name);
        if (deeper !== -1) {
          out.add(
            'LOOP_CROSSED',
            'error',
            `Vòng lặp ${tagLabel(stack[deeper]!)} và ${tagLabel(top)} đan chéo nhau: ${tagLabel(top)} phải đóng trước ${tagLabel(t)}.`,
            t.para,
          );
          stack.splice(deeper);
        } else {
          out.add(
            'LOOP_UNOPENED',
            'error',
            `Thẻ đóng ${tagLabel(t)} không khớp thẻ mở ${tagLabel(top)} (ở ${describePlace(top.para.place)}).`,
            t.para,
          );
          stack.pop();
        }
        continue;
      }
      stack.pop();
    }
  }
  for (const t of stack)
    out.add(
      'LOOP_UNCLOSED',
      'error',
      `Thẻ mở ${tagLabel(t)} không có thẻ đóng {/${t.name}} trong cùng phần văn bản.`,
      t.para,
    );
  if (stack.length) return;
  const pairs = pairLoops(tags);
  for (const l of pairs) checkPlacement(l, out);
  const byRow = new Map<XElement, LoopPair[]>();
  for (const l of pairs.filter(isRowLoop)) byRow.set(l.open.para.tr!, [...(byRow.get(l.open.para.tr!) ?? []), l]);
  for (const [, loops] of byRow) {
    if (loops.length > 2)
      out.add(
        'LOOP_ROW_DEPTH',
        'error',
        `Một hàng của bảng có ${loops.length} vòng lặp lồng nhau trải qua nhiều ô: tối đa hai (nhóm và mục trong nhóm).`,
        loops[0]!.open.para,
      );
    else if (loops.length === 2 && findGroupRows(loops).length === 0)
      out.add(
        'LOOP_ROW_KIND',
        'error',
        'Hàng có hai vòng lặp trải qua nhiều ô nhưng vòng trong là điều kiện {^…}: chỉ lồng được {#nhóm}…{#mục}…{/mục}…{/nhóm}.',
        loops[0]!.open.para,
      );
  }
}

function checkPlacement(l: LoopPair, out: Findings): void {
  const a = l.open.para;
  const b = l.close.para;
  const name = tagLabel(l.open);
  if (!sameContainer(a, b)) {
    out.add(
      'LOOP_SPAN',
      'error',
      `Vòng lặp ${name} bắt đầu và kết thúc ở hai nơi khác nhau (hộp văn bản và thân văn bản).`,
      a,
    );
    return;
  }
  if (a.tbl !== b.tbl) {
    const msg =
      a.tbl && b.tbl
        ? 'bắt đầu trong một bảng nhưng kết thúc ở bảng khác'
        : a.tbl
          ? 'bắt đầu trong bảng nhưng kết thúc ngoài bảng'
          : 'bắt đầu ngoài bảng nhưng kết thúc trong bảng';
    out.add(
      'LOOP_SPAN',
      'error',
      `Vòng lặp ${name} ${msg} (thẻ đóng ở ${describePlace(b.place)}): để lặp các hàng, đặt cả {#…} và {/…} trong cùng một bảng; để lặp cả bảng, đặt chúng ở đoạn ngay trước và ngay sau bảng.`,
      a,
    );
    return;
  }
  if (a.tr && b.tr) {
    // Repeated rows: a cell merged down from a row above the loop would stretch over every copy.
    const continued = (tr: XElement | undefined) =>
      !!tr && tr.children.some((tc) => tc.type === 'el' && tc.name === 'w:tc' && vMergeOf(tc) === 'continue');
    const rows = a.tr.parent!.children;
    const after = rows.slice(rows.indexOf(b.tr) + 1).find((r): r is XElement => r.type === 'el' && r.name === 'w:tr');
    if (continued(a.tr) || continued(after))
      out.add(
        'LOOP_MERGE_EDGE',
        'warning',
        `Vòng lặp ${name}: có ô gộp dọc vắt qua ranh giới của các hàng được lặp; sau khi điền, ô gộp có thể kéo dài sai. Hãy để ô gộp nằm trọn trong các hàng của vòng lặp.`,
        a,
      );
  }
}

function vMergeOf(tc: XElement): 'restart' | 'continue' | null {
  const pr = tc.children.find((c): c is XElement => c.type === 'el' && c.name === 'w:tcPr');
  const vm = pr?.children.find((c): c is XElement => c.type === 'el' && c.name === 'w:vMerge');
  if (!vm) return null;
  return vm.attrs.some(([k, v]) => k === 'w:val' && v === 'restart') ? 'restart' : 'continue';
}
