"""The python baseline for bench/word-python.ts, on Debian's python-docx.

  write PLAN OUT [N]  writes (best of N runs) the report the app writes, from the app's own layout
                   plan (the JSON of planDocument: the same paragraphs, runs, tables, cell spans and
                   widths, page setup), with the same formatting, as an experienced python-docx user
                   would: the public API where it costs nothing, each table made in one piece and
                   its rows walked once as elements, the per-cell work the public API repeats
                   needlessly (a style looked up by name in every cell) done once through
                   python-docx's oxml layer.
  read APP OURS    reads both .docx files back with python-docx (every body paragraph, every table
                   cell) and says whether they hold the same text in the same paragraphs, tables,
                   rows and cells, with the same alignment and bold, italic, underlined runs.

Each prints JSON with the milliseconds it took; interpreter start and imports are not counted.
Naive python-docx is quadratic on long tables (`table.cell(r, c)`, `table.add_row()`, `row.cells`
each walk the whole table), which is not what a competent user would write and is avoided here."""
import copy
import json
import sys
import time

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph

ALIGN = {
    'left': WD_ALIGN_PARAGRAPH.LEFT,
    'center': WD_ALIGN_PARAGRAPH.CENTER,
    'right': WD_ALIGN_PARAGRAPH.RIGHT,
    'justify': WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def element(tag, **attrs):
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn('w:' + k), str(v))
    return el


def borders(tag, style, size):
    box = OxmlElement(tag)
    for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'):
        box.append(element('w:' + side, val=style, sz=size, space=0, color='000000' if size else 'FFFFFF'))
    return box


class Writer:
    def __init__(self, plan):
        self.plan = plan
        self.doc = Document()
        normal = self.doc.styles['Normal']
        normal.font.name = plan['font']
        normal.font.size = Pt(plan['bodySize'])
        # the table cells' paragraph style, made once (as the app does): size and spacing
        cell = self.doc.styles.add_style('Bang noi dung', WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(plan['tableSize'])
        pf = cell.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Twips(20), Twips(20), 1.0
        self.cell_style = cell.style_id
        # one cell paragraph per alignment and weight, copied into each cell and given its text
        # (not built again through the API in each of thousands of cells)
        self.cell_p = {}
        for align in (None, 'center', 'right', 'justify'):
            for bold in (False, True):
                for italic in (False, True):
                    p = OxmlElement('w:p')
                    p.style = self.cell_style
                    if align:
                        p.get_or_add_pPr().jc_val = ALIGN[align]
                    r = p.add_r()
                    if bold:
                        r.get_or_add_rPr().get_or_add_b()
                    if italic:
                        r.get_or_add_rPr().get_or_add_i()
                    t = r.add_t('')
                    t.set('{http://www.w3.org/XML/1998/namespace}space', 'preserve')
                    self.cell_p[(align, bold, italic)] = p

    def runs(self, p, runs):
        for r in runs:
            if r.get('footnote'):
                # python-docx 0.8 writes no footnotes; the bench's report has none
                raise SystemExit('a footnote in the plan: python-docx cannot write it')
            run = p.add_run(r['text'])
            run.font.size = Pt(r['size'])
            if r.get('bold'):
                run.bold = True
            if r.get('italic'):
                run.italic = True
            if r.get('underline'):
                run.underline = True

    def para(self, p, e):
        pf = p.paragraph_format
        if e.get('align'):
            pf.alignment = ALIGN[e['align']]
        if e.get('before') is not None:
            pf.space_before = Twips(e['before'])
        if e.get('after') is not None:
            pf.space_after = Twips(e['after'])
        if e.get('line') is not None:
            pf.line_spacing = e['line'] / 240
        if e.get('firstLine') is not None:
            pf.first_line_indent = Twips(e['firstLine'])
        elif e.get('left') is not None:
            pf.left_indent = Twips(e['left'])
            pf.first_line_indent = Twips(-(e.get('hanging') or 0))
        if e.get('right') is not None:
            pf.right_indent = Twips(e['right'])
        if e.get('tab') is not None:
            pf.tab_stops.add_tab_stop(Twips(e['tab']))
        if e.get('keepNext'):
            pf.keep_with_next = True
        self.runs(p, e['runs'])

    def rule(self, p, e):
        # an empty paragraph whose top border is the rule, its indents centring it
        bdr = OxmlElement('w:pBdr')
        bdr.append(element('w:top', val='single', sz=6, space=1, color='000000'))
        p._p.get_or_add_pPr().append(bdr)
        side = max(0, round((e['space'] - e['width']) / 2))
        pf = p.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.left_indent, pf.right_indent = Twips(side), Twips(side)
        pf.space_before, pf.space_after, pf.line_spacing = Twips(e['before']), Twips(e['after']), 1.0
        pf.keep_with_next = True
        p.add_run('').font.size = Pt(2)

    def gap(self, p, e):
        # the signer's signature field: an empty line of the plan's height (no images in the bench)
        pf = p.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf.space_before, pf.space_after = Twips(e['before']), Twips(e['after'])
        pf.line_spacing = Twips(e['gap'])
        pf.keep_with_next = True
        p.add_run('').font.size = Pt(1)

    def content(self, p, e):
        {'para': self.para, 'rule': self.rule, 'images': self.gap}[e['kind']](p, e)

    def table(self, container, t):
        widths, rows = t['widths'], t['rows']
        cols = len(widths)
        table = container.add_table(rows=len(rows), cols=cols)
        if t['borders']:
            table.style = self.doc.styles['Table Grid']
        table.autofit = False
        if t['centred']:
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
        tblPr = table._tbl.tblPr
        tblPr.find(qn('w:tblW')).set(qn('w:w'), str(sum(widths)))
        tblPr.find(qn('w:tblW')).set(qn('w:type'), 'dxa')
        if not t['borders']:
            tblPr.append(borders('w:tblBorders', 'nil', 0))
        mar = OxmlElement('w:tblCellMar')
        mar.append(element('w:left', w=t['padding']['left'], type='dxa'))
        mar.append(element('w:right', w=t['padding']['right'], type='dxa'))
        tblPr.append(mar)
        for col, w in zip(table.columns, widths):
            col.width = Twips(w)
        # each row's cells walked once, as elements: python-docx's grid (table._cells, table.cell(r, c),
        # row.cells) lists the whole table again on every call. A span keeps its first cell, widened.
        for tr, row in zip(table._tbl.tr_lst, rows):
            trPr = tr.get_or_add_trPr()
            trPr.append(element('w:cantSplit'))
            if row.get('header'):
                trPr.append(element('w:tblHeader'))
            tcs = tr.tc_lst
            i = 0
            for c in row['cells']:
                tc, span = tcs[i], c['span']
                for extra in tcs[i + 1 : i + span]:
                    tr.remove(extra)
                i += span
                if span > 1:
                    tc.grid_span = span
                tc.width = Twips(c['width'])
                if c.get('middle'):
                    tc.get_or_add_tcPr().vAlign_val = WD_ALIGN_VERTICAL.CENTER
                self.cell(tc, table, c['content'])
        return table

    def cell(self, tc, table, content):
        tc.remove(tc.p_lst[0])
        for e in content:
            if e['kind'] == 'para' and e.get('cell'):
                r = e['runs'][0]
                text = r['text']
                p = copy.deepcopy(
                    self.cell_p[(e.get('align') if e.get('align') != 'left' else None, bool(r.get('bold')), bool(r.get('italic')))]
                )
                tc.append(p)
                if '\t' in text or '\n' in text:
                    p[-1].text = text  # python-docx turns them into <w:tab/>, <w:br/>
                else:
                    p[-1][-1].text = text
            else:
                self.content(_Cell(tc, table).add_paragraph(), e)
        if not content:
            tc.append(OxmlElement('w:p'))

    def section(self, sec, landscape, first):
        m = self.plan['margins']
        sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        w, h = self.plan['a4']['width'], self.plan['a4']['height']
        sec.page_width, sec.page_height = (Twips(h), Twips(w)) if landscape else (Twips(w), Twips(h))
        sec.top_margin, sec.bottom_margin = Twips(m['top']), Twips(m['bottom'])
        sec.left_margin, sec.right_margin = Twips(m['left']), Twips(m['right'])
        sec.header_distance = sec.footer_distance = Twips(self.plan['headerDistance'])
        sec.different_first_page_header_footer = True
        sectPr = sec._sectPr
        for old in sectPr.findall(qn('w:pgNumType')):
            sectPr.remove(old)
        sectPr.find(qn('w:cols')).addprevious(element('w:pgNumType', start=1))
        if first:
            # the page number centred in the header from a section's second page (later sections share it)
            p = sec.header.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            field = element('w:fldSimple', instr='PAGE')
            run = OxmlElement('w:r')
            run.text = '1'
            field.append(run)
            p._p.append(field)
            sec.first_page_header.paragraphs[0].text = ''

    def new_section(self):
        # python-docx ends a section with a paragraph of its own; Word (and the app) keep the section's
        # properties in its last paragraph when it ends with one
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        brk = sec._sectPr.getprevious()
        last = brk.getprevious()
        if last is not None and last.tag == qn('w:p'):
            last.get_or_add_pPr().append(brk.pPr.sectPr)
            brk.getparent().remove(brk)
        return sec

    def write(self, out):
        doc = self.doc
        for k, s in enumerate(self.plan['sections']):
            sec = doc.sections[0] if k == 0 else self.new_section()
            self.section(sec, s['landscape'], k == 0)
            for e in s['elements']:
                kind = e['kind']
                if kind == 'table':
                    self.table(doc, e)
                elif kind == 'pageBreak':
                    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                else:
                    self.content(doc.add_paragraph(), e)
        doc.core_properties.title = self.plan['properties']['title']
        doc.core_properties.author = self.plan['properties']['author']
        doc.save(out)


def text_of(path):
    """Every body paragraph's text, each table's rows of cell texts (a merged cell once), and the
    look of every paragraph: its alignment and the text of its bold, italic and underlined runs."""
    doc = Document(path)
    looks = []
    paragraphs = [p.text for p in doc.paragraphs]
    looks.extend(look(p) for p in doc.paragraphs)
    tables = []
    for table in doc.tables:
        # each row's cells as elements (row.cells would list the whole table again for every row)
        rows = []
        for tr in table._tbl.tr_lst:
            row = []
            for tc in tr.tc_lst:
                ps = [Paragraph(p, table) for p in tc.iterchildren(qn('w:p'))]
                row.append('\n'.join(p.text for p in ps))
                looks.extend(look(p) for p in ps)
            rows.append(row)
        tables.append(rows)
    return doc, paragraphs, tables, looks


def look(p):
    align = p.alignment if p.alignment is not None else WD_ALIGN_PARAGRAPH.LEFT
    runs = p.runs
    return (
        int(align),
        ''.join(r.text for r in runs if r.bold),
        ''.join(r.text for r in runs if r.italic),
        ''.join(r.text for r in runs if r.underline),
    )


def compare(a, b):
    _, pa, ta, la = a
    _, pb, tb, lb = b
    if len(pa) != len(pb):
        return 'paragraphs: %d against %d' % (len(pa), len(pb))
    for i, (x, y) in enumerate(zip(pa, pb)):
        if x != y:
            return 'paragraph %d: %r against %r' % (i + 1, x, y)
    if len(ta) != len(tb):
        return 'tables: %d against %d' % (len(ta), len(tb))
    for k, (x, y) in enumerate(zip(ta, tb)):
        if len(x) != len(y):
            return 'table %d: %d rows against %d' % (k + 1, len(x), len(y))
        for r, (rx, ry) in enumerate(zip(x, y)):
            if rx != ry:
                return 'table %d, row %d: %r against %r' % (k + 1, r + 1, rx, ry)
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return 'the look of paragraph %d (body, then cells): %r against %r' % (i + 1, x, y)
    return None


def main():
    if sys.argv[1] == 'write':
        with open(sys.argv[2], encoding='utf-8') as f:
            plan = json.load(f)
        runs = []  # best of n, as the app is timed; with the CPU time of each (it depends little on the load)
        for _ in range(int(sys.argv[4]) if len(sys.argv) > 4 else 1):
            t0, c0 = time.perf_counter(), time.process_time()
            Writer(plan).write(sys.argv[3])
            runs.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
        best = min(runs)
        print(json.dumps({'write': best[0], 'cpu': best[1], 'runs': [r[0] for r in runs]}))
        return
    t0 = time.perf_counter()
    app = text_of(sys.argv[2])
    read_ms = (time.perf_counter() - t0) * 1000
    ours = text_of(sys.argv[3])
    _, paragraphs, tables, _ = app
    print(
        json.dumps(
            {
                'read': read_ms,
                'paragraphs': len(paragraphs),
                'tables': len(tables),
                'rows': sum(len(t) for t in tables),
                'cells': sum(len(r) for t in tables for r in t),
                'sections': len(app[0].sections),
                'oursSections': len(ours[0].sections),
                'chars': sum(len(p) for p in paragraphs) + sum(len(c) for t in tables for r in t for c in r),
                'difference': compare(app, ours),
            }
        )
    )


main()
