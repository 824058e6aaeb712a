#!/bin/sh
# Installs (or with --remove, uninstalls) the optional GPL codec pack (x264, x265) into a Lumaflow product.
#   releng/codecpack/install-codec-pack.sh [--remove] [PRODUCT_DIR] [CODEC_PACK_JAR]
# PRODUCT_DIR defaults to the product built in this checkout, the jar to the one built by ./mvnw in
# bundles/org.lumaflow.media.ffmpeg.gpl/target. The pack is a fragment of org.lumaflow.media.ffmpeg: it is registered
# in the product's bundles.info and takes effect at the next start. GPL-2.0-or-later: see its LICENSE-GPL.txt.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REMOVE=0
if [ "${1:-}" = "--remove" ]; then REMOVE=1; shift; fi
PRODUCT=${1:-$ROOT/releng/org.lumaflow.product/target/products/org.lumaflow.product/linux/gtk/x86_64/lumaflow}
INFO="$PRODUCT/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
[ -f "$INFO" ] || { echo "install-codec-pack: $PRODUCT is not a Lumaflow product (no $INFO)" >&2; exit 1; }
grep -v '^org.lumaflow.media.ffmpeg.gpl,' "$INFO" > "$INFO.tmp" || true
rm -f "$PRODUCT"/plugins/org.lumaflow.media.ffmpeg.gpl_*.jar
if [ "$REMOVE" = 1 ]; then
  mv "$INFO.tmp" "$INFO"
  echo "codec pack removed from $PRODUCT"
  exit 0
fi
JAR=${2:-$(ls "$ROOT"/bundles/org.lumaflow.media.ffmpeg.gpl/target/org.lumaflow.media.ffmpeg.gpl-*.jar 2>/dev/null | head -n 1)}
[ -n "$JAR" ] && [ -f "$JAR" ] || { rm -f "$INFO.tmp"; echo "install-codec-pack: no codec pack jar (build it with ./mvnw -B install)" >&2; exit 1; }
VERSION=$(unzip -p "$JAR" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Bundle-Version: *//p')
cp "$JAR" "$PRODUCT/plugins/org.lumaflow.media.ffmpeg.gpl_$VERSION.jar"
echo "org.lumaflow.media.ffmpeg.gpl,$VERSION,plugins/org.lumaflow.media.ffmpeg.gpl_$VERSION.jar,4,false" >> "$INFO.tmp"
mv "$INFO.tmp" "$INFO"
echo "codec pack $VERSION installed into $PRODUCT (x264/x265 from the next start)"
