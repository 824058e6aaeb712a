#!/usr/bin/env bash
# Telemetry parse benchmarks, one run each, side by side:
#  1. GPMF throughput: `lumaflow telemetry` vs node's gopro-telemetry (the pinned test oracle, npm ci'd into
#     bundles/org.lumaflow.telemetry.tests/target/oracle) on the same raw GPMF file: hero7.raw repeated REPEAT times
#     (17 one-second payloads each). Whole processes, medians of RUNS, ratio printed; startup measured on hero7.raw alone.
#  2. CSV streamed: a generated 1 GB CSV (200 Hz, 7 columns) and a 100 MB one; wall time and peak RSS from
#     /usr/bin/time -v. Peak RSS counts the memory-mapped column pages the summary pass touches (file-backed page
#     cache, reclaimable); the heap's independence of the length is shown by running both again with a 64 MB heap.
#   releng/bench/telemetry-parse.sh [REPEAT] [RUNS] [CSV_MB]      (defaults: 400, 3, 1024)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REPEAT=${1:-400}
RUNS=${2:-3}
CSV_MB=${3:-1024}
DATA="$ROOT/../shared/testdata/telemetry"
"$ROOT/lumaflow" help >/dev/null   # builds the product if needed, outside the timing
LF="$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow/lumaflow"
ORACLE="$ROOT/bundles/org.lumaflow.telemetry.tests/target/oracle"
mkdir -p "$ORACLE"
cp "$ROOT"/bundles/org.lumaflow.telemetry.tests/oracle/{package.json,package-lock.json,oracle.js} "$ORACLE/"
[ -d "$ORACLE/node_modules/gopro-telemetry" ] || (cd "$ORACLE" && npm ci --no-audit --no-fund >/dev/null)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for i in $(seq "$REPEAT"); do cat "$DATA/hero7.raw"; done > "$WORK/big.raw"
MB=$(awk -v b="$(stat -c %s "$WORK/big.raw")" 'BEGIN {printf "%.1f", b / 1048576}')
cat > "$WORK/node-parse.js" <<'JS'
const fs = require('fs');
const gpt = require(process.argv[2] + '/node_modules/gopro-telemetry');
gpt({ rawData: fs.readFileSync(process.argv[3]) }, {}).then((t) => {
  let n = 0; for (const d of Object.values(t)) for (const s of Object.values(d.streams || {})) n += s.samples.length;
  console.log(n);
});
JS
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); awk "BEGIN {print $t1 - $t0}"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
lf=""; nd=""; l0=""; n0=""
for i in $(seq "$RUNS"); do
  lf+="$(secs "$LF" telemetry "$WORK/big.raw") "
  nd+="$(secs node "$WORK/node-parse.js" "$ORACLE" "$WORK/big.raw") "
  l0+="$(secs "$LF" telemetry "$DATA/hero7.raw") "
  n0+="$(secs node "$WORK/node-parse.js" "$ORACLE" "$DATA/hero7.raw") "
done
l=$(echo $lf | tr ' ' '\n' | median); n=$(echo $nd | tr ' ' '\n' | median)
a=$(echo $l0 | tr ' ' '\n' | median); b=$(echo $n0 | tr ' ' '\n' | median)
awk -v mb="$MB" -v l="$l" -v n="$n" -v a="$a" -v b="$b" -v r="$RUNS" -v k="$REPEAT" 'BEGIN {
  printf "GPMF %s MB (hero7.raw x %d, %d s of telemetry), medians of %d: lumaflow telemetry %.2f s, node gopro-telemetry %.2f s: %.2fx (whole processes)\n", mb, k, 17 * k, r, l, n, n / l
  printf "  startup on hero7.raw alone: lumaflow %.2f s, node %.2f s; parse only (minus startup): lumaflow %.1f MB/s, node %.1f MB/s: %.2fx\n", a, b, mb / (l - a), mb / (n - b), (n - b) / (l - a) }'
gen_csv() {  # MB FILE
  awk -v mb="$1" 'BEGIN { print "time,lat,lon,alt,speed,accel_x,accel_y"; lim = mb * 1048576; bytes = 0
    for (i = 0; bytes < lim; i++) { t = i / 200; s = sprintf("%.3f,%.7f,%.7f,%.2f,%.3f,%.4f,%.4f", t, 46 + i * 1e-7,
      7 + i * 1e-7, 500 + (i % 1000) / 10, (i % 3000) / 100, sin(t), cos(t)); print s; bytes += length(s) + 1 } }' > "$2"
}
csvrun() {  # FILE LABEL [JAVA_OPTS]
  LUMAFLOW_JAVA_OPTS="${3:-}" /usr/bin/time -v "$LF" telemetry "$1" > "$WORK/out.txt" 2> "$WORK/time.txt" || {
    echo "CSV $2 ${3:-}: FAILED"; tail -3 "$WORK/time.txt"; return 0; }
  local wall rss rows
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/time.txt")
  rows=$(awk '/stream csv/ {print $3}' "$WORK/out.txt")
  awk -v f="$2" -v w="$wall" -v r="$rss" -v n="$rows" -v b="$(stat -c %s "$1")" 'BEGIN {
    printf "CSV %s (%.0f MB, %d rows): %.1f s (%.1f MB/s), peak RSS %d MB\n", f, b / 1048576, n, w, b / 1048576 / w, r }'
}
gen_csv 100 "$WORK/small.csv"
csvrun "$WORK/small.csv" "100 MB"
csvrun "$WORK/small.csv" "100 MB, -Xmx64m" -Xmx64m
rm -f "$WORK/small.csv"
gen_csv "$CSV_MB" "$WORK/big.csv"
csvrun "$WORK/big.csv" "$CSV_MB MB"
csvrun "$WORK/big.csv" "$CSV_MB MB, -Xmx64m" -Xmx64m
