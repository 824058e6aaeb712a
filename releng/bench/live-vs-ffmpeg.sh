#!/usr/bin/env bash
# Live benchmark, ours and the ffmpeg program side by side in one run, on loopback: a private Xvfb display shows the
# wall clock as a frame stamp (live/StampClock.java) over moving content; each sender captures that screen
# (x11grab), encodes H.264 and sends it; `lumaflow live-probe` receives, decodes and reads the stamp of every
# picture, so glass-to-glass latency = arrival clock - stamp (p50/p95). Per protocol (SRT, RTMP into nginx-rtmp) and
# encoder (libopenh264; libx264 ultrafast/zerolatency from the codec pack) -- and WHIP into a werift receiver
# (npm, the live tests' pinned receiver) that forwards each access unit to the probe over UDP, with the bundled
# ffmpeg program as the peer -- we print the latency, the sender's CPU
# (CPU seconds per second of streaming, from /proc, start-up excluded), pictures sent vs expected, our drop counters
# and capture->sent latency, and the CPU ratio ours/ffmpeg.
#   releng/bench/live-vs-ffmpeg.sh [SECONDS] [WxH] [PROTOCOLS] [ENCODERS]
#   defaults: 20 1280x720 "srt rtmp whip" "libopenh264 libx264"
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SECS=${1:-20}
SIZE=${2:-1280x720}
PROTOCOLS=${3:-srt rtmp whip}
ENCODERS=${4:-libopenh264 libx264}
W=${SIZE%x*}; H=${SIZE#*x}
RATE=30
BITRATE=$(( W * H >= 1920 * 1080 ? 6000 : 3500 ))k
need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v nginx >/dev/null 2>&1 || need+=(nginx libnginx-mod-rtmp)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (measuring sticks and test peers only)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"$ROOT/lumaflow" help >/dev/null   # builds the product (and the codec pack) if needed, outside the timing
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
cp -r "$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow" "$WORK/product"
"$ROOT/releng/codecpack/install-codec-pack.sh" "$WORK/product" >/dev/null
LF="$WORK/product/lumaflow"
"$LF" doctor >/dev/null 2>&1 || true   # first start unpacks the natives (FFmpeg, its ffmpeg program) into the product
JAVA_BIN=$(command -v java)   # any JDK >= 11 runs the single-file stamp clock
# the peer: the ffmpeg program of the codec pack, FFmpeg 8.0.1 with the same x264, openh264 and SRT builds as ours
# (Debian's ffmpeg 5.1 has neither libopenh264 nor the whip muxer), so both sides differ only in the pipeline
mkdir -p "$WORK/ffmpeg"   # its program and libraries, taken out of the codec pack's nested JavaCV jar
python3 - "$WORK/product" "$WORK/ffmpeg" <<'PY'
import glob, io, os, sys, zipfile
outer = glob.glob(sys.argv[1] + "/plugins/org.lumaflow.media.ffmpeg.gpl_*.jar")[0]
with zipfile.ZipFile(outer) as o, zipfile.ZipFile(io.BytesIO(o.read("lib/ffmpeg-linux-x86_64-gpl.jar"))) as z:
    for n in z.namelist():
        if n.startswith("org/bytedeco/ffmpeg/linux-x86_64-gpl/") and not n.endswith("/"):
            d = os.path.join(sys.argv[2], os.path.basename(n))
            open(d, "wb").write(z.read(n)); os.chmod(d, 0o755)
PY
BFF="$WORK/ffmpeg/ffmpeg"
[ -x "$BFF" ] || { echo "the codec pack's ffmpeg program was not found in $WORK/product" >&2; exit 1; }
case " $PROTOCOLS " in *" whip "*)
  mkdir -p "$WORK/whip" && cp "$ROOT/bundles/org.lumaflow.live.tests/whip/"{package.json,package-lock.json,receiver.js} "$WORK/whip/"
  (cd "$WORK/whip" && npm ci --silent --no-audit --no-fund >/dev/null 2>&1) || { echo "npm ci of the WHIP receiver failed" >&2; exit 1; } ;;
esac

# the glass: Xvfb + the stamp clock
DISP=:$(( 90 + RANDOM % 9 ))
Xvfb "$DISP" -screen 0 "${W}x${H}x24" -nolisten tcp >/dev/null 2>&1 & PIDS+=($!)
sleep 1
DISPLAY=$DISP "$JAVA_BIN" "$HERE/live/StampClock.java" "$W" "$H" >/dev/null 2>&1 & PIDS+=($!)
sleep 3

# nginx-rtmp on a free port, for the RTMP leg (a real server between sender and receiver, as in production)
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RTMP_PORT=$(port)
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_rtmp_module.so;
daemon off; master_process off; worker_processes 1;
error_log $WORK/nginx/logs/error.log; pid $WORK/nginx/nginx.pid;
events { worker_connections 64; }
rtmp { server { listen 127.0.0.1:$RTMP_PORT; chunk_size 4096; application live { live on; wait_key on; } } }
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & PIDS+=($!)
sleep 0.5

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
HZ=$(getconf CLK_TCK)

# run_leg NAME PROTOCOL -- SENDER...: starts the receiver, the sender; samples the sender's CPU from 4 s after its
# start to 1 s before its end; prints one line
run_leg() {
  local name=$1 proto=$2; shift 3
  local sport probe_url send_url
  sport=$(port)
  case $proto in
    srt) probe_url="srt://127.0.0.1:$sport?mode=listener&latency=120000"; send_url="srt://127.0.0.1:$sport?mode=caller&latency=120000&pkt_size=1316" ;;
    rtmp) probe_url="rtmp://127.0.0.1:$RTMP_PORT/live/bench$sport"; send_url="rtmp://127.0.0.1:$RTMP_PORT/live/bench$sport" ;;
    whip) probe_url="udp://127.0.0.1:$sport"; send_url="http://127.0.0.1:$(port)/whip" ;;
  esac
  # the probe runs until the stream has stopped for 4 s (so the sender never loses its receiver early)
  local probe_args=(live-probe "$probe_url" --duration "$((SECS + 30))" --json "$WORK/$name.json" --timeout 4)
  local receiver=""
  if [ "$proto" = whip ]; then
    local wport=${send_url#http://127.0.0.1:}; wport=${wport%/whip}
    FORWARD_UDP=$sport node "$WORK/whip/receiver.js" "$wport" "$WORK/$name.h264" "$WORK/$name.whip.json" \
      >"$WORK/$name.receiver" 2>&1 & receiver=$!
    probe_args+=(--option demuxer=h264)
    sleep 1
  fi
  if [ "$proto" != rtmp ]; then "$LF" "${probe_args[@]}" >"$WORK/$name.probe" 2>&1 & fi
  local probe=$!
  sleep 2
  # the sender's arguments with @URL@ replaced (ours takes SRT latency in ms and WHIP as whip://, ffmpeg the
  # FFmpeg forms: microseconds, http://)
  local cmd=() a url=$send_url
  case $1 in
    *lumaflow) [ "$proto" = srt ] && url=${send_url//latency=120000/latency=120}
               [ "$proto" = whip ] && url=whip://${send_url#http://} ;;
  esac
  for a in "$@"; do if [ "$a" = @URL@ ]; then cmd+=("$url"); else cmd+=("$a"); fi; done
  "${cmd[@]}" >"$WORK/$name.out" 2>&1 &
  local sender=$!
  if [ "$proto" = rtmp ]; then sleep 2; "$LF" "${probe_args[@]}" >"$WORK/$name.probe" 2>&1 & probe=$!; fi
  sleep 4
  local t0 c0 t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$sender")
  sleep "$((SECS - 6))"
  t1=$(date +%s.%N); c1=$(cpu_ticks "$sender")
  wait "$probe" || true
  wait "$sender" || true
  [ -n "$receiver" ] && { kill "$receiver" 2>/dev/null; wait "$receiver" 2>/dev/null || true; }
  local cpu
  cpu=$(awk "BEGIN {printf \"%.2f\", ($c1 - $c0) / $HZ / ($t1 - $t0)}")
  echo "$cpu" > "$WORK/$name.cpu"
  printf '%-26s cpu %5s cores  %s\n' "$name" "$cpu" "$(sed -n 's/^live-probe .*: \([0-9]* frames\)/\1/p' "$WORK/$name.probe" | head -1)"
  grep -h "dropped" "$WORK/$name.out" 2>/dev/null | tail -1 | sed 's/^/    ours, last stats: /' || true
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); ${SIZE}@${RATE}, ${BITRATE}b/s, ${SECS}s per leg"
for enc in $ENCODERS; do
  case $enc in
    libx264) ff_enc=(-c:v libx264 -preset ultrafast -tune zerolatency); our_opt=(--option preset=ultrafast) ;;
    *) ff_enc=(-c:v "$enc"); our_opt=() ;;
  esac
  for proto in $PROTOCOLS; do
    fmt=mpegts; ff=(env "LD_LIBRARY_PATH=$(dirname "$BFF")" "$BFF")
    [ "$proto" = rtmp ] && fmt=flv
    [ "$proto" = whip ] && fmt=whip
    run_leg "ours-$proto-$enc" "$proto" -- "$LF" live --source "screen:$DISP" --size "$SIZE" --rate "$RATE" \
      --encoder "$enc" "${our_opt[@]}" --bitrate "$BITRATE" --keyframe 2 --stream @URL@ --duration "$SECS"
    run_leg "ffmpeg-$proto-$enc" "$proto" -- "${ff[@]}" -v error -nostdin -f x11grab -framerate "$RATE" \
      -video_size "$SIZE" -draw_mouse 0 -i "$DISP" -t "$SECS" "${ff_enc[@]}" -b:v "$BITRATE" -maxrate "$BITRATE" \
      -bufsize "$BITRATE" -g $((RATE * 2)) -bf 0 -pix_fmt yuv420p -f "$fmt" @URL@
    awk -v a="$(cat "$WORK/ours-$proto-$enc.cpu")" -v b="$(cat "$WORK/ffmpeg-$proto-$enc.cpu")" \
      'BEGIN { if (b > 0) printf "    CPU ours/ffmpeg: %.2f\n", a / b }'
  done
done
