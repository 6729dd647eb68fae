#!/usr/bin/env bash
# Issue 13 as a process sees it: file names that are no UTF-8, hostile --stream lines, non-regular
# and oversized inputs, SIGINT and SIGTERM, temporary files, symlinks, a full disk, write errors
# and output that standard parsers must read back. Every check that fails is named; the run ends
# with "N passed, N failed, N skipped" and exits 1 if any failed.
#
# usage: tests/cli/reliability_test.sh path/to/jianbao SOURCE_DIR [WORK_DIR]
set -euo pipefail

JB=$(realpath "${1:?usage: reliability_test.sh path/to/jianbao SOURCE_DIR [WORK_DIR]}")
SRC=$(realpath "${2:?usage: reliability_test.sh path/to/jianbao SOURCE_DIR [WORK_DIR]}")
WORK=${3:-$(mktemp -d)}
PY=python3
$PY -c 'import yaml' 2>/dev/null || PY=/usr/bin/python3
for tool in jq timeout mkfifo; do
    command -v "$tool" >/dev/null || { echo "reliability_test.sh: $tool is required"; exit 1; }
done

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"
SAMPLE=$SRC/samples/09_metrics_all.txt
SAMPLES=("$SRC"/samples/*.txt)
# Copies of jianbao and a sample outside /tmp that any user may run and read: the checks below
# drop root or shadow /tmp, and a checkout may lie under /tmp or below a 0700 directory (CI's).
pub=$(mktemp -d /var/tmp/jianbao-test.XXXXXX)
trap 'rm -rf "$pub"' EXIT
chmod 0755 "$pub"
cp "$JB" "$pub/jianbao"
install -m 0644 "$SAMPLE" "$pub/sample.txt"

# shellcheck source=harness.sh
source "$SRC/tests/cli/harness.sh"

# --- file names that are no UTF-8 (a GBK name from a Windows archive) ------------------------------
gbk=$(printf '\xb9\xa4.txt')
cp "$SAMPLE" "$gbk"
exits 0 "parse -f json of a GBK-named file" bash -c "'$JB' parse -f json '$gbk' >gbk.json"
ok "the path is escaped" test "$(jq -r .source.path gbk.json)" = '\xB9\xA4.txt'
ok "its bytes are kept" test "$(jq -r .source.path_bytes gbk.json)" = "$(printf '%s' "$gbk" | od -An -tx1 | tr -d ' \n')"
exits 0 "parse -f yaml of a GBK-named file" bash -c "'$JB' parse -f yaml '$gbk' >gbk.yaml"
ok "yaml: path_bytes readable" test "$($PY -c 'import sys,yaml; print(yaml.safe_load(open(sys.argv[1]))["source"]["path_bytes"])' gbk.yaml)" = b9a42e747874
exits 0 "extract of a GBK-named file" bash -c "'$JB' extract '$gbk' >gbk_metrics.jsonl"
ok "extract: every record has file_bytes" test "$(jq -s 'map(select(.file_bytes == "b9a42e747874")) | length' gbk_metrics.jsonl)" -eq "$(wc -l <gbk_metrics.jsonl)"
mkdir -p gbk_in && cp "$SAMPLE" "gbk_in/$gbk" && printf '\x00\x01' >"gbk_in/$(printf 'bad\xff.txt')"
exits 1 "batch over GBK names: the bad file fails, the run goes on" "$JB" batch gbk_in -o gbk_out
ok "batch: output for the GBK name" test -s "gbk_out/$(printf '\xb9\xa4.json')"
ok "batch: summary.json lists the failure with its bytes" \
    test "$(jq -r '.failures[0].file_bytes' gbk_out/summary.json)" = "$(printf 'gbk_in/bad\xff.txt' | od -An -tx1 | tr -d ' \n')"
exits 1 "batch re-run over GBK names" "$JB" batch gbk_in -o gbk_out
ok "batch re-run skips the GBK name (manifest holds it)" test "$(jq .skipped gbk_out/summary.json)" -eq 1

# --- parse --stream: hostile lines get an error record each, and the stream goes on ----------------
mkfifo stream.fifo
{
    printf '{"id":'; head -c 100000 /dev/zero | tr '\0' '['; printf '\n'
    echo '{"id": 2, "path": "/dev/zero"}'
    echo '{"id": 3, "path": "stream.fifo"}'
    echo '{"id": 1e400, "path": "'"$SAMPLE"'"}'
    echo '{"id": 12345678901234567890123, "text": "一、工作\n完成率85%。"}'
    echo '{"id": {"k": [1.50, "x"]}, "text": "x"}'
    echo '{"id": 7, "text": "\u0000"}'
} >hostile.jsonl
exits 1 "stream: hostile lines exit 1" bash -c "timeout 20 '$JB' parse --stream <hostile.jsonl >hostile_out.jsonl"
ok "stream: one record per line" test "$(wc -l <hostile_out.jsonl)" -eq 7
ok "stream: output is JSON Lines" jq -e . hostile_out.jsonl >/dev/null
ok "stream: deep nesting is an error record" test "$(sed -n 1p hostile_out.jsonl | jq -r .schema)" = jianbao.stream_error/1
ok "stream: /dev/zero is refused" bash -c "sed -n 2p hostile_out.jsonl | jq -r .error | grep -q 'character device'"
ok "stream: a FIFO is refused, not waited on" bash -c "sed -n 3p hostile_out.jsonl | jq -r .error | grep -q FIFO"
ok "stream: 1e400 comes back as written" grep -q '^{"schema":"jianbao.bulletin/1","id":1e400,' hostile_out.jsonl
ok "stream: a huge integer comes back as written" grep -q '"id":12345678901234567890123,' hostile_out.jsonl
ok "stream: a structured id comes back as written" grep -q '"id":{"k": \[1.50, "x"\]},' hostile_out.jsonl
printf '{"id": 1, "text": "%s"}\n{"id": 2, "text": "x"}\n' "$(head -c 3000 /dev/zero | tr '\0' 'a')" >long.jsonl
exits 1 "stream: a line over --max-bytes" bash -c "'$JB' parse --stream --max-bytes 1K <long.jsonl >long_out.jsonl"
ok "stream: the long line is an error, the next one parses" \
    test "$(jq -c '[.schema, .id]' long_out.jsonl | tr -d '\n')" = '["jianbao.stream_error/1",null]["jianbao.bulletin/1",2]'
mkdir -p allowed && cp "$SAMPLE" allowed/a.txt && ln -sf /etc/passwd allowed/escape.txt
{
    jq -cn --arg p allowed/a.txt '{id: 1, path: $p}'
    jq -cn --arg p "$SAMPLE" '{id: 2, path: $p}'
    jq -cn --arg p allowed/escape.txt '{id: 3, path: $p}'
    jq -cn --arg p allowed/../allowed/a.txt '{id: 4, path: $p}'
} >under.jsonl
exits 1 "stream --paths-under refuses paths outside" bash -c "'$JB' parse --stream --paths-under allowed <under.jsonl >under_out.jsonl"
ok "stream --paths-under: inside parsed, outside and symlinked out refused" \
    test "$(jq -r .schema under_out.jsonl | tr '\n' ' ')" = "jianbao.bulletin/1 jianbao.stream_error/1 jianbao.stream_error/1 jianbao.bulletin/1 "
exits 2 "--paths-under is for --stream only" "$JB" parse --paths-under allowed "$SAMPLE"
# extract --stream reads the same manifest under the same bounds: lines 2 and 3 are refused.
exits 1 "extract --stream --paths-under refuses paths outside" bash -c "'$JB' extract --stream --paths-under allowed <under.jsonl >under_metrics.jsonl"
ok "extract --stream --paths-under: the two files inside give their metrics" \
    test "$(jq -r .source_path under_metrics.jsonl | sort -u | tr '\n' ' ')" = "allowed/../allowed/a.txt allowed/a.txt "
ok "extract --stream: the refused lines are named on stderr" \
    bash -c "grep -c 'not under --paths-under' last_stderr.txt | grep -qx 2"
exits 1 "extract --stream: a line over --max-bytes" bash -c "'$JB' extract --stream --max-bytes 1K <long.jsonl >/dev/null"
ok "it says which line" stderr_has "<stdin>:1: line longer than --max-bytes"

# --- inputs that are not regular files, or too large -----------------------------------------------
exits 2 "parse /dev/zero is refused" timeout 10 "$JB" parse /dev/zero
ok "it says why" stderr_has "character device, not a regular file"
exits 2 "parse --allow-special /dev/zero stops at --max-bytes" timeout 10 "$JB" parse --allow-special --max-bytes 1M /dev/zero
ok "it says why" stderr_has "more than --max-bytes 1048576"
# A regular file that holds more than its size said when opened, as one that grows while read:
# procfs reports size 0 for /proc/self/maps, which lists every library jianbao maps (kilobytes).
exits 2 "a file that grows past --max-bytes while read stops there" timeout 10 "$JB" parse --max-bytes 1K /proc/self/maps
ok "it says why" stderr_has "more than --max-bytes 1024 bytes (it grew"
mkfifo parse.fifo
exits 2 "parse of a FIFO is refused without waiting" timeout 10 "$JB" parse parse.fifo
exits 2 "--max-bytes below the file's size" "$JB" parse --max-bytes 100 "$SAMPLE"
ok "it names the file and both sizes" stderr_has "$SAMPLE: is $(stat -c %s "$SAMPLE") bytes, more than --max-bytes 100"
exits 2 "a bad --max-bytes is a usage error" "$JB" parse --max-bytes 12Q "$SAMPLE"

# --- stdin when no file is given; write errors ------------------------------------------------------
"$JB" parse -f json "$SAMPLE" | jq -c 'del(.source)' >named.json
cat "$SAMPLE" | "$JB" parse -f json | jq -c 'del(.source)' >piped.json
ok "cat f | jianbao parse reads stdin" cmp -s named.json piped.json
ok "cat f | jianbao extract reads stdin" test "$(cat "$SAMPLE" | "$JB" extract | wc -l)" -eq "$("$JB" extract "$SAMPLE" | wc -l)"
exits 0 "check - reads stdin" bash -c "'$JB' check - <'$SAMPLE'"
if [[ -w /dev/full ]]; then
    exits 1 "parse > /dev/full" bash -c "'$JB' parse '$SAMPLE' >/dev/full"
    ok "it says why" stderr_has "No space left on device"
    exits 1 "extract > /dev/full" bash -c "'$JB' extract '$SAMPLE' >/dev/full"
    exits 1 "parse --stream > /dev/full" bash -c "jq -cn --arg p '$SAMPLE' '{id:1,path:\$p}' | '$JB' parse --stream >/dev/full"
    exits 1 "explain > /dev/full" bash -c "'$JB' explain '$SAMPLE' >/dev/full"
    exits 1 "rules list > /dev/full" bash -c "'$JB' rules list >/dev/full"
    exits 1 "rules test > /dev/full" bash -c "'$JB' rules test >/dev/full"
    exits 1 "check > /dev/full" bash -c "'$JB' check --list-checks >/dev/full"
else
    skip "/dev/full is not writable here"
fi

# --- SIGINT and SIGTERM stop promptly, leave nothing partial, exit 130 -------------------------------
stop_after() {  # stop_after SIGNAL SECONDS STDIN COMMAND...: prints the exit code and seconds taken
    local sig=$1 delay=$2 input=$3 rc=0 start end
    shift 3
    "$@" <"$input" &
    local pid=$!
    sleep "$delay"
    start=$(date +%s.%N)
    kill -s "$sig" "$pid"
    wait "$pid" || rc=$?
    end=$(date +%s.%N)
    echo "$rc $(echo "$end - $start" | bc)"
}
# stdin a pipe that stays open and silent (a writer that sleeps), as in `sleep 30 | jianbao parse -`.
mkfifo quiet.fifo
sleep 30 >quiet.fifo &
sleeper=$!
read -r rc took < <(stop_after INT 0.5 quiet.fifo "$JB" parse - -o sigint.json)
ok "SIGINT while reading a pipe: exit 130 (got $rc)" test "$rc" -eq 130
ok "SIGINT while reading a pipe: within 2 s (took $took)" test "$(echo "$took < 2" | bc)" -eq 1
ok "SIGINT: no output" test ! -e sigint.json
ok "SIGINT: no temporary file" no_tmp_files .
read -r rc took < <(stop_after TERM 0.5 quiet.fifo "$JB" parse --stream)
ok "SIGTERM in --stream: exit 130 (got $rc)" test "$rc" -eq 130
kill "$sleeper" 2>/dev/null || true
# A long parse: one large input, interrupted well before it ends.
# Large enough to be still running when the signal comes (the parse reads several MB/s).
for i in $(seq 1 2000); do cat "${SAMPLES[@]:0:3}"; done >big.txt
read -r rc took < <(stop_after INT 0.3 /dev/null "$JB" parse big.txt -o big.json)
ok "SIGINT mid-parse: exit 130 (got $rc)" test "$rc" -eq 130
ok "SIGINT mid-parse: within 1 s (took $took)" test "$(echo "$took < 1" | bc)" -eq 1
ok "SIGINT mid-parse: no output" test ! -e big.json
ok "SIGINT mid-parse: no temporary file" no_tmp_files .

# --- temporary files: O_EXCL, no symlink followed, the mode kept, NAME_MAX ----------------------------
mkdir -p outdir
echo "victim" >victim.txt
ln -s ../victim.txt outdir/link.json
"$JB" parse -f json -o outdir/link.json "$SAMPLE"
ok "-o onto a symlink replaces the link, never writes through it" test "$(cat victim.txt)" = victim
ok "-o onto a symlink: a regular file now" test -f outdir/link.json -a ! -L outdir/link.json
echo old >outdir/kept.json
chmod 0640 outdir/kept.json
"$JB" parse -f json -o outdir/kept.json "$SAMPLE"
ok "a replaced file keeps its mode" test "$(stat -c %a outdir/kept.json)" = 640
(umask 027 && "$JB" parse -f json -o outdir/new.json "$SAMPLE")
ok "a new file gets 0666 less the umask" test "$(stat -c %a outdir/new.json)" = 640
long=$(printf 'a%.0s' $(seq 1 250)).json
exits 0 "-o with a 255-byte file name" "$JB" parse -f json -o "outdir/$long" "$SAMPLE"
ok "-o with a 255-byte file name: written" test -s "outdir/$long"
ok "no temporary file left" no_tmp_files outdir

# --- batch: the trees are not left unless --follow-symlinks; what was skipped is said ----------------
mkdir -p tree/in tree/outside tree/out
cp "$SAMPLE" tree/in/a.txt
cp "$SAMPLE" tree/outside/secret.txt
ln -s ../outside/secret.txt tree/in/link_out.txt
ln -s a.txt tree/in/link_in.txt
ln -s ../outside tree/in/dirlink
exits 0 "batch skips symlinks out of the tree" "$JB" batch tree/in -o tree/out
ok "batch: says what it did not take" grep -q 'tree/in/link_out.txt: not taken: a symlink out of the input tree' last_stderr.txt
ok "batch: no copy of what the link led to" test ! -e tree/out/link_out.json
ok "batch: a link inside the tree is taken" test -s tree/out/link_in.json
ok "batch: summary.json lists what it did not take" \
    test "$(jq -r '[.not_taken[].file] | sort | join(" ")' tree/out/summary.json)" = "tree/in/dirlink tree/in/link_out.txt"
exits 0 "batch --follow-symlinks takes them" "$JB" batch tree/in -o tree/out_follow --follow-symlinks
ok "batch --follow-symlinks: the linked file and directory converted" \
    test -s tree/out_follow/link_out.json -a -s tree/out_follow/dirlink/secret.json
mkdir -p tree/in2/sub tree/elsewhere tree/out2
cp "$SAMPLE" tree/in2/sub/b.txt
ln -s ../elsewhere tree/out2/sub
exits 1 "batch refuses to write through a symlinked directory in -o" "$JB" batch tree/in2 -o tree/out2
ok "batch: nothing written where the link led" test -z "$(ls -A tree/elsewhere)"
ok "batch: the failure names the link" stderr_has "tree/out2/sub: a symlinked directory"

# --- batch: progress survives kill -9; stale temporary files are removed ----------------------------
mkdir -p many
for d in $(seq 1 12); do mkdir -p many/d$d && cp "${SAMPLES[@]}" many/d$d/; done
"$JB" batch many -o many_out -j 1 2>/dev/null &
pid=$!
for _ in $(seq 1 100); do
    [[ $(find many_out -name "*.json" 2>/dev/null | wc -l) -ge 30 ]] && break
    sleep 0.05
done
kill -9 "$pid" && wait "$pid" 2>/dev/null || true
# A temporary file a killed run left (its process id is gone), planted beside the real outputs.
echo partial >"many_out/d1/.x.json.tmp-999999999-abcdef"
"$JB" batch many -o many_out -j 2 2>many_err.txt || true
ok "batch after kill -9: the progress was kept" test "$(jq .skipped many_out/summary.json)" -ge 20
ok "batch after kill -9: everything done" test "$(jq '.converted + .skipped' many_out/summary.json)" -eq "$(jq .files many_out/summary.json)"
ok "batch after kill -9: stale temporary files removed" no_tmp_files many_out
ok "batch after kill -9: says so" grep -q 'removed [0-9]* temporary files' many_err.txt
ok "batch after kill -9: no progress file left" test ! -e many_out/.jianbao-manifest.jsonl.part

# --- disk full: the output and the reason named; summary.json still lists what failed ---------------
if [[ $(id -u) -eq 0 ]] && mkdir -p full && mount -t tmpfs -o size=96k tmpfs full 2>/dev/null; then
    mkdir -p full_in
    for i in $(seq 1 12); do cp "$SAMPLE" "full_in/f$i.txt"; done
    rc=0
    "$JB" batch full_in -o full -j 1 2>full_err.txt || rc=$?
    ok "disk full: batch exits 1 (got $rc)" test "$rc" -eq 1
    ok "disk full: names the output and the reason" grep -q 'full/f[0-9]*.json: cannot write: No space left on device' full_err.txt
    ok "disk full: summary.json lists the failures" test "$(jq '.failures | length' full/summary.json)" -ge 1
    ok "disk full: no temporary file left" no_tmp_files full
    umount full
else
    skip "disk full: needs root and a tmpfs mount"
fi

# --- permission errors: the output and the reason named; summary.json lists what failed -------------
if [[ $(id -u) -eq 0 ]] && mkdir -p ro && mount -t tmpfs -o size=64k,ro tmpfs ro 2>/dev/null; then
    exits 1 "-o on a read-only file system" "$JB" parse -o ro/out.json "$SAMPLE"
    ok "read-only: names the output and the reason" stderr_has "ro/out.json: .*Read-only file system"
    mkdir -p perm_in/sub perm_out/sub && cp "$SAMPLE" perm_in/a.txt && cp "$SAMPLE" perm_in/sub/b.txt
    mount -t tmpfs -o size=64k,ro tmpfs perm_out/sub
    exits 1 "batch with a read-only output subdirectory" "$JB" batch perm_in -o perm_out
    ok "batch read-only: names the output and the reason" stderr_has "perm_out/sub/b.json: .*Read-only file system"
    ok "batch read-only: summary.json lists the failure" \
        test "$(jq -r '.failures[0].file' perm_out/summary.json)" = perm_in/sub/b.txt
    ok "batch read-only: the other file converted" test -s perm_out/a.json
    umount perm_out/sub
    umount ro
    mkdir -p "$pub/denied" && chmod 0700 "$pub/denied"
    if command -v setpriv >/dev/null; then
        exits 1 "-o where the user may not write" setpriv --reuid=65534 --regid=65534 --clear-groups "$pub/jianbao" parse -o "$pub/denied/x.json" "$pub/sample.txt"
        ok "permission denied: names the output and the reason" stderr_has "denied/x.json: .*Permission denied"
    else
        skip "permission denied: needs setpriv"
    fi
else
    skip "read-only and permission errors: need root and a tmpfs mount"
fi

# --- stdout is not staged in /tmp: a read-only /tmp (a private mount namespace) changes nothing ---
if [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
    exits 0 "parse to stdout with /tmp read-only and full" unshare -m sh -c \
        "mount -t tmpfs -o ro,size=4k tmpfs /tmp && TMPDIR=/tmp '$pub/jianbao' parse -f json '$pub/sample.txt' >ro_tmp.json"
    ok "parse to stdout with /tmp read-only: the same record" \
        test "$(jq -c 'del(.source)' ro_tmp.json)" = "$(cat named.json)"
    exits 0 "extract to stdout with /tmp read-only" unshare -m sh -c \
        "mount -t tmpfs -o ro,size=4k tmpfs /tmp && '$pub/jianbao' extract '$pub/sample.txt' >ro_tmp.jsonl"
    ok "extract with /tmp read-only: every metric" test "$(wc -l <ro_tmp.jsonl)" -eq "$("$JB" extract "$SAMPLE" | wc -l)"
else
    skip "stdout with /tmp read-only: needs root and unshare -m"
fi

# --- an input of more than 2 GiB (sparse): refused by the default --max-bytes, not read ------------
truncate -s 3G huge.txt
exits 2 "a 3 GiB input is refused by the default --max-bytes" timeout 10 "$JB" parse huge.txt
ok "it names the file and the default cap" stderr_has "huge.txt: is 3221225472 bytes, more than --max-bytes 134217728"
rm -f huge.txt

# --- a match attempt that runs out of time: a diagnostic with the line, and --strict fails ----------
mkdir -p slow_rules/metrics
cat >slow_rules/metrics/zz_slow.yaml <<'YAML'
kind: count
rules:
  - id: count_zz_slow
    pattern: '(?:a+)+b(?<value>[0-9]+)(?<unit>项)'
    examples: [{text: ab3项, expect: {value: 3}}]
YAML
printf '一、工作动态\n\n%s，完成率85%%，ab7项，达标率90%%。\n' "$(printf 'a%.0s' $(seq 1 23))" >slow.txt
exits 0 "a timed-out attempt: parse still exits 0" bash -c "'$JB' parse --rules slow_rules -f json slow.txt >slow.json"
ok "a timed-out attempt: an error diagnostic at line 3 names the rule" \
    test "$(jq -c '[.diagnostics[] | select(.rule == "count_zz_slow") | [.severity, .line]]' slow.json)" = '[["error",3]]'
ok "a timed-out attempt: later matches kept" test "$(jq '[.. | objects | select(.kind? == "percentage")] | length' slow.json)" -eq 2
exits 1 "a timed-out attempt: --strict fails" bash -c "'$JB' parse --rules slow_rules --strict -f json slow.txt >/dev/null"
ok "--strict says why" stderr_has "time limit"

# --- every output format read back by a standard parser (PyYAML, json, csv) ---------------------------
# The names and lines are what is read back; a carrier of five lines with two metrics keeps the
# 1,200 parses short (the full sample made this check 130 of the script's 170 s).
printf '工作简报\n\n一、工作动态\n\n全省完成率85%%，检查企业120家。\n' >carrier.txt
exits 0 "round trip through PyYAML, json and csv" $PY "$SRC/tests/cli/roundtrip_check.py" "$JB" carrier.txt roundtrip 200
echo "reliability: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
