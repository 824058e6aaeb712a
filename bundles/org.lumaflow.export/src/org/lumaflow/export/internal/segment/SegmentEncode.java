package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.project.ProjectException;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.ExportException;
import org.lumaflow.export.ExportJob;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportProgress;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.internal.SegmentSupport;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentListener;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * Encodes one segment: the saved timeline's frame range through the single-pass pipeline (render -> 4:2:0 ->
 * encoder, the plan's encoder and options, no audio, no QC) into a Matroska file of its own name, then commits it
 * ({@link Commits}).
 */
final class SegmentEncode {

    private final Engine engine;
    private final ConverterRegistry converters;
    private final MediaService media;

    SegmentEncode(Engine engine, ConverterRegistry converters, MediaService media) {
        this.engine = engine;
        this.converters = converters;
        this.media = media;
    }

    /** Settings rebuilt from the plan, so every worker's encoder options equal the plan's. */
    static ExportSettings settings(SegmentPlan plan, Path output) {
        Map<String, String> p = plan.settings();
        ExportSettings s = ExportSettings.to(output).withCodec(plan.codec()).withEncoder(plan.encoder())
                .withAudio(false).withQc(false).withKeyframeInterval(Integer.parseInt(p.get("gop")))
                .withSize(Integer.parseInt(p.get("width")), Integer.parseInt(p.get("height")))
                .withStallTimeout(Duration.ofSeconds(Long.parseLong(p.getOrDefault("stallSeconds", "60"))));
        if (p.containsKey("crf")) {
            s = s.withCrf(Integer.parseInt(p.get("crf")));
        }
        if (p.containsKey("bitrate")) {
            s = s.withBitrate(Long.parseLong(p.get("bitrate")));
        }
        return s.withPreset(p.get("preset"));
    }

    static Map<String, String> encoderOptions(SegmentPlan plan) {
        Map<String, String> o = new LinkedHashMap<>();
        plan.settings().forEach((k, v) -> {
            if (k.startsWith("opt.")) {
                o.put(k.substring(4), v);
            }
        });
        return o;
    }

    static FrameRate rate(SegmentPlan plan) {
        String[] r = plan.settings().get("rate").split("/");
        return new FrameRate(Integer.parseInt(r[0]), Integer.parseInt(r[1]));
    }

    static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return System.getProperty("lumaflow.segment.workerName", "local:" + host + " pid "
                + ProcessHandle.current().pid());
    }

    SegmentResult encode(SegmentPlan plan, int index, SegmentListener listener, BooleanSupplier cancelled)
            throws ExportException {
        if (index < 0 || index >= plan.segments().size()) {
            throw new ExportException(plan.planFile() + ": no segment " + index + " (the plan has "
                    + plan.segments().size() + ")", null);
        }
        Segment seg = plan.segments().get(index);
        try {
            SegmentResult done = Commits.committed(plan, seg);
            if (done != null) {
                listener.state(index, "done (already committed by " + done.worker() + ")");
                return done;
            }
        } catch (IOException e) {
            throw new ExportException(Commits.file(plan, seg) + ": cannot read the committed segment ("
                    + e.getMessage() + ")", e);
        }
        Timeline tl;
        try {
            tl = ProjectIO.load(plan.project()).timeline();
        } catch (ProjectException e) {
            throw new ExportException("segment " + index + ": " + e.getMessage(), e);
        }
        if (!rate(plan).equals(tl.format().rate())) {
            throw new ExportException(plan.project() + ": its rate " + tl.format().rate() + " is not the plan's "
                    + plan.settings().get("rate"), null);
        }
        long t0 = System.nanoTime();
        String worker = workerName();
        Path temp = plan.workDir().resolve("." + seg.file().replace(".mkv", "") + "."
                + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + ".mkv");
        ExportSettings s = settings(plan, temp);
        int w = s.width();
        int h = s.height();
        ExportJob job = SegmentSupport.startRange(engine, converters, media, null, tl, plan.baseDir(), s,
                plan.encoder(), w, h, seg.firstFrame(), seg.frames(), plan.settings().get("container"),
                encoderOptions(plan), new ExportListener() {
                    @Override
                    public void progress(ExportProgress p) {
                        listener.progress(index, p.framesDone());
                    }
                });
        try {
            while (job.await(Duration.ofMillis(200)) == null) {
                if (cancelled.getAsBoolean()) {
                    job.cancel();
                }
            }
        } catch (ExportException e) {
            throw new ExportException("segment " + index + " (frames " + seg.firstFrame() + ".."
                    + (seg.firstFrame() + seg.frames() - 1) + ") on " + worker + ": " + e.getMessage(), e.getCause(),
                    e.cancelled());
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new ExportException("segment " + index + ": interrupted", e, true);
        }
        try {
            return Commits.commit(plan, seg, temp, worker, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new ExportException(Commits.file(plan, seg) + ": cannot commit segment " + index + " ("
                    + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // removed with the work folder
            }
        }
    }
}
