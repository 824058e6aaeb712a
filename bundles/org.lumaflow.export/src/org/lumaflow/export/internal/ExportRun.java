package org.lumaflow.export.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.registry.PixelConverter;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.CompiledGraph;
import org.lumaflow.engine.render.PendingRender;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportResult;
import org.lumaflow.export.ExportSettings;

/**
 * One export: render (own thread) -> convert to 4:2:0 (own thread) -> encode + mux (the export thread), joined by
 * bounded queues; on the direct path the export thread takes decoded pictures straight from the source's lookahead
 * ring ({@link DirectFeed}). Every wait has a timeout: a stage that waits longer than the stall timeout fails the
 * export naming the stage it waited for; cancellation is checked at least every 100 ms. Output goes to a temporary
 * file beside the destination, renamed over it only on success.
 */
final class ExportRun extends FutureJob {

    private static final long POLL_MS = 100;

    /** A stage gave up; the message says why. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Engine engine;
    private final Map<PixelFormat, PixelConverter> converters;
    private final Timeline timeline;
    private final Path baseDir;
    private final ExportSettings settings;
    private final ExportListener listener;
    private final List<EncoderChoice> candidates;
    private final int width;
    private final int height;
    private final long first;
    private final long total;
    private final MediaService media;
    /** Per failed node (id, type): {frames rendered without it, first, last}; guarded by the warnings map. */
    private final Map<List<String>, long[]> withoutNode = new LinkedHashMap<>();
    /** The file whose pictures are passed straight to the encoder, or null (render + convert). */
    private final Path direct;
    /** QC of the encoded frames, or null (off, GIF, or no QC bundle) */
    private final org.lumaflow.qc.QcService qc;
    private QcFeed feed;
    private Path qcReport;
    private final Thread thread;
    /** Segmented export: the segment's container (overrides the output's extension) and closed-GOP options. */
    private String containerOverride;
    private Map<String, String> extraOptions = Map.of();
    private volatile boolean cancelled;
    private volatile String stopReason;
    private volatile Throwable stopCause;

    ExportRun(Engine engine, Map<PixelFormat, PixelConverter> converters, Timeline timeline, Path baseDir,
            ExportSettings settings, ExportListener listener, List<EncoderChoice> candidates, int width, int height,
            long first, long total, MediaService media, Path direct, org.lumaflow.qc.QcService qc) {
        this.qc = qc;
        this.media = media;
        this.direct = direct;
        this.engine = engine;
        this.converters = converters;
        this.timeline = timeline;
        this.baseDir = baseDir;
        this.settings = settings;
        this.listener = listener;
        this.candidates = candidates;
        this.width = width;
        this.height = height;
        this.first = first;
        this.total = total;
        this.thread = Thread.ofPlatform().name("export " + settings.output().getFileName()).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** For a segment: write {@code container} whatever the output's name, with {@code options} added. */
    void segment(String container, Map<String, String> options) {
        this.containerOverride = container;
        this.extraOptions = Map.copyOf(options);
    }

    private String container() {
        return containerOverride != null ? containerOverride : settings.container();
    }

    private Map<String, String> options(String encoder) {
        Map<String, String> o = EncoderCatalog.options(encoder, settings.effectiveCodec(), settings, width, height,
                timeline.format().rate().toDouble());
        o.putAll(extraOptions);
        return o;
    }

    @Override
    public void cancel() {
        synchronized (this) {
            cancelled = true;
        }
        stop("cancelled", null);
    }

    private void stop(String reason, Throwable cause) {
        synchronized (this) {
            if (stopReason == null) {
                stopReason = reason;
                stopCause = cause;
            }
        }
    }

    private boolean stopped() {
        return stopReason != null;
    }

    private void run() {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<EncoderChoice> usable = candidates.stream().filter(EncoderChoice::usable).toList();
        Stale.remove(settings.output(), listener);
        try {
            for (int i = 0; i < usable.size(); i++) {
                String encoder = usable.get(i).name();
                synchronized (this) {
                    if (cancelled) {
                        throw new ExportException(settings.output()
                                + ": export cancelled; the destination was not touched", null, true);
                    }
                    stopReason = null;
                    stopCause = null;
                }
                try {
                    Map<String, Long> warnings = attempt(encoder);
                    List<String> all = new ArrayList<>(notes);
                    warnings.forEach((text, frame) -> all.add(text + " (first at frame " + frame + ")"));
                    withoutNode.forEach((node, c) -> all.add(String.format(java.util.Locale.ROOT,
                            "%d frame(s) (%d..%d) were rendered without node '%s' (%s, plugin %s), which failed "
                                    + "(errors above)", c[0], c[1], c[2], node.get(0), node.get(1),
                            engine.registry().snapshot().plugins().getOrDefault(node.get(1), "unknown"))));
                    double secs = (System.nanoTime() - t0) / 1e9;
                    done.complete(new ExportResult(settings.output(), encoder, candidates, total, secs, width,
                            height, all, qcReport));
                    return;
                } catch (EncoderFailed e) {
                    if (cancelled) {
                        throw new ExportException(settings.output()
                                + ": export cancelled; the destination was not touched", null, true);
                    }
                    boolean last = i == usable.size() - 1;
                    String msg = encoder + " failed during the export (" + e.getMessage() + ")";
                    if (settings.encoderPinned() || last) {
                        throw new ExportException(settings.output() + ": " + msg
                                + (settings.encoderPinned() ? "; the encoder was chosen by the user, no fallback"
                                        : "; no other candidate left"), e.getCause());
                    }
                    String note = msg + "; restarting with " + usable.get(i + 1).name();
                    notes.add(note);
                    listener.note(note);
                }
            }
            throw new ExportException(settings.output() + ": no usable encoder", null);
        } catch (ExportException e) {
            done.completeExceptionally(e);
        } catch (Throwable e) {
            done.completeExceptionally(new ExportException(settings.output() + ": export failed: " + Failures.describe(e), e));
        }
    }

    /** The chosen encoder failed while encoding (not a pipeline problem): the next candidate may do better. */
    private static final class EncoderFailed extends Exception {
        private static final long serialVersionUID = 1L;

        EncoderFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Map<String, Long> attempt(String encoder) throws ExportException, EncoderFailed {
        Path out = settings.output().toAbsolutePath();
        Path dir = out.getParent();
        PartialFile partial;
        try {
            Files.createDirectories(dir);
            partial = PartialFile.beside(out, ".partial");
        } catch (IOException e) {
            throw new ExportException(out + ": cannot create a temporary file beside it (" + e.getMessage() + ")", e);
        }
        Map<String, Long> warnings = new LinkedHashMap<>();
        withoutNode.clear(); // a restart with another encoder counts again
        boolean ok = false;
        AudioMix mix = settings.audio() ? new AudioMix(timeline, baseDir, media) : null;
        try {
            if (mix != null) {
                mix.problems().forEach(p -> warnings.putIfAbsent(p, first));
                var rate = timeline.format().rate();
                normalize(mix, AudioMix.sampleAt(rate.frameToTicks(first)),
                        AudioMix.sampleAt(rate.frameToTicks(first + total)), settings, listener, warnings, first);
            }
            VideoEncoder enc;
            try {
                // the direct path feeds decoded yuv420p pictures as they are: I420 where the encoder takes it
                enc = new VideoEncoder(encoder, partial.path(), container(), width, height, timeline.format().rate(),
                        keyframes(), options(encoder), mix != null && mix.present() && !container().equals("gif"),
                        direct != null ? PixelFormat.I420 : null, Chapters.of(timeline,
                                timeline.format().rate().frameToTicks(first),
                                timeline.format().rate().frameToTicks(first + total)));
            } catch (IOException e) {
                throw new EncoderFailed(e.getMessage(), e);
            }
            try {
                if (!enc.ignoredOptions().isEmpty()) {
                    listener.note(encoder + " ignored options " + enc.ignoredOptions());
                }
                if (qc != null && settings.qc() && !container().equals("gif")) {
                    feed = new QcFeed(qc, out.toString(), width, height, timeline.format().rate().toDouble(),
                            settings.qcOptions());
                }
                pipeline(enc, warnings, enc.audio() != null ? mix : null);
                try {
                    enc.finish();
                } catch (IOException e) {
                    throw new EncoderFailed(e.getMessage(), e);
                }
            } finally {
                enc.close();
            }
            try {
                partial.commit();
            } catch (IOException e) {
                throw new ExportException(out + ": cannot move the finished file into place (" + e.getMessage()
                        + ")", e);
            }
            ok = true;
            if (feed != null) {
                String[] note = {null};
                try {
                    qcReport = feed.finish(qc, out, note);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    feed.abandon();
                    note[0] = "QC interrupted";
                }
                feed = null;
                if (note[0] != null) {
                    listener.note(note[0]);
                }
            }
            return warnings;
        } finally {
            if (mix != null) {
                mix.close();
            }
            if (!ok && feed != null) {
                feed.abandon();
                feed = null;
            }
            try {
                partial.close(); // removes the temporary unless committed, releases its lock
            } catch (IOException ignored) {
                // best effort; reported by the caller's error anyway
            }
        }
    }

    /** Loudness normalisation (when the settings ask for it): notes what was applied, or warns why not. */
    static void normalize(AudioMix mix, long from, long to, ExportSettings settings, ExportListener listener,
            Map<String, Long> warnings, long first) {
        try {
            String note = mix.normalize(settings.loudness(), from, to);
            if (note != null) {
                listener.note(note);
            }
        } catch (org.lumaflow.decoder.MediaException e) {
            warnings.putIfAbsent("loudness not normalised: " + e.getMessage(), first);
        }
    }

    private int keyframes() {
        if (settings.keyframeInterval() > 0) {
            return settings.keyframeInterval();
        }
        return Math.max(1, (int) Math.round(2 * timeline.format().rate().toDouble()));
    }

    private void pipeline(VideoEncoder enc, Map<String, Long> warnings, AudioMix mix)
            throws ExportException, EncoderFailed {
        float[] left = mix == null ? null : new float[org.lumaflow.decoder.AudioSource.SAMPLE_RATE];
        float[] right = mix == null ? null : new float[org.lumaflow.decoder.AudioSource.SAMPLE_RATE];
        var rate = timeline.format().rate();
        long stallNanos = settings.stallTimeout().toNanos();
        FrameKey rgbaKey = FrameKey.rgba(width, height);
        int depth = QueueDepth.forFrame(rgbaKey.bytes());
        BlockingQueue<Frame> rendered = new ArrayBlockingQueue<>(direct != null ? 1 : depth);
        BlockingQueue<Frame> converted = new ArrayBlockingQueue<>(direct != null ? 1 : depth);
        PixelConverter conv = converters.get(enc.input());
        FrameKey yuvKey = new FrameKey(width, height, enc.input(), Usage.ENCODE);
        Thread render = null;
        Thread convert = null;
        DirectFeed pull = null;
        if (direct != null) {
            // no stage threads: the encoder takes the decoder's pictures from its lookahead ring
            try {
                pull = new DirectFeed(media, direct, width, height, enc.input(), engine.pool(), rate, warnings);
            } catch (MediaException | RuntimeException e) {
                stop("decoding failed: " + Failures.describe(e), e);
            }
        } else {
            PixelFormat yuv = conv == null ? null : enc.input();
            render = Thread.ofPlatform().name("export render").start(() -> renderStage(rendered, warnings,
                    stallNanos, yuv));
            convert = Thread.ofPlatform().name("export convert").start(() -> convertStage(rendered, converted,
                    conv, yuvKey, stallNanos));
        }
        long t0 = System.nanoTime();
        long lastNote = 0;
        long lastInput = System.nanoTime();
        try {
            for (long k = 0; k < total;) {
                if (stopped()) {
                    break;
                }
                Frame f;
                try {
                    f = pull != null ? pull.next(first + k) : converted.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    stop("interrupted", e);
                    break;
                }
                long now = System.nanoTime();
                if (f == null) {
                    if (now - lastInput > stallNanos) {
                        stop("the encoder waited " + secs(stallNanos) + " s for converted frame " + (first + k)
                                + " (render or convert stage stalled)", null);
                    }
                    continue;
                }
                lastInput = now;
                try {
                    enc.encode(f, k);
                } catch (IOException e) {
                    f.release();
                    stop("encoder", e);
                    throw new EncoderFailed(e.getMessage(), e);
                }
                if (feed != null && f.format() != PixelFormat.RGBA8) {
                    feed.add(f, rate.frameToTicks(k) / (double) org.lumaflow.core.time.Ticks.PER_SECOND);
                }
                f.release();
                if (mix != null) {
                    long s0 = AudioMix.sampleAt(rate.frameToTicks(first + k));
                    int n = (int) (AudioMix.sampleAt(rate.frameToTicks(first + k + 1)) - s0);
                    try {
                        mix.mix(s0, n, left, right);
                    } catch (org.lumaflow.decoder.MediaException e) {
                        java.util.Arrays.fill(left, 0, n, 0f);
                        java.util.Arrays.fill(right, 0, n, 0f);
                        synchronized (warnings) {
                            warnings.putIfAbsent("audio: " + e.getMessage() + " (silence instead)", first + k);
                        }
                    }
                    try {
                        enc.audio().write(left, right, n);
                    } catch (IOException e) {
                        stop("audio encoder", e);
                        throw new EncoderFailed(e.getMessage(), e);
                    }
                }
                k++;
                if (now - lastNote > 100_000_000L || k == total) {
                    lastNote = now;
                    double el = (now - t0) / 1e9;
                    double fps = el > 0 ? k / el : 0;
                    listener.progress(new ExportProgress(k, total, fps, fps > 0 ? (total - k) / fps : Double.NaN,
                            enc.name()));
                }
            }
        } finally {
            if (!stopped()) {
                stop("done", null);
            }
            if (render != null) {
                join(render, stallNanos);
                join(convert, stallNanos);
            }
            if (pull != null) {
                pull.close();
            }
            drain(rendered);
            drain(converted);
        }
        String reason = stopReason;
        if (!"done".equals(reason)) {
            if (cancelled) {
                throw new ExportException(settings.output() + ": export cancelled; the destination was not touched",
                        null, true);
            }
            Throwable cause = stopCause;
            throw new ExportException(settings.output() + ": export failed: " + reason
                    + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
        }
    }

    /**
     * Renders frames in order. Where the backend converts on its side (the GPU backend: RGBA to the encoder's 4:2:0
     * before the readback) frames arrive already converted and the convert stage passes them on; GPU renders are
     * kept in flight (submitted ahead) so rendering, readback and encoding overlap.
     */
    private void renderStage(BlockingQueue<Frame> out, Map<String, Long> warnings, long stallNanos,
            PixelFormat encoderInput) {
        TimelineRenderer renderer = new TimelineRenderer(engine, timeline, baseDir);
        var rate = timeline.format().rate();
        java.util.ArrayDeque<PendingRender> flying = new java.util.ArrayDeque<>();
        long next = 0; // frames handed over
        try {
            for (long k = 0; k < total && !stopped(); k++) {
                CompiledGraph g = renderer.graphAt(rate.frameToTicks(first + k));
                PixelFormat fmt = encoderInput != null && g.delivers(encoderInput) ? encoderInput : PixelFormat.RGBA8;
                flying.add(renderer.submitFrame(first + k, width, height, fmt));
                while (!flying.isEmpty() && (flying.size() >= g.inFlight() || k == total - 1)) {
                    if (!handOver(flying.poll(), first + next++, out, warnings, stallNanos)) {
                        break;
                    }
                }
            }
        } catch (Throwable e) {
            stop("rendering failed: " + Failures.describe(e), e);
        } finally {
            while (!flying.isEmpty()) {
                try {
                    flying.poll().await().close();
                } catch (RuntimeException e) {
                    stop("rendering failed: " + Failures.describe(e), e);
                }
            }
        }
    }

    private boolean handOver(PendingRender p, long frameNo, BlockingQueue<Frame> out, Map<String, Long> warnings,
            long stallNanos) {
        Frame f;
        try (RenderResult r = p.await()) {
            for (RenderMessage m : r.messages()) {
                synchronized (warnings) {
                    warnings.putIfAbsent(m.toString(), frameNo);
                    if (m.severity() == RenderMessage.Severity.ERROR && m.nodeId() != null) {
                        long[] c = withoutNode.computeIfAbsent(List.of(m.nodeId(), String.valueOf(m.nodeType())),
                                k -> new long[] {0, frameNo, -1});
                        if (c[2] != frameNo) {
                            c[0]++;
                            c[2] = frameNo;
                        }
                    }
                }
            }
            f = r.frame().retain();
        }
        if (!offer(out, f, stallNanos, "the render stage waited " + secs(stallNanos) + " s to hand over frame "
                + frameNo + " (convert or encode stage stalled)")) {
            f.release();
            return false;
        }
        return true;
    }

    private void convertStage(BlockingQueue<Frame> in, BlockingQueue<Frame> out, PixelConverter conv, FrameKey key,
            long stallNanos) {
        long lastInput = System.nanoTime();
        try {
            for (long k = 0; k < total && !stopped();) {
                Frame rgba = in.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (rgba == null) {
                    if (System.nanoTime() - lastInput > stallNanos) {
                        stop("the converter waited " + secs(stallNanos) + " s for rendered frame " + (first + k)
                                + " (render stage stalled)", null);
                    }
                    continue;
                }
                lastInput = System.nanoTime();
                Frame yuv;
                if (conv == null || rgba.format() == key.format()) {
                    yuv = rgba; // the encoder takes RGBA (GIF), or the backend converted already (GPU)
                } else {
                    yuv = engine.pool().lease(key);
                    try {
                        conv.convert(rgba, yuv);
                    } finally {
                        rgba.release();
                    }
                }
                if (!offer(out, yuv, stallNanos, "the converter waited " + secs(stallNanos)
                        + " s to hand over frame " + (first + k) + " (encode stage stalled)")) {
                    yuv.release();
                    return;
                }
                k++;
            }
        } catch (InterruptedException e) {
            stop("interrupted", e);
        } catch (Throwable e) {
            stop("conversion failed: " + Failures.describe(e), e);
        }
    }

    private boolean offer(BlockingQueue<Frame> q, Frame f, long stallNanos, String stallMessage) {
        long start = System.nanoTime();
        try {
            while (!stopped()) {
                if (q.offer(f, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (System.nanoTime() - start > stallNanos) {
                    stop(stallMessage, null);
                }
            }
        } catch (InterruptedException e) {
            stop("interrupted", e);
        }
        return false;
    }

    private static void join(Thread t, long stallNanos) {
        try {
            t.join(Math.max(1000, TimeUnit.NANOSECONDS.toMillis(stallNanos) / 4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            t.interrupt(); // a node stuck in render: interrupt it and move on; it returns its frames when it wakes
        }
    }

    private static void drain(BlockingQueue<Frame> q) {
        Frame f;
        while ((f = q.poll()) != null) {
            f.release();
        }
    }

    private static String secs(long nanos) {
        return String.valueOf(TimeUnit.NANOSECONDS.toSeconds(nanos));
    }
}
