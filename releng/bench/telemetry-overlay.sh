#!/usr/bin/env bash
# Per-frame cost of the telemetry overlays at 1080p (speed gauge dial/digital, g-meter, minimap, elevation, text) on
# the CPU backend, with the engine's own title node (core.text) measured the same way as the yardstick, then on the
# GPU backend for information (lavapipe on a machine without a GPU: slower than the CPU there). Each figure is the
# median render time of "background + node" minus that of the background alone, interleaved frame by frame, on the
# GoPro sample's GPMF (shared/testdata/telemetry/karma.mp4). Budget: <= 2 ms per overlay per frame on the CPU.
#   [BACKENDS=cpu] releng/bench/telemetry-overlay.sh [FRAMES]        (default 120)
# Runs OverlayBench inside the OSGi test runtime of org.lumaflow.telemetry.tests (Tycho), so the bundles are built.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FRAMES=${1:-120}
VMARGS="-Xmx2g --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true --add-modules jdk.incubator.vector"
VMARGS="$VMARGS -Dorg.bytedeco.javacpp.cachedir=$ROOT/target/javacpp-cache -Dlumaflow.bench.overlay=$FRAMES"
VMARGS="$VMARGS -Dlumaflow.bench.overlay.backends=${BACKENDS:-cpu,gpu}"   # BACKENDS=cpu: the CPU figures only
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
cd "$ROOT"
if ! ./mvnw -B -o verify -pl target-platform,bundles/org.lumaflow.engine,bundles/org.lumaflow.engine.vulkan,\
bundles/org.lumaflow.telemetry,bundles/org.lumaflow.telemetry.tests -Dtest=OverlayBench -DfailIfNoTests=false \
    "-Dlumaflow.test.vmargs=$VMARGS" >"$LOG" 2>&1; then
  tail -60 "$LOG" >&2
  exit 1
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
awk '/ backend \(/,/^$/ {print} /^(node|speed_gauge|g_meter|minimap|elevation|text|core.text)/ {print}' "$LOG" \
  | awk '!seen[$0]++ || /^$/'
awk '/^gpu backend/ { stop = 1 } !stop && /^(speed_gauge|g_meter|minimap|elevation|text \()/ { v = $(NF-1); n++; s += v; if (v > m) m = v }
     !stop && /^core.text/ { y = $(NF-1) }
     END { if (n) printf "\nCPU: worst overlay %.3f ms/frame, mean %.3f (budget 2 ms); core.text %.3f ms: mean overlay / core.text = %.2fx\n", m, s / n, y, (s / n) / y }' \
  "$LOG"
