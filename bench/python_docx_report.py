"""The python baseline for bench/word-python.ts: Debian's python-docx (1) writing the same
consolidated report (the same paragraphs and tables, portrait body, landscape annexes) from the
text the bench hands it, and (2) reading the app's exported .docx (every paragraph, every cell).
Prints the milliseconds of each as JSON; interpreter start and imports are not counted."""
import json
import sys
import time

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm

source, out, exported = sys.argv[1], sys.argv[2], sys.argv[3]
with open(source, encoding='utf-8') as f:
    sections = json.load(f)

t0 = time.perf_counter()
doc = Document()
for k, s in enumerate(sections):
    sec = doc.sections[0] if k == 0 else doc.add_section(WD_SECTION.NEW_PAGE)
    wide = s['landscape']
    sec.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = (Mm(297), Mm(210)) if wide else (Mm(210), Mm(297))
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Mm(30), Mm(20), Mm(20), Mm(20)
    for b in s['blocks']:
        if b['kind'] == 'p':
            doc.add_paragraph(b['text'])
            continue
        rows = b['header'] + b['rows']
        cols = max(len(r) for r in rows)
        # python-docx's cheapest way: the whole grid made at once, its cells listed once
        # (adding rows one by one and asking each row for its cells grows with the square)
        table = doc.add_table(rows=len(rows), cols=cols)
        cells = table._cells
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cells[r * cols + c].text = text
doc.save(out)
write_ms = (time.perf_counter() - t0) * 1000

t0 = time.perf_counter()
read = Document(exported)
chars = sum(len(p.text) for p in read.paragraphs)
for table in read.tables:
    for row in table.rows:
        for cell in row.cells:
            chars += len(cell.text)
read_ms = (time.perf_counter() - t0) * 1000
print(json.dumps({'write': write_ms, 'read': read_ms, 'chars': chars}))
