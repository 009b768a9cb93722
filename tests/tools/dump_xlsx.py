"""Prints everything openpyxl sees in a workbook as JSON, for comparing two ways of writing the same
book: sheets, states, protection, every cell's value and style, merged ranges, row heights,
columns, validations, conditional formats, print setup, header and footer, defined names.
Used by tests/unit/collect-stamp.test.ts."""
import json
import re
import sys
import warnings
import zipfile

import openpyxl

# openpyxl cannot parse a footer with a font name; the raw footers are compared instead.
warnings.simplefilter('ignore')


def style(c):
    return [
        c.number_format,
        c.protection.locked,
        c.protection.hidden,
        repr(c.font),
        repr(c.fill),
        repr(c.border),
        repr(c.alignment),
    ]


def dump(path, data_only):
    wb = openpyxl.load_workbook(path, data_only=data_only)
    out = {'sheets': [], 'active': wb.active.title, 'names': sorted(repr(n) for n in wb.defined_names.definedName)}
    with zipfile.ZipFile(path) as z:
        out['footers'] = sorted(
            re.findall(r'<headerFooter>.*?</headerFooter>', z.read(n).decode('utf8'))[0:1].__repr__()
            for n in z.namelist()
            if n.startswith('xl/worksheets/')
        )
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                cells[c.coordinate] = [repr(c.value)] + style(c)
        out['sheets'].append({
            'title': ws.title,
            'state': ws.sheet_state,
            'protection': repr(ws.protection),
            'cells': cells,
            'merged': sorted(str(r) for r in ws.merged_cells.ranges),
            'heights': {k: v.height for k, v in ws.row_dimensions.items() if v.height},
            'widths': {k: v.width for k, v in ws.column_dimensions.items()},
            'validations': [repr(dv) for dv in ws.data_validations.dataValidation],
            'conditional': [[str(r.sqref), [repr(x) for x in r.rules]] for r in ws.conditional_formatting],
            'page': [repr(ws.page_setup), repr(ws.print_options), repr(ws.page_margins), ws.print_title_rows],
            'footer': ws.oddFooter.center.text or ws.oddFooter.left.text or ws.oddFooter.right.text,
            'freeze': ws.freeze_panes,
            'tab': repr(ws.sheet_properties.tabColor),
        })
    return out


print(json.dumps([dump(p, d) for p in sys.argv[1:] for d in (False, True)], ensure_ascii=False, sort_keys=True))
