package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bytedeco.ffmpeg.avformat.AVChapter;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.timeline.Marker;
import org.lumaflow.engine.timeline.Timeline;

/**
 * Timeline markers as chapters of an exported MP4, MOV or Matroska/WebM file: one chapter per marker that starts
 * inside the exported range, titled with its name (its note as the chapter's {@code comment}), from its start to its
 * end (a point marker: to the next chapter or the end of the export), in ticks exactly.
 *
 * @param list chapters in export time (0 = the first exported frame), sorted
 */
public record Chapters(List<Chapter> list) {

    /** One chapter, ticks from the start of the export. */
    public record Chapter(long start, long end, String title, String note) {
    }

    private static final Set<String> MUXERS = Set.of("mp4", "mov", "matroska", "webm");

    /** The chapters of {@code tl}'s markers for an export of timeline ticks {@code [from, to)}. */
    public static Chapters of(Timeline tl, long from, long to) {
        List<Marker> ms = new ArrayList<>(tl.markers());
        ms.removeIf(m -> m.start() < from || m.start() >= to);
        ms.sort(Comparator.comparingLong(Marker::start));
        List<Chapter> out = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            Marker m = ms.get(i);
            long end = m.duration() > 0 ? Math.min(to, m.end()) : i + 1 < ms.size() ? ms.get(i + 1).start() : to;
            out.add(new Chapter(m.start() - from, Math.max(end, m.start() + 1) - from,
                    m.name().isEmpty() ? "Chapter " + (i + 1) : m.name(), m.note()));
        }
        return new Chapters(List.copyOf(out));
    }

    /** Whether {@code muxer} stores chapters. */
    public static boolean supported(String muxer) {
        return muxer != null && MUXERS.contains(muxer);
    }

    /** Adds the chapters to {@code oc} (before its header is written); freed with the context. */
    public void addTo(AVFormatContext oc) {
        if (list.isEmpty() || !supported(oc.oformat().name().getString().split(",")[0])) {
            return;
        }
        int n = list.size();
        // an array of n AVChapter pointers (8 bytes on the 64-bit platforms Lumaflow ships for)
        PointerPointer<AVChapter> arr = new PointerPointer<>(av_mallocz(8L * n));
        arr.capacity(n);
        for (int i = 0; i < n; i++) {
            Chapter c = list.get(i);
            AVChapter ch = new AVChapter(av_mallocz(Loader.sizeof(AVChapter.class)));
            ch.id(i + 1);
            ch.time_base(av_make_q(1, (int) Ticks.PER_SECOND));
            ch.start(c.start());
            ch.end(c.end());
            AVDictionary meta = new AVDictionary(null);
            av_dict_set(meta, "title", c.title(), 0);
            if (!c.note().isEmpty()) {
                av_dict_set(meta, "comment", c.note(), 0);
            }
            ch.metadata(meta);
            arr.put(i, ch);
        }
        oc.chapters(arr);
        oc.nb_chapters(n);
    }
}
