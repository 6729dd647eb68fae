"""Composition -> DOCX with python-docx: real Word styles (Title, Heading 1, Heading 2, Normal),
GB/T 9704 page (A4, 37/35/28/26 mm margins), headers and footers with PAGE fields."""

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FONTS = {"serif": "Noto Serif CJK SC", "sans": "Noto Sans CJK SC"}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}

# Page-number styles: (text before the field, text after, alignment on odd pages, on even pages,
# in the header instead of the footer). GB/T 9704-2012 7.5: "— 1 —", odd pages right, even left.
PAGE_NUMBERS = {
    "gbt9704": ("—  ", "  —", "right", "left", False),
    # Wide gaps (U+3000): pdftotext prints the dashes and the number as three lines.
    "gbt9704_wide": ("—\u3000\u3000", "\u3000\u3000—", "right", "left", False),
    "dash_center_wide": ("—\t", "\t—", "center", "center", False),
    "dash_center": ("— ", " —", "center", "center", False),
    "hyphen_center": ("-", "-", "center", "center", False),
    "di_ye": ("第", "页", "center", "center", False),
    "di_ye_gong": ("第", "页 共{NUMPAGES}页", "center", "center", False),
    "plain_right": ("", "", "right", "right", False),
    "top_right": ("", "", "right", "right", True),
}


def set_font(run_or_style, font, size=None, bold=None, color=None):
    el = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    rpr = el.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    f = run_or_style.font
    if size:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    f.color.rgb = RGBColor.from_string(color or "000000")


def field(paragraph, instr):
    """A Word field (PAGE, NUMPAGES) as begin/instr/separate/result/end runs."""
    def fld(kind):
        r = paragraph.add_run()
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), kind)
        r._r.append(e)
        return r
    fld("begin")
    r = paragraph.add_run()
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instr} "
    r._r.append(t)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


def border(paragraph, side, color):
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    e = OxmlElement(f"w:{side}")
    e.set(qn("w:val"), "single")
    e.set(qn("w:sz"), "12" if color.upper() == "FF0000" else "6")
    e.set(qn("w:space"), "4")
    e.set(qn("w:color"), color)
    bdr.append(e)


def letter_spacing(run, pt):
    rpr = run._r.get_or_add_rPr()
    e = OxmlElement("w:spacing")
    e.set(qn("w:val"), str(int(pt * 20)))
    rpr.append(e)


def setup_styles(doc):
    normal = doc.styles["Normal"]
    set_font(normal, FONTS["serif"], 16)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)
    for name, size in (("Title", 36), ("Heading 1", 16), ("Heading 2", 18)):
        st = doc.styles[name]
        set_font(st, FONTS["sans"], size, True)
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(6)
        # Title has a bottom border in the default template: drop it (the masthead draws its own).
        ppr = st.element.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
            ppr.remove(ppr.find(qn("w:pBdr")))


def page_number_paragraph(container, style, align):
    before, after, *_ = PAGE_NUMBERS[style]
    p = container.paragraphs[0] if container.paragraphs else container.add_paragraph()
    p.alignment = ALIGN[align]
    if before:
        set_font(p.add_run(before), FONTS["serif"], 14)
    field(p, "PAGE")
    if "{NUMPAGES}" in after:
        head, tail = after.split("{NUMPAGES}")
        set_font(p.add_run(head), FONTS["serif"], 14)
        field(p, "NUMPAGES")
        set_font(p.add_run(tail), FONTS["serif"], 14)
    elif after:
        set_font(p.add_run(after), FONTS["serif"], 14)
    for r in p.runs:
        set_font(r, FONTS["serif"], 14)
    return p


def text_paragraph(container, text, align="center", size=12):
    p = container.paragraphs[0] if container.paragraphs else container.add_paragraph()
    p.alignment = ALIGN[align]
    set_font(p.add_run(text), FONTS["serif"], size)
    return p


def setup_page(doc, page):
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(20)
    style = page.get("numbers", "none")
    header = page.get("header")
    footer = page.get("footer")
    alternate = style.startswith("gbt9704") or (header and header["pages"] == "even")
    doc.settings.odd_and_even_pages_header_footer = bool(alternate)
    sec.different_first_page_header_footer = True
    targets = {"first": (sec.first_page_header, sec.first_page_footer),
               "odd": (sec.header, sec.footer)}
    if alternate:
        targets["even"] = (sec.even_page_header, sec.even_page_footer)
    for which, (hdr, ftr) in targets.items():
        if header and not (which == "first" or (header["pages"] == "even" and which == "odd")):
            text_paragraph(hdr, header["text"], "center", 12)
        if style != "none" and (which != "first" or page.get("first_page_number")):
            before, after, odd_align, even_align, in_header = PAGE_NUMBERS[style]
            align = even_align if which == "even" else odd_align
            target = hdr if in_header else ftr
            if target.paragraphs and target.paragraphs[0].text:
                target.add_paragraph()
                target = _Last(target)
            page_number_paragraph(target, style, align)
        if footer:
            f = ftr if not (ftr.paragraphs and ftr.paragraphs[0].text) else _Last(ftr, new=True)
            text_paragraph(f, footer["text"], "center", 12)


def new_section(doc, header_text):
    """A Word section on a new page whose header (odd and even pages) names it; the footers,
    page numbers included, carry on from the previous section."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.different_first_page_header_footer = False
    headers = [sec.header] + ([sec.even_page_header] if doc.settings.odd_and_even_pages_header_footer
                              else [])
    for hdr in headers:
        hdr.is_linked_to_previous = False
        for p in hdr.paragraphs:
            for r in p.runs:
                r.text = ""
        text_paragraph(hdr, header_text, "center", 12)


class _Last:
    """A header/footer seen as only its last paragraph (to append a second line)."""

    def __init__(self, part, new=False):
        if new:
            part.add_paragraph()
        self.paragraphs = [part.paragraphs[-1]]
        self.part = part

    def add_paragraph(self):
        return self.part.add_paragraph()


def table(doc, rows):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            set_font(run, FONTS["sans" if r == 0 else "serif"], 12, r == 0)
            cell.paragraphs[0].alignment = ALIGN["center"]


NUM_ID = "90"


def chinese_numbering(doc):
    """A Word list whose level 0 prints 一、二、三、 (numFmt chineseCounting): the numbering a
    Word user gets from the ribbon, so the marker is not in the paragraph's text."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), NUM_ID)
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", "%1、"),
                     ("w:lvlJc", "left")):
        e = OxmlElement(tag)
        e.set(qn("w:val"), val)
        lvl.append(e)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), NUM_ID)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), NUM_ID)
    num.append(ref)
    numbering.append(num)


def number_paragraph(p):
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0"), ("w:numId", NUM_ID)):
        e = OxmlElement(tag)
        e.set(qn("w:val"), val)
        numpr.append(e)
    ppr.append(numpr)


def render(comp, path):
    doc = Document()
    setup_styles(doc)
    setup_page(doc, comp.get("page", {}))
    if any(b.get("numbered") for b in comp["blocks"]):
        chinese_numbering(doc)
    for b in comp["blocks"]:
        style = b.get("style", "Normal")
        if b.get("role") == "page_break":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        if b.get("role") == "section_break":
            new_section(doc, b["header"])
            continue
        if b.get("role") == "table":
            table(doc, b["rows"])
            continue
        p = doc.add_paragraph(style=style)
        if b.get("numbered"):
            number_paragraph(p)
        if b.get("page_break_before"):
            p.paragraph_format.page_break_before = True
        p.alignment = ALIGN[b.get("align", "justify")]
        if b.get("indent_first"):
            p.paragraph_format.first_line_indent = Pt(16 * b["indent_first"])
        lines = b["text"].split("\n")
        for i, line in enumerate(lines):
            run = p.add_run(line)
            set_font(run, FONTS[b.get("font", "serif")], b.get("size"), b.get("bold"),
                     b.get("color"))
            if b.get("letter_spacing"):
                letter_spacing(run, b["letter_spacing"])
            if i < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        for side in ("top", "bottom"):
            if b.get(f"border_{side}"):
                border(p, side, b[f"border_{side}"])
    masthead = comp["gold"].get("masthead") or {}
    doc.core_properties.title = masthead.get("title", "")
    doc.save(path)
