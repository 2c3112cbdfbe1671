#!/usr/bin/env python3
"""Makes the HTML pages and Word documents of the layout fixtures (forms in layouts that are not Shanxi's,
written for the importer's tests as text exports: one table row per line, cells separated by tabs).

The tables are laid out as scripts/make-import-fixtures.py lays out the seeds (a filled cell spans the empty
cells after it, as merged cells are printed: `colspan` in HTML, `w:gridSpan` in Word), so a header cell
printed over two columns (`年初预算数` over two unlabelled sub-columns) is a merged cell in the HTML page and
the Word document, while the text export shows it only as an empty cell; but a number never spans: the empty
cells after it are the table's blank cells (a blank 分值 is an empty `<td>`).

Needs only Python's standard library (the Word package is written directly: one `word/document.xml`).

Usage: python3 scripts/make-layout-fixtures.py FIXTURE.txt… --out DIR [--html-only]
(the committed fixtures: Tests/JixiaoImportTests/Fixtures/national-template.txt and county-merged-header.txt,
into Tests/JixiaoDocumentsTests/Fixtures)
"""
import argparse
import html
import importlib.util
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("seed_fixtures", os.path.join(HERE, "make-import-fixtures.py"))
seed_fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(seed_fixtures)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def paragraph(text):
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{html.escape(text, quote=False)}</w:t></w:r></w:p>"


def docx_body(doc_blocks):
    """The body's XML: paragraphs, and tables with gridSpan for column spans and vMerge for row spans."""
    parts = []
    for kind, content in doc_blocks:
        if kind == "p":
            parts.append(paragraph(content))
            continue
        width, placed = seed_fixtures.layout(content, amounts_span=False)
        # A cell spanning rows below it: its column range and the rows it continues into.
        continued = {}
        for y, cells in enumerate(placed):
            for text, x, span, rowspan in cells:
                for dy in range(1, rowspan):
                    continued[(y + dy, x)] = span
        parts.append("<w:tbl><w:tblGrid>" + "<w:gridCol/>" * width + "</w:tblGrid>")
        for y, cells in enumerate(placed):
            row = []
            starts = {x: (text, span, rowspan) for text, x, span, rowspan in cells}
            x = 0
            while x < width:
                if (y, x) in continued:
                    span = continued[(y, x)]
                    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
                    row.append(f"<w:tc><w:tcPr>{grid}<w:vMerge/></w:tcPr><w:p/></w:tc>")
                    x += span
                    continue
                text, span, rowspan = starts.get(x, ("", 1, 1))
                properties = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
                    '<w:vMerge w:val="restart"/>' if rowspan > 1 else "")
                row.append(f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph(text) if text else '<w:p/>'}</w:tc>")
                x += span
            parts.append("<w:tr>" + "".join(row) + "</w:tr>")
        parts.append("</w:tbl>")
    return "".join(parts)


def write_docx(doc_blocks, path):
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>'
                f"{docx_body(doc_blocks)}</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("fixtures", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--html-only", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for fixture in args.fixtures:
        name = os.path.splitext(os.path.basename(fixture))[0]
        doc_blocks = seed_fixtures.blocks(fixture)
        base = os.path.join(args.out, name)
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(seed_fixtures.html_text(doc_blocks, name, amounts_span=False))
        if not args.html_only:
            write_docx(doc_blocks, base + ".docx")
        print("wrote", base + ".*", file=sys.stderr)


if __name__ == "__main__":
    main()
