#!/usr/bin/env python3
"""Generate the variant and damaged workbooks the JixiaoXLSX tests import.

The five seed fixtures beside this script are the shared set A (made by make_fixtures.py, copied here
unchanged). This script builds on make_fixtures.py to write, under variants/:

  shifted-<seed>.xlsx            the form moved 3 rows down and 2 columns right, merged as printed
  unmerged-<seed>.xlsx           no merged cells: values in the top-left cell only, 一级/二级 written on
                                 every row they cover
  shifted-unmerged-<seed>.xlsx   5 rows down, 1 column right, no merged cells
  split-<seed>.xlsx              merged as printed, then every range unmerged the way Excel does it: the
                                 value stays in the top-left cell, the cells below and beside are blank
  inline-<seed>.xlsx             strings stored inline (as openpyxl writes them) instead of sharedStrings.xml
  qualitative-会议培训费.xlsx      the form with the optional 定性值情况说明 column (11 columns), notes on
                                 the qualitative rows (QUALITATIVE_NOTES below)
  multi-form.xlsx                sheet 1: two 自评表 stacked (会议培训费, then 社会保障卡工本费支出 one
                                 column to the right); sheet 2: an unrelated note; sheet 3: 维修维护费 目标表
  side-by-side.xlsx              会议培训费 and, two rows lower and one blank column to its right, the
                                 target table 社保数据治理费
  partly-unreadable.xlsx         sheet 1: 会议培训费 whose indicator header lacks 分值 and 得分 (renamed
                                 分数/评分); sheet 2: the target table 维修维护费; sheet 3: indicator
                                 captions without 项目名称
  no-form.xlsx                   a workbook whose only sheet is a contact list

and under damaged/ (each must give a clear error, never a crash):

  bomb-ratio.xlsx                a sheet part of 50 MB of blanks compressed ~1000:1
  bomb-lying-size.xlsx           a sheet part whose zip headers declare 2 KB but inflate to 8 MB
  bomb-entries.xlsx              3 000 entries
  dtd.xlsx                       a sheet part with a DOCTYPE declaring entities (billion laughs)
  malformed-xml.xlsx             a sheet part cut off in the middle of an element
  not-a-workbook.xlsx            a valid zip without _rels/.rels or a workbook (e.g. a renamed archive)

Usage: python3 make_variants.py   (writes beside this script; needs openpyxl). Regenerating gives
identical files: zip timestamps are pinned.
"""
import copy
import os
import struct
import sys
import zipfile

from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep __pycache__ out of the test bundle
import make_fixtures as mf  # noqa: E402

SEEDS = {f["file"][:-len(".xlsx")]: f for f in mf.FORMS}

# 定性值情况说明 texts put on the 会议培训费 rows (by 三级指标); other rows get an empty cell.
QUALITATIVE_NOTES = {
    "培训需求满足度": "培训内容满足各地经办需求",
    "培训（会议）时间": "均按年度计划时间召开",
    "专项工作推进程度": "专项整治按期推进",
}


def save(wb, path, shared_strings=True):
    tmp = path + ".tmp"
    wb.save(tmp)
    if shared_strings:
        mf.finish_package(tmp)
    else:
        pin_timestamps(tmp)
    os.replace(tmp, path)


def pin_timestamps(path):
    """Rewrite a package with fixed zip timestamps and core-properties dates (as finish_package does)."""
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = mf.re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", mf._FIXED_TIME.encode(), data)
            info = zipfile.ZipInfo(name, date_time=mf._ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def build(ws, form, **layout):
    if form["kind"] == "selfeval":
        mf.build_selfeval(ws, form, **layout)
    else:
        mf.build_target(ws, form, **layout)


def single(form, path, shared_strings=True, split=False, **layout):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    build(ws, form, **layout)
    if split:
        for merged in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(merged))
    save(wb, path, shared_strings)


def qualitative(form):
    """The 11-column 自评表: 定性值情况说明 after 实际完成值; the funds 偏差 caption spans two columns."""
    f = copy.deepcopy(form)
    f["qual"] = True
    f["funds"]["cols"].append(list(f["funds"]["cols"][-1]))
    header = f["ind"]["header"]
    f["ind"]["header"] = header[:7] + ["定性值情况说明"] + header[7:]
    f["ind"]["rows"] = [row[:6] + [QUALITATIVE_NOTES.get(row[2], "")] + row[6:] for row in f["ind"]["rows"]]
    return f


def variants(out):
    for name, form in SEEDS.items():
        single(form, os.path.join(out, "shifted-%s.xlsx" % name), row_off=3, col_off=2)
        single(form, os.path.join(out, "unmerged-%s.xlsx" % name), merge=False)
        single(form, os.path.join(out, "shifted-unmerged-%s.xlsx" % name), row_off=5, col_off=1, merge=False)
        single(form, os.path.join(out, "inline-%s.xlsx" % name), shared_strings=False)
        single(form, os.path.join(out, "split-%s.xlsx" % name), split=True)
    single(qualitative(SEEDS["selfeval-000-会议培训费"]), os.path.join(out, "qualitative-会议培训费.xlsx"))

    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    build(ws, SEEDS["selfeval-000-会议培训费"])
    build(ws, SEEDS["selfeval-003-社会保障卡工本费支出"], row_off=36, col_off=1)
    note = wb.create_sheet("说明")
    note["A1"] = "本工作簿由省级平台导出，请勿修改栏目名称。"
    build(wb.create_sheet("目标表"), SEEDS["target-002-维修维护费"], row_off=1)
    save(wb, os.path.join(out, "multi-form.xlsx"))

    wb = Workbook()
    build(wb.active, SEEDS["selfeval-000-会议培训费"])
    build(wb.active, SEEDS["target-002-社保数据治理费"], row_off=2, col_off=11)
    save(wb, os.path.join(out, "side-by-side.xlsx"))

    broken = copy.deepcopy(SEEDS["selfeval-000-会议培训费"])
    broken["ind"]["header"] = [{"分值": "分数", "得分": "评分"}.get(h, h) for h in broken["ind"]["header"]]
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    build(ws, broken)
    build(wb.create_sheet("目标表"), SEEDS["target-002-维修维护费"])
    loose = wb.create_sheet("指标")
    for column, caption in enumerate(["一级指标", "二级指标", "三级指标", "实际完成值"], start=1):
        loose.cell(row=1, column=column, value=caption)
    save(wb, os.path.join(out, "partly-unreadable.xlsx"))

    wb = Workbook()
    ws = wb.active
    ws.title = "通讯录"
    for row in [["姓名", "电话"], ["张三", "0351-1234567"]]:
        ws.append(row)
    save(wb, os.path.join(out, "no-form.xlsx"))


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=mf._ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def seed_parts():
    with zipfile.ZipFile(os.path.join(HERE, "selfeval-000-会议培训费.xlsx")) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def with_sheet(sheet):
    return [(n, sheet if n == "xl/worksheets/sheet1.xml" else d) for n, d in seed_parts()]


def lie_about_size(path, member, declared):
    """Patch the uncompressed size of `member` in its local header and its central directory entry."""
    data = bytearray(open(path, "rb").read())
    name = member.encode()
    # (signature, offset of the name length, offset of the name, offset of the uncompressed size)
    for signature, length_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        header = data.find(signature)
        while header != -1:
            name_len, = struct.unpack_from("<H", data, header + length_at)
            if data[header + name_at:header + name_at + name_len] == name:
                struct.pack_into("<I", data, header + size_at, declared)
            header = data.find(signature, header + 4)
    open(path, "wb").write(bytes(data))


def damaged(out):
    sheet = dict(seed_parts())["xl/worksheets/sheet1.xml"]
    blanks = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * (50 * 1024 * 1024), 1)
    write_zip(os.path.join(out, "bomb-ratio.xlsx"), with_sheet(blanks))

    padded = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * (8 * 1024 * 1024), 1)
    path = os.path.join(out, "bomb-lying-size.xlsx")
    write_zip(path, with_sheet(padded))
    lie_about_size(path, "xl/worksheets/sheet1.xml", 2048)

    write_zip(os.path.join(out, "bomb-entries.xlsx"),
              seed_parts() + [("xl/media/pad%04d.bin" % i, b"x") for i in range(3000)])

    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n <!ENTITY a "aaaaaaaaaa">\n'
              b' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              b'<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>')
    write_zip(os.path.join(out, "dtd.xlsx"), with_sheet(laughs))

    write_zip(os.path.join(out, "malformed-xml.xlsx"), with_sheet(sheet[:len(sheet) // 2]))

    write_zip(os.path.join(out, "not-a-workbook.xlsx"), [("readme.txt", "这不是工作簿".encode())])


def main():
    for sub, make in (("variants", variants), ("damaged", damaged)):
        out = os.path.join(HERE, sub)
        os.makedirs(out, exist_ok=True)
        make(out)
        print(out)


if __name__ == "__main__":
    main()
