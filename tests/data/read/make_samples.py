#!/usr/bin/python3
"""Makes the small DOCX and PDF files the reader tests read (tests/data/read/).

Run by hand (never by CI), from the repository root:
    /usr/bin/python3 tests/data/read/make_samples.py
Needs python3-docx and LibreOffice (soffice --headless) with fonts-noto-cjk. The outputs are
committed; the tests read them and check what each reader must find in them (see
tests/read/*_test.cpp), never output regenerated from jianbao itself.

bulletin.docx: a red centred masthead, 第N期, a rule, a Word heading style (Heading 1), Word
  numbering (chineseCounting "%1、" at level 0, "（%2）" at level 1), a table, a header with the
  bulletin's name and a footer with a PAGE field, three pages (page breaks).
bulletin.pdf: bulletin.docx exported by LibreOffice.
two_columns.pdf: a page set in two columns (LibreOffice section with two columns).
"""
import copy
import os
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "Noto Serif CJK SC"

BODY = [
    "近日，全省各地认真贯彻落实安全生产工作部署，组织开展安全生产大检查，共排查企业1250家，"
    "发现问题隐患3680项，已整改3520项，整改率达到95.7%。",
    "各地要在6月30日前完成全部整改任务，确保不留死角。全年计划投入资金2.5亿元，"
    "比上年增长12.3%。",
]


def set_font(run, size=16, bold=False, color=None):
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor(*color)


def para(doc, text, size=16, bold=False, color=None, center=False, style=None, indent=True):
    p = doc.add_paragraph(style=style)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    set_font(p.add_run(text), size, bold, color)
    return p


def add_chinese_numbering(doc):
    """An abstractNum: level 0 chineseCounting "%1、", level 1 chineseCounting "（%2）"."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, text in ((0, "%1、"), (1, "（%2）")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", text)):
            e = OxmlElement(tag)
            e.set(qn("w:val"), val)
            lvl.append(e)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def number(p, num_id, level):
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def page_field(paragraph):
    """A PAGE field between dashes: "— 1 —" in GB/T 9704 style."""
    set_font(paragraph.add_run("— "), 14)
    run = paragraph.add_run()
    set_font(run, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            e = OxmlElement("w:instrText")
            e.text = " PAGE "
        else:
            e = OxmlElement("w:t")
            e.text = text
        run._r.append(e)
    set_font(paragraph.add_run(" —"), 14)


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def bulletin():
    doc = Document()
    num_id = add_chinese_numbering(doc)
    sec = doc.sections[0]
    header = sec.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(header.add_run("安全生产工作简报"), 10)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(footer)
    para(doc, "安全生产工作简报", 36, True, (0xE0, 0x10, 0x10), center=True)
    para(doc, "第3期", 16, center=True)
    para(doc, "省安全生产委员会办公室　　　　2024年3月25日", 16, indent=False)
    para(doc, "——————————————————————", 16, color=(0xE0, 0x10, 0x10), indent=False)
    h = doc.add_paragraph(style="Heading 1")
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(h.add_run("全省安全生产大检查取得阶段成效"), 22, True)
    p = para(doc, "强化组织领导", 16, bold=True, indent=False)
    number(p, num_id, 0)
    for t in BODY:
        para(doc, t)
    p = para(doc, "压实主体责任", 16, bold=True, indent=False)
    number(p, num_id, 1)
    para(doc, BODY[0])
    page_break(doc)
    p = para(doc, "狠抓隐患整改", 16, bold=True, indent=False)
    number(p, num_id, 0)
    for t in BODY:
        para(doc, t)
    table = doc.add_table(rows=2, cols=2)
    for r, row in enumerate((("地区", "隐患数"), ("济南市", "320项"))):
        for c, text in enumerate(row):
            set_font(table.cell(r, c).paragraphs[0].add_run(text), 14)
    page_break(doc)
    para(doc, BODY[1])
    para(doc, "报：省委办公厅，省政府办公厅。", 14, indent=False)
    return doc


def two_columns():
    doc = Document()
    para(doc, "两栏排版测试简报", 26, True, center=True)
    sec = doc.add_section(WD_SECTION.CONTINUOUS)
    cols = sec._sectPr.xpath("./w:cols")
    cols = cols[0] if cols else OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "720")
    sec._sectPr.append(cols)
    for i in range(6):
        para(doc, ("左栏" if i < 3 else "右栏") + "第%d段。" % (i + 1) + BODY[0], 12)
    return doc


def to_pdf(docx_path, out_dir):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                        "--convert-to", "pdf", "--outdir", out_dir, docx_path], check=True,
                       stdout=subprocess.DEVNULL)


def main():
    out = HERE
    b = os.path.join(out, "bulletin.docx")
    bulletin().save(b)
    to_pdf(b, out)
    with tempfile.TemporaryDirectory() as tmp:
        t = os.path.join(tmp, "two_columns.docx")
        two_columns().save(t)
        to_pdf(t, out)
    # The same bulletin as text, extracted by the tools people use: the readers must give the
    # same structure and metrics (tests/read/same_structure.py).
    with open(os.path.join(out, "bulletin.pdftotext.txt"), "wb") as f:
        f.write(subprocess.run(["pdftotext", b.replace(".docx", ".pdf"), "-"], check=True,
                               capture_output=True).stdout)
    with open(os.path.join(out, "bulletin.docx2txt.txt"), "wb") as f:
        f.write(subprocess.run(["docx2txt", b, "-"], check=True, capture_output=True).stdout)
    for name in ("bulletin.docx", "bulletin.pdf", "two_columns.pdf"):
        print(name, os.path.getsize(os.path.join(out, name)), file=sys.stderr)


if __name__ == "__main__":
    main()
