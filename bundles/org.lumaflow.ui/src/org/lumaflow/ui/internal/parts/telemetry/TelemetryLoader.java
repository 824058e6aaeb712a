package org.lumaflow.ui.internal.parts.telemetry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.ui.internal.model.ClipTelemetry;
import org.lumaflow.ui.internal.model.Studio;

/** Reads and aligns telemetry off the UI thread for the Telemetry part, and describes it in a few lines. */
public final class TelemetryLoader {

    /**
     * A telemetry file read for a clip.
     *
     * @param stored the file as stored in the clip's metadata
     * @param telemetry what was read
     */
    public record Loaded(String stored, Telemetry telemetry) {
    }

    private TelemetryLoader() {
    }

    /** The media file shown by {@code clip} (a {@code media.video} source), resolved, or null. */
    public static Path mediaFile(Studio studio, Clip clip) {
        if (clip == null || !"media.video".equals(clip.source().type())) {
            return null;
        }
        Object f = clip.source().params().get("file");
        if (!(f instanceof String s) || s.isBlank()) {
            return null;
        }
        return resolve(studio, s);
    }

    /** {@code stored} resolved against the project folder. */
    public static Path resolve(Studio studio, String stored) {
        Path p = Path.of(stored);
        Path base = studio.project().baseDir();
        return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }

    /** Reads {@code stored} (as kept in a clip) on a background thread. */
    public static void read(TelemetryService service, Studio studio, String stored, Consumer<Loaded> done,
            Consumer<String> failed) {
        Path file = resolve(studio, stored);
        background(() -> {
            try {
                done.accept(new Loaded(stored, service.read(file)));
            } catch (Exception e) {
                failed.accept(message(file, e));
            }
        });
    }

    /**
     * Reads {@code file} and aligns it to {@code clip}'s media on a background thread; with {@code correlate} the
     * telemetry's motion is also matched against the video's (slower: the clip is decoded once).
     */
    public static void readAndAlign(TelemetryService service, Studio studio, Clip clip, Path file, boolean correlate,
            BiConsumer<Loaded, Alignment> done, Consumer<String> failed) {
        Path media = mediaFile(studio, clip);
        String stored = ClipTelemetry.stored(file, studio.project().baseDir());
        background(() -> {
            try {
                Telemetry t = service.read(file);
                Alignment a = media != null ? service.align(t, media, null, correlate)
                        : new Alignment(0, Alignment.Method.MANUAL,
                                "the clip has no media file to align to: offset 0, set it by hand");
                done.accept(new Loaded(stored, t), a);
            } catch (Exception e) {
                failed.accept(message(file, e));
            }
        });
    }

    private static String message(Path file, Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "cannot read " + file.getFileName() : m;
    }

    private static void background(Runnable r) {
        Thread t = new Thread(r, "lumaflow-telemetry-ui");
        t.setDaemon(true);
        t.start();
    }

    /** Streams with rates, duration, top speed, device and issues, for the part's summary. */
    public static String describe(Telemetry t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.format());
        if (!t.device().isEmpty()) {
            sb.append(" from ").append(t.device());
        }
        sb.append(String.format(Locale.ROOT, ", %.1f s", t.duration()));
        if (t.utcStart() != null) {
            sb.append(", starts ").append(t.utcStart());
        }
        sb.append('\n');
        int shown = 0;
        for (TimeSeries s : t.streams().values()) {
            if (shown++ == 6) {
                sb.append(" ...");
                break;
            }
            sb.append(String.format(Locale.ROOT, "%s%s %d @ %.1f Hz", shown > 1 ? ", " : "", s.name(), s.size(),
                    s.rate()));
        }
        TimeSeries gps = t.streamWith(Channels.SPEED_2D);
        if (gps != null) {
            int c = gps.channel(Channels.SPEED_2D);
            double max = 0;
            for (int i = 0; i < gps.size(); i++) {
                double v = gps.value(c, i);
                if (v > max) {
                    max = v;
                }
            }
            sb.append(String.format(Locale.ROOT, "\ntop speed %.1f km/h", max * 3.6));
        }
        if (!t.tags().isEmpty()) {
            sb.append(", ").append(t.tags().size()).append(" tag(s)");
        }
        if (!t.issues().isEmpty()) {
            sb.append("\n").append(t.issues().size()).append(" issue(s): ").append(t.issues().get(0));
        }
        return sb.toString();
    }
}
