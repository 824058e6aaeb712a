package org.lumaflow.export.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bytedeco.ffmpeg.global.avcodec;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * Probes an encoder by really encoding a few tiny frames, with a timeout (a wedged driver must not hang the export).
 * Results are cached for the life of the process.
 */
final class EncoderProbe {

    private static final long TIMEOUT_MS = Long.getLong("lumaflow.encoderProbe.timeoutMs", 10_000);
    private static final Map<String, EncoderChoice> CACHE = new ConcurrentHashMap<>();

    private EncoderProbe() {
    }

    static EncoderChoice probe(String encoder, String codec) {
        return CACHE.computeIfAbsent(encoder, e -> run(e, codec));
    }

    private static EncoderChoice run(String encoder, String codec) {
        boolean hw = EncoderCatalog.hardware(encoder);
        FFmpeg.load();
        if (avcodec.avcodec_find_encoder_by_name(encoder) == null) {
            return new EncoderChoice(encoder, hw, false, EncoderCatalog.missingReason(encoder));
        }
        String missing = HwUpload.missingDevice(encoder);
        if (missing != null) {
            return new EncoderChoice(encoder, hw, false, missing);
        }
        FutureTask<String> task = new FutureTask<>(() -> encodeTiny(encoder, codec));
        Thread t = Thread.ofPlatform().daemon().name("probe " + encoder).start(task);
        try {
            String failure = task.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new EncoderChoice(encoder, hw, failure == null, failure == null ? "ok" : failure);
        } catch (TimeoutException e) {
            t.interrupt();
            return new EncoderChoice(encoder, hw, false, "probe timed out after " + TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            return new EncoderChoice(encoder, hw, false, String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EncoderChoice(encoder, hw, false, "probe interrupted");
        }
    }

    /** Null when a 256x144 clip of 3 frames encodes, else the reason. */
    private static String encodeTiny(String encoder, String codec) {
        int w = 256;
        int h = 144;
        ExportSettings s = ExportSettings.to(java.nio.file.Path.of("probe.mkv"));
        try (FramePool pool = new FramePool();
                VideoEncoder enc = new VideoEncoder(encoder, null, null, w, h, FrameRate.FPS_25, 12,
                        EncoderCatalog.options(encoder, codec, s, w, h, 25))) {
            try (Frame f = pool.lease(w, h, enc.input(), Usage.ENCODE)) {
                for (int i = 0; i < f.buffer().capacity(); i++) {
                    f.buffer().put(i, (byte) (i < w * h ? 16 : 128));
                }
                for (int i = 0; i < 3; i++) {
                    enc.encode(f, i);
                }
            }
            enc.finish();
            return enc.packets() > 0 ? null : "produced no output";
        } catch (Exception | UnsatisfiedLinkError e) {
            String m = String.valueOf(e.getMessage());
            return m.startsWith(encoder + ": ") ? m.substring(encoder.length() + 2) : m;
        }
    }
}
