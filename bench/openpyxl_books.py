"""The python baseline for bench/collect.ts: Debian's openpyxl making per-unit workbooks. It takes
one of the app's books as the template, loads it once, and for each unit sets what differs (the
unit's lines, the hidden sheet's unit id, code, layout and HMAC seal) and saves a copy: openpyxl's
cheapest way to the same files (it never rebuilds the book). Prints the milliseconds spent."""
import hashlib
import hmac
import json
import os
import sys
import time
import warnings

import openpyxl

warnings.simplefilter('ignore')
template, out, count, secret = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.makedirs(out, exist_ok=True)
t0 = time.perf_counter()
wb = openpyxl.load_workbook(template)
cover, inp, meta = wb.worksheets
layout = json.loads(meta['B9'].value)
for i in range(count):
    code, name = f'X{i + 1:03d}', f'Xã số {i + 1}'
    cover['B7'] = f'Đơn vị báo cáo: {name} (mã {code})'
    inp['A2'] = f'Đơn vị: {name} (mã {code})'
    layout.update(unitId=i + 1, unitCode=code, unitName=name)
    text = json.dumps(layout, ensure_ascii=False, separators=(',', ':'))
    meta['B6'] = i + 1
    meta['B7'] = code
    meta['B8'] = 'hmac-sha256:' + hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest()
    meta['B9'] = text
    wb.save(os.path.join(out, f'{code}.xlsx'))
print(round((time.perf_counter() - t0) * 1000, 1))
