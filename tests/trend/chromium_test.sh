#!/usr/bin/env bash
# The trend HTML report opened in a real browser (headless Chromium, no network): every series of
# the composed monthly bulletins renders as one chart with its line and one dot per issue it has.
# Usage: chromium_test.sh JIANBAO SRC_DIR WORK. Exit 77 (skipped) when Chromium is not installed,
# unless JB_REQUIRE_CHROMIUM=1 (scripts/test.sh sets it after installing Chromium).
set -euo pipefail
JB=$1 SRC=$2 WORK=$3
BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$BROWSER" ]]; then
  [[ "${JB_REQUIRE_CHROMIUM:-0}" == 1 ]] && { echo "FAIL: chromium is not installed"; exit 1; }
  echo "SKIP: chromium is not installed (apt-get install -y chromium)"; exit 77
fi
rm -rf "$WORK" && mkdir -p "$WORK"
SERIES="$SRC/tests/data/series"
want=$(python3 -c 'import sys, yaml; print(len(yaml.safe_load(open(sys.argv[1]))["series"]))' \
  "$SERIES/series.gold.yaml")
"$JB" trend "$SERIES"/*.txt -f html -o "$WORK/report.html"
# The probe is added to a copy: the report itself has no script. It measures what the browser laid
# out: a chart counts when its box has a size, its line a length, and its dots match its points.
probe='<script>
const charts = [...document.querySelectorAll("svg.series-chart")];
const drawn = charts.filter(svg => {
  const box = svg.getBoundingClientRect();
  const line = svg.querySelector("path.series-line");
  const dots = svg.querySelectorAll("circle.series-point").length;
  const points = Number(svg.dataset.points);
  const length = line ? line.getTotalLength() : 0;
  return box.width > 0 && box.height > 0 && dots === points && (points < 2 || length > 0);
});
document.body.insertAdjacentHTML("beforeend",
  `<pre id="probe">charts=${charts.length} drawn=${drawn.length}</pre>`);
</script>'
PROBE="$probe" python3 -c 'import os, sys
html = open(sys.argv[1], encoding="utf-8").read()
assert html.count("</body>") == 1, "expected one </body>"
sys.stdout.write(html.replace("</body>", os.environ["PROBE"] + "</body>"))' "$WORK/report.html" \
  >"$WORK/probe.html"
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run
       --user-data-dir="$(mktemp -d "$WORK/profile.XXXX")")
timeout 90 "$BROWSER" "${flags[@]}" --dump-dom "file://$WORK/probe.html" >"$WORK/dom.html" \
  2>"$WORK/chromium.log"
got=$(grep -o 'charts=[0-9]* drawn=[0-9]*' "$WORK/dom.html" || true)
echo "composed series: $want; browser: ${got:-no probe output}"
timeout 90 "$BROWSER" "${flags[@]}" --screenshot="$WORK/report.png" --window-size=1280,2400 \
  "file://$WORK/report.html" 2>>"$WORK/chromium.log" >/dev/null
[[ -s "$WORK/report.png" ]] || { echo "FAIL: no screenshot"; exit 1; }
[[ "$got" == "charts=$want drawn=$want" ]] || { echo "FAIL: expected $want charts drawn"; exit 1; }
echo "ok: $want charts drawn, screenshot $(stat -c %s "$WORK/report.png") bytes"
