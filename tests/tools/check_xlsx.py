#!/usr/bin/python3
"""Reads a .xlsx with openpyxl (an independent reader) and prints, as JSON, what the summary
workbook tests need: per sheet the formulas, values, number formats, fonts, frozen panes and
print setup.

usage: check_xlsx.py FILE.xlsx            facts of the file as written
       check_xlsx.py --values FILE.xlsx   cached values only (data_only), e.g. after LibreOffice
"""
import json
import sys

import openpyxl


def facts(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        cells = {}
        fonts = set()
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                fonts.add(c.font.name)
                cells[c.coordinate] = {
                    "value": c.value if isinstance(c.value, (int, float, str)) else str(c.value),
                    "type": c.data_type,
                    "format": c.number_format,
                    "bold": bool(c.font.b),
                    "size": c.font.sz,
                }
        ps = ws.page_setup
        out["sheets"].append({
            "title": ws.title,
            "freeze": ws.freeze_panes,
            "print_title_rows": ws.print_title_rows,
            "print_title_cols": ws.print_title_cols,
            "heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height},
            "orientation": ps.orientation,
            "paper": ps.paperSize,
            "fit_width": ps.fitToWidth,
            "fit_height": ps.fitToHeight,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "fonts": sorted(f for f in fonts if f),
            "merged": [str(r) for r in ws.merged_cells.ranges],
            "cells": cells,
        })
    return out


def values(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    return {ws.title: {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets}


def strip(path, out):
    """Saves a copy without the cached results of formulas (openpyxl does not keep them)."""
    openpyxl.load_workbook(path).save(out)


if __name__ == "__main__":
    if sys.argv[1] == "--values":
        print(json.dumps(values(sys.argv[2]), ensure_ascii=False, default=str))
    elif sys.argv[1] == "--strip":
        strip(sys.argv[2], sys.argv[3])
    else:
        print(json.dumps(facts(sys.argv[1]), ensure_ascii=False, default=str))
