#!/usr/bin/env bash
# Studio start-up: time from JVM start to the workbench window and to the first frame the viewer paints (the studio
# logs both; -Dlumaflow.studio.exitAfterFirstFrame=true makes it print them and exit). Runs the installed product
# under Xvfb (started here when DISPLAY is unset). The first run follows a page-cache drop when permitted (cold),
# the rest are warm; medians printed.
#   releng/bench/studio-startup.sh [RUNS]      (default 5)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
"$ROOT/lumaflow" help >/dev/null   # builds the product if needed, outside the timing
LF="$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow/lumaflow"
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "studio-startup: needs an X display or Xvfb (apt install xvfb)" >&2; exit 1; }
  Xvfb :93 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
  trap 'kill $XPID 2>/dev/null || true' EXIT
  export DISPLAY=:93; sleep 1
fi
HOME_DIR=$(mktemp -d)
run() {
  LUMAFLOW_JAVA_OPTS="-Dlumaflow.studio.exitAfterFirstFrame=true -Dlumaflow.studio.noprompt=true -Dlumaflow.studio.home=$HOME_DIR ${LUMAFLOW_JAVA_OPTS:-}" \
    timeout 120 "$LF" studio 2>/dev/null | sed -n 's/^studio-startup //p'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cold="cold (page cache dropped)"; else cold="first"; fi
first=$(run); echo "run 1, $cold: $first"
w=""; f=""
for i in $(seq 2 "$RUNS"); do
  r=$(run); echo "run $i: $r"
  w+="$(echo "$r" | sed -n 's/.*window_ms=\([0-9]*\).*/\1/p') "
  f+="$(echo "$r" | sed -n 's/.*first_frame_ms=\([0-9]*\).*/\1/p') "
done
echo "warm medians of $((RUNS - 1)): window $(echo $w | tr ' ' '\n' | median) ms, first viewer frame $(echo $f | tr ' ' '\n' | median) ms after JVM start"
rm -rf "$HOME_DIR"
