#!/usr/bin/env python3
"""Makes the documents the importer tests read: each seed (the text export of a real published 决算/预算公开
document, one table row per line, cells separated by tabs) laid out again as a Word document (python-docx), an
HTML page, and PDFs from three producers (reportlab drawing the tables itself; WeasyPrint laying out the HTML;
with --chromium, headless Chromium's print-to-PDF of the HTML page, Skia drawing it, and of the page with
the cells' borders removed, NAME.unruled.pdf: a table printed without ruling lines).

Consecutive lines with tabs become one table; every other non-blank line a paragraph. A filled cell spans the
empty cells after it (gridSpan / colspan), and an indicator-level label spans the empty cells below it in its
column (vMerge / rowspan), as merged cells are printed in the official forms; so every reader sees merged
spans, and the grid it rebuilds must give back the same rows as the text export.

Needs (PyPI): python-docx, reportlab, weasyprint; (Debian): fonts-wqy-microhei, and chromium for --chromium.
With --pdf it also writes the PDFs the importer must refuse: encrypted.pdf (a password is needed to open it)
and image-only.pdf (a scanned page: an image, no text layer); and the Word packages it must refuse: bomb.docx
(a part inflating 1 000:1), entities.docx (nested entities) and external-entity.docx (an entity naming a file).

Usage: python3 scripts/make-import-fixtures.py SEED.txt… --out DIR [--pdf] [--chromium]
(the committed fixtures: the seeds 003 and 002 with --pdf, then 000 without; the Chromium PDFs: 003 and 002
with --chromium alone, which writes only them, from the HTML pages already in DIR)
"""
import argparse
import html
import re
import subprocess
import os
import sys

LEVEL_LABELS = ("指标",)
AMOUNT = re.compile(r"^(-?[\d,]+(\.\d+)?[%％]?|[-—－/]+)$")
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def blocks(path):
    """[('p', text) | ('table', [[cell, …], …])] in document order."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().replace("\f", "").split("\n")
    out = []
    for line in lines:
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        elif line.strip():
            out.append(("p", line.strip()))
    return out


def layout(rows, amounts_span=True):
    """Each table row as (text, column, colspan, rowspan) cells; covered positions omitted. With
    `amounts_span` False a number keeps the empty cells after it as cells of their own (a table's blank cells)."""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    covered = set()
    placed = []
    for y, row in enumerate(rows):
        cells = []
        x = 0
        while x < width:
            if (y, x) in covered:
                x += 1
                continue
            text = row[x]
            span = 1
            if text and (amounts_span or not AMOUNT.match(text)):
                while x + span < width and not rows[y][x + span] and (y, x + span) not in covered:
                    span += 1
            rowspan = 1
            if text and x <= 2 and span == 1 and text.endswith(LEVEL_LABELS) and len(text) <= 8:
                while (y + rowspan < len(rows) and not rows[y + rowspan][x]
                       and sum(1 for c in rows[y + rowspan] if c) >= 4):
                    rowspan += 1
            for dy in range(rowspan):
                for dx in range(span):
                    if dy or dx:
                        covered.add((y + dy, x + dx))
            cells.append((text, x, span, rowspan))
            x += span
        placed.append(cells)
    return width, placed


def write_docx(doc_blocks, path):
    import docx
    from docx.shared import Pt
    from docx.oxml.ns import qn

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(8)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    for kind, content in doc_blocks:
        if kind == "p":
            document.add_paragraph(content)
            continue
        width, placed = layout(content)
        table = document.add_table(rows=len(placed), cols=width)
        table.style = "Table Grid"
        for y, cells in enumerate(placed):
            for text, x, span, rowspan in cells:
                cell = table.cell(y, x)
                if span > 1 or rowspan > 1:
                    cell = cell.merge(table.cell(y + rowspan - 1, x + span - 1))
                cell.text = text
    document.save(path)


def html_text(doc_blocks, title, amounts_span=True):
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">', f"<title>{html.escape(title)}</title>",
        "<style>@page { size: A4 landscape; margin: 12mm } body { font-family: 'WenQuanYi Micro Hei'; font-size: 8pt }"
        " table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4pt 0 }"
        " td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; overflow-wrap: anywhere }</style>",
        "<script>document.title = '不应被读取的脚本文字';</script>",
        "</head><body>",
    ]
    for kind, content in doc_blocks:
        if kind == "p":
            parts.append(f"<p>{html.escape(content)}</p>")
            continue
        _, placed = layout(content, amounts_span)
        parts.append("<table>")
        for cells in placed:
            row = []
            for text, _, span, rowspan in cells:
                attributes = (f' colspan="{span}"' if span > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
                row.append(f"<td{attributes}>{html.escape(text)}</td>")
            parts.append("<tr>" + "".join(row) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_reportlab_pdf(doc_blocks, path, title):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    style = ParagraphStyle("cjk", fontName="WQY", fontSize=8, leading=10, wordWrap="CJK")
    page = landscape(A4)
    usable = page[0] - 24 * mm
    story = []
    for kind, content in doc_blocks:
        if kind == "p":
            story.append(Paragraph(html.escape(content), style))
            continue
        width, placed = layout(content)
        data = [[""] * width for _ in placed]
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        for y, cells in enumerate(placed):
            for text, x, span, rowspan in cells:
                data[y][x] = Paragraph(html.escape(text), style)
                if span > 1 or rowspan > 1:
                    commands.append(("SPAN", (x, y), (x + span - 1, y + rowspan - 1)))
        story.append(Table(data, colWidths=[usable / width] * width, style=TableStyle(commands)))

    def footer(canvas, document):
        canvas.setFont("WQY", 8)
        canvas.drawCentredString(page[0] / 2, 6 * mm, str(document.page))

    SimpleDocTemplate(path, pagesize=page, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
                      bottomMargin=12 * mm, title=title, author="make-import-fixtures").build(
        story, onFirstPage=footer, onLaterPages=footer)


def write_refused_pdfs(folder):
    """A PDF needing a password to open, and a scanned-looking one: a page image and no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    page = canvas.Canvas(os.path.join(folder, "encrypted.pdf"), encrypt=StandardEncryption("secret-2023"))
    page.setFont("WQY", 12)
    page.drawString(72, 720, "会议培训费项目支出绩效自评表")
    page.save()
    scan = Image.new("L", (600, 300), 255)
    drawing = ImageDraw.Draw(scan)
    for y in range(20, 300, 30):
        drawing.line([(20, y), (580, y)], fill=0, width=2)
    page = canvas.Canvas(os.path.join(folder, "image-only.pdf"))
    page.drawImage(ImageReader(scan), 50, 400, width=500, height=250)
    page.save()


def write_hostile_docx(folder):
    """Word packages built to hurt a reader: a zip bomb, nested entities (billion laughs), an external entity."""
    import zipfile

    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.wordprocessingml.document.main+xml"/></Types>')
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def package(name, document):
        with zipfile.ZipFile(os.path.join(folder, name), "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("[Content_Types].xml", types)
            archive.writestr("word/document.xml", document)

    filler = "会" * (8 * 1024 * 1024)
    package("bomb.docx", f'<w:document {namespace}><w:body><w:p><w:r><w:t>{filler}</w:t></w:r></w:p></w:body></w:document>')
    laughs = '<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>"
    package("entities.docx", f'<?xml version="1.0"?>{laughs}<w:document {namespace}><w:body><w:p><w:r><w:t>&i;</w:t>'
            '</w:r></w:p></w:body></w:document>')
    package("external-entity.docx", '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:document {namespace}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')


def write_chromium_pdf(page, path):
    """Headless Chromium's print-to-PDF of an HTML page (the page's own @page size; no header or footer)."""
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--print-to-pdf=" + path, "file://" + page],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--pdf", action="store_true", help="also make the two PDFs")
    parser.add_argument("--chromium", action="store_true", help="only print DIR's HTML pages to PDF with Chromium")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.chromium:
        for seed in args.seeds:
            base = os.path.join(os.path.abspath(args.out), os.path.splitext(os.path.basename(seed))[0])
            write_chromium_pdf(base + ".html", base + ".chromium.pdf")
            with open(base + ".html", encoding="utf-8") as f:
                unruled = f.read().replace("td { border: 0.5pt solid #000;", "td { border: none;")
            with open(base + ".unruled.html", "w", encoding="utf-8") as f:
                f.write(unruled)
            write_chromium_pdf(base + ".unruled.html", base + ".unruled.pdf")
            os.remove(base + ".unruled.html")
            print("wrote", base + ".chromium.pdf and .unruled.pdf", file=sys.stderr)
        return
    for seed in args.seeds:
        name = os.path.splitext(os.path.basename(seed))[0]
        doc_blocks = blocks(seed)
        base = os.path.join(args.out, name)
        write_docx(doc_blocks, base + ".docx")
        page = html_text(doc_blocks, name)
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(page)
        if args.pdf:
            write_reportlab_pdf(doc_blocks, base + ".reportlab.pdf", name)
            import weasyprint
            weasyprint.HTML(string=page).write_pdf(base + ".weasyprint.pdf")
        print("wrote", base + ".*", file=sys.stderr)
    if args.pdf:
        write_refused_pdfs(args.out)
        write_hostile_docx(args.out)


if __name__ == "__main__":
    main()
