#!/usr/bin/env bash
# Packs what a benchmark needs on a bare GPU host (the `device` machines: NVIDIA driver only, no Java, no Vulkan
# loader) into target/device/lumaflow-device.tar.xz, small enough to carry (< 64 MiB):
#   - a jlinked Java runtime (the modules the product needs, stripped),
#   - the built product with the GPL codec pack (x264/x265) installed, without the bundles an export does not use
#     (OpenCV/perception, the studio's SWT/E4 stack), and without the LGPL FFmpeg natives the codec pack replaces,
#   - Debian's Vulkan loader (libvulkan1), unpacked,
#   - the benchmark scripts and timelines of releng/bench.
# On the device: tar xJf lumaflow-device.tar.xz; . lumaflow-device/env.sh; then run a releng/bench script with
# PRODUCT_DIR=$LFD/lumaflow and FFMPEG=$LFD/ffmpeg (the codec pack's own ffmpeg program, through its launcher).
#   releng/device/pack.sh            (after ./mvnw -B install -DskipTests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

. "$ROOT/features/org.lumaflow.headless.feature/rootfiles/find-jdk.sh"
lumaflow_find_jdk || exit 1
JDK=$JAVA_HOME
[ -x "$JDK/bin/jlink" ] || { echo "pack: $JDK has no jlink (set JAVA_HOME to a full JDK >= 21)" >&2; exit 1; }
PRODUCT=$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow
[ -d "$PRODUCT/plugins" ] || { echo "pack: build the product first (./mvnw -B install -DskipTests)" >&2; exit 1; }
GPL=$(ls "$ROOT"/bundles/org.lumaflow.media.ffmpeg.gpl/target/org.lumaflow.media.ffmpeg.gpl-*.jar 2>/dev/null | head -n 1)
[ -n "$GPL" ] || { echo "pack: no codec pack jar (./mvnw -B install -DskipTests)" >&2; exit 1; }
OUT=$ROOT/target/device
STAGE=$OUT/lumaflow-device
rm -rf "$OUT"; mkdir -p "$STAGE/lib"

"$JDK/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.xml,java.naming,java.sql,jdk.unsupported,jdk.incubator.vector,jdk.management \
  --strip-debug --no-header-files --no-man-pages --output "$STAGE/jre"
rm -rf "$STAGE/jre/legal"

cp -r "$PRODUCT" "$STAGE/lumaflow"
P=$STAGE/lumaflow
# what a first run on this machine left (unpacked natives, class-data archives for this JDK): made again there
rm -rf "$P/configuration-headless" "$P/configuration/org.eclipse.osgi"
INFO=$P/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
# what a local export does not load: perception (OpenCV, 51 MB), the cluster (Hazelcast, 21 MB), the studio (SWT, E4...)
drop='^(com\.hazelcast|org\.lumaflow\.cluster|org\.lumaflow\.perception|org\.lumaflow\.telemetry|org\.lumaflow\.ui|org\.eclipse\.swt|org\.eclipse\.jface|org\.eclipse\.e4\.ui|org\.eclipse\.emf|com\.github\.weisj|org\.apache\.batik|com\.sun\.jna|org\.eclipse\.core\.databinding)'
grep -E "$drop" "$INFO" | cut -d, -f3 | while read -r jar; do rm -rf "${P:?}/$jar"; done
grep -vE "$drop" "$INFO" > "$INFO.tmp" && mv "$INFO.tmp" "$INFO"
rm -f "$P"/*.tar.gz
"$ROOT/releng/codecpack/install-codec-pack.sh" "$P" "$GPL" >/dev/null
# the codec pack carries a complete FFmpeg: the LGPL natives inside org.lumaflow.media.ffmpeg are not loaded then
FF=$(ls "$P"/plugins/org.lumaflow.media.ffmpeg_*.jar)
tmp=$(mktemp -d); (cd "$tmp" && "$JDK/bin/jar" xf "$FF" && rm -f lib/ffmpeg-linux-x86_64.jar && \
  printf 'Manifest-Version: 1.0\n' > m && "$JDK/bin/jar" cfm e.jar m && mv e.jar lib/ffmpeg-linux-x86_64.jar && rm m && \
  "$JDK/bin/jar" cfm0 "$FF" META-INF/MANIFEST.MF .); rm -rf "$tmp"
# jars (and the jars nested in them) stored uncompressed, so xz sees the native libraries themselves
store() { # store JAR: rewrite it with no compression, nested lib/*.jar first
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && "$JDK/bin/jar" xf "$1" && for n in lib/*.jar; do [ -f "$n" ] && store "$tmp/$n"; done; \
    if [ -f META-INF/MANIFEST.MF ]; then "$JDK/bin/jar" cfm0 "$1" META-INF/MANIFEST.MF .; else "$JDK/bin/jar" cf0 "$1" .; fi)
  rm -rf "$tmp"
}
for j in "$P"/plugins/org.lumaflow.media.ffmpeg.gpl_*.jar "$P"/plugins/org.lumaflow.gpu.lwjgl_*.jar \
    "$P"/plugins/org.lumaflow.media.ffmpeg_*.jar; do
  store "$j"
done

# the codec pack's ffmpeg program (the benchmark peer; its libraries are the product's own, unpacked at first run)
tmp=$(mktemp -d); (cd "$tmp" && "$JDK/bin/jar" xf "$GPL" lib/ffmpeg-linux-x86_64-gpl.jar && \
  "$JDK/bin/jar" xf lib/ffmpeg-linux-x86_64-gpl.jar org/bytedeco/ffmpeg/linux-x86_64-gpl/ffmpeg) && \
  mkdir -p "$STAGE/bin" && cp "$tmp/org/bytedeco/ffmpeg/linux-x86_64-gpl/ffmpeg" "$STAGE/bin/ffmpeg.bin" && \
  chmod +x "$STAGE/bin/ffmpeg.bin"; rm -rf "$tmp"
# the Vulkan loader from Debian, and what the NVIDIA driver's Vulkan ICD (libGLX_nvidia) needs from the container
# to create an instance: glvnd's libGLdispatch and libEGL (without libEGL the ICD's vk_icdGetInstanceProcAddr hands
# back no vkCreateInstance), libXext and libX11 (which it links); vulkaninfo for the diagnosis when it still fails
tmp=$(mktemp -d)
(cd "$tmp" && apt-get download libvulkan1 libglvnd0 libegl1 libxext6 libx11-6 libx11-xcb1 libxau6 libxdmcp6 \
  libbsd0 libmd0 libwayland-client0 libffi8 vulkan-tools >/dev/null 2>&1 && for d in *.deb; do dpkg -x "$d" x; done) || true
for d in "$tmp"/x/usr/lib/x86_64-linux-gnu "$tmp"/x/lib/x86_64-linux-gnu; do
  [ -d "$d" ] && find "$d" -maxdepth 1 -name '*.so.*' -exec cp -a {} "$STAGE/lib/" \;
done
mkdir -p "$STAGE/bin" && cp "$tmp"/x/usr/bin/vulkaninfo "$STAGE/bin/" 2>/dev/null || true
rm -rf "$tmp"
[ -e "$STAGE/lib/libEGL.so.1" ] && [ -e "$STAGE/lib/libvulkan.so.1" ] && [ -x "$STAGE/bin/vulkaninfo" ] || \
  { echo "pack: could not fetch the Vulkan loader and glvnd (apt-get download)" >&2; exit 1; }

# system libraries a bare host lacks (what the runtime group of releng/setup/system-packages.sh installs elsewhere):
# FFmpeg's avdevice (PulseAudio, ALSA, XCB) and fontconfig for Java2D text, with their dependencies except glibc,
# from this (Debian) machine; a minimal font configuration with DejaVu
for so in libpulse.so.0 libasound.so.2 libxcb-shm.so.0 libxcb.so.1 libfontconfig.so.1; do
  f=$(ldconfig -p | awk -v n="$so" '$1 == n && /x86-64/ {print $NF; exit}')
  [ -n "$f" ] || { echo "pack: $so is not installed here (releng/setup/system-packages.sh runtime)" >&2; exit 1; }
  for dep in "$f" $(ldd "$f" | awk '/=> \// {print $3}'); do
    case $(basename "$dep") in libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|ld-linux*|libresolv.so*) continue ;; esac
    cp -nL "$dep" "$STAGE/lib/" 2>/dev/null || true
  done
done
mkdir -p "$STAGE/fonts" && cp /usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf "$STAGE/fonts/"
mkdir -p "$STAGE/bench" && cp "$ROOT"/releng/bench/*.sh "$ROOT"/releng/bench/*.lumaflow "$STAGE/bench/"
cp "$ROOT/bundles/org.lumaflow.engine/fonts/DejaVuSans.ttf" "$STAGE/bench/" 2>/dev/null || true
cat > "$STAGE/env.sh" <<'ENV'
# source me on the device: Java, the Vulkan loader and the NVIDIA ICD, the product, an ffmpeg peer
LFD=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export JAVA_HOME=$LFD/jre PATH=$LFD/jre/bin:$PATH LD_LIBRARY_PATH=$LFD/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
# the NVIDIA Vulkan driver: the host's ICD file, else one written here for the driver's GLX or EGL library (a
# container may get the libraries without the JSON, and libGLX_nvidia may refuse a headless instance); the first
# with which vulkaninfo sees a GPU wins
mkdir -p "$LFD/icd"
_cands=""
for f in /usr/share/vulkan/icd.d/*nvidia*.json /etc/vulkan/icd.d/*nvidia*.json; do [ -f "$f" ] && _cands="$_cands $f"; done
for l in libGLX_nvidia.so.0 libEGL_nvidia.so.0; do
  if ldconfig -p | grep -q "$l"; then
    printf '{"file_format_version":"1.0.1","ICD":{"library_path":"%s","api_version":"1.3.0"}}\n' "$l" > "$LFD/icd/${l%%.so.0}.json"
    _cands="$_cands $LFD/icd/${l%%.so.0}.json"
  fi
done
if ! ls /usr/share/glvnd/egl_vendor.d/*nvidia*.json >/dev/null 2>&1 && ldconfig -p | grep -q 'libEGL_nvidia.so.0'; then
  mkdir -p "$LFD/egl"
  printf '{"file_format_version":"1.0.0","ICD":{"library_path":"libEGL_nvidia.so.0"}}\n' > "$LFD/egl/10_nvidia.json"
  export __EGL_VENDOR_LIBRARY_DIRS=$LFD/egl
fi
unset VK_DRIVER_FILES
for f in $_cands; do
  if VK_DRIVER_FILES=$f timeout 30 "$LFD/bin/vulkaninfo" --summary 2>/dev/null | grep -q 'PHYSICAL_DEVICE_TYPE_DISCRETE_GPU'; then
    export VK_DRIVER_FILES=$f; break
  fi
done
if [ -z "${VK_DRIVER_FILES:-}" ]; then
  echo "env.sh: no Vulkan driver file gives a GPU (tried:$_cands)" >&2
  for f in $_cands; do export VK_DRIVER_FILES=$f; break; done
else
  echo "env.sh: Vulkan through $VK_DRIVER_FILES" >&2
fi
export LUMAFLOW_SKIP_SETUP=1
mkdir -p /tmp/lfd-fontcache
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>/tmp/lfd-fontcache</cachedir></fontconfig>\n' "$LFD/fonts" > "$LFD/fonts/fonts.conf"
export FONTCONFIG_FILE=$LFD/fonts/fonts.conf
# FFMPEG: the codec pack's program on the product's unpacked libraries (a first run unpacks them)
"$LFD/lumaflow/lumaflow" doctor >/dev/null 2>&1 || true
_libs=$(dirname "$(find "$LFD/lumaflow" -path '*linux-x86_64-gpl/libavcodec.so*' | head -n 1)")
printf '#!/bin/sh\nLD_LIBRARY_PATH=%s${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} exec %s "$@"\n' "$_libs" "$LFD/bin/ffmpeg.bin" > "$LFD/bin/ffmpeg"
chmod +x "$LFD/bin/ffmpeg"
export FFMPEG=$LFD/bin/ffmpeg
ENV
du -sh "$STAGE"/* >&2
(cd "$OUT" && tar cf - lumaflow-device | xz -T2 -9 > lumaflow-device.tar.xz)
rm -rf "$STAGE"
ls -la "$OUT/lumaflow-device.tar.xz"
