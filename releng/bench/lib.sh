# Shared by the bench scripts: timing, medians, and the graded benchmark timeline at a size and length.
# secs CMD...: wall seconds of CMD (its stderr shown and the script stopped when it fails); needs $WORK
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }; t1=$(date +%s.%N);
  awk "BEGIN {print $t1 - $t0}"; }
# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# graded_timeline DIR SECONDS WxH: writes DIR/src1080.mp4 (testsrc2, 30 fps) and DIR/graded.lumaflow (grade, blur,
# title over it; releng/bench/export-graded.lumaflow at that size and length) with $FFMPEG
graded_timeline() {
  local dir=$1 secs=$2 size=$3 w h here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  w=${size%x*}; h=${size#*x}
  "$FFMPEG" -v error -nostdin -y -f lavfi -i "testsrc2=size=${size}:rate=30" -t "$secs" -pix_fmt yuv420p \
    -c:v libx264 -preset veryfast -crf 16 "$dir/src1080.mp4"
  sed -e "s/\"duration\": 10/\"duration\": $secs/g" -e "s/\"width\": 1920, \"height\": 1080/\"width\": $w, \"height\": $h/" \
    -e "s/\"size\": 120/\"size\": $((120 * h / 1080))/" "$here/export-graded.lumaflow" > "$dir/graded.lumaflow"
}
# ffmpeg_graded SRC OUT H PRESET: the same job as an ffmpeg filtergraph (eq, gblur, drawtext; libx264 CRF 23)
ffmpeg_graded() {
  "$FFMPEG" -v error -nostdin -y -i "$1" -vf "eq=contrast=1.1:saturation=0.8,gblur=sigma=$((8 * $3 / 1080)),drawtext=fontfile=$FONT:text='Lumaflow Studio':fontsize=$((120 * $3 / 1080)):fontcolor=white:x=(w-tw)/2:y=h*0.82-th/2" \
    -c:v libx264 -preset "$4" -crf 23 "$2"
}
