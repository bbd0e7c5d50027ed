#!/usr/bin/env python3
"""Makes the .xlsx fixtures of XlsxImportTests with implementations other than Bidbench's:
openpyxl 3.1 for ordinary workbooks, Python's zipfile with hand-written SpreadsheetML for the
cases openpyxl does not write (inline strings, formulas with cached values, rich text with
phonetic runs, a zip bomb, a cell in row 1 048 576).

Run from this folder: python3 make_fixtures.py (the files are committed; rerun only to change them).
"""
import datetime
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

FIXED = (2026, 1, 1, 0, 0, 0)


def requirements():
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A1"] = "财务部需求清单 (封面)"
    ws = wb.create_sheet("需求")
    ws.merge_cells("A1:F1")
    ws["A1"] = "财务部需求清单"
    ws["A1"].font = Font(bold=True)
    ws.append(["部门", "模块", "需求", "优先级", "权重", "验收标准"])
    ws.append(["财务部", "FI", "多币种凭证", "必须", 5, "差异为 0"])
    ws.append(["生产部", "MES", "扫码报工", "应该", 2.5, None])
    ws.append(["采购部", "SRM", "供应商门户", "可以", 1, "供应商可在线确认订单"])
    # Formatted but empty rows at the end, as spreadsheets leave them.
    for r in range(6, 12):
        ws.cell(row=r, column=1).font = Font(italic=True)
    wb.properties.created = datetime.datetime(*FIXED)
    wb.properties.modified = datetime.datetime(*FIXED)
    wb.save("requirements-openpyxl.xlsx")


def contracts(name, epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "合同"
    ws.append(["编号", "供应商", "合同名称", "签订日期", "生效日期", "期限月数", "自动续约", "通知天数", "合同金额", "状态"])
    ws.append(["K2", "乙科技", "订阅合同", datetime.date(2027, 2, 28), datetime.date(2027, 3, 1), 24, True, 30, 250000.5, "已签"])
    ws.append([None, "V1", "运维合同", datetime.date(2028, 12, 31), datetime.date(2029, 1, 1), 12, False, 0, 1286000, "草稿"])
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=5):
        for c in row:
            c.number_format = "yyyy/m/d"
    wb.properties.created = datetime.datetime(*FIXED)
    wb.properties.modified = datetime.datetime(*FIXED)
    wb.save(name)


def scores_bad():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评分"
    ws.append(["评委", "供应商", "准则", "分数"])
    ws.append(["王芳", "V1", "C1", 8])
    ws.append(["王芳", "V2", "C1", "八"])
    ws.append(["王芳", "V1", "C2", "=1+1"])  # openpyxl saves formulas without a cached value
    wb.save("scores-bad.xlsx")


HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def raw_book(name, sheet_xml, shared=None, compress=zipfile.ZIP_DEFLATED, date1904=False):
    """A minimal workbook written by hand: one sheet `Sheet1`, optional shared strings."""
    types = (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else '')
             + '</Types>')
    rels = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    pr = '<workbookPr date1904="1"/>' if date1904 else ''
    workbook = (HEAD + f'<workbook {MAIN} xmlns:r="{REL}">{pr}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wrels = (HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
             + (f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>' if shared else '')
             + '</Relationships>')
    with zipfile.ZipFile(name, "w", compress) as z:
        def put(path, text):
            info = zipfile.ZipInfo(path, date_time=FIXED)
            info.compress_type = compress
            z.writestr(info, text)
        put("[Content_Types].xml", types)
        put("_rels/.rels", rels)
        put("xl/workbook.xml", workbook)
        put("xl/_rels/workbook.xml.rels", wrels)
        if shared:
            put("xl/sharedStrings.xml", shared)
        put("xl/worksheets/sheet1.xml", sheet_xml)


def prices_raw():
    shared = (HEAD + f'<sst {MAIN} count="3" uniqueCount="3">'
              '<si><t>供应商</t></si>'
              # rich text in runs, with a phonetic (furigana-style) run that is not part of the value
              '<si><r><rPr><b/></rPr><t>项</t></r><r><t>目</t></r><rPh sb="0" eb="1"><t>XIANG</t></rPh></si>'
              '<si><t xml:space="preserve">ERP 许可 </t></si>'
              '</sst>')
    sheet = (HEAD + f'<worksheet {MAIN}><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
             '<c r="C1" t="inlineStr"><is><t>类别</t></is></c><c r="D1" t="inlineStr"><is><t>计价方式</t></is></c>'
             '<c r="E1" t="inlineStr"><is><t>单价</t></is></c><c r="F1" t="inlineStr"><is><t>数量</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>V2</t></is></c><c r="B2" t="s"><v>2</v></c>'
             '<c r="C2" t="inlineStr"><is><t>许可</t></is></c><c r="D2" t="inlineStr"><is><t>一次性</t></is></c>'
             '<c r="E2"><f>E3*2</f><v>2401</v></c><c r="F2"><v>1</v></c></row>'
             '<row r="3"><c r="A3" t="str"><f>A2</f><v>V2</v></c><c r="B3" t="inlineStr"><is><t>订阅</t></is></c>'
             '<c r="C3" t="inlineStr"><is><t>订阅</t></is></c><c r="D3" t="inlineStr"><is><t>按用户每年</t></is></c>'
             '<c r="E3"><v>1200.5000000000002</v></c><c r="F3"><v>1E2</v></c></row>'
             '<row r="9" spans="1:6"></row>'
             '</sheetData></worksheet>')
    raw_book("prices-raw.xlsx", sheet, shared)


def bomb():
    # 60 MB of one repeated row expands from about 60 KB: far past the 200:1 limit.
    row = '<row><c t="inlineStr"><is><t>0000000000</t></is></c></row>'
    body = row * (60_000_000 // len(row))
    raw_book("bomb.xlsx", HEAD + f'<worksheet {MAIN}><sheetData>{body}</sheetData></worksheet>')


def lying_bomb():
    """A sheet of 6 MB whose zip headers claim 1 000 bytes: only counting while inflating catches it."""
    import struct
    row = '<row><c t="inlineStr"><is><t>1111111111</t></is></c></row>'
    body = row * (6_000_000 // len(row))
    raw_book("lying-bomb.xlsx", HEAD + f'<worksheet {MAIN}><sheetData>{body}</sheetData></worksheet>')
    data = bytearray(open("lying-bomb.xlsx", "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = 0
        while (at := data.find(sig, at)) >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 1000)
            at += 4
    open("lying-bomb.xlsx", "wb").write(bytes(data))


def last_row():
    sheet = (HEAD + f'<worksheet {MAIN}><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c><c r="B1" t="inlineStr"><is><t>需求</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" t="inlineStr"><is><t>报工</t></is></c></row>'
             '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
             '</sheetData></worksheet>')
    raw_book("row-1048576.xlsx", sheet)


def reviews_percent():
    """A vendor review typed as percentages (cells 0.9 … with `0%` and `0.0%` formats), as a finance
    workbook holds it; and a training session's pass target as `0%`."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "考评"
    ws.append(["vendor", "period", "on_time_pct", "acceptance_first_pass_pct", "sla_pct", "training_pass_pct", "satisfaction"])
    ws.append(["V1", "2027-Q1", 0.9, 0.8, 0.95, 0.855, 4])
    for c in ws[2][2:4]:
        c.number_format = "0%"
    for c in ws[2][4:6]:
        c.number_format = "0.0%"
    wb.properties.created = datetime.datetime(*FIXED)
    wb.properties.modified = datetime.datetime(*FIXED)
    wb.save("reviews-percent.xlsx")


requirements()
contracts("contracts-openpyxl.xlsx")
contracts("contracts-1904.xlsx", CALENDAR_MAC_1904)
scores_bad()
prices_raw()
bomb()
lying_bomb()
last_row()
reviews_percent()
