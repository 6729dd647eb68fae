#!/usr/bin/env bash
# The readers against hostile files (issue 14): malformed PDFs, zip bombs, XML entity tricks.
# Each file (tests/fuzz/make_target_seeds.py writes them) must give exit 2 and an error naming
# the file and the trick, within seconds, with nothing read from outside the input; the two
# damaged PDFs poppler repairs (a page tree with a cycle, 100,000 nested arrays) parse. The
# limits are lowered with a --rules override so the bombs stay small; one file checks the
# built-in limits.
#
# usage: tests/read/hostile_test.sh path/to/jianbao SOURCE_DIR WORK_DIR
set -euo pipefail
JB=$(realpath "$1")
SRC=$(realpath "$2")
WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK"
python3 "$SRC/tests/fuzz/make_target_seeds.py" "$SRC" seeds >/dev/null
mkdir -p limits/read
sed -e 's/^max_zip_entries:.*/max_zip_entries: 200/' -e 's/^max_part_bytes:.*/max_part_bytes: 1048576/' \
    -e 's/^max_total_bytes:.*/max_total_bytes: 3145728/' -e 's/^max_pdf_pages:.*/max_pdf_pages: 50/' \
    "$SRC/rules/read/read.yaml" >limits/read/read.yaml

have_pdf=1 have_docx=1
"$JB" parse "$SRC/tests/data/read/bulletin.pdf" >/dev/null 2>&1 || have_pdf=0
"$JB" parse "$SRC/tests/data/read/bulletin.docx" >/dev/null 2>&1 || have_docx=0
passed=0 failed=0
# check FILE WANT_EXIT WANT_STDERR [--builtin]: exit code, the file's path and the reason in stderr.
check() {
    local name=$1 want=$2 says=$3 rules=(--rules limits) rc=0
    [[ ${4:-} == --builtin ]] && rules=()
    if [[ $name == pdf_* && $have_pdf == 0 ]] || [[ $name == docx_* && $have_docx == 0 ]]; then
        echo "SKIP: $name (reader not built)"
        return
    fi
    timeout 20 "$JB" parse "${rules[@]}" -f json "seeds/read/$name" >out.json 2>err.txt || rc=$?
    local why=""
    [[ $rc -eq $want ]] || why+=" exit $rc, want $want;"
    if [[ $want -ne 0 ]]; then
        grep -q "seeds/read/$name" err.txt || why+=" the file is not named;"
        grep -q -- "$says" err.txt || why+=" no '$says';"
    else
        grep -q -- "$says" out.json || why+=" no '$says' in the output;"
    fi
    # Nothing from outside the input: /etc/passwd's first line never shows up.
    ! grep -q "root:.*:0:0:" out.json err.txt || why+=" read /etc/passwd;"
    if [[ -z $why ]]; then
        passed=$((passed + 1))
    else
        echo "FAIL: $name:$why"
        sed 's/^/  stderr: /' err.txt | head -3
        failed=$((failed + 1))
    fi
}
check docx_bomb_part.docx 2 "claims [0-9]* bytes unpacked, more than max_part_bytes 1048576"
check docx_bomb_lying_small.docx 2 "word/document.xml unpacks to more than max_part_bytes 1048576"
check docx_bomb_total.docx 2 "unpack to more than max_total_bytes 3145728"
check docx_claims_huge.docx 2 "claims 4294967280 bytes unpacked, more than max_part_bytes 67108864" --builtin
check docx_many_entries.docx 2 "ZIP has 302 entries, more than the 200"
check docx_deep_tables.docx 2 "nests elements deeper than max_xml_depth 256"
check docx_deep_unclosed.docx 2 "bad XML"
check docx_billion_laughs.docx 2 "has a DOCTYPE"
check docx_external_entity.docx 2 "has a DOCTYPE"
check docx_external_entity_styles.docx 2 "word/styles.xml has a DOCTYPE"
check docx_undeclared_entity.docx 0 '&xxe;'
check docx_not_zip.docx 2 "no DOCX\|not a readable ZIP"
check docx_rels_external_entity.docx 2 "document.xml.rels has a DOCTYPE"
check docx_settings_entity.docx 2 "word/settings.xml has a DOCTYPE"
check docx_rels_outside.docx 0 "inside"
check docx_hostile_geometry.docx 0 "geometry"
check pdf_header_only.pdf 2 "not a readable PDF"
check pdf_garbage.pdf 2 "not a readable PDF"
check pdf_xref_past_end.pdf 2 "not a readable PDF"
check pdf_many_pages.pdf 2 "PDF has 60 pages, more than max_pdf_pages 50"
check pdf_count_lie.pdf 2 "PDF has no pages"
check pdf_page_tree_cycle.pdf 0 "Report 1"
check pdf_deep_arrays.pdf 0 "Report 1"
check pdf_flate_bomb.pdf 0 "Report 1"
check pdf_form_recursion.pdf 0 "Report 1"
echo "hostile readers: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
