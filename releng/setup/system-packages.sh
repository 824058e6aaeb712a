#!/bin/sh
# The system packages Lumaflow needs on Debian/Ubuntu, in one place. ./lumaflow (the demo command) and ./mvnw (the
# test command) run this before anything else; .ci/run runs the test command inside a fresh Debian root, so a package
# missing from these lists fails CI instead of hiding on a development machine.
#
#   system-packages.sh runtime|studio|test     check; as root install what is missing; else print the apt-get line
#   system-packages.sh --list runtime|studio|test   print the package names
#
# Sets: LUMAFLOW_SKIP_SETUP=1 skips the check (machines set up by other means).
# Why each package is needed (README "System packages" says the same):
#   runtime  fontconfig fonts-dejavu-core  Java2D text (titles): without a font configuration the JDK cannot even
#                                          load the bundled DejaVu font ("Fontconfig head is null")
#            libpulse0 libasound2 libxcb1 libxcb-shm0   FFmpeg's avdevice (PulseAudio/ALSA audio capture, X11 screen
#                                          capture), which JavaCV loads with every grabber
#            libvulkan1                    the Vulkan loader for the GPU backend (without it: CPU backend)
#            libgtk2.0-0                   OpenCV's highgui, which JavaCV's OpenCV build links against GTK 2 and which
#                                          face analysis loads with objdetect
#   studio   libgtk-3-0                    SWT (the workbench) on GTK 3
#   test     mesa-vulkan-drivers           lavapipe, the software Vulkan device the GPU backend's tests run on
#            xvfb xauth                    a private X display for the studio's UI tests
#            nodejs npm                    the telemetry tests' independent GPMF oracle (npm gopro-telemetry) and the
#                                          live tests' WebRTC/WHIP receiver (npm werift, pinned, installed by the test)
#            nginx libnginx-mod-rtmp       a real RTMP server the live tests stream to (started by the test on
#                                          loopback with its own configuration; the system service is not started)
#            srt-tools                     srt-live-transmit, a real SRT receiver for the live tests
#            libx11-6 libxext6 libxi6 libxrender1 libxtst6   the JDK's AWT on X11 (libawt_xawt), for the screen-capture
#                                          test's drawing client and the live benchmark's stamp clock
#            pulseaudio pulseaudio-utils   a virtual sound card for the studio's UI test (ui.tests AudioSteps/NullSink):
#                                          a private PulseAudio daemon with a null sink the studio plays into, recorded
#                                          by parec (the test starts and stops the daemon itself)
# (VA-API's libva2/libva-drm2 ship inside FFmpeg's native cache; programs we run ourselves get it on their library path.)
set -eu

RUNTIME="fontconfig fonts-dejavu-core libpulse0 libasound2 libxcb1 libxcb-shm0 libvulkan1 libgtk2.0-0"
STUDIO="$RUNTIME libgtk-3-0"
TEST="$STUDIO mesa-vulkan-drivers xvfb xauth nodejs npm nginx libnginx-mod-rtmp srt-tools libx11-6 libxext6 libxi6 libxrender1 libxtst6 pulseaudio pulseaudio-utils"

list=0
if [ "${1:-}" = "--list" ]; then list=1; shift; fi
case "${1:-}" in
  runtime) want=$RUNTIME ;;
  studio) want=$STUDIO ;;
  test) want=$TEST ;;
  *) echo "usage: $0 [--list] runtime|studio|test" >&2; exit 2 ;;
esac
if [ "$list" = 1 ]; then echo "$want"; exit 0; fi
[ "${LUMAFLOW_SKIP_SETUP:-0}" = 1 ] && exit 0

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "lumaflow: not a Debian/Ubuntu system: make sure the equivalents of these packages are installed: $want" >&2
  exit 0
fi

# installed packages and what they provide (Ubuntu's libasound2t64 provides libasound2)
have=$(dpkg-query -W -f '${db:Status-Status} ${Package} ${Provides}\n' 2>/dev/null \
  | awk '$1 == "installed" { for (i = 2; i <= NF; i++) { sub(/:.*/, "", $i); sub(/,$/, "", $i); print $i } }')
missing=""
for p in $want; do
  printf '%s\n' "$have" | grep -qx "$p" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
missing=${missing# }

line="apt-get install -y --no-install-recommends $missing"
if [ "$(id -u)" != 0 ]; then
  echo "lumaflow: these system packages are missing: $missing" >&2
  echo "lumaflow: install them (as root), then run the command again:" >&2
  echo "  sudo $line" >&2
  echo "lumaflow: (LUMAFLOW_SKIP_SETUP=1 skips this check)" >&2
  exit 1
fi
echo "lumaflow: installing system packages: $missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Packages such as nginx start their system service when installed; the tests start their own servers on loopback,
# so while installing, a temporary policy-rc.d (Debian's documented switch) keeps services from starting.
policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  policy=/usr/sbin/policy-rc.d
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >&2; then
  echo "lumaflow: installing the system packages failed; run this, then the command again:" >&2
  echo "  $line" >&2
  exit 1
fi
