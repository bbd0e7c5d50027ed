#!/usr/bin/env python3
"""Reads a workbook with openpyxl (an implementation independent of Bidbench) and prints what a
person opening it would get, as JSON: sheet names and states, frozen panes, column widths, data
validations, and every cell's cached value, formula and number format.

Usage: python3 read_workbook.py FILE.xlsx
"""
import datetime
import json
import sys

import openpyxl

path = sys.argv[1]
values = openpyxl.load_workbook(path, data_only=True)
formulas = openpyxl.load_workbook(path, data_only=False)
out = {"sheets": [], "state": {}, "freeze": {}, "widths": {}, "validations": {}, "cells": {}}
for ws in values.worksheets:
    fs = formulas[ws.title]
    out["sheets"].append(ws.title)
    out["state"][ws.title] = ws.sheet_state
    out["freeze"][ws.title] = ws.freeze_panes
    out["widths"][ws.title] = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
    out["validations"][ws.title] = [[str(v.sqref), v.formula1, v.type] for v in fs.data_validations.dataValidation]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            kind = type(v).__name__
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.strftime("%Y-%m-%d")
            if isinstance(v, float):
                v = repr(v)  # exact: JSON number parsers may round the last digit
            f = fs[c.coordinate].value
            cells[c.coordinate] = {
                "v": v,
                "t": kind,
                "f": f if isinstance(f, str) and f.startswith("=") else None,
                "fmt": c.number_format,
            }
    out["cells"][ws.title] = cells
print(json.dumps(out, ensure_ascii=False))
