package org.lumaflow.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.qc.QcService;

/**
 * What segmented export ({@code internal.segment}) reuses of the single-pass pipeline: the encoder catalogue and
 * probe, the render -> convert -> encode run for one frame range, the audio mix and encoder, QC and the stale
 * temporary clean-up. A facade only: the logic stays where it is.
 */
public final class SegmentSupport {

    private SegmentSupport() {
    }

    /** Encoder candidates for {@code codec}, hardware first. */
    public static List<String> candidates(String codec) {
        return EncoderCatalog.candidates(codec);
    }

    /** Probes {@code encoder} (cached per process). */
    public static EncoderChoice probe(String encoder, String codec) {
        return EncoderProbe.probe(encoder, codec);
    }

    /** Whether {@code encoder} runs on a GPU or media engine. */
    public static boolean hardware(String encoder) {
        return EncoderCatalog.hardware(encoder);
    }

    /** The encoder options our settings map to (as a single-pass export uses them). */
    public static Map<String, String> options(String encoder, ExportSettings s, int w, int h, double fps) {
        return EncoderCatalog.options(encoder, s.effectiveCodec(), s, w, h, fps);
    }

    /** Whether the timeline has no pictures (its export would be audio only). */
    public static boolean noPicture(Timeline tl, Path baseDir, MediaService media) {
        return AudioExport.noPicture(tl, baseDir, media);
    }

    /** A file whose pictures a single-pass export passes straight through, or null. */
    public static Path direct(Timeline tl, Path baseDir, int w, int h, MediaService media) {
        return DirectSource.of(tl, baseDir, w, h, media);
    }

    /** A failure in words (never an exception class name). */
    public static String describe(Throwable e) {
        return Failures.describe(e);
    }

    /** Removes temporaries left beside {@code output} by killed exports. */
    public static void removeStale(Path output, ExportListener listener) {
        Stale.remove(output, listener);
    }

    /**
     * Starts the single-pass pipeline for frames {@code [first, first + total)} of {@code tl} with one encoder (no
     * fallback), writing {@code container} to {@code s.output()} (temporary + rename) with {@code extra} encoder
     * options; audio and QC as {@code s} says (off for a segment).
     */
    public static ExportJob startRange(Engine engine, ConverterRegistry converters, MediaService media, QcService qc,
            Timeline tl, Path baseDir, ExportSettings s, String encoder, int w, int h, long first, long total,
            String container, Map<String, String> extra, ExportListener listener) throws ExportException {
        List<EncoderChoice> only = List.of(new EncoderChoice(encoder, EncoderCatalog.hardware(encoder), true,
                "chosen once for the segmented export"));
        ExportRun run = new ExportRun(engine, FFmpegExporter.converters(converters), tl, baseDir, s,
                listener, only, w, h, first, total,
                media, direct(tl, baseDir, w, h, media), qc);
        run.segment(container, extra);
        run.start();
        return run;
    }

    /**
     * The timeline's audio for a joined file: mixed per video frame exactly as a single-pass export mixes it, encoded
     * once (AAC; Opus in WebM) into a stream of the output.
     */
    public static final class Audio implements AutoCloseable {

        private final AudioMix mix;
        private final AudioOut out;
        private final org.lumaflow.core.time.FrameRate rate;
        private final float[] left = new float[AudioSource.SAMPLE_RATE];
        private final float[] right = new float[AudioSource.SAMPLE_RATE];
        private long samples;
        private String problem;

        /** Null when the timeline has no audio. Call before the output's header is written. */
        public static Audio open(Timeline tl, Path baseDir, MediaService media, AVFormatContext oc, String container)
                throws IOException {
            AudioMix mix = new AudioMix(tl, baseDir, media);
            if (!mix.present()) {
                mix.close();
                return null;
            }
            try {
                return new Audio(mix, new AudioOut(oc, container), tl);
            } catch (IOException | RuntimeException e) {
                mix.close();
                throw e;
            }
        }

        private Audio(AudioMix mix, AudioOut out, Timeline tl) {
            this.mix = mix;
            this.out = out;
            this.rate = tl.format().rate();
        }

        /**
         * Applies loudness normalisation over timeline frames {@code [first, first + frames)} as a single-pass export
         * does; a failure is returned as the warning.
         */
        public String normalize(org.lumaflow.export.ExportSettings.Loudness l, long first, long frames) {
            try {
                mix.normalize(l, AudioMix.sampleAt(rate.frameToTicks(first)),
                        AudioMix.sampleAt(rate.frameToTicks(first + frames)));
                return null;
            } catch (MediaException e) {
                return "loudness not normalised: " + e.getMessage();
            }
        }

        /** Problems met opening sources (warnings). */
        public List<String> problems() {
            return mix.problems();
        }

        /** Mixes and encodes the samples of timeline frame {@code frame}. */
        public void frame(long frame) throws IOException {
            long s0 = AudioMix.sampleAt(rate.frameToTicks(frame));
            int n = (int) (AudioMix.sampleAt(rate.frameToTicks(frame + 1)) - s0);
            try {
                mix.mix(s0, n, left, right);
            } catch (MediaException e) {
                java.util.Arrays.fill(left, 0, n, 0f);
                java.util.Arrays.fill(right, 0, n, 0f);
                if (problem == null) {
                    problem = "audio: " + e.getMessage() + " (silence instead; first at frame " + frame + ")";
                }
            }
            out.write(left, right, n);
            samples += n;
        }

        /** The first decoding problem, or null. */
        public String problem() {
            return problem;
        }

        /** Samples per channel written so far. */
        public long samples() {
            return samples;
        }

        /** Flushes the encoder (before the trailer). */
        public void finish() throws IOException {
            out.finish();
        }

        @Override
        public void close() {
            out.close();
            mix.close();
        }
    }

    /** QC over a joined file's decoded frames, as a single-pass export runs it over its encoded ones. */
    public static final class Qc {

        private final QcService qc;
        private final QcFeed feed;

        public Qc(QcService qc, String source, int w, int h, double fps, QcOptions options) {
            this.qc = qc;
            this.feed = new QcFeed(qc, source, w, h, fps, options);
        }

        /** Measures a 4:2:0 frame at {@code seconds}. */
        public void add(Frame f, double seconds) {
            feed.add(f, seconds);
        }

        /** Writes the report beside {@code output}: the HTML path, or null with the reason in {@code note[0]}. */
        public Path finish(Path output, String[] note) throws InterruptedException {
            return feed.finish(qc, output, note);
        }

        /** Gives up without a report. */
        public void abandon() {
            feed.abandon();
        }
    }
}
