#!/usr/bin/env bash
# On the GPU host, inside the unpacked device pack (releng/device/pack.sh; copy this script next to its env.sh):
# the graded timeline at 1080p, SECONDS long, exported on the GPU backend in one pass, in 4 segments with and without
# the workers' core shares (and, unless SHORT=1, 2 segments and 8 segments on 8 workers), then by ffmpeg's
# filtergraph; one run each, whole processes timed, with the segmented exports' own notes (worker start-up, join,
# checks).   bash lumaflow-device/ab-segments.sh [SECONDS]      (default 90)
set -uo pipefail
cd "$(dirname "$0")"
. ./env.sh 2>&1
HERE=$PWD/bench; . bench/lib.sh
FONT=$HERE/DejaVuSans.ttf
SECS=${1:-90}
WORK=$(mktemp -d); export WORK
graded_timeline "$WORK" "$SECS" 1920x1080
LF=$LFD/lumaflow/lumaflow
X="--backend gpu export $WORK/graded.lumaflow --encoder libx264 --preset veryfast --crf 23 --no-qc"
$LF $X -o $WORK/w.mp4 --frames 0..9 --quiet >/dev/null 2>&1
t() { local t0 t1; t0=$(date +%s.%N); "$@" > $WORK/log 2>&1; local rc=$?; t1=$(date +%s.%N); printf '%-40s %7.2f s rc=%s\n' "$*" "$(awk "BEGIN{print $t1-$t0}")" "$rc" | sed "s|$WORK/||g; s|$LF|lf|"; tr '\r' '\n' < $WORK/log | grep -E "segments encoded|joined|checked| in [0-9.]+ s \(" | sed 's/^/    /'; }
echo "$(nproc) cores, ${SECS}s = $((SECS*30)) frames"
t $LF $X -o $WORK/one.mp4
t $LF $X -o $WORK/s4.mp4 --segments 4
t env LUMAFLOW_JAVA_OPTS=-Dlumaflow.segments.share=false $LF $X -o $WORK/s4n.mp4 --segments 4
if [ -z "${SHORT:-}" ]; then
t $LF $X -o $WORK/s2.mp4 --segments 2
t env LUMAFLOW_JAVA_OPTS=-Dlumaflow.segments.workers=8 $LF $X -o $WORK/s8.mp4 --segments 8
fi
t ffmpeg_graded $WORK/src1080.mp4 $WORK/ff.mp4 1080 veryfast
rm -rf "$WORK"
