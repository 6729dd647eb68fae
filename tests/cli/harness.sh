# The check helpers the CLI test scripts share (sourced, not run). Each counts into passed,
# failed and skipped; the script prints the totals and exits non-zero when failed > 0.
passed=0
failed=0
skipped=0
ok() {  # ok NAME COMMAND...: the command must succeed
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}
exits() {  # exits CODE NAME COMMAND...: the command must exit with CODE (stderr: last_stderr.txt)
    local want=$1 name=$2 rc=0
    shift 2
    "$@" 2>last_stderr.txt || rc=$?
    ok "$name (exit $rc, want $want)" test "$rc" -eq "$want"
}
skip() {
    echo "SKIP: $1"
    skipped=$((skipped + 1))
}
no_tmp_files() { [[ -z $(find "$1" -name '*.tmp*' -print -quit) ]]; }
stderr_has() { grep -q -- "$1" last_stderr.txt; }
