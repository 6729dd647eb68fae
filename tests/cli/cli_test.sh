#!/usr/bin/env bash
# The jianbao CLI as a user runs it: parse, extract, parse --stream, batch, jq pipelines, exit
# codes, JSON Schemas, completion and man page. Every check that fails is named; the run ends with
# "N passed, N failed" and exits 1 if any failed (set -euo pipefail also stops it on any error
# outside a check).
#
# usage: tests/cli/cli_test.sh path/to/jianbao SOURCE_DIR [WORK_DIR]
set -euo pipefail

JB=$(realpath "${1:?usage: cli_test.sh path/to/jianbao SOURCE_DIR [WORK_DIR]}")
SRC=$(realpath "${2:?usage: cli_test.sh path/to/jianbao SOURCE_DIR [WORK_DIR]}")
WORK=${3:-$(mktemp -d)}
# Debian's interpreter, whose python3-jsonschema and python3-yaml the schema check uses.
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
for tool in jq iconv script; do
    command -v "$tool" >/dev/null || { echo "cli_test.sh: $tool is required"; exit 1; }
done

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
SAMPLES=("$SRC"/samples/*.txt)
(( ${#SAMPLES[@]} >= 9 )) || { echo "cli_test.sh: samples missing under $SRC/samples"; exit 1; }

# shellcheck source=harness.sh
source "$SRC/tests/cli/harness.sh"
same() { cmp -s "$1" "$2"; }
valid_jsonl() { jq -e . "$1" >/dev/null && [[ $(jq -c . "$1" | wc -l) -eq $(grep -c . "$1") ]]; }

# --- parse ---------------------------------------------------------------------------------------
"$JB" parse -f jsonl "${SAMPLES[@]}" >parse.jsonl
ok "parse -f jsonl: one valid record per sample" \
    test "$(jq -s 'map(select(.schema == "jianbao.bulletin/1")) | length' parse.jsonl)" -eq "${#SAMPLES[@]}"
"$JB" parse -f json "${SAMPLES[0]}" >one.json
"$JB" parse -f json -o out.json "${SAMPLES[0]}"
ok "parse -o FILE writes what stdout gets" same one.json out.json
ok "parse -o leaves no temporary file" no_tmp_files .
"$JB" parse -f json - <"${SAMPLES[0]}" >stdin.json
ok "parse - reads stdin" \
    same <(jq -c 'del(.source.path)' one.json) <(jq -c 'del(.source.path)' stdin.json)
"$JB" parse -f yaml "${SAMPLES[@]}" >parse.yaml
ok "parse -f yaml: one document per sample" test "$(grep -c '^---$' parse.yaml)" -eq "${#SAMPLES[@]}"
head -c 3000 "$JB" >binary.txt
exits 2 "parse of a binary file exits 2" "$JB" parse binary.txt -o bad.json
ok "parse of a binary file writes nothing" test ! -e bad.json
exits 2 "parse of a missing file exits 2" "$JB" parse no-such-file.txt
# Usage errors are 2 whatever CLI11's own error code is.
exits 2 "an unknown option exits 2" "$JB" parse --no-such-option "${SAMPLES[0]}"
exits 2 "a bad --format value exits 2" "$JB" parse --format xml "${SAMPLES[0]}"
exits 2 "an unknown subcommand exits 2" "$JB" no-such-command
exits 2 "no subcommand exits 2" "$JB"
exits 0 "--help exits 0" "$JB" parse --help
exits 0 "--version exits 0" "$JB" --version
"$JB" parse binary.txt 2>err.txt >/dev/null || true
ok "errors read jianbao: FILE: message" grep -q '^jianbao: binary.txt: byte [0-9]*: ' err.txt

# --- extract and a jq pipeline -------------------------------------------------------------------
"$JB" extract "${SAMPLES[@]}" >extract.jsonl
ok "extract: jq reads every line" valid_jsonl extract.jsonl
jq -r 'select(.kind == "deadline") | .value' extract.jsonl >deadlines.txt
ok "jq pipeline over extract finds deadlines" test -s deadlines.txt
ok "deadlines are ISO dates" bash -c '! grep -vE "^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$" deadlines.txt'
"$JB" extract -f csv "${SAMPLES[@]}" >extract.csv
ok "extract -f csv: header and one row per metric" \
    test "$(wc -l <extract.csv)" -eq "$(($(wc -l <extract.jsonl) + 1))"
ok "extract -f csv: header names the columns" grep -q '^source_path,file,masthead_date,.*,section,item,item_title,item_region,item_region_code,kind,text,value' extract.csv

# --- parse --stream ------------------------------------------------------------------------------
: >stream_in.jsonl
for f in "${SAMPLES[@]}"; do jq -cn --arg p "$f" '{id: $p, path: $p}' >>stream_in.jsonl; done
"$JB" parse --stream <stream_in.jsonl >stream_out.jsonl
ok "stream: jq reads every line" valid_jsonl stream_out.jsonl
ok "stream: ids come back in input order" \
    same <(jq -r .id stream_in.jsonl) <(jq -r .id stream_out.jsonl)
ok "stream: path records equal parse -f jsonl" \
    same <(jq -c 'del(.id)' stream_out.jsonl) <(jq -c . parse.jsonl)
# "text" records: each sample converted to UTF-8 and sent inline, numeric ids.
: >text_in.jsonl
i=0
for f in "${SAMPLES[@]}"; do
    enc=$("$JB" parse -f json "$f" | jq -r .source.encoding)
    iconv -f "$enc" -t utf-8 "$f" | jq -Rsc --argjson id "$i" '{id: $id, text: .}' >>text_in.jsonl
    i=$((i + 1))
done
"$JB" parse --stream <text_in.jsonl >text_out.jsonl
ok "stream: text records round-trip every sample" \
    same <(jq -c 'del(.id, .source)' text_out.jsonl) <(jq -c 'del(.source)' parse.jsonl)
ok "stream: numeric ids kept" same <(jq -c .id text_in.jsonl) <(jq -c .id text_out.jsonl)
# A record answered before stdin closes: flushed per record, usable as a pipe stage.
coproc STREAM { "$JB" parse --stream; }
# Bash unsets STREAM_PID once the coprocess is reaped, which may come before `wait`.
stream_pid=$STREAM_PID
head -n 1 stream_in.jsonl >&"${STREAM[1]}"
reply=""
IFS= read -r -t 60 reply <&"${STREAM[0]}" || true
exec {STREAM[1]}>&-
wait "$stream_pid" 2>/dev/null || true
ok "stream: flushes each record while stdin is still open" \
    test "$(jq -r .id <<<"${reply:-null}")" = "${SAMPLES[0]}"
# A bad line gives an error record in its place, a message, and exit 1.
{ head -n 2 stream_in.jsonl; echo 'not json'; echo '{"id": "x"}'; tail -n 1 stream_in.jsonl; } >mixed_in.jsonl
exits 1 "stream: bad lines exit 1" bash -c "'$JB' parse --stream <mixed_in.jsonl >mixed_out.jsonl 2>mixed_err.txt"
ok "stream: one output line per input line" test "$(wc -l <mixed_out.jsonl)" -eq 5
ok "stream: error records in place" \
    test "$(jq -c '[.schema, .input_line]' mixed_out.jsonl | sed -n 3,4p | tr -d '\n')" = \
    '["jianbao.stream_error/1",3]["jianbao.stream_error/1",4]'
ok "stream: errors on stderr as <stdin>:LINE" grep -q '^jianbao: <stdin>:3: ' mixed_err.txt
exits 2 "stream: refuses input files" "$JB" parse --stream "${SAMPLES[0]}"
exits 2 "stream: refuses -f yaml" "$JB" parse --stream -f yaml </dev/null

# --- batch ---------------------------------------------------------------------------------------
mkdir -p in/sub
cp "${SAMPLES[@]:0:5}" in/
cp "${SAMPLES[@]:5}" in/sub/
cp binary.txt in/sub/zz_binary.txt
if [[ $(id -u) -eq 0 ]]; then
    ln -s does-not-exist in/unreadable.txt  # root reads any mode: a dangling link stands in
else
    echo "secret" >in/unreadable.txt
    chmod 000 in/unreadable.txt
fi
echo "not a bulletin" >in/notes.md
exits 1 "batch with a bad file exits 1" bash -c "'$JB' batch in -o out1 -j 1 2>batch_err.txt"
exits 1 "batch -j 2 exits 1 too" "$JB" batch in -o out2 -j 2
ok "batch: binary file reported" grep -q '^jianbao: in/sub/zz_binary.txt: ' batch_err.txt
ok "batch: unreadable file reported" grep -q '^jianbao: in/unreadable.txt: ' batch_err.txt
ok "batch: nothing else on stderr" test "$(wc -l <batch_err.txt)" -eq 2
ok "batch: no output for the bad files" \
    test ! -e out1/sub/zz_binary.json -a ! -e out1/unreadable.json
ok "batch: --glob default skips other names" test ! -e out1/notes.json
ok "batch: one output per good input" test "$(find out1 -name '*.json' ! -name summary.json | wc -l)" -eq "${#SAMPLES[@]}"
ok "batch: no temporary files" no_tmp_files out1
ok "batch: -j 1 and -j 2 byte-identical" diff -r -x summary.json out1 out2
ok "batch: summaries equal but for the time" \
    same <(jq -S 'del(.seconds)' out1/summary.json) <(jq -S 'del(.seconds)' out2/summary.json)
ok "batch: summary counts" test "$(jq -c '[.files, .converted, .failed, (.failures | length)]' out1/summary.json)" = \
    "[$((${#SAMPLES[@]} + 2)),${#SAMPLES[@]},2,2]"
mapfile -t good < <(cd in && find . -name '*.txt' ! -name zz_binary.txt ! -name unreadable.txt | sed 's|^\./||' | LC_ALL=C sort)
all_match=true
for rel in "${good[@]}"; do
    "$JB" parse -f json "in/$rel" | same - "out1/${rel%.txt}.json" || { echo "  differs: $rel"; all_match=false; }
done
ok "batch: each output equals parse -f json of its input" $all_match
"$JB" extract "${good[@]/#/in/}" >batch_extract.jsonl
ok "batch: metrics.jsonl equals extract over the inputs, in order" same batch_extract.jsonl out1/metrics.jsonl
ok "batch: summary counts the metrics" test "$(jq .metrics out1/summary.json)" -eq "$(wc -l <out1/metrics.jsonl)"
# Incremental runs.
exits 1 "batch re-run exits 1 (the bad files again)" "$JB" batch in -o out1 -j 2
ok "batch re-run skips unchanged inputs" test "$(jq -c '[.converted, .skipped]' out1/summary.json)" = "[0,${#SAMPLES[@]}]"
ok "batch re-run: metrics.jsonl unchanged" same batch_extract.jsonl out1/metrics.jsonl
ok "batch re-run: outputs unchanged" diff -r -x summary.json out1 out2
echo "补充一行。" >>in/sub/"$(basename "${SAMPLES[-1]}")"
"$JB" batch in -o out1 -j 2 2>/dev/null || true
ok "batch: an edited input is converted again" test "$(jq -c '[.converted, .skipped]' out1/summary.json)" = "[1,$((${#SAMPLES[@]} - 1))]"
"$JB" batch in -o out1 --force 2>/dev/null || true
ok "batch --force converts everything" test "$(jq .converted out1/summary.json)" -eq "${#SAMPLES[@]}"
"$JB" batch in -o out1 --explain 2>/dev/null || true
ok "batch: other options convert again" test "$(jq .converted out1/summary.json)" -eq "${#SAMPLES[@]}"
ok "batch --explain: rule ids in the outputs" test "$(jq -s 'map(select(.rule == null)) | length' out1/metrics.jsonl)" -eq 0
cp binary.txt in/"$(basename "${SAMPLES[0]}")"
"$JB" batch in -o out1 --explain 2>/dev/null || true
ok "batch: an input that turned bad loses its old output" test ! -e "out1/$(basename "${SAMPLES[0]}" .txt).json"
rm in/unreadable.txt in/sub/zz_binary.txt in/"$(basename "${SAMPLES[0]}")"
exits 0 "batch with good files only exits 0" "$JB" batch in -o out3 -f yaml --glob '*.txt'
ok "batch -f yaml writes .yaml" test -s "out3/sub/$(basename "${SAMPLES[-1]}" .txt).yaml"
exits 0 "batch --glob matching nothing exits 0" "$JB" batch in -o out4 --glob '*.none'
ok "batch of nothing: empty metrics.jsonl" test -e out4/metrics.jsonl -a ! -s out4/metrics.jsonl
exits 2 "batch of a missing input exits 2" "$JB" batch no-such-dir -o out5
mkdir -p clash && cp "${SAMPLES[1]}" clash/
exits 2 "batch refuses two inputs with one output name" "$JB" batch in clash/"$(basename "${SAMPLES[1]}")" "${SAMPLES[1]}" -o out5
ok "batch without -o is refused" bash -c "! '$JB' batch in 2>/dev/null"
"$JB" batch in -o out6 2>quiet_err.txt
ok "batch: silent on stderr when it is not a terminal" test ! -s quiet_err.txt
# Progress on a terminal (script(1) gives it one), with and without colour.
TERM=xterm NO_COLOR=1 script -qec "'$JB' batch in -o out7 -j 2" /dev/null >tty_nocolor.txt
TERM=xterm script -qec "'$JB' batch in -o out8 -j 2" /dev/null >tty_color.txt
ok "batch: progress on a terminal" grep -q 'files .*/s  ETA' tty_nocolor.txt
ok "batch: NO_COLOR turns colour off" bash -c "! grep -q $'\e\\[32m' tty_nocolor.txt"
ok "batch: colour otherwise" grep -q $'\e\\[32m' tty_color.txt
# Ctrl-C: stops between files, exit 130, no temporary or partial file; a re-run completes.
mkdir -p many
for d in $(seq 1 50); do mkdir -p many/d$d && cp "${SAMPLES[@]}" many/d$d/; done
"$JB" batch many -o out9 -j 2 2>int_err.txt &
pid=$!
for _ in $(seq 1 600); do [[ -n $(find out9 -name '*.json' -print -quit 2>/dev/null) ]] && break; sleep 0.05; done
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
ok "batch: SIGINT exits 130 (got $rc)" test "$rc" -eq 130
ok "batch: SIGINT leaves no temporary file" no_tmp_files out9
ok "batch: SIGINT leaves only whole outputs" bash -c 'find out9 -name "*.json" -print0 | xargs -0 -r jq -e .schema >/dev/null'
ok "batch: SIGINT keeps the manifest" test -s out9/.jianbao-manifest.jsonl
"$JB" batch many -o out9 -j 2
ok "batch after SIGINT: the re-run skips what was done" test "$(jq .skipped out9/summary.json)" -gt 0
ok "batch after SIGINT: complete" test "$(jq '.converted + .skipped' out9/summary.json)" -eq $((50 * ${#SAMPLES[@]}))

# --- JSON Lines and JSON Schemas -----------------------------------------------------------------
for f in out1/metrics.jsonl out9/metrics.jsonl out1/.jianbao-manifest.jsonl; do
    ok "jq reads $f" valid_jsonl "$f"
done
"$JB" parse -f json "${SAMPLES[@]}" >parse_all.json
"$JB" extract -f yaml "${SAMPLES[@]}" >extract.yaml
"$JB" extract --explain --kinds percentage,percentage_point,count,amount,date,date_range,deadline,duration,year,year_range,province,number \
    "${SAMPLES[@]}" >extract_all.jsonl
mapfile -t batch_outputs < <(find out1 out3 -name '*.json' -o -name '*.yaml' -o -name metrics.jsonl | LC_ALL=C sort)
ok "schemas validate every output" "$PY" "$SRC/tests/cli/validate_records.py" "$SRC/schemas" \
    parse.jsonl parse.yaml parse_all.json one.json stream_out.jsonl text_out.jsonl mixed_out.jsonl \
    extract.jsonl extract.yaml extract_all.jsonl "${batch_outputs[@]}"

# --- help, completion, man page ------------------------------------------------------------------
mapfile -t commands < <("$JB" --help | awk '/^Subcommands:/ {on = 1; next} on && /^$/ {exit} on {print $1}')
ok "the help lists the commands" test "${#commands[@]}" -ge 4
for c in "${commands[@]}"; do
    if [[ $c == rules ]]; then c="rules list"; fi
    # shellcheck disable=SC2086
    ok "$c --help has an example" bash -c "'$JB' $c --help | grep -q Example"
done
complete_words() {
    # shellcheck source=/dev/null
    source "$SRC/scripts/jianbao.bash-completion"
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _jianbao
    printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' '
}
ok "completion: subcommands" test "$(complete_words "$JB" ba)" = "batch "
ok "completion: options" test "$(complete_words "$JB" batch --fo)" = "--follow-symlinks --force --format "
ok "completion: option values" test "$(complete_words "$JB" batch -f "")" = "json jsonl yaml "
ok "completion: nested subcommands" grep -qw list <<<"$(complete_words "$JB" rules "")"
ok "completion: nothing but subcommands there" bash -c "! grep -q -- - <<<'$(complete_words "$JB" rules "")'"
bash "$SRC/scripts/gen_man.sh" "$JB" jianbao.1
ok "man page renders without warnings" bash -c "groff -man -Tutf8 -ww -z jianbao.1 2>&1 | (! grep .)"
MANWIDTH=100 man -l jianbao.1 2>/dev/null >man.txt
for c in "${commands[@]}"; do ok "man page documents $c" grep -q "jianbao $c" man.txt; done
ok "man page carries the batch example" grep -qF 'jianbao batch samples/ -o out/' man.txt

echo "cli_test.sh: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
