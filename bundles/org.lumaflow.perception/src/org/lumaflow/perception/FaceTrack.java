package org.lumaflow.perception;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The faces of one media file over time: the detector's results at the analysed frames ({@link #samples()}), and
 * {@link #facesAt} for any time in between. Immutable and thread-safe.
 * <p>
 * Between two analysed frames of the same shot, faces are matched (highest overlap first, then nearest centre) and
 * their boxes interpolated linearly; a face found only in the earlier frame is shown for the first half of the gap
 * (it left), one found only in the later frame for the second half (it arrived). Across a scene cut nothing is
 * interpolated: the earlier frame's faces are held up to the cut. Before the first analysed frame the first one's faces
 * are shown, after the last the last one's.
 */
public final class FaceTrack {

    /** Where a track came from. */
    public enum Origin {
        /** Computed by this call. */
        ANALYSED,
        /** Read from the on-disk cache. */
        DISK_CACHE
    }

    /**
     * Figures about an analysis.
     *
     * @param frames frames decoded (and checked for scene cuts)
     * @param analysedFrames frames the detector ran on
     * @param cuts scene cuts found
     * @param detectorMillis total time spent in the detector (on the proxy), milliseconds
     * @param totalMillis wall time of the whole analysis (decode included), milliseconds
     */
    public record Stats(long frames, long analysedFrames, long cuts, double detectorMillis, double totalMillis) {

        /** Mean detector time per analysed frame, milliseconds (0 when none). */
        public double detectorMillisPerFrame() {
            return analysedFrames == 0 ? 0 : detectorMillis / analysedFrames;
        }
    }

    private static final double MATCH_IOU = 0.05;
    private static final double MATCH_DISTANCE = 1.5;

    private final Path source;
    private final String contentKey;
    private final FaceAnalysisSettings settings;
    private final String detector;
    private final int width;
    private final int height;
    private final long durationTicks;
    private final Stats stats;
    private final List<FaceSample> samples;
    private final long[] times;
    private final Origin origin;

    /**
     * @param source the analysed file
     * @param contentKey hash of the file's content (size, first and last megabyte)
     * @param settings the settings used
     * @param detector the detector that ran, e.g. {@code haar:haarcascade_frontalface_alt.xml}
     * @param width displayed width of the source picture in pixels
     * @param height displayed height of the source picture in pixels
     * @param durationTicks duration of the video stream
     * @param stats figures about the analysis
     * @param samples the analysed frames, in time order
     * @param origin whether this was computed now or read from the cache
     */
    public FaceTrack(Path source, String contentKey, FaceAnalysisSettings settings, String detector, int width,
            int height, long durationTicks, Stats stats, List<FaceSample> samples, Origin origin) {
        this.source = source;
        this.contentKey = contentKey;
        this.settings = settings;
        this.detector = detector;
        this.width = width;
        this.height = height;
        this.durationTicks = durationTicks;
        this.stats = stats;
        List<FaceSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(FaceSample::ticks));
        this.samples = List.copyOf(sorted);
        this.times = sorted.stream().mapToLong(FaceSample::ticks).toArray();
        this.origin = origin;
    }

    /** The same track marked as coming from {@code o}. */
    public FaceTrack withOrigin(Origin o) {
        return new FaceTrack(source, contentKey, settings, detector, width, height, durationTicks, stats, samples, o);
    }

    /** The faces shown at source time {@code ticks}, largest first (interpolated between analysed frames). */
    public List<FaceBox> facesAt(long ticks) {
        if (times.length == 0) {
            return List.of();
        }
        int i = Arrays.binarySearch(times, ticks);
        if (i >= 0) {
            return samples.get(i).faces();
        }
        int next = -i - 1;
        if (next == 0) {
            return samples.get(0).faces();
        }
        if (next == times.length) {
            return samples.get(times.length - 1).faces();
        }
        FaceSample a = samples.get(next - 1);
        FaceSample b = samples.get(next);
        if (b.cut()) {
            return a.faces();
        }
        return interpolate(a.faces(), b.faces(), (ticks - a.ticks()) / (double) (b.ticks() - a.ticks()));
    }

    /**
     * Start of the shot containing {@code ticks}: the time of the last scene cut at or before it, or
     * {@link Long#MIN_VALUE} when there is none.
     */
    public long shotStart(long ticks) {
        long start = Long.MIN_VALUE;
        for (FaceSample s : samples) {
            if (s.ticks() > ticks) {
                break;
            }
            if (s.cut()) {
                start = s.ticks();
            }
        }
        return start;
    }

    /** Time of the first scene cut after {@code ticks}, or {@link Long#MAX_VALUE} when there is none. */
    public long shotEnd(long ticks) {
        for (FaceSample s : samples) {
            if (s.ticks() > ticks && s.cut()) {
                return s.ticks();
            }
        }
        return Long.MAX_VALUE;
    }

    static List<FaceBox> interpolate(List<FaceBox> a, List<FaceBox> b, double u) {
        if (a.isEmpty() && b.isEmpty()) {
            return List.of();
        }
        int[] match = match(a, b);
        boolean[] used = new boolean[b.size()];
        List<FaceBox> out = new ArrayList<>(Math.max(a.size(), b.size()));
        for (int i = 0; i < a.size(); i++) {
            if (match[i] >= 0) {
                used[match[i]] = true;
                out.add(a.get(i).lerp(b.get(match[i]), u));
            } else if (u < 0.5) {
                out.add(a.get(i)); // leaving: shown for the first half of the gap
            }
        }
        for (int j = 0; j < b.size(); j++) {
            if (!used[j] && u >= 0.5) {
                out.add(b.get(j)); // arriving: shown for the second half
            }
        }
        out.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return out;
    }

    /** For each face of {@code a}, the index of its partner in {@code b} or -1: greedy by overlap, then by distance. */
    static int[] match(List<FaceBox> a, List<FaceBox> b) {
        int[] m = new int[a.size()];
        Arrays.fill(m, -1);
        boolean[] taken = new boolean[b.size()];
        for (int pass = 0; pass < 2; pass++) {
            while (true) {
                double best = pass == 0 ? MATCH_IOU : Double.MAX_VALUE;
                int bi = -1;
                int bj = -1;
                for (int i = 0; i < a.size(); i++) {
                    if (m[i] >= 0) {
                        continue;
                    }
                    for (int j = 0; j < b.size(); j++) {
                        if (taken[j]) {
                            continue;
                        }
                        FaceBox p = a.get(i);
                        FaceBox q = b.get(j);
                        if (pass == 0) {
                            double iou = p.iou(q);
                            if (iou > best) {
                                best = iou;
                                bi = i;
                                bj = j;
                            }
                        } else {
                            double d = Math.hypot(p.centerX() - q.centerX(), p.centerY() - q.centerY());
                            double reach = MATCH_DISTANCE * Math.max(Math.max(p.w(), p.h()), Math.max(q.w(), q.h()));
                            if (d < reach && d < best) {
                                best = d;
                                bi = i;
                                bj = j;
                            }
                        }
                    }
                }
                if (bi < 0) {
                    break;
                }
                m[bi] = bj;
                taken[bj] = true;
            }
        }
        return m;
    }

    /** The analysed file. */
    public Path source() {
        return source;
    }

    /** Hash of the file's content (size, first and last megabyte), hex. */
    public String contentKey() {
        return contentKey;
    }

    /** The settings used. */
    public FaceAnalysisSettings settings() {
        return settings;
    }

    /** The detector that ran, e.g. {@code haar:haarcascade_frontalface_alt.xml} or {@code yunet:MODEL.onnx}. */
    public String detector() {
        return detector;
    }

    /** Displayed width of the source picture, pixels. */
    public int width() {
        return width;
    }

    /** Displayed height of the source picture, pixels. */
    public int height() {
        return height;
    }

    /** Duration of the video stream, ticks. */
    public long durationTicks() {
        return durationTicks;
    }

    /** Figures about the analysis (those of the original analysis for a cached track). */
    public Stats stats() {
        return stats;
    }

    /** The analysed frames in time order. */
    public List<FaceSample> samples() {
        return samples;
    }

    /** Whether this track was computed now or read from the cache. */
    public Origin origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "FaceTrack[" + source + ", " + samples.size() + " samples, " + origin + "]";
    }
}
