#!/usr/bin/env bash
# Fixed cost of a command (whole processes, median of N runs each, interleaved): `lumaflow help`, `lumaflow render`
# of one frame of the demo, `lumaflow export` of a one-frame 1080p clip, and ffmpeg transcoding the same clip. Each
# lumaflow command runs once more first, untimed: it makes that command's class-data sharing archive (see
# docs/performance.md "Start-up and memory"); LUMAFLOW_CDS=0 in the environment measures without archives.
#   releng/bench/startup.sh [RUNS] [PRODUCT_DIR]      (defaults: 7 runs; the product built in this checkout)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/releng/bench/lib.sh"
RUNS=${1:-7}
PRODUCT=${2:-$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow}
FFMPEG=${FFMPEG:-ffmpeg}
[ -n "${2:-}" ] || "$ROOT/lumaflow" help >/dev/null   # builds the product if needed, outside the timing
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$FFMPEG" -v error -nostdin -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -frames:v 1 -pix_fmt yuv420p \
  -c:v libx264 -preset veryfast "$WORK/one.mp4"
LF="$PRODUCT/lumaflow"
help_run() { "$LF" help; }
render_run() { "$LF" render --frames 0 --out "$WORK/frames" --quiet; }
export_run() { "$LF" export "$WORK/one.mp4" -o "$WORK/out.mp4" --no-qc --quiet; }
ffmpeg_run() { "$FFMPEG" -v error -nostdin -y -i "$WORK/one.mp4" -c:v libx264 -preset veryfast -crf 23 "$WORK/ff.mp4"; }
for c in help_run render_run export_run; do $c >/dev/null 2>&1; done   # first runs: archives made
declare -A t
for i in $(seq "$RUNS"); do
  for c in help_run render_run export_run ffmpeg_run; do t[$c]+="$(secs $c) "; done
done
for c in help_run render_run export_run ffmpeg_run; do
  printf '%-7s median %.2f s  (%s)\n' "${c%_run}" "$(printf '%s\n' ${t[$c]} | median)" "${t[$c]% }"
done
e=$(printf '%s\n' ${t[export_run]} | median); f=$(printf '%s\n' ${t[ffmpeg_run]} | median)
printf 'one-frame transcode, ffmpeg/lumaflow: %.2fx (the fixed cost ratio; above 1 = lumaflow faster)\n' \
  "$(awk "BEGIN {print $f / $e}")"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); CDS ${LUMAFLOW_CDS:-on}; $("$FFMPEG" -version | head -n 1)"
