#!/usr/bin/env bash
# The jianbao benchmark (issue 7), one command:
#
#   bench/run.sh
#
# 1. builds jianbao and the stage benchmark in Release (build-bench/, -DJB_BENCH=ON);
# 2. generates the corpus into bench/corpus/ if it is missing or was made with other settings;
# 3. times each stage in-process over the whole corpus (jianbao_stage_bench);
# 4. runs `jianbao parse --format jsonl` end to end over the corpus files to /dev/null under
#    /usr/bin/time -v (and over the first tenth, to see whether peak memory grows with the corpus);
# 4b. times the start-up: a one-bulletin `parse`, built-in rules and --rules rules/ (STARTUP_RUNS);
# 4d. parses the PDF and DOCX files of tests/corpus/ and their extracted texts (reported apart);
# 5. runs `jianbao batch -j 1` and `-j 2` alternately when the batch command exists, and (5b)
#    once each under callgrind for the speed-up bound by instructions (bench/batch_scaling.sh);
# 6. times single bulletins of 10 KiB, 1 MiB and 10 MiB (cost per byte);
# 7. runs the npm peer (Microsoft Recognizers-Text, Chinese numbers, percentages and dates) and
#    jianbao over the same first PEER_MB MiB of the corpus;
# 8. prints the table (bench/report.py) and keeps every raw figure in bench/results/.
#
# Knobs (environment): BENCH_MB (corpus size, 100), BENCH_SEED (7), BENCH_RUNS (timed runs per
# figure, 3), PEER_MB (peer sample, 1), PEER_RUNS (3), BENCH_SKIP_PEER=1, BENCH_SKIP_BUILD=1,
# BENCH_E2E_MB (run the CLI end to end over the first X MiB only; default the whole corpus),
# BENCH_SKIP_STAGE=1 (keep results/stage.txt from an earlier run), BENCH_SKIP_SCALING=1,
# BATCH_SCALING_MB (how much of the corpus the callgrind batch runs read, 2),
# BENCH_SOURCE (the source tree to build, default this checkout; e.g. a `git archive` of a commit
# while the working tree is mid-edit), BATCH_CMD (how to call batch; {J}, {OUT} and {LIST} are
# replaced; see below).
set -euo pipefail

BENCH_MB=${BENCH_MB:-100}
BENCH_SEED=${BENCH_SEED:-7}
BENCH_RUNS=${BENCH_RUNS:-3}
PEER_MB=${PEER_MB:-1}
PEER_RUNS=${PEER_RUNS:-3}

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
src=${BENCH_SOURCE:-$root}
build=${BENCH_BUILD:-$root/build-bench}
corpus=$bench/corpus
results=$bench/results
jb=$build/jianbao
stage=$build/bench/jianbao_stage_bench
mkdir -p "$results"
log() { printf 'bench: %s\n' "$*" >&2; }

# --- 1. build -------------------------------------------------------------------------------
if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  log "building Release from $src in $build"
  # Warnings are not errors here: the benchmark measures, CI lints. (GCC 12 at -O3 also reports a
  # false -Wrestrict inside std::string in lib/emit/writers.cpp.)
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJB_BENCH=ON -DJB_TESTS=OFF \
    -DJB_WERROR=OFF >"$results/cmake.log"
  ninja -C "$build" jianbao jianbao_stage_bench >"$results/build.log" ||
    { tail -n 30 "$results/build.log" >&2; exit 1; }
fi

# --- 2. corpus ------------------------------------------------------------------------------
want="seed $BENCH_SEED size-mb $BENCH_MB"
if [[ ! -f $corpus/MANIFEST.txt || "$(cat "$corpus/.settings" 2>/dev/null)" != "$want" ]]; then
  log "generating the corpus ($want) into $corpus"
  python3 "$bench/gen_corpus.py" --seed "$BENCH_SEED" --size-mb "$BENCH_MB" --out "$corpus" \
    --single 10k,1m,10m
  echo "$want" >"$corpus/.settings"
fi
(cd "$corpus/files" && ls | sort) >"$results/files.rel"
sed "s|^|$corpus/files/|" "$results/files.rel" >"$results/files.list"
# The files the CLI runs over: all, or the first BENCH_E2E_MB MiB.
if [[ -n ${BENCH_E2E_MB:-} ]]; then
  (cd "$corpus/files" && xargs stat -c '%s %n' <"$results/files.rel" |
    awk -v lim=$((BENCH_E2E_MB * 1048576)) '{ if (tot < lim) { tot += $1; print $2 } }') \
    >"$results/e2e.rel"
else
  cp "$results/files.rel" "$results/e2e.rel"
fi
n_files=$(wc -l <"$results/e2e.rel")
head -n $(((n_files + 9) / 10)) "$results/e2e.rel" >"$results/files_tenth.rel"

# --- machine --------------------------------------------------------------------------------
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  if [[ $src == "$root" ]]; then
    echo "commit=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet -- lib cli rules || echo ' + uncommitted changes')"
  else
    echo "commit=$(cat "$src/.bench-commit" 2>/dev/null || echo "source tree $src")"
  fi
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "mem_gib=$(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "corpus_manifest=$corpus/MANIFEST.txt"
} >"$results/machine.txt"

# --- 3. stage bench -------------------------------------------------------------------------
if [[ -z ${BENCH_SKIP_STAGE:-} ]]; then
  log "stage bench over the corpus ($BENCH_RUNS timed runs)"
  "$stage" --runs "$BENCH_RUNS" --list "$results/files.list" | tee "$results/stage.txt" >&2
fi

# --- 4. end to end through the CLI ----------------------------------------------------------
# Runs `parse` over a list of files (relative names, so that the command line stays short).
time_parse() {  # $1: relative file list, $2: output prefix
  (cd "$corpus/files" &&
    /usr/bin/time -v -o "$results/$2.time" "$jb" parse --format jsonl $(cat "$1") >/dev/null)
}
rm -f "$results"/e2e_*.time
log "end to end: jianbao parse --format jsonl over $n_files files > /dev/null ($BENCH_RUNS runs)"
for i in $(seq 1 "$BENCH_RUNS"); do
  time_parse "$results/e2e.rel" "e2e_$i"
done
log "end to end over the first tenth (memory growth)"
time_parse "$results/files_tenth.rel" "e2e_tenth"

# --- 4b. start-up: one bulletin, built-in rules and --rules rules/ -----------------------------
# CPU time (user + system) of a whole one-bulletin `parse`, STARTUP_RUNS times each (median in the
# report): the issue's target is under 20 ms with the built-in rules.
STARTUP_RUNS=${STARTUP_RUNS:-21}
seed_file=$(ls "$root"/../shared/seeds/*.txt 2>/dev/null | head -n 1 || true)
[[ -n $seed_file ]] || seed_file=$root/samples/01_wrapped_pdf.txt
log "start-up: one-bulletin parse ($STARTUP_RUNS runs each, built-in rules and --rules)"
python3 "$bench/startup_cpu.py" "$STARTUP_RUNS" "$jb" parse -f jsonl "$seed_file" \
  >"$results/startup_builtin.txt"
python3 "$bench/startup_cpu.py" "$STARTUP_RUNS" "$jb" parse -f jsonl --rules "$src/rules" \
  "$seed_file" >"$results/startup_dir.txt"

# --- 4c. 2,000 copies of the seed, end to end ---------------------------------------------------
rm -f "$results"/seed2000_*.time
log "end to end: parse --format jsonl over 2000 copies of $(basename "$seed_file") ($BENCH_RUNS runs)"
mapfile -t seed_copies < <(yes "$seed_file" | head -n 2000)
for i in $(seq 1 "$BENCH_RUNS"); do
  /usr/bin/time -v -o "$results/seed2000_$i.time" "$jb" parse --format jsonl "${seed_copies[@]}" \
    >/dev/null
done
echo "bytes=$(($(stat -c %s "$seed_file") * 2000))" >"$results/seed2000.txt"

# --- 4d. PDF and DOCX input, reported apart ------------------------------------------------------
# The rendered files of tests/corpus/ and the text pdftotext and docx2txt extracted from the same
# files, each set parsed in one process, so that the cost of reading a file shows beside the cost
# of its text.
rm -f "$results"/input_*.time "$results"/input_*.txt
find "$src/tests/corpus" -name "*.pdf" | sort >"$results/input_pdf.list"
find "$src/tests/corpus" -name "*.docx" | sort >"$results/input_docx.list"
sed 's/\.pdf$/.pdftotext.txt/' "$results/input_pdf.list" >"$results/input_pdftotext.list"
sed 's/\.docx$/.docx2txt.txt/' "$results/input_docx.list" >"$results/input_docx2txt.list"
for name in pdf pdftotext docx docx2txt; do
  [[ -s $results/input_$name.list ]] || continue
  echo "bytes=$(xargs stat -c %s <"$results/input_$name.list" | awk '{ t += $1 } END { print t }') files=$(wc -l <"$results/input_$name.list")" \
    >"$results/input_$name.txt"
  log "end to end: parse --format jsonl over $(wc -l <"$results/input_$name.list") files ($name, tests/corpus, $BENCH_RUNS runs)"
  for i in $(seq 1 "$BENCH_RUNS"); do
    /usr/bin/time -v -o "$results/input_${name}_$i.time" "$jb" parse --format jsonl \
      $(cat "$results/input_$name.list") >/dev/null 2>"$results/input_$name.err" || true
  done
done

# --- 5. batch -j 1 / -j 2 -------------------------------------------------------------------
# The batch command is written in parallel with this benchmark; its interface is read from
# BATCH_CMD when the default guess does not fit.
BATCH_CMD=${BATCH_CMD:-"batch -j {J} -f jsonl -o {OUT} {LIST}"}
rm -f "$results"/batch_*.time "$results/batch.note"
# `jianbao batch --help` exits 0 even without the subcommand (the app's own help): look for it.
if "$jb" --help 2>&1 | grep -qE '^ +batch ' && "$jb" batch --help >"$results/batch_help.txt" 2>&1; then
  # Alternating -j 1 and -j 2, so that the VM's drift falls on both alike.
  for i in $(seq 1 "$BENCH_RUNS"); do
    for j in 1 2; do
      out=$(mktemp -d)
      cmd=${BATCH_CMD//\{J\}/$j}
      cmd=${cmd//\{OUT\}/$out}
      cmd=${cmd//\{LIST\}/\$(cat $results/e2e.rel)}
      log "batch: jianbao $cmd"
      if ! (cd "$corpus/files" && eval "/usr/bin/time -v -o '$results/batch_j${j}_$i.time' '$jb' $cmd" \
        >/dev/null 2>"$results/batch_j${j}.err"); then
        echo "batch failed with BATCH_CMD='$BATCH_CMD' (see batch_j${j}.err, batch_help.txt)" \
          >"$results/batch.note"
        rm -f "$results"/batch_*.time
        rm -rf "$out"
        break 2
      fi
      rm -rf "$out"
    done
  done
else
  echo "jianbao has no batch command yet; -j 1 / -j 2 not measured" >"$results/batch.note"
fi

# --- 5b. batch -j 2 against -j 1 by instructions -------------------------------------------------
# The wall-clock ratio above measures the VM as much as jianbao; this one does not (callgrind, one
# profile per thread; see bench/batch_scaling.sh). Over the first BATCH_SCALING_MB MiB (2).
rm -f "$results/batch_scaling.txt"
if [[ -z ${BENCH_SKIP_SCALING:-} ]] && command -v valgrind >/dev/null; then
  (cd "$corpus/files" && xargs stat -c '%s %n' <"$results/files.rel" |
    awk -v lim=$((${BATCH_SCALING_MB:-2} * 1048576)) '{ if (tot < lim) { tot += $1; print $2 } }') \
    >"$results/scaling.rel"
  log "batch -j 1 / -j 2 under callgrind over $(wc -l <"$results/scaling.rel") files"
  (cd "$corpus/files" && "$bench/batch_scaling.sh" "$jb" $(cat "$results/scaling.rel")) \
    >"$results/batch_scaling.txt" 2>&1 || true
fi

# --- 6. linearity: one long bulletin of each size -------------------------------------------
for s in 10k 1m 10m; do
  runs=$BENCH_RUNS
  [[ $s == 10k ]] && runs=51
  [[ $s == 10m ]] && runs=1
  log "single bulletin $s ($runs timed runs)"
  "$stage" --runs "$runs" "$corpus/single_$s.txt" >"$results/single_$s.txt"
  (cd "$corpus" && /usr/bin/time -v -o "$results/single_${s}_cli.time" "$jb" parse --format jsonl \
    "single_$s.txt" >/dev/null)
done

# --- 7. the npm peer ------------------------------------------------------------------------
rm -f "$results/peer.txt" "$results/peer_jianbao.txt"
if [[ -z ${BENCH_SKIP_PEER:-} ]]; then
  if [[ ! -d $bench/peer/node_modules/@microsoft/recognizers-text-suite ]]; then
    log "installing the peer in bench/peer (npm ci)"
    (cd "$bench/peer" && npm ci --no-audit --no-fund >"$results/npm.log" 2>&1)
  fi
  log "peer: Recognizers-Text over the first $PEER_MB MiB ($PEER_RUNS runs)"
  node "$bench/peer/peer.js" --runs "$PEER_RUNS" --limit-mb "$PEER_MB" --list "$results/files.list" \
    >"$results/peer.txt"
  "$stage" --runs "$PEER_RUNS" --limit-mb "$PEER_MB" --list "$results/files.list" \
    >"$results/peer_jianbao.txt"
fi

echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/machine.txt"

# --- 8. the table ---------------------------------------------------------------------------
python3 "$bench/report.py" "$results" | tee "$results/summary.txt"
