package org.lumaflow.export.internal;

import static org.bytedeco.ffmpeg.global.avformat.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * An audio-only export: the timeline's audio mix (48 kHz stereo) encoded alone (AAC in M4A/MP4/MOV/MKV, 16-bit PCM
 * in WAV, FLAC, Opus in .opus/.ogg/WebM) on its own thread, with the same progress, cancellation and atomic output as
 * a video export (a locked temporary beside the destination, renamed over it only on success). Progress counts
 * timeline frames, so a progress bar sized from the timeline fits.
 */
final class AudioExport extends FutureJob {

    /** Samples mixed and encoded per step (0.1 s): cancellation is seen within one step. */
    private static final int STEP = AudioSource.SAMPLE_RATE / 10;

    private final Timeline timeline;
    private final ExportSettings settings;
    private final ExportListener listener;
    private final AudioMix mix;
    private final String encoder;
    private final long first;
    private final long total;
    private volatile boolean cancelled;

    private AudioExport(Timeline timeline, ExportSettings settings, ExportListener listener, AudioMix mix,
            String encoder, long first, long total) {
        this.timeline = timeline;
        this.settings = settings;
        this.listener = listener;
        this.mix = mix;
        this.encoder = encoder;
        this.first = first;
        this.total = total;
    }

    /**
     * Whether {@code tl} has no picture to export: every enabled clip on an enabled video track is a
     * {@code media.audio} clip or a media file without a video stream, and some clip (on any track) may be heard
     * (a timeline made from an audio file, or an audio-only project).
     */
    static boolean noPicture(Timeline tl, Path baseDir, MediaService media) {
        boolean any = false;
        for (Track t : tl.tracks()) {
            if (!t.enabled()) {
                continue;
            }
            for (Clip c : t.clips()) {
                if (t.kind() == Track.Kind.AUDIO || "media.audio".equals(c.source().type())) {
                    any = true;
                    continue;
                }
                if (!c.enabled()) {
                    continue;
                }
                if (!"media.video".equals(c.source().type()) || !(c.source().params().get("file") instanceof String n)) {
                    return false;
                }
                Path file = Path.of(n);
                if (!file.isAbsolute() && baseDir != null) {
                    file = baseDir.resolve(file);
                }
                try {
                    if (!media.probe(file).video().isEmpty()) {
                        return false;
                    }
                } catch (MediaException e) {
                    return false; // the video path reports it
                }
                any = true;
            }
        }
        return any;
    }

    /** The audio encoder for an audio-only file in {@code container} (an FFmpeg muxer name). */
    static String encoderFor(String container) {
        return switch (container) {
            case "wav" -> "pcm_s16le";
            case "flac" -> "flac";
            case "opus", "ogg", "webm" -> "libopus";
            default -> "aac";
        };
    }

    /** Checks the settings and starts the export on its own thread; nothing is written before the checks pass. */
    static ExportJob start(Timeline tl, Path baseDir, ExportSettings s, ExportListener listener, MediaService media)
            throws ExportException {
        String container = s.container();
        if (container.equals("gif")) {
            throw new ExportException(s.output() + ": the timeline has no pictures for a GIF; export its audio to"
                    + " .m4a, .wav, .flac or .opus", null);
        }
        if (!s.audio()) {
            throw new ExportException(s.output() + ": nothing to export: the output holds audio only and the audio"
                    + " is switched off (--no-audio)", null);
        }
        long end = tl.frameCount();
        long first = Math.max(0, s.firstFrame());
        long total = s.frames() < 0 ? end - first : Math.min(s.frames(), end - first);
        if (total <= 0) {
            throw new ExportException("nothing to export: frames " + first + ".. of a " + end + "-frame timeline",
                    null);
        }
        AudioMix mix = new AudioMix(tl, baseDir, media);
        if (!mix.present()) {
            mix.close();
            throw new ExportException(s.output() + ": the timeline has no audio to export"
                    + (mix.problems().isEmpty() ? "" : " (" + String.join("; ", mix.problems()) + ")"), null);
        }
        String encoder = encoderFor(container);
        listener.note("audio only: " + encoder + " in " + s.output().getFileName() + ", 48 kHz stereo");
        AudioExport run = new AudioExport(tl, s, listener, mix, encoder, first, total);
        Thread.ofPlatform().name("export audio " + s.output().getFileName()).start(run::run);
        return run;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private void run() {
        long t0 = System.nanoTime();
        Path out = settings.output().toAbsolutePath();
        Map<String, Long> warnings = new LinkedHashMap<>();
        mix.problems().forEach(p -> warnings.putIfAbsent(p, first));
        try {
            Stale.remove(out, listener);
            try (PartialFile partial = PartialFile.beside(out, ".partial")) {
                encode(partial.path(), warnings);
                partial.commit();
            } catch (ExportException e) {
                throw e;
            } catch (IOException e) {
                throw new ExportException(out + ": " + e.getMessage(), e);
            } finally {
                mix.close();
            }
            List<String> all = new ArrayList<>();
            warnings.forEach((text, frame) -> all.add(text + " (first at frame " + frame + ")"));
            done.complete(new ExportResult(settings.output(), encoder,
                    List.of(new EncoderChoice(encoder, false, true, "audio only")), total,
                    (System.nanoTime() - t0) / 1e9, 0, 0, all, null));
        } catch (ExportException e) {
            done.completeExceptionally(e);
        } catch (Throwable e) {
            done.completeExceptionally(new ExportException(out + ": export failed: " + Failures.describe(e), e));
        }
    }

    private void encode(Path temp, Map<String, Long> warnings) throws IOException {
        var rate = timeline.format().rate();
        long from = AudioMix.sampleAt(rate.frameToTicks(first));
        long to = Math.min(AudioMix.sampleAt(rate.frameToTicks(first + total)),
                AudioMix.sampleAt(timeline.duration()));
        ExportRun.normalize(mix, from, to, settings, listener, warnings, first);
        String container = settings.container();
        AVFormatContext oc = new AVFormatContext(null);
        int r = avformat_alloc_output_context2(oc, null, container, temp.toString());
        if (r < 0 || oc.isNull()) {
            throw new IOException("no muxer for " + container + " (" + FFmpeg.error(r) + ")");
        }
        AudioOut audio = null;
        try {
            audio = new AudioOut(oc, encoder, settings.bitrate());
            if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext pb = new AVIOContext(null);
                r = avio_open(pb, temp.toString(), AVIO_FLAG_WRITE);
                if (r < 0) {
                    throw new IOException("cannot write (" + FFmpeg.error(r) + ")");
                }
                oc.pb(pb);
            }
            r = avformat_write_header(oc, (AVDictionary) null);
            if (r < 0) {
                throw new IOException("cannot start the " + container + " file (" + FFmpeg.error(r) + ")");
            }
            float[] left = new float[STEP];
            float[] right = new float[STEP];
            long lastNote = 0;
            long start = System.nanoTime();
            for (long s = from; s < to;) {
                if (cancelled) {
                    throw new ExportException(settings.output()
                            + ": export cancelled; the destination was not touched", null, true);
                }
                int n = (int) Math.min(STEP, to - s);
                try {
                    mix.mix(s, n, left, right);
                } catch (MediaException e) {
                    java.util.Arrays.fill(left, 0, n, 0f);
                    java.util.Arrays.fill(right, 0, n, 0f);
                    warnings.putIfAbsent("audio: " + e.getMessage() + " (silence instead)",
                            rate.ticksToFrame(s * (org.lumaflow.core.time.Ticks.PER_SECOND / AudioSource.SAMPLE_RATE),
                                    java.math.RoundingMode.FLOOR));
                }
                audio.write(left, right, n);
                s += n;
                long now = System.nanoTime();
                if (now - lastNote > 100_000_000L || s == to) {
                    lastNote = now;
                    long frames = s == to ? total : (s - from) * total / Math.max(1, to - from);
                    double el = (now - start) / 1e9;
                    double fps = el > 0 ? frames / el : 0;
                    listener.progress(new ExportProgress(frames, total, fps,
                            fps > 0 ? (total - frames) / fps : Double.NaN, encoder));
                }
            }
            audio.finish();
            r = av_write_trailer(oc);
            if (r < 0) {
                throw new IOException("cannot finish the " + container + " file (" + FFmpeg.error(r) + ")");
            }
        } finally {
            if (audio != null) {
                audio.close();
            }
            if (oc.pb() != null && !oc.pb().isNull()) {
                avio_closep(oc.pb());
            }
            avformat_free_context(oc);
        }
        if (Files.size(temp) == 0) {
            throw new IOException("the " + container + " muxer wrote nothing");
        }
    }
}
