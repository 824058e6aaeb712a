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
W=${SIZE%x*}
H=${SIZE#*x}
"$FFMPEG" -v error -nostdin -y -f lavfi -i "testsrc2=size=${SIZE}:rate=30" -t "$SECS" -pix_fmt yuv420p \
  -c:v libx264 -preset veryfast -crf 16 "$WORK/src1080.mp4"
sed -e "s/\"duration\": 10/\"duration\": $SECS/g" -e "s/\"width\": 1920, \"height\": 1080/\"width\": $W, \"height\": $H/" \
  -e "s/\"size\": 120/\"size\": $((120 * H / 1080))/" "$HERE/export-graded.lumaflow" > "$WORK/graded.lumaflow"
FRAMES=$((SECS * 30))
PRESET=${PRESET:-veryfast}
X264="--encoder libx264 --preset $PRESET --crf 23 --quiet"
"$LF" --backend gpu export "$WORK/graded.lumaflow" -o "$WORK/warm.mp4" --frames 0..9 $X264 >/dev/null 2>&1 || true
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; t1=$(date +%s.%N);
  awk "BEGIN {print $t1 - $t0}"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
declare -A T
one=$(secs "$LF" --backend gpu export "$WORK/graded.lumaflow" -o "$WORK/one.mp4" --frames 0..0 $X264)
echo "one-frame export (start-up, GPU backend): $one s"
for i in $(seq "$RUNS"); do
  T[gpu]+="$(secs "$LF" --backend gpu export "$WORK/graded.lumaflow" -o "$WORK/gpu.mp4" $X264) "
  T[ff]+="$(secs "$FFMPEG" -v error -nostdin -y -i "$WORK/src1080.mp4" -vf "eq=contrast=1.1:saturation=0.8,gblur=sigma=$((8 * H / 1080)),drawtext=fontfile=$FONT:text='Lumaflow Studio':fontsize=$((120 * H / 1080)):fontcolor=white:x=(w-tw)/2:y=h*0.82-th/2" \
    -c:v libx264 -preset "$PRESET" -crf 23 "$WORK/ff.mp4") "
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
