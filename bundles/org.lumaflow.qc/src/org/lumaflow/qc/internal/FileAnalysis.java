package org.lumaflow.qc.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.DecodeError;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.PictureLayout;
import org.lumaflow.decoder.PictureSource;
import org.lumaflow.decoder.VideoStreamInfo;
import org.lumaflow.qc.AudioQc;
import org.lumaflow.qc.Comparison;
import org.lumaflow.qc.QcEvent;
import org.lumaflow.qc.QcException;
import org.lumaflow.qc.QcListener;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcReport;

/**
 * QC of a file: every decoded picture of the first video stream in its own layout ({@link PictureSource}), in order,
 * as signalstats sees them; the first audio stream's loudness and silence; damage (refused packets, concealed
 * pictures, decoding errors, missing time between pictures of a constant-rate stream) as events with times.
 */
final class FileAnalysis {

    /** Pictures decoded ahead of the analysis. */
    private static final int LOOKAHEAD = 4;

    private FileAnalysis() {
    }

    static QcReport run(MediaService media, Path file, Path reference, QcOptions o, QcListener l)
            throws QcException {
        MediaInfo info = probe(media, file);
        VideoStreamInfo v = info.firstVideo();
        List<QcEvent> events = new ArrayList<>();
        if (v == null) {
            if (reference != null) {
                throw new QcException(file + ": no video stream to compare with " + reference, null);
            }
            if (info.audio().isEmpty()) {
                throw new QcException(file + ": no video or audio stream to check", null);
            }
            if (!o.audio()) {
                throw new QcException(file + ": has only audio, and audio checks are off", null);
            }
            AudioQc audio = AudioAnalysis.of(media, file, o, events);
            if (audio != null) {
                events.addAll(audio.silences());
            }
            events.sort(Comparator.comparingDouble(QcEvent::start));
            return new QcReport(file.toString(), 0, 0, 0, List.of(), events, audio, null, new long[256], Map.of(),
                    "none", 0, o);
        }
        VideoStreamInfo rv = null;
        if (reference != null) {
            rv = probe(media, reference).firstVideo();
            if (rv == null) {
                throw new QcException(reference + ": no video stream to compare " + file + " with", null);
            }
            if (rv.width() != v.width() || rv.height() != v.height()) {
                throw new QcException(file + ": " + v.width() + "x" + v.height() + " cannot be compared with "
                        + reference + " (" + rv.width() + "x" + rv.height() + ")", null);
            }
            if (!rv.frameRate().equals(v.frameRate())) {
                throw new QcException(file + " (" + v.frameRate() + " fps) cannot be compared frame by frame with "
                        + reference + " (" + rv.frameRate() + " fps)", null);
            }
        }
        double fps = v.frameRate().toDouble();
        long total = v.frames() > 0 ? v.frames() : Math.max(1, Math.round(Ticks.toSeconds(v.durationTicks()) * fps));
        YuvAnalyzer an;
        Compare cmp = null;
        PictureLayout layout;
        Damage damage = new Damage(fps);
        try (PictureSource src = media.openPictures(file, LOOKAHEAD);
                PictureSource ref = reference == null ? null : media.openPictures(reference, LOOKAHEAD)) {
            layout = src.layout();
            if (ref != null) {
                if (!ref.layout().pixelFormat().equals(layout.pixelFormat())) {
                    throw new QcException(file + " (" + layout.pixelFormat() + ") cannot be compared with "
                            + reference + " (" + ref.layout().pixelFormat() + "): pictures of different formats",
                            null);
                }
                cmp = new Compare(layout);
            }
            an = new YuvAnalyzer(layout, fps, o);
            long nominal = Math.round(Ticks.PER_SECOND / fps);
            // constant rate: a step of more than 1.5 frames; variable rate: of more than 3 frames and 0.25 s
            long gap = v.variableFrameRate() ? Math.max(3 * nominal, Ticks.PER_SECOND / 4) : nominal * 3 / 2;
            boolean refEnded = false;
            long k = 0;
            long prev = Long.MIN_VALUE;
            while (src.next()) {
                long t = src.time();
                double seconds = Ticks.toSeconds(t);
                if (prev != Long.MIN_VALUE && t - prev > gap) {
                    events.add(new QcEvent("gap", Ticks.toSeconds(prev + nominal), seconds, String.format(Locale.ROOT,
                            "no picture for %.3f s (timestamps jump from %.3f s)", Ticks.toSeconds(t - prev - nominal),
                            Ticks.toSeconds(prev))));
                }
                prev = Math.max(prev, t);
                if (src.damaged()) {
                    damage.add(seconds, "picture flagged corrupt by the decoder (concealed)");
                }
                an.add(src.picture(), seconds);
                if (ref != null && !refEnded) {
                    if (ref.next()) {
                        cmp.add(src.picture(), ref.picture());
                    } else {
                        refEnded = true; // the reference is shorter: compared up to its end
                    }
                }
                k++;
                if (l != null && !l.progress(k, Math.max(total, k))) {
                    throw new QcException(file + ": QC cancelled", null);
                }
            }
            for (DecodeError e : src.errors()) {
                damage.add(Ticks.toSeconds(e.ticks()), "video: " + e.message());
            }
        } catch (MediaException e) {
            throw new QcException(e.getMessage(), e);
        }
        an.finish();
        events.addAll(an.events());
        AudioQc audio = null;
        if (o.audio()) {
            List<QcEvent> audioDamage = new ArrayList<>();
            audio = AudioAnalysis.of(media, file, o, audioDamage);
            if (audio != null) {
                events.addAll(audio.silences());
            }
            events.addAll(audioDamage);
        }
        events.addAll(damage.events());
        events.sort(Comparator.comparingDouble(QcEvent::start));
        Comparison c = cmp == null ? null : cmp.result(reference.toString());
        return new QcReport(file.toString(), v.width(), v.height(), fps, an.stats(), events, audio, c, an.luma(),
                an.thumbnails(), layout.pixelFormat(), layout.depth(), o);
    }

    private static MediaInfo probe(MediaService media, Path file) throws QcException {
        try {
            return media.probe(file);
        } catch (MediaException e) {
            throw new QcException(e.getMessage(), e);
        }
    }

    /** Damage times merged into events: reports within a frame of each other form one event. */
    static final class Damage {

        private final double frame;
        private final List<double[]> times = new ArrayList<>();
        private final List<String> what = new ArrayList<>();

        Damage(double fps) {
            this.frame = fps > 0 ? 1 / fps : 0.04;
        }

        void add(double seconds, String message) {
            times.add(new double[] {seconds, what.size()});
            what.add(message);
        }

        List<QcEvent> events() {
            times.sort(Comparator.comparingDouble(t -> t[0]));
            List<QcEvent> out = new ArrayList<>();
            int i = 0;
            while (i < times.size()) {
                double start = times.get(i)[0];
                double end = start + frame;
                String first = what.get((int) times.get(i)[1]);
                int n = 1;
                i++;
                while (i < times.size() && times.get(i)[0] <= end + 1e-9) {
                    end = Math.max(end, times.get(i)[0] + frame);
                    n++;
                    i++;
                }
                out.add(new QcEvent("damage", start, end, n == 1 ? first : n + " reports, first: " + first));
            }
            return out;
        }
    }
}
