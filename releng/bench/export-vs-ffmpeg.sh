#!/usr/bin/env bash
# End-to-end export benchmark, one run, side by side: our CLI vs Debian's ffmpeg (and melt) on the same jobs, same
# codec (libx264 from our optional GPL codec pack, installed into a scratch copy of the product), preset, CRF and
# automatic thread counts; whole processes timed (startup included), interleaved, median of RUNS; peak RSS from
# GNU time. ffmpeg/melt are measuring sticks only: installed here when missing.
#   releng/bench/export-vs-ffmpeg.sh [SECONDS] [RUNS]       (defaults: 20 s 1080p transcode, 3 runs each)
#   GRADED_SECS=10 UHD_SECS=4 ...                           (graded 1080p and 4K clip lengths; defaults 10 and 4)
#   JOBS=qc releng/bench/export-vs-ffmpeg.sh 20 3            (only job 1 and its QC pair)
# Jobs: (1) plain 1080p H.264 transcode, with QC (the default) and with --no-qc: export QC's overhead in wall time
# and peak RSS (the pair alternates which goes first); (2) graded + blurred (sigma 8) + titled 1080p export, vs an
# ffmpeg filtergraph (eq, gblur, drawtext) and vs melt on the equivalent MLT XML; (3) 4K transcode peak RSS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-20}
RUNS=${2:-3}
GSECS=${GRADED_SECS:-10}
USECS=${UHD_SECS:-4}
JOBS=${JOBS:-all}
FONT="$ROOT/bundles/org.lumaflow.engine/fonts/DejaVuSans.ttf"
need=()
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v melt >/dev/null 2>&1 || [ "$JOBS" = qc ] || need+=(melt)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (measuring sticks only)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"$ROOT/lumaflow" help >/dev/null   # builds the product (and the codec pack) if needed, outside the timing
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow" "$WORK/product"
"$ROOT/releng/codecpack/install-codec-pack.sh" "$WORK/product" >/dev/null
LF="$WORK/product/lumaflow"
"$LF" help >/dev/null 2>&1        # first start unpacks the natives into the product's cache

echo "making ${SECS}s test clips (1080p30, 2160p30; x264 CRF 16)..." >&2
ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$SECS" -pix_fmt yuv420p \
  -c:v libx264 -preset veryfast -crf 16 "$WORK/src1080.mp4"
[ "$JOBS" = qc ] || ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -t "$GSECS" -pix_fmt yuv420p \
  -c:v libx264 -preset veryfast -crf 16 "$WORK/graded1080.mp4"
[ "$JOBS" = qc ] || ffmpeg -v error -nostdin -y -f lavfi -i "testsrc2=size=3840x2160:rate=30" -t "$USECS" \
  -pix_fmt yuv420p -c:v libx264 -preset veryfast -crf 16 "$WORK/src2160.mp4"
sed -e "s/\"duration\": 10/\"duration\": $GSECS/g" -e 's/src1080.mp4/graded1080.mp4/' \
  "$ROOT/releng/bench/export-graded.lumaflow" > "$WORK/graded.lumaflow"
sed "s/src1080.mp4/graded1080.mp4/" "$ROOT/releng/bench/export-graded.mlt" > "$WORK/graded.mlt"
X264="--encoder libx264 --preset veryfast --crf 23"

# prints "SECONDS PEAK_KB CPU_SECONDS" of one command
measure() { /usr/bin/time -f '%e %M %U %S' -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$WORK/t"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
declare -A T M C
run() { # NAME CMD...
  local name=$1; shift
  local r; r=$(measure "$@")
  read -r t m c <<<"$r"
  T[$name]+="$t "; M[$name]+="$m "; C[$name]+="$c "
}
qc_on() { run lf_transcode "$LF" export "$WORK/src1080.mp4" -o "$WORK/lf1.mp4" $X264 --quiet; }
qc_off() { run lf_transcode_noqc "$LF" export "$WORK/src1080.mp4" -o "$WORK/lf1n.mp4" $X264 --no-qc --quiet; }
for i in $(seq "$RUNS"); do
  if [ $((i % 2)) = 1 ]; then qc_on; qc_off; else qc_off; qc_on; fi
  run ff_transcode ffmpeg -v error -nostdin -y -i "$WORK/src1080.mp4" -c:v libx264 -preset veryfast -crf 23 \
    "$WORK/ff1.mp4"
  [ "$JOBS" = qc ] && continue
  run lf_graded "$LF" export "$WORK/graded.lumaflow" -o "$WORK/lf2.mp4" $X264 --quiet
  run ff_graded ffmpeg -v error -nostdin -y -i "$WORK/graded1080.mp4" -vf "eq=contrast=1.1:saturation=0.8,gblur=sigma=8,drawtext=fontfile=$FONT:text='Lumaflow Studio':fontsize=120:fontcolor=white:x=(w-tw)/2:y=h*0.82-th/2" \
    -c:v libx264 -preset veryfast -crf 23 "$WORK/ff2.mp4"
  run melt_graded melt -quiet "$WORK/graded.mlt" -consumer "avformat:$WORK/melt2.mp4" vcodec=libx264 preset=veryfast \
    crf=23 an=1 real_time=-"$(nproc)"
done
if [ "$JOBS" != qc ]; then
  run lf_4k "$LF" export "$WORK/src2160.mp4" -o "$WORK/lf4k.mp4" $X264 --quiet
  run ff_4k ffmpeg -v error -nostdin -y -i "$WORK/src2160.mp4" -c:v libx264 -preset veryfast -crf 23 "$WORK/ff4k.mp4"
fi

med() { printf '%s\n' ${T[$1]} | median; }
rss() { printf '%s\n' ${M[$1]} | median; }
cpu() { printf '%s\n' ${C[$1]} | median; }
frames=$((SECS * 30))
line() { local n=${3:-$frames}
  printf '%-34s median %7.2f s  %6.1f fps  CPU %6.2f s  peak RSS %5d MB   (%s s; %s MB)\n' "$1" "$(med "$2")" \
  "$(echo "$n / $(med "$2")" | bc -l)" "$(cpu "$2")" "$(( $(rss "$2") / 1024 ))" "${T[$2]% }" \
  "$(for k in ${M[$2]}; do printf '%d ' $((k / 1024)); done | sed 's/ $//')"; }
ratio() { echo "$(med "$2") / $(med "$1")" | bc -l; }
pct() { echo "($1 / $2 - 1) * 100" | bc -l; }
echo "== transcode $frames frames, graded $((GSECS * 30)), 4K $((USECS * 30)); $RUNS runs each, $(nproc) cores, $(ffmpeg -version | head -n 1 | cut -d' ' -f1-3)$( [ "$JOBS" = qc ] || echo ", melt $(melt -version 2>&1 | head -n 1 | cut -d' ' -f2)")"
line "lumaflow transcode 1080p x264" lf_transcode
line "lumaflow same, --no-qc" lf_transcode_noqc
line "ffmpeg   transcode 1080p x264" ff_transcode
printf 'export QC overhead, transcode 1080p  : wall %+.1f%%, peak RSS %+.1f%% (goal <= 5%% each); CPU %+.1f%% (%.2f vs %.2f s user+sys)\n' \
  "$(pct "$(med lf_transcode)" "$(med lf_transcode_noqc)")" "$(pct "$(rss lf_transcode)" "$(rss lf_transcode_noqc)")" \
  "$(pct "$(cpu lf_transcode)" "$(cpu lf_transcode_noqc)")" "$(cpu lf_transcode)" "$(cpu lf_transcode_noqc)"
if [ "$JOBS" = qc ]; then
  printf 'throughput vs ffmpeg, transcode 1080p : %.2fx (goal >= 1.0)\n' "$(ratio lf_transcode ff_transcode)"
  exit 0
fi
line "lumaflow graded+blur+title 1080p" lf_graded $((GSECS * 30))
line "ffmpeg   graded+blur+title 1080p" ff_graded $((GSECS * 30))
line "melt     graded+blur+title 1080p" melt_graded $((GSECS * 30))
line "lumaflow transcode 2160p x264" lf_4k $((USECS * 30))
line "ffmpeg   transcode 2160p x264" ff_4k $((USECS * 30))
printf 'throughput vs ffmpeg, transcode 1080p : %.2fx (goal >= 1.1)\n' "$(ratio lf_transcode ff_transcode)"
printf 'throughput vs ffmpeg, graded 1080p    : %.2fx (goal >= 1.0)\n' "$(ratio lf_graded ff_graded)"
printf 'throughput vs melt,   graded 1080p    : %.2fx (goal >= 3.0)\n' "$(ratio lf_graded melt_graded)"
printf 'peak RSS vs ffmpeg,   transcode 1080p : %.2fx (goal <= 1.2)\n' "$(echo "$(rss lf_transcode) / $(rss ff_transcode)" | bc -l)"
printf 'throughput vs ffmpeg, transcode 2160p : %.2fx (goal >= 1.1)\n' "$(ratio lf_4k ff_4k)"
printf 'peak RSS vs ffmpeg,   transcode 2160p : %.2fx (goal <= 1.2)\n' "$(echo "$(rss lf_4k) / $(rss ff_4k)" | bc -l)"
