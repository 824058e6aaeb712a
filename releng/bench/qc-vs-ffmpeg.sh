#!/usr/bin/env bash
# QC throughput, one run, side by side: `lumaflow qc` (signal statistics + black/freeze/scene/clipping detectors)
# vs `ffmpeg -vf signalstats -f null -` on the same 1080p clips: 8-bit 4:2:0 H.264 and 10-bit 4:2:0 HEVC
# (yuv420p10le, libx265); whole processes, interleaved, medians of RUNS, ratios printed. ffmpeg is a measuring stick
# only (installed from Debian when missing; its GPL build also makes the clips).
#   releng/bench/qc-vs-ffmpeg.sh [SECONDS] [RUNS]      (defaults: 60 s clip, 3 runs)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-60}
RUNS=${2:-3}
command -v ffmpeg >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  --no-install-recommends ffmpeg >/dev/null; }
"$ROOT/lumaflow" help >/dev/null   # builds the product if needed, outside the timing
LF="$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow/lumaflow"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$SECS" -pix_fmt yuv420p \
  -c:v libx264 -preset veryfast -crf 18 "$WORK/clip.mp4"
ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$SECS" -pix_fmt yuv420p10le \
  -c:v libx265 -preset ultrafast -x265-params log-level=error:crf=20 "$WORK/clip10.mp4"
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); awk "BEGIN {print $t1 - $t0}"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
bench() {  # CLIP LABEL
  local lf="" ff="" l f frames=$((SECS * 30))
  for i in $(seq "$RUNS"); do
    lf+="$(secs "$LF" qc "$1" --quiet) "
    ff+="$(secs ffmpeg -v error -nostdin -i "$1" -vf signalstats -f null -) "
  done
  l=$(echo $lf | tr ' ' '\n' | median); f=$(echo $ff | tr ' ' '\n' | median)
  awk -v n="$frames" -v l="$l" -v f="$f" -v r="$RUNS" -v c="$2" 'BEGIN {printf "QC %s, %d frames, medians of %d: lumaflow qc %.2f s (%.1f fps), ffmpeg signalstats %.2f s (%.1f fps): %.2fx\n", c, n, r, l, n / l, f, n / f, f / l}'
}
bench "$WORK/clip.mp4" "1080p 8-bit 4:2:0 H.264"
bench "$WORK/clip10.mp4" "1080p 10-bit 4:2:0 HEVC"
