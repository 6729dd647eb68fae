#!/usr/bin/env python3
"""Writes the seed corpora of the stream, rules and read fuzzers, and the hostile reader files.

usage: make_target_seeds.py SOURCE_DIR OUT_DIR [--full]

OUT_DIR/stream/  JSON Lines for tests/fuzz/stream_fuzzer.cpp: the ids issue 13 names (1e400, a
                 23-digit integer, structured ids, 600-deep nesting), bad framing and bad JSON.
OUT_DIR/rules/   every built-in rule file as "<relative path>\\n<content>", the input of
                 tests/fuzz/rules_fuzzer.cpp, plus the overrides issue 13 names.
OUT_DIR/read/    the hostile PDF and DOCX files of make_hostile(), small enough to fuzz.
--full           OUT_DIR/read/ at full size instead: the zip bombs then pass the default limits of
                 rules/read/read.yaml (tests/read/hostile_test.sh reads them with the CLI).

The output is deterministic. Python's standard library only (zipfile, zlib).
"""
import io
import re
import json
import pathlib
import shutil
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def document_xml(body: str, prolog: str = "") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {W}><w:body>{body}</w:body></w:document>'


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(parts: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def lying_size(data: bytes, claim: int) -> bytes:
    """The ZIP `data` with every entry's uncompressed size claimed as `claim` (local and central
    headers), as a bomb that announces itself or a file whose headers were damaged."""
    out = bytearray(data)
    claim_bytes = claim.to_bytes(4, "little")
    at = 0
    while (at := out.find(b"PK\x03\x04", at)) >= 0:
        out[at + 22 : at + 26] = claim_bytes
        at += 4
    at = 0
    while (at := out.find(b"PK\x01\x02", at)) >= 0:
        out[at + 24 : at + 28] = claim_bytes
        at += 4
    return bytes(out)


def pdf(objects: list, root: int = 1) -> bytes:
    """A PDF with a correct xref table for `objects` (bodies of objects 1..n)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_page_objects(pages: int, page_count_claim: int | None = None) -> list:
    """Catalog, page tree, font, one content stream shared by `pages` pages."""
    content = b"BT /F1 12 Tf 72 720 Td (Report 1) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    count = page_count_claim if page_count_claim is not None else pages
    objs[1] = f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()
    for _ in range(pages):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>"
        )
    return objs


def make_hostile(full: bool) -> dict:
    """Name -> bytes: each a trick a reader must refuse with a clear error (exit 2), never
    crash, hang, exhaust memory or read outside the input on."""
    # Sizes: `full` passes the default limits (max_part_bytes 64 MiB, max_zip_entries 2000,
    # max_pdf_pages 2000); otherwise small, for the fuzzer (hostile_test.sh lowers the limits).
    bomb_bytes = (65 << 20) if full else (2 << 20)
    out = {}
    # A part that unpacks to more than max_part_bytes: zeros of spaces deflate about 1000:1.
    out["docx_bomb_part.docx"] = docx(
        {"word/document.xml": document_xml(para("x") + " " * bomb_bytes)}
    )
    # The same, its headers claiming 16 bytes unpacked (the limit must hold on what comes out).
    out["docx_bomb_lying_small.docx"] = lying_size(out["docx_bomb_part.docx"], 16)
    # A small part whose headers claim 4 GB unpacked: refused on the claim, before unpacking.
    out["docx_claims_huge.docx"] = lying_size(
        docx({"word/document.xml": document_xml(para("x"))}), 0xFFFFFFF0
    )
    # Headers that each stay under max_part_bytes and together pass max_total_bytes.
    header_bytes = (60 << 20) if full else (900 << 10)
    headers = {
        f"word/header{i}.xml": f'<w:hdr {W}>{para("h")}{" " * header_bytes}</w:hdr>'
        for i in range(1, 6)
    }
    out["docx_bomb_total.docx"] = docx({"word/document.xml": document_xml(para("x")), **headers})
    # More entries than max_zip_entries.
    many = {"word/document.xml": document_xml(para("x"))}
    for i in range(2100 if full else 300):
        many[f"word/media/e{i}.bin"] = b""
    out["docx_many_entries.docx"] = docx(many, zipfile.ZIP_STORED)
    # Tables nested in table cells, deeper than max_xml_depth: the walk over them recurses.
    depth = 20000 if full else 400
    nested = "<w:tbl><w:tr><w:tc>" * depth + para("x") + "</w:tc></w:tr></w:tbl>" * depth
    out["docx_deep_tables.docx"] = docx({"word/document.xml": document_xml(nested)})
    # Elements nested deeper still, with no closing tags (pugixml's parser must not recurse).
    out["docx_deep_unclosed.docx"] = docx(
        {"word/document.xml": document_xml("<w:sdt><w:sdtContent>" * (50000 if full else 500))}
    )
    # Billion laughs: ten entities each ten times the one before.
    lol = "".join(
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10 if i else "lol"}">' for i in range(10)
    )
    out["docx_billion_laughs.docx"] = docx(
        {"word/document.xml": document_xml(para("&lol9;"), f"<!DOCTYPE w:document [{lol}]>")}
    )
    # An external entity: a reader that resolved it would copy /etc/passwd into the output.
    out["docx_external_entity.docx"] = docx(
        {
            "word/document.xml": document_xml(
                para("&xxe;"), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            )
        }
    )
    # An entity reference with no DOCTYPE at all: left as written, nothing is looked up.
    out["docx_undeclared_entity.docx"] = docx({"word/document.xml": document_xml(para("&xxe;"))})
    # The same trick in styles.xml, which is read before the body.
    out["docx_external_entity_styles.docx"] = docx(
        {
            "word/document.xml": document_xml(para("x")),
            "word/styles.xml": '<?xml version="1.0"?><!DOCTYPE w:styles SYSTEM "file:///etc/passwd">'
            f"<w:styles {W}/>",
        }
    )
    # The parts read to find which headers the pages show (lib/read/docx_sections.cpp): the
    # relationships and settings with entity tricks, a relationship out of the package, and
    # page geometry and spacing no page counter may loop over.
    sect = '<w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>'
    R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    def doc_with_sect(body):
        return document_xml(body + sect).replace("<w:document ", f"<w:document {R} ", 1)
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Target="{}"/></Relationships>')
    out["docx_rels_external_entity.docx"] = docx(
        {
            "word/document.xml": doc_with_sect(para("x")),
            "word/_rels/document.xml.rels": rels.format("header1.xml").replace(
                "<Relationships", '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Relationships', 1
            ),
            "word/header1.xml": f'<w:hdr {W}>{para("h")}</w:hdr>',
        }
    )
    out["docx_settings_entity.docx"] = docx(
        {
            "word/document.xml": doc_with_sect(para("x")),
            "word/settings.xml": f'<?xml version="1.0"?><!DOCTYPE s [{lol}]><w:settings {W}/>',
        }
    )
    out["docx_rels_outside.docx"] = docx(
        {
            "word/document.xml": doc_with_sect(para("inside")),
            "word/_rels/document.xml.rels": rels.format("../../../../etc/passwd"),
        }
    )
    out["docx_hostile_geometry.docx"] = docx(
        {
            "word/document.xml": doc_with_sect(
                '<w:p><w:pPr><w:spacing w:after="999999999999" w:line="1e999"/></w:pPr>'
                '<w:r><w:rPr><w:sz w:val="inf"/></w:rPr><w:t>geometry</w:t></w:r></w:p>'
                + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" * (2000 if full else 200)
            ).replace(sect, sect.replace("</w:sectPr>", '<w:pgSz w:w="nan" w:h="-0"/>'
                                         '<w:pgMar w:top="1e308" w:bottom="-1e308"/></w:sectPr>')),
            "word/_rels/document.xml.rels": rels.format("header1.xml"),
            "word/header1.xml": f'<w:hdr {W}>{para("h")}</w:hdr>',
        }
    )
    # A ZIP signature and then nothing a ZIP reader can use, with the name of the part.
    out["docx_not_zip.docx"] = b"PK\x03\x04" + b"\x00" * 26 + b"word/document.xml" + b"\xff" * 64
    # PDFs: a header and nothing else; a header and garbage; an xref pointing past the end.
    out["pdf_header_only.pdf"] = b"%PDF-1.7\n%%EOF\n"
    out["pdf_garbage.pdf"] = b"%PDF-1.4\n" + bytes(range(256)) * 8
    good = pdf(text_page_objects(1))
    out["pdf_xref_past_end.pdf"] = good.replace(b"startxref\n", b"startxref\n99999999", 1)[: len(good) // 2]
    # A page tree that holds more pages than max_pdf_pages (one shared content stream).
    out["pdf_many_pages.pdf"] = pdf(text_page_objects(2100 if full else 60))
    # A page tree whose /Count claims two billion pages.
    out["pdf_count_lie.pdf"] = pdf(text_page_objects(1, page_count_claim=2_000_000_000))
    # A page tree that is its own kid: a cycle.
    objs = text_page_objects(1)
    objs[1] = b"<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>"
    out["pdf_page_tree_cycle.pdf"] = pdf(objs)
    # An object nested 100,000 arrays deep.
    objs = text_page_objects(1)
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * 100000 + b"]" * 100000 + b" >>"
    out["pdf_deep_arrays.pdf"] = pdf(objs)
    # A content stream that inflates to 64 MiB of spaces (2 MiB for the fuzzer): poppler reads
    # it through, no text comes of it.
    import zlib
    bomb = b"BT /F1 12 Tf 72 720 Td (Report 1) Tj ET" + b" " * ((64 << 20) if full else (2 << 20))
    packed = zlib.compress(bomb, 9)
    objs = text_page_objects(1)
    objs[3] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    out["pdf_flate_bomb.pdf"] = pdf(objs)
    # A form XObject that draws itself: the content recursion poppler must bound.
    form = b"/X1 Do BT /F1 12 Tf 72 700 Td (Report 1) Tj ET"
    objs = text_page_objects(1)
    objs[3] = b"<< /Length %d >>\nstream\n" % len(form) + form + b"\nendstream"
    objs.append(
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 6 0 R >> "
        b"/Font << /F1 3 0 R >> >> /Length %d >>\nstream\n" % len(form) + form + b"\nendstream"
    )
    objs[4] = objs[4].replace(b"/Resources << /Font << /F1 3 0 R >> >>",
                              b"/Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >>")
    out["pdf_form_recursion.pdf"] = pdf(objs)
    return out


def stream_seeds() -> dict:
    text = "一、工作动态\n\n截至4月底完成率85%，同比增长8.2%。"
    lines = {
        "plain": json.dumps({"id": 1, "text": text}, ensure_ascii=False),
        "big_float_id": '{"id": 1e400, "text": "x"}',
        "big_int_id": '{"id": 12345678901234567890123, "text": "完成率85%"}',
        "structured_id": '{"id": {"k": [1.50, "x", null, true]}, "text": "x"}',
        "string_id_escapes": '{"id": "a\\u0000\\ud800\\"b", "text": "x"}',
        "duplicate_id": '{"id": 1, "id": 2e500, "text": "x"}',
        "deep_id": '{"id": ' + "[" * 600 + "]" * 600 + ', "text": "x"}',
        "deep_unclosed": '{"id": ' + "{\"a\":" * 300,
        "path_record": '{"id": 3, "path": "/dev/zero"}',
        "not_object": "[1, 2, 3]",
        "bad_utf8": b'{"id": 1, "text": "\xff\xfe"}'.decode("latin-1"),
        "crlf": '{"id": 1, "text": "x"}\r',
        "nul_text": '{"id": 7, "text": "\\u0000"}',
    }
    out = {}
    for name, line in lines.items():
        out[name] = (line + "\n").encode("latin-1" if name == "bad_utf8" else "utf-8")
    out["many_lines"] = "".join(v + "\n" for k, v in lines.items() if k != "bad_utf8").encode()
    out["no_final_newline"] = b'{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}'
    out["blank_lines"] = b'\n  \n\t\r\n{"id": 1, "text": "x"}\n\n'
    out["long_line"] = b'{"id": 1, "text": "' + b"a" * 5000 + b'"}\n{"id": 2, "text": "b"}\n'
    return out


def rules_seeds(source: pathlib.Path) -> dict:
    out = {}
    rules = source / "rules"
    for p in sorted(rules.rglob("*.yaml")):
        rel = p.relative_to(rules).as_posix()
        data = p.read_bytes()
        if len(data) > 16384:  # the fuzzer's max_len: large tables are cut at a line end
            data = data[: data.rfind(b"\n", 0, 16384) + 1]
        out[rel.replace("/", "_")] = rel.encode() + b"\n" + data
    layout = (rules / "layout" / "layout.yaml").read_text(encoding="utf-8")
    for value in ["0", "-5", "1000000000000", "1e309", "~", "[1]"]:
        out[f"time_limit_{value}"] = (
            "layout/layout.yaml\n"
            + re.sub(r"(?m)^regex_time_limit:.*$", f"regex_time_limit: {value}", layout)
        ).encode()
    out["empty_rules"] = b"metrics/count.yaml\nkind: count\nrules: []\n"
    out["duplicate_kind"] = b"metrics/zz.yaml\nkind: count\nkind: percentage\nrules: []\n"
    out["anchors"] = b"metrics/zz.yaml\nkind: &k count\nrules: &r [*r]\n"
    out["bad_pattern"] = (
        "metrics/zz.yaml\nkind: count\nrules:\n  - id: count_zz\n    pattern: '(?:a+)+b(['\n"
        "    examples: [{text: ab, expect: {value: 1}}]\n"
    ).encode()
    return out


def write(out_dir: pathlib.Path, files: dict) -> None:
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    for name, data in files.items():
        (out_dir / name).write_bytes(data)


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--full"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, out = pathlib.Path(args[0]), pathlib.Path(args[1])
    full = "--full" in sys.argv
    write(out / "read", make_hostile(full))
    if not full:
        write(out / "stream", stream_seeds())
        write(out / "rules", rules_seeds(source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
