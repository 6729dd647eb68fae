#!/usr/bin/env python3
"""Writes the seed corpus of the parse fuzzer: the samples plus hostile inputs.

usage: make_seeds.py SOURCE_DIR OUT_DIR

OUT_DIR/small/ holds inputs of at most 64 KiB, the fuzzer's starting corpus; OUT_DIR/big/ holds
the large hostile inputs (100,000 blank lines, a 1 MB line of digits, ...), which scripts/fuzz.sh
runs once each at full size. The output is deterministic: the random inputs use fixed seeds.
"""
import pathlib
import random
import shutil
import sys

SMALL_LIMIT = 64 * 1024


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    shutil.rmtree(out, ignore_errors=True)
    small = out / "small"
    big = out / "big"
    small.mkdir(parents=True)
    big.mkdir(parents=True)

    seeds: dict[str, bytes] = {}
    samples = sorted((source / "samples").glob("*.txt"))
    for p in samples:
        seeds["sample_" + p.stem] = p.read_bytes()

    utf8_text = (source / "samples" / "01_wrapped_pdf.txt").read_bytes()
    cjk = utf8_text.decode("utf-8")

    # Random bytes, and random CJK text with random line ends.
    rng = random.Random(20240501)
    for i in range(4):
        seeds[f"random_bytes_{i}"] = bytes(rng.randrange(256) for _ in range(4096))
    alphabet = list(set(cjk) - {"\n"}) + ["\n", "\r\n", "\r", "\f", " ", "\u3000", "\t"]
    for i in range(4):
        seeds[f"random_text_{i}"] = "".join(rng.choice(alphabet) for _ in range(3000)).encode()

    # Truncated and malformed multi-byte sequences, in every encoding.
    seeds["truncated_utf8_end"] = utf8_text[:1001] if utf8_text[1000] >= 0x80 else utf8_text[:999] + b"\xe4\xb8"
    seeds["truncated_utf8_middle"] = "通报第3期".encode() + b"\xe4\xb8" + "总体要求".encode()
    seeds["truncated_four_byte"] = "中文".encode() + b"\xf0\x9f\x98"
    seeds["overlong"] = "通报：".encode() + b"\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf"
    seeds["surrogates_utf8"] = "通报".encode() + b"\xed\xa0\x80\xed\xbf\xbf"
    seeds["gb18030_truncated"] = cjk[:400].encode("gb18030") + b"\xd6"
    seeds["gb18030_four_byte"] = ("通报𠀀€" * 50).encode("gb18030")
    seeds["utf16le_odd"] = b"\xff\xfe" + cjk[:400].encode("utf-16-le") + b"x"
    seeds["utf16be_lone_surrogate"] = b"\xfe\xff" + "通报".encode("utf-16-be") + b"\xdc\x00"
    seeds["utf16le_nul"] = b"\xff\xfe" + "通报\0第3期".encode("utf-16-le")
    seeds["nul_bytes"] = b"\x00" * 64 + "通报".encode()
    seeds["bom_only"] = b"\xef\xbb\xbf"
    seeds["bom_twice"] = b"\xef\xbb\xbf\xef\xbb\xbf" + "通报".encode()

    # Repeated structure markers: points, headings, brackets and distribution fields.
    seeds["markers_yishi"] = ("一是" * 5000).encode()
    seeds["markers_yishi_lines"] = ("一是加强管理。\n" * 2000).encode()
    seeds["markers_bracket_one"] = ("（一）" * 3000).encode()
    seeds["markers_bracket_lines"] = "".join(f"（{n}）标题\n" for n in "一二三四五六七八九十" * 200).encode()
    seeds["markers_heading"] = ("一、" * 5000).encode()
    seeds["markers_headings_lines"] = "".join(f"{n}、工作动态\n" for n in "一二三四五六七八九十" * 300).encode()
    seeds["markers_arabic"] = ("1." * 10000).encode()
    seeds["markers_articles"] = ("第一条" * 3000).encode()
    seeds["markers_nested"] = "".join(f"{a}、\n（{b}）\n1.\n一是\n" for a in "一二三" for b in "一二三四五" * 40).encode()
    seeds["open_brackets"] = ("（" * 10000 + "）" * 10000).encode()
    seeds["distribution"] = ("报：" * 2000 + "\n抄送：" + "、" * 5000).encode()
    seeds["distribution_lines"] = ("报：各省应急管理厅（局），\n抄送：" * 500).encode()
    seeds["masthead_repeat"] = ("安全生产简报\n第5期\n（总第123期）\n二〇二四年五月十日\n" * 300).encode()

    # Metric-shaped text: long runs of numbers, units and comparators.
    seeds["percent_run"] = ("%" * 20000).encode()
    seeds["percent_words"] = ("百分之" * 5000).encode()
    seeds["years_run"] = ("2024年" * 5000).encode()
    seeds["date_ranges"] = ("3月25日至" * 3000).encode()
    seeds["cn_numbers"] = ("一二三四五六七八九十百千万亿" * 1000).encode()
    seeds["number_commas"] = ("1,000," * 8000).encode()
    seeds["decimal_points"] = ("1." * 20000 + "5%").encode()
    seeds["comparators"] = ("不低于不少于以上以下左右" * 1000).encode()
    seeds["provinces"] = ("京津冀东北三省山东省吉林市" * 1000).encode()

    # Layout: form feeds, page numbers, blank lines, wrapped lines, widths.
    seeds["form_feeds"] = b"\f" * 20000 + "通报".encode()
    seeds["form_feed_lines"] = ("\f第1页\n" * 5000).encode()
    seeds["page_numbers"] = "".join(f"— {i} —\n\f工作动态\n正文内容。\n" for i in range(2000)).encode()
    seeds["blank_lines_20k"] = b"\n" * 20000 + "通报".encode() + b"\n" * 20000
    seeds["cr_only"] = utf8_text.replace(b"\n", b"\r")
    seeds["crlf_mixed"] = utf8_text.replace(b"\n", b"\r\n", 50)
    seeds["fullwidth"] = ("ＡＢＣ１２３％　" * 3000).encode()
    seeds["wide_line_wraps"] = ("紧紧围绕新时代矿山安全生产工作要求，全面推进各项任务落实\n" * 1500).encode()
    seeds["spaces_digits"] = ("3 月 25 日 " * 5000).encode()
    seeds["control_chars"] = bytes(range(1, 32)).replace(b"\n", b"") * 100 + "通报".encode()
    seeds["yaml_specials"] = "\n".join(
        ["- a", "? b", ": c", "# d", "& e", "* f", "! g", "| h", "> i", "' j", '" k', "% l",
         "@ m", "` n", "---", "...", "~", "null", "yes", "no", "0x1A", "0o17", ".inf", ".nan",
         "1_000", "1:20", "2024-05-10", "10:30", "+1", "1e5", "{a: b}", "[1, 2]"]).encode()

    for name, data in seeds.items():
        (small if len(data) <= SMALL_LIMIT else big).joinpath(name).write_bytes(data)

    # Large hostile inputs, run once each at full size.
    (big / "blank_lines_100k").write_bytes(b"\n" * 100000 + "通报".encode() + b"\n")
    (big / "blank_lines_100k_only").write_bytes(b"\n" * 100000)
    (big / "digits_1mb_line").write_bytes(b"0123456789" * 100000 + b"\n")
    (big / "cjk_1mb_line").write_bytes(("一是" * 175000).encode())
    (big / "markers_1mb_lines").write_bytes(("一是加强管理。\n" * 50000).encode())
    (big / "form_feeds_1mb").write_bytes(b"\f" * 1000000 + "通报".encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
