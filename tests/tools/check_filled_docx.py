#!/usr/bin/python3
"""Facts of a filled Word file, read by python-docx (independent of the app's own XML code):
paragraphs with style, indent, alignment and runs; tables cell by cell with vertical merges;
headers and footers with their fields; section margins. Prints JSON."""
import json
import sys

from docx import Document
from docx.oxml.ns import qn


def runs_of(p):
    out = []
    for r in p.runs:
        out.append({
            'text': r.text,
            'bold': bool(r.bold),
            'italic': bool(r.italic),
        })
    return out


def para_facts(p):
    pf = p.paragraph_format
    ppr = p._p.pPr
    num = ppr is not None and ppr.find(qn('w:numPr')) is not None
    return {
        'text': p.text,
        'style': p.style.name if p.style is not None else None,
        'first_line_twips': pf.first_line_indent.twips if pf.first_line_indent is not None else None,
        'alignment': str(pf.alignment) if pf.alignment is not None else None,
        'numbered': num,
        'drawings': len(p._p.findall('.//' + qn('w:drawing'))),
        'fields': [t.text.strip() for t in p._p.iter(qn('w:instrText'))] + [f.get(qn('w:instr')).strip() for f in p._p.iter(qn('w:fldSimple'))],
        'runs': runs_of(p),
    }


def table_facts(t):
    rows = []
    for tr in t._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            tcpr = tc.tcPr
            vm = None
            if tcpr is not None:
                el = tcpr.find(qn('w:vMerge'))
                if el is not None:
                    vm = el.get(qn('w:val')) or 'continue'
            texts = [''.join(x.text or '' for x in p.iter(qn('w:t'))) for p in tc.iter(qn('w:p'))]
            cells.append({'text': '\n'.join(texts), 'vmerge': vm})
        rows.append(cells)
    return {'type': 'table', 'rows': rows}


def main(path):
    doc = Document(path)
    blocks = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn('w:p'):
            from docx.text.paragraph import Paragraph
            blocks.append(dict(type='p', **para_facts(Paragraph(child, doc))))
        elif child.tag == qn('w:tbl'):
            from docx.table import Table
            blocks.append(table_facts(Table(child, doc)))
    sections = []
    for s in doc.sections:
        sections.append({
            'top_mm': round(s.top_margin.mm, 1),
            'bottom_mm': round(s.bottom_margin.mm, 1),
            'left_mm': round(s.left_margin.mm, 1),
            'right_mm': round(s.right_margin.mm, 1),
            'different_first_page': s.different_first_page_header_footer,
            'header': [para_facts(p) for p in s.header.paragraphs] if not s.header.is_linked_to_previous else [],
            'footer': [para_facts(p) for p in s.footer.paragraphs] if not s.footer.is_linked_to_previous else [],
        })
    print(json.dumps({'blocks': blocks, 'sections': sections}, ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1])
