#!/usr/bin/env bash
# Segmented export benchmark, one run side by side: the graded timeline (releng/bench/export-graded.lumaflow: grade,
# blur, title over a 30 fps clip) exported by our CLI in one pass, with --segments auto and with each --segments N of
# $COUNTS, and the same job as an ffmpeg filtergraph; libx264 $PRESET CRF 23 on both sides (codec pack). Whole
# processes timed (start-up included), medians of RUNS, throughput, speed-up over one pass and per worker printed.
#   releng/bench/segments-vs-ffmpeg.sh PRODUCT_DIR [SECONDS] [RUNS] [WxH] [BACKEND]
# COUNTS (default "2 4"), PRESET (veryfast), FFMPEG (ffmpeg on the PATH; on a bare GPU host the codec pack's program).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
PRODUCT=${1:?usage: segments-vs-ffmpeg.sh PRODUCT_DIR [SECONDS] [RUNS] [WxH] [BACKEND]}
SECS=${2:-20}
RUNS=${3:-3}
SIZE=${4:-1920x1080}
BACKEND=${5:-auto}
FFMPEG=${FFMPEG:-ffmpeg}
PRESET=${PRESET:-veryfast}
COUNTS=${COUNTS:-2 4}
FONT=${FONT:-$HERE/../../bundles/org.lumaflow.engine/fonts/DejaVuSans.ttf}
[ -f "$FONT" ] || FONT=$HERE/DejaVuSans.ttf
LF="$PRODUCT/lumaflow"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
graded_timeline "$WORK" "$SECS" "$SIZE"
H=${SIZE#*x}
FRAMES=$((SECS * 30))
X264="--encoder libx264 --preset $PRESET --crf 23 --quiet --no-qc"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); backend $BACKEND; $SIZE, $FRAMES frames"
"$LF" --backend "$BACKEND" export "$WORK/graded.lumaflow" -o "$WORK/warm.mp4" --frames 0..9 $X264 >/dev/null 2>&1 || true
declare -A T
modes="one auto"
for n in $COUNTS; do modes="$modes s$n"; done
for i in $(seq "$RUNS"); do
  for m in $modes; do
    case $m in
      one) args=() ;;
      auto) args=(--segments auto) ;;
      s*) args=(--segments "${m#s}") ;;
    esac
    T[$m]+="$(secs "$LF" --backend "$BACKEND" export "$WORK/graded.lumaflow" -o "$WORK/$m.mp4" $X264 "${args[@]}") "
  done
  T[ff]+="$(secs ffmpeg_graded "$WORK/src1080.mp4" "$WORK/ff.mp4" "$H" "$PRESET") "
done
med() { printf '%s\n' ${T[$1]} | median; }
one=$(med one); ff=$(med ff)
printf '%-22s %7.2f s  %6.1f fps\n' "ffmpeg filtergraph" "$ff" "$(awk -v n=$FRAMES -v t=$ff 'BEGIN {print n / t}')"
for m in $modes; do
  t=$(med "$m")
  case $m in one) w=1 ;; auto) w=auto ;; s*) w=${m#s} ;; esac
  awk -v m="$m" -v n=$FRAMES -v t="$t" -v one="$one" -v ff="$ff" -v w="$w" 'BEGIN {
    s = one / t; printf "%-22s %7.2f s  %6.1f fps  x%.2f over one pass%s  %.2fx ffmpeg\n", "lumaflow " m, t, n / t, s,
      (w ~ /^[0-9]+$/ && w > 1) ? sprintf(" (%.2f per worker of %d)", s / w, w) : "", ff / t }'
done
# the joined files pass the exporter's own checks (it refuses to rename otherwise); their frame counts agree
for m in $modes; do
  n=$("$FFMPEG" -nostdin -i "$WORK/$m.mp4" -map 0:v:0 -c copy -f null - 2>&1 | grep -o 'frame= *[0-9]*' | tail -n 1 | grep -o '[0-9]*')
  [ "$n" = "$FRAMES" ] || { echo "$m: $n frames, expected $FRAMES" >&2; exit 1; }
done
echo "frame counts: all $FRAMES"
