#!/usr/bin/python3
"""Reads a .docx with Debian's python-docx (an independent reader) and prints what the
Nghị định 30/2020 tests need to know, as JSON: sections, every paragraph and table in order
with its formatting, and the measured width of short lines (Liberation Serif, the metric twin
of Times New Roman, through Pillow).

usage: check_docx.py FILE.docx [--max-rows N]
"""
import json
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

try:
    from PIL import ImageFont
except ImportError:  # measuring is optional
    ImageFont = None

FONTS = {
    (False, False): "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    (True, False): "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    (False, True): "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    (True, True): "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf",
}
_font_cache = {}


def measure_mm(text, size_pt, bold, italic):
    if ImageFont is None or not text:
        return None
    key = (bool(bold), bool(italic))
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(FONTS[key], 1000)
    return _font_cache[key].getlength(text) / 1000 * size_pt / 72 * 25.4


def emu_mm(v):
    return None if v is None else round(v / 36000, 2)


def twips_mm(v):
    return round(int(v) * 25.4 / 1440, 2)


DEFAULTS = {"font": None, "size": None}


def style_value(style, attr):
    """The value as Word resolves it: the paragraph style, the styles it is based on, then the document defaults."""
    while style is not None:
        v = getattr(style.font, attr)
        if v is not None:
            return v
        style = style.base_style
    return None


def run_info(r, pstyle=None):
    f = r.font
    name = f.name or style_value(pstyle, "name") or DEFAULTS["font"]
    size = f.size or style_value(pstyle, "size")
    return {
        "text": r.text,
        "font": name,
        "size": size.pt if size is not None else DEFAULTS["size"],
        "bold": bool(f.bold),
        "italic": bool(f.italic),
        "underline": bool(f.underline),
    }


def para_info(p, container_mm=None, default_size=None):
    pf = p.paragraph_format
    ppr = p._p.pPr
    border_top = False
    if ppr is not None:
        bdr = ppr.find(qn("w:pBdr"))
        if bdr is not None and bdr.find(qn("w:top")) is not None:
            border_top = bdr.find(qn("w:top")).get(qn("w:val")) not in (None, "none", "nil")
    runs = [run_info(r, p.style) for r in p.runs]
    align = p.alignment
    info = {
        "type": "p",
        "text": p.text,
        "alignment": None if align is None else str(align).split(".")[-1].split(" ")[0],
        "first_line_mm": emu_mm(pf.first_line_indent),
        "left_mm": emu_mm(pf.left_indent),
        "right_mm": emu_mm(pf.right_indent),
        "space_after_pt": pf.space_after.pt if pf.space_after is not None else None,
        "space_before_pt": pf.space_before.pt if pf.space_before is not None else None,
        "line_spacing": pf.line_spacing if isinstance(pf.line_spacing, float) or pf.line_spacing is None else pf.line_spacing.pt,
        "keep_next": bool(pf.keep_with_next),
        "border_top": border_top,
        "runs": runs,
        "has_page_field": 'PAGE' in "".join(t.text or "" for t in p._p.iter(qn("w:instrText"))) or p._p.find(".//" + qn("w:fldSimple")) is not None,
        "has_drawing": p._p.find(".//" + qn("w:drawing")) is not None,
        "has_footnote_ref": p._p.find(".//" + qn("w:footnoteReference")) is not None,
    }
    if container_mm is not None:
        left = info["left_mm"] or 0
        right = info["right_mm"] or 0
        info["line_width_mm"] = round(container_mm - left - right, 2)
    text_runs = [r for r in runs if r["text"]]
    if text_runs and len(p.text) < 300:
        total = 0.0
        for r in text_runs:
            m = measure_mm(r["text"], r["size"] or default_size or 14, r["bold"], r["italic"])
            total += m or 0
        info["text_width_mm"] = round(total, 2)
    return info


def cell_width_mm(tc):
    tcpr = tc._tc.tcPr
    w = tcpr.find(qn("w:tcW")) if tcpr is not None else None
    width = twips_mm(w.get(qn("w:w"))) if w is not None and w.get(qn("w:type")) == "dxa" else None
    mar_l = mar_r = 0.0
    mar = tcpr.find(qn("w:tcMar")) if tcpr is not None else None
    if mar is not None:
        for side, name in (("l", "left"), ("r", "right"), ("l", "start"), ("r", "end")):
            e = mar.find(qn("w:" + name))
            if e is not None:
                if side == "l":
                    mar_l = twips_mm(e.get(qn("w:w")))
                else:
                    mar_r = twips_mm(e.get(qn("w:w")))
    return width, mar_l, mar_r


def table_info(t, max_rows):
    tbl = t._tbl
    tblpr = tbl.tblPr
    borders = {}
    b = tblpr.find(qn("w:tblBorders")) if tblpr is not None else None
    if b is not None:
        for e in b:
            borders[e.tag.split("}")[1]] = e.get(qn("w:val"))
    rows = []
    for i, tr in enumerate(tbl.tr_lst):
        trpr = tr.trPr
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        cant = trpr is not None and trpr.find(qn("w:cantSplit")) is not None
        row = {"header": header, "cant_split": cant}
        if i < max_rows or header:
            cells = []
            for tc in tr.tc_lst:
                from docx.table import _Cell

                cell = _Cell(tc, t)
                width, ml, mr = cell_width_mm(cell)
                inner = None if width is None else width - ml - mr
                cb = tc.tcPr.find(qn("w:tcBorders")) if tc.tcPr is not None else None
                cell_borders = {} if cb is None else {e.tag.split("}")[1]: e.get(qn("w:val")) for e in cb}
                cells.append({"width_mm": width, "borders": cell_borders, "paragraphs": [para_info(p, inner) for p in cell.paragraphs]})
            row["cells"] = cells
        rows.append(row)
    return {"type": "table", "borders": borders, "row_count": len(rows), "rows": rows}


def section_info(s, doc):
    sectpr = s._sectPr
    pg = sectpr.find(qn("w:pgNumType"))
    hdr = s.header
    first = s.first_page_header
    return {
        "width_mm": emu_mm(s.page_width),
        "height_mm": emu_mm(s.page_height),
        "orientation": str(s.orientation).split(".")[-1].split(" ")[0],
        "top_mm": emu_mm(s.top_margin),
        "bottom_mm": emu_mm(s.bottom_margin),
        "left_mm": emu_mm(s.left_margin),
        "right_mm": emu_mm(s.right_margin),
        "header_mm": emu_mm(s.header_distance),
        "different_first_page": bool(s.different_first_page_header_footer),
        "page_start": None if pg is None or pg.get(qn("w:start")) is None else int(pg.get(qn("w:start"))),
        "header_default": [para_info(p) for p in hdr.paragraphs] if not hdr.is_linked_to_previous else "linked",
        "header_first": [para_info(p) for p in first.paragraphs] if not first.is_linked_to_previous else "linked",
    }


def main():
    path = sys.argv[1]
    max_rows = 6
    if "--max-rows" in sys.argv:
        max_rows = int(sys.argv[sys.argv.index("--max-rows") + 1])
    doc = Document(path)
    try:
        rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        DEFAULTS["font"] = rpr.find(qn("w:rFonts")).get(qn("w:ascii"))
        DEFAULTS["size"] = int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2
    except AttributeError:
        pass
    sections = [section_info(s, doc) for s in doc.sections]
    blocks = []
    sec = 0
    text_width = [s["width_mm"] - s["left_mm"] - s["right_mm"] for s in sections]
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = Paragraph(child, doc)
            info = para_info(p, text_width[min(sec, len(text_width) - 1)])
            info["section"] = sec
            blocks.append(info)
            ppr = child.pPr
            if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
                sec += 1
        elif child.tag == qn("w:tbl"):
            info = table_info(Table(child, doc), max_rows)
            info["section"] = sec
            blocks.append(info)
    styles = doc.styles
    default_font = None
    try:
        default_font = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii"))
    except AttributeError:
        pass
    print(json.dumps({"sections": sections, "blocks": blocks, "default_font": default_font}, ensure_ascii=False))


if __name__ == "__main__":
    main()
