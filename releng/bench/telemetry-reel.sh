#!/usr/bin/env bash
# Highlight reel export benchmark, one run, side by side: our CLI exports the reel `lumaflow highlights` builds from
# the GoPro test clip (given three times: three clips joined by 0.5 s dissolves, speed gauge, minimap, elevation and
# g-meter overlays on each) vs Debian's ffmpeg cutting the same spans from the same file and joining them with the
# same dissolves (xfade) - the same cuts and transitions, without overlays (ffmpeg has no telemetry gauges). Both
# encode with libx264 (veryfast, CRF 23; ours from the optional GPL codec pack in a scratch copy of the product).
# A second ffmpeg job also overlays four static PNGs (semi-transparent panels of the sizes and places of our four
# widgets, made once before the timing) on every output frame: the same compositing work per frame as ours, but
# nothing redrawn (ours moves a needle, two markers and a dot and redraws digits every frame). ffmpeg reads no
# telemetry, draws no widget and starts no JVM; ours does all three. Whole processes timed (start-up included),
# interleaved, median of RUNS; our start-up alone (`lumaflow help`) and our export of the same reel without its
# overlays are timed too (what the overlays cost, and the like-for-like pair with the plain ffmpeg job).
#   releng/bench/telemetry-reel.sh [RUNS] [ROLL]   (default 3 runs; ROLL = --pre/--post seconds, default 1: a
#                                                   5.3 s reel of 159 frames; ROLL 4: 3 x 6.1 s, 519 frames)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}
ROLL=${2:-1}
MEDIA="$ROOT/../shared/testdata/telemetry/karma.mp4"
need=()
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (measuring sticks only)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"$ROOT/lumaflow" help >/dev/null   # builds the product if needed, outside the timing
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "${PRODUCT:-$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow}" \
  "$WORK/product"   # PRODUCT=DIR: another built product (an older build, to compare)
# the codec pack built here, else the one installed in the local Maven repository
GPL=$(ls "$ROOT"/bundles/org.lumaflow.media.ffmpeg.gpl/target/org.lumaflow.media.ffmpeg.gpl-*.jar 2>/dev/null | head -n 1 \
  || true)
[ -n "$GPL" ] || GPL=$(ls ~/.m2/repository/org/lumaflow/org.lumaflow.media.ffmpeg.gpl/*/org.lumaflow.media.ffmpeg.gpl-*.jar \
  2>/dev/null | tail -n 1 || true)
"$ROOT/releng/codecpack/install-codec-pack.sh" "$WORK/product" $GPL >/dev/null
LF="$WORK/product/lumaflow"
"$LF" help >/dev/null 2>&1

echo "building the reel (lumaflow highlights, not timed)..." >&2
"$LF" highlights "$MEDIA" "$MEDIA" "$MEDIA" --out "$WORK/reel.lumaflow" --top 3 --spacing 2 --pre "$ROLL" \
  --post "$ROLL" >&2
# the spans and the dissolve length, as the project has them: one "FILE IN OUT" line per clip
python3 - "$WORK/reel.lumaflow" > "$WORK/spans" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
def sec(v):
    if isinstance(v, str) and '/' in v:
        a, b = v.split('/'); return int(a) / int(b)
    return float(v)
for c in p["tracks"][0]["clips"]:
    i = sec(c.get("in", 0)); d = sec(c["duration"])
    print(c["source"]["params"]["file"], i, i + d)
PY
cat "$WORK/spans" >&2
# the same reel without the overlays
python3 - "$WORK/reel.lumaflow" "$WORK/bare.lumaflow" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
for c in p["tracks"][0]["clips"]:
    c["effects"] = []
json.dump(p, open(sys.argv[2], "w"))
PY
# ffmpeg: trim each span of the one input, then xfade (0.5 s dissolve, shortened like ours for short clips)
FILTER=$(python3 - "$WORK/spans" <<'PY'
import sys
spans = [l.split() for l in open(sys.argv[1])]
parts = []; durs = []
for k, (f, a, b) in enumerate(spans):
    parts.append(f"[0:v]trim=start={a}:end={b},setpts=PTS-STARTPTS,format=yuv420p[c{k}]")
    durs.append(float(b) - float(a))
prev = "c0"; t = durs[0]
for k in range(1, len(spans)):
    x = min(0.5, int(min(durs[k - 1], durs[k]) / 3 * 29.97) / 29.97)
    t -= x
    parts.append(f"[{prev}][c{k}]xfade=transition=fade:duration={x:.4f}:offset={t:.4f}[x{k}]")
    prev = f"x{k}"; t += durs[k]
print(";".join(parts) + f";[{prev}]null[out]")
PY
)
# the widgets of the first clip as "X Y W H" lines (the node's rounding; heights: dial, map and g-meter square,
# profile 0.3 of its width), and a semi-transparent PNG of each size
python3 - "$WORK/reel.lumaflow" "$MEDIA" > "$WORK/widgets" <<'PY'
import json, math, subprocess, sys
p = json.load(open(sys.argv[1]))
W, H = (int(v) for v in subprocess.check_output(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
        "stream=width,height", "-of", "csv=p=0", sys.argv[2]], text=True).strip().split(","))
for e in p["tracks"][0]["clips"][0]["effects"]:
    w = int(round(e["params"]["size"])); h = int(round(w * 0.3)) if e["type"] == "telemetry.elevation" else w
    x, y = e["params"]["position"]
    print(math.floor(x * W - w / 2 + 0.5), math.floor(y * H - h / 2 + 0.5), w, h)
PY
k=0; PNGS=(); OVER=""; last="[out]"
while read -r x y w h; do
  ffmpeg -v error -nostdin -y -f lavfi -i "color=c=black@0.55:s=${w}x${h},format=rgba,drawbox=x=iw/4:y=ih/4:w=iw/2:h=ih/8:color=orange@1:t=fill" \
    -frames:v 1 "$WORK/w$k.png"
  PNGS+=(-loop 1 -i "$WORK/w$k.png")
  OVER+=";${last}[$((k + 1)):v]overlay=x=$x:y=$y:shortest=1:format=yuv420[o$k]"
  last="[o$k]"; k=$((k + 1))
done < "$WORK/widgets"
FILTER_PNG="${FILTER%;*}"   # the same cuts and dissolves, then the panels on the joined picture
FILTER_PNG="$FILTER_PNG;${FILTER##*;}${OVER};${last}null[final]"
measure() { /usr/bin/time -f '%e' -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; cat "$WORK/t"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
LFT=(); LBT=(); FFT=(); FPT=(); HT=()
echo "load before the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for i in $(seq "$RUNS"); do
  HT+=("$(measure "$LF" help)")
  LFT+=("$(measure "$LF" export "$WORK/reel.lumaflow" -o "$WORK/lf.mp4" --encoder libx264 --preset veryfast --crf 23 \
    --no-qc --quiet)")
  LBT+=("$(measure "$LF" export "$WORK/bare.lumaflow" -o "$WORK/lfbare.mp4" --encoder libx264 --preset veryfast \
    --crf 23 --no-qc --quiet)")
  FFT+=("$(measure ffmpeg -v error -nostdin -y -i "$MEDIA" -filter_complex "$FILTER" -map "[out]" -c:v libx264 \
    -preset veryfast -crf 23 "$WORK/ff.mp4")")
  FPT+=("$(measure ffmpeg -v error -nostdin -y -i "$MEDIA" "${PNGS[@]}" -filter_complex "$FILTER_PNG" -map "[final]" \
    -c:v libx264 -preset veryfast -crf 23 "$WORK/ffpng.mp4")")
done
lf=$(printf '%s\n' "${LFT[@]}" | median)
lb=$(printf '%s\n' "${LBT[@]}" | median)
ff=$(printf '%s\n' "${FFT[@]}" | median)
fp=$(printf '%s\n' "${FPT[@]}" | median)
hs=$(printf '%s\n' "${HT[@]}" | median)
frames() { ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$1"; }
echo "reel: $(wc -l < "$WORK/spans") clips, ours $(frames "$WORK/lf.mp4") frames, ffmpeg $(frames "$WORK/ff.mp4") frames,"\
  "ffmpeg + PNGs $(frames "$WORK/ffpng.mp4") frames; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'reel export (ours, live overlays)       %6.2f s  (runs: %s)\n' "$lf" "${LFT[*]}"
printf '  of which JVM + OSGi start (help)      %6.2f s  (runs: %s)\n' "$hs" "${HT[*]}"
printf 'the same reel without overlays (ours)   %6.2f s  (runs: %s)\n' "$lb" "${LBT[*]}"
printf 'ffmpeg trim + xfade (no overlays)       %6.2f s  (runs: %s)\n' "$ff" "${FFT[*]}"
printf 'ffmpeg trim + xfade + 4 static PNGs     %6.2f s  (runs: %s)\n' "$fp" "${FPT[*]}"
awk -v a="$lf" -v l="$lb" -v b="$ff" -v c="$fp" -v h="$hs" 'BEGIN {
  printf "ratio ours / ffmpeg, like for like: %.2fx (no overlays: bare reel vs trim + xfade), %.2fx (overlays: live vs static PNGs)\n", l / b, a / c
  printf "  without our start-up: %.2fx, %.2fx; the overlays cost %.2f s of our %.2f s\n", (l - h) / b, (a - h) / c, a - l, a }'
