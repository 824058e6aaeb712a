#!/usr/bin/env bash
# Highlight reel export benchmark, one run, side by side: our CLI exports the reel `lumaflow highlights` builds from
# the GoPro test clip (given three times: three clips joined by 0.5 s dissolves, speed gauge, minimap, elevation and
# g-meter overlays on each) vs Debian's ffmpeg cutting the same spans from the same file and joining them with the
# same dissolves (xfade) - the same cuts and transitions, without overlays (ffmpeg has no telemetry gauges). Both
# encode with libx264 (veryfast, CRF 23; ours from the optional GPL codec pack in a scratch copy of the product).
# Whole processes timed (startup included), interleaved, median of RUNS.
#   releng/bench/telemetry-reel.sh [RUNS]          (default 3)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}
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
cp -r "$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow" "$WORK/product"
"$ROOT/releng/codecpack/install-codec-pack.sh" "$WORK/product" >/dev/null
LF="$WORK/product/lumaflow"
"$LF" help >/dev/null 2>&1

echo "building the reel (lumaflow highlights, not timed)..." >&2
"$LF" highlights "$MEDIA" "$MEDIA" "$MEDIA" --out "$WORK/reel.lumaflow" --top 3 --spacing 2 --pre 1 --post 1 >&2
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
measure() { /usr/bin/time -f '%e' -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; cat "$WORK/t"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
LFT=(); FFT=()
for i in $(seq "$RUNS"); do
  LFT+=("$(measure "$LF" export "$WORK/reel.lumaflow" -o "$WORK/lf.mp4" --encoder libx264 --preset veryfast --crf 23 \
    --no-qc --quiet)")
  FFT+=("$(measure ffmpeg -v error -nostdin -y -i "$MEDIA" -filter_complex "$FILTER" -map "[out]" -c:v libx264 \
    -preset veryfast -crf 23 "$WORK/ff.mp4")")
done
lf=$(printf '%s\n' "${LFT[@]}" | median)
ff=$(printf '%s\n' "${FFT[@]}" | median)
frames() { ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$1"; }
echo "reel: $(wc -l < "$WORK/spans") clips, ours $(frames "$WORK/lf.mp4") frames, ffmpeg $(frames "$WORK/ff.mp4") frames"
printf 'reel export (ours, with overlays)    %6.2f s  (runs: %s)\n' "$lf" "${LFT[*]}"
printf 'ffmpeg trim + xfade (no overlays)    %6.2f s  (runs: %s)\n' "$ff" "${FFT[*]}"
awk -v a="$lf" -v b="$ff" 'BEGIN {printf "ratio ours / ffmpeg: %.2fx\n", a / b}'
