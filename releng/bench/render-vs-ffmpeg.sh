#!/usr/bin/env bash
# End-to-end render benchmark: the same N-frame 1080p job (SMPTE bars -> contrast/saturation -> Gaussian blur
# sigma 2 -> centred title -> PNG files) through our CLI and through an ffmpeg filtergraph, timed in one run
# (whole processes, startup included; median of N runs each, interleaved). Prints both and the ratio.
# ffmpeg (Debian's) is only the measuring stick: installed here when missing.
#   releng/bench/render-vs-ffmpeg.sh [FRAMES] [RUNS]      (defaults: 300 frames, 3 runs each)
# Short jobs are dominated by JVM start-up and JIT warm-up; long ones show steady-state throughput.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FRAMES=${1:-300}
RUNS=${2:-3}
FONT="$ROOT/bundles/org.lumaflow.engine/fonts/DejaVuSans.ttf"
if ! command -v ffmpeg >/dev/null 2>&1; then
  echo "installing ffmpeg (measuring stick only)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null
fi
"$ROOT/lumaflow" help >/dev/null   # builds the product if needed, outside the timing
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

lumaflow_run() {
  rm -rf "$WORK/lf"; LUMAFLOW_NO_BUILD=1 "$ROOT/lumaflow" render "$ROOT/releng/bench/render-vs-ffmpeg.lumaflow" \
    --frames "0..$((FRAMES - 1))" --out "$WORK/lf" --quiet >/dev/null 2>&1
}
ffmpeg_run() {
  rm -rf "$WORK/ff"; mkdir -p "$WORK/ff"
  ffmpeg -v error -nostdin -f lavfi -i "smptebars=size=1920x1080:rate=30" -frames:v "$FRAMES" \
    -vf "eq=contrast=1.1:saturation=0.8,gblur=sigma=2,drawtext=fontfile=$FONT:text='Lumaflow Studio':fontsize=120:fontcolor=white:x=(w-tw)/2:y=h*0.82-th/2,format=rgba" \
    -compression_level 1 -pred sub -f image2 "$WORK/ff/frame_%06d.png"
}
seconds() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

lf=(); ff=()
for i in $(seq "$RUNS"); do
  lf+=("$(seconds lumaflow_run)")
  ff+=("$(seconds ffmpeg_run)")
done
lfm=$(printf '%s\n' "${lf[@]}" | median)
ffm=$(printf '%s\n' "${ff[@]}" | median)
n_lf=$(ls "$WORK/lf" | wc -l); n_ff=$(ls "$WORK/ff" | wc -l)
printf 'frames: lumaflow %s, ffmpeg %s (1920x1080 PNG)\n' "$n_lf" "$n_ff"
printf 'lumaflow render: median %.2f s (%s)\n' "$lfm" "${lf[*]}"
printf 'ffmpeg         : median %.2f s (%s)\n' "$ffm" "${ff[*]}"
printf 'ratio ffmpeg/lumaflow: %.2fx (above 1 = lumaflow faster)\n' "$(echo "$ffm / $lfm" | bc -l)"
echo "$(nproc) cores; $(ffmpeg -version | head -n 1)"
