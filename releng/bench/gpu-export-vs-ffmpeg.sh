#!/usr/bin/env bash
# GPU export benchmark, one run, side by side: the graded + blurred (sigma 8) + titled timeline
# (releng/bench/export-graded.lumaflow) exported by our CLI on the GPU backend and on the CPU backend, vs an ffmpeg
# filtergraph doing the same (eq, gblur, drawtext), same encoder (libx264 CRF 23, preset $PRESET (default veryfast),
# from the codec pack), same
# source clip; whole processes timed (startup included), median of RUNS, ratio printed.
#   releng/bench/gpu-export-vs-ffmpeg.sh PRODUCT_DIR [SECONDS] [RUNS] [WxH]
# The peer is $FFMPEG (default: ffmpeg on the PATH; on a bare GPU host, the ffmpeg program shipped inside the JavaCV
# jars). The product must have the codec pack installed (releng/codecpack/install-codec-pack.sh). SKIP_CPU=1 leaves
# out the CPU-backend runs (long clips); PRESET picks the x264 preset for both sides.
# Also printed: our start-up cost (a 1-frame export), so long and short clips can be compared.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
PRODUCT=${1:?usage: gpu-export-vs-ffmpeg.sh PRODUCT_DIR [SECONDS] [RUNS] [WxH]}
SECS=${2:-10}
RUNS=${3:-3}
SIZE=${4:-1920x1080}
FFMPEG=${FFMPEG:-ffmpeg}
FONT=${FONT:-$HERE/../../bundles/org.lumaflow.engine/fonts/DejaVuSans.ttf}
[ -f "$FONT" ] || FONT=$HERE/DejaVuSans.ttf
LF="$PRODUCT/lumaflow"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
H=${SIZE#*x}
graded_timeline "$WORK" "$SECS" "$SIZE"
FRAMES=$((SECS * 30))
PRESET=${PRESET:-veryfast}
X264="--encoder libx264 --preset $PRESET --crf 23 --quiet"
"$LF" --backend gpu export "$WORK/graded.lumaflow" -o "$WORK/warm.mp4" --frames 0..9 $X264 >/dev/null 2>&1 || true
declare -A T
one=$(secs "$LF" --backend gpu export "$WORK/graded.lumaflow" -o "$WORK/one.mp4" --frames 0..0 $X264)
echo "one-frame export (start-up, GPU backend): $one s"
for i in $(seq "$RUNS"); do
  T[gpu]+="$(secs "$LF" --backend gpu export "$WORK/graded.lumaflow" -o "$WORK/gpu.mp4" $X264) "
  T[ff]+="$(secs ffmpeg_graded "$WORK/src1080.mp4" "$WORK/ff.mp4" "$H" "$PRESET") "
  if [ -z "${SKIP_CPU:-}" ]; then
    T[cpu]+="$(secs "$LF" --backend cpu export "$WORK/graded.lumaflow" -o "$WORK/cpu.mp4" $X264) "
  else
    T[cpu]+="0 "
  fi
done
g=$(echo ${T[gpu]} | tr ' ' '\n' | median); f=$(echo ${T[ff]} | tr ' ' '\n' | median); c=$(echo ${T[cpu]} | tr ' ' '\n' | median)
printf 'graded+blur+title %s, %d frames, libx264 %s CRF 23, medians of %d (s): gpu %s, cpu %s, ffmpeg %s\n' \
  "$SIZE" "$FRAMES" "$PRESET" "$RUNS" "$g" "$c" "$f"
awk -v n="$FRAMES" -v g="$g" -v c="$c" -v f="$f" 'BEGIN {printf "throughput: gpu %.1f fps, cpu %.1f fps, ffmpeg %.1f fps; gpu/ffmpeg = %.2fx, cpu/ffmpeg = %.2fx\n", n / g, (c > 0 ? n / c : 0), n / f, f / g, (c > 0 ? f / c : 0)}'
