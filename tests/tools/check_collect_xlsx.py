"""Reads a data-entry workbook with openpyxl (a different reader from the app's) and prints what it
sees as JSON: sheets and their states, protection, validations, unlocked input cells, formulas,
print setup, fonts and the hidden layout's format. Used by tests/unit/collect.test.ts."""
import json
import sys

import openpyxl
from openpyxl.cell.cell import MergedCell

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
inp = wb['Nhập liệu']
meta = wb['bcnv_meta']

validations = {}
max_text = None
for dv in inp.data_validations.dataValidation:
    n = len(list(dv.sqref.ranges))
    validations[dv.type] = validations.get(dv.type, 0) + n
    if dv.type == 'textLength':
        max_text = int(dv.formula1)

unlocked = 0
locked_formulas = 0
fonts = set()
for row in inp.iter_rows():
    for c in row:
        if isinstance(c, MergedCell):
            continue
        if c.value is None and c.protection.locked:
            continue
        if c.value is not None:
            fonts.add(c.font.name)
        if not c.protection.locked:
            unlocked += 1
        elif isinstance(c.value, str) and c.value.startswith('='):
            locked_formulas += 1

meta_values = {meta.cell(r, 1).value: meta.cell(r, 2).value for r in range(1, meta.max_row + 1)}
cf = sum(len(rules) for rules in inp.conditional_formatting._cf_rules.values())

print(json.dumps({
    'sheets': wb.sheetnames,
    'states': {ws.title: ws.sheet_state for ws in wb.worksheets},
    'protected': {ws.title: bool(ws.protection.sheet) for ws in wb.worksheets},
    'validations': validations,
    'maxTextLength': max_text,
    'unlockedInputs': unlocked,
    'lockedFormulas': locked_formulas,
    'conditionalFormats': cf,
    'paperSize': int(inp.page_setup.paperSize),
    'fitToWidth': int(inp.page_setup.fitToWidth),
    'fitToPage': bool(inp.sheet_properties.pageSetUpPr.fitToPage),
    'printTitleRows': inp.print_title_rows,
    'font': sorted(fonts)[0] if len(fonts) == 1 else sorted(fonts),
    'metaFormat': meta_values.get('format'),
}, ensure_ascii=False))
