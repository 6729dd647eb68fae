"""Find the composed blocks in one text variant: the first and last source line of every block,
and every other non-blank line as page furniture (page number, running header, footer).

Matching ignores whitespace (spaces, U+3000, tabs, form feeds, line ends). Blocks are found in
composition order; a line that interrupts a block (a page number, a running header, the "—" "5"
"—" of a page number split over three lines) is skipped whole and recorded as furniture.
"""

import re
import unicodedata

WS = re.compile(r"\s+")


def squeeze(s):
    return WS.sub("", s)


# docx2txt writes curly quotes as ASCII ones and an em dash as " -- "; compare those forms.
FOLD = {"“": '"', "”": '"', "‘": "'", "’": "'", "—": "--"}


def norm(c):
    # Compare NFKC forms (pdftotext may emit compatibility forms of CJK punctuation).
    return FOLD.get(c) or unicodedata.normalize("NFKC", c)


def split_lines(text):
    """Lines as jianbao counts them: LF, CRLF and a lone CR end a line; \\f does not."""
    return re.split(r"\r\n|\n|\r", text)


class Stream:
    def __init__(self, text):
        self.lines = split_lines(text)
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.chars = []  # (normalised char, line number)
        self.line_start = {}  # line number -> index of its first char in self.chars
        for n, line in enumerate(self.lines, 1):
            self.line_start[n] = len(self.chars)
            for c in line:
                if not c.isspace():
                    for k in norm(c):
                        self.chars.append((k, n))
        self.text = "".join(c for c, _ in self.chars)

    def line_of(self, i):
        return self.chars[i][1]

    def at_line_start(self, i):
        return i == 0 or self.chars[i - 1][1] != self.chars[i][1]

    def next_line(self, i):
        n = self.chars[i][1]
        while i < len(self.chars) and self.chars[i][1] == n:
            i += 1
        return i

    def line_text(self, i):
        return self.text[i:self.next_line(i)]


def match_block(stream, block_text, pos, furniture):
    """Match block_text from pos; return (first_idx, last_idx, skipped_lines) or None."""
    p = "".join(norm(c) for c in squeeze(block_text))
    if not p:
        return None
    # Start at each occurrence of the first character: a page number may cut the block right
    # after its first characters (a table whose header row is split by the page end).
    head = p[0]
    start = stream.text.find(head, pos)
    while start >= 0:
        res = walk(stream, p, start, furniture)
        if res:
            return res
        start = stream.text.find(head, start + 1)
    return None


def walk(stream, p, start, furniture):
    """Match p from stream position start. At the start of a line that looks like furniture,
    first try skipping the line, then (backtracking) reading it as the block's text: the "2" of
    a split page number may sit where the block goes on with "2024年…"."""
    choices = []  # (action, i, j, skipped so far, last) to resume from
    i, j = 0, start
    skipped = []
    last = start
    while True:
        if i == len(p):
            return start, last, skipped
        ok = j < len(stream.chars)
        if ok and i > 0 and stream.at_line_start(j):
            line = stream.line_text(j)
            if is_furniture(line, furniture):
                if not p.startswith(line, i):
                    skipped.append(stream.line_of(j))
                    j = stream.next_line(j)
                    continue
                if line not in furniture:
                    # Page-number-shaped ("2" before "2024年…"): skip first, read as text later.
                    choices.append(("read", i, j, list(skipped), last))
                    skipped.append(stream.line_of(j))
                    j = stream.next_line(j)
                    continue
                # A header or footer text the block goes on with (a masthead note that is also
                # the footer): read it as text first, skip it later.
                choices.append(("skip", i, j, list(skipped), last))
        if ok and stream.text[j] == p[i]:
            last = j
            i += 1
            j += 1
            continue
        if ok and i > 0 and stream.at_line_start(j):
            skipped.append(stream.line_of(j))
            j = stream.next_line(j)
            continue
        if not choices:
            return None
        action, i, j, skipped, last = choices.pop()
        n = len(stream.line_text(j))
        if action == "read":  # consume the line whole as the block's text
            last = j + n - 1
            i += n
        else:
            skipped.append(stream.line_of(j))
        j += n


PAGE_NUMBER = re.compile(r"^(?:[—\-－–]{0,4}\d+[—\-－–]{0,4}|第\d+页(?:共\d+页)?|[—\-－–]{1,4})$")
# A rule drawn as text (docx2txt writes a paragraph border as a line of dashes).
SEPARATOR = re.compile(r"^(?:-{10,}|_{10,}|—{8,}|━{8,}|─{8,})$")


def is_furniture(line, furniture):
    return bool(PAGE_NUMBER.match(line) or SEPARATOR.match(line)) or line in furniture


PAGE_NUMBER_PART = re.compile(r"^[—\-－–]{0,4}\d+[—\-－–]{0,4}|[—\-－–]{0,4}\d+[—\-－–]{0,4}$")


def furniture_kind(line, comp):
    if PAGE_NUMBER.match(line):
        return "page_number"
    if SEPARATOR.match(line):
        return "separator"
    texts = furniture_texts(comp.get("page", {}))
    if line in texts:
        return texts[line]
    # pdftotext glues a page number to a footer beside it ("-2内部资料"): a page number line.
    for m in PAGE_NUMBER_PART.finditer(line):
        rest = line[:m.start()] + line[m.end():]
        if rest in texts:
            return "page_number"
    return None


def not_found(b):
    return f"block not found: {b['role']} {b['text'][:30]!r}"


def furniture_texts(page):
    """Header and footer texts, whole and each of their space-separated parts (pdftotext cuts
    "内部资料　注意保存" at the ideographic space)."""
    out = {}
    for key, kind in (("header", "running_header"), ("footer", "footer")):
        if page.get(key):
            for text in [page[key]["text"]] + page[key].get("by_section", []):
                for t in [text] + text.split():
                    out["".join(norm(c) for c in squeeze(t))] = kind
    return out


def locate(text, comp, blocks):
    """blocks: the composition's blocks that appear in this variant, in order. Returns
    (spans, removed, problems): spans[k] = (first_line, last_line) of blocks[k] or None."""
    stream = Stream(text)
    furniture = furniture_texts(comp.get("page", {}))
    spans = []
    claimed = set()
    pos = 0
    problems = []
    for b in blocks:
        res = match_block(stream, b["text"], pos, furniture)
        if res is None:
            spans.append(None)
            problems.append(not_found(b))
            continue
        first, last, skipped = res
        spans.append((stream.line_of(first), stream.line_of(last)))
        claimed.update({stream.line_of(k) for k in range(first, last + 1)} - set(skipped))
        pos = last + 1
    removed = []
    for n, line in enumerate(stream.lines, 1):
        body = squeeze(line)
        if not body or n in claimed:
            continue
        kind = furniture_kind("".join(norm(c) for c in body), comp)
        if kind is None:
            problems.append(f"line {n} is neither a block nor furniture: {line.strip()[:40]!r}")
            kind = "unknown"
        removed.append({"kind": kind, "line": n, "text": line.replace("\f", "").strip()})
    # A line shared by two blocks, or a furniture line inside a block's span, is reported too.
    page_breaks = [n for n, line in enumerate(stream.lines, 1) if "\f" in line]
    return spans, removed, page_breaks, problems
