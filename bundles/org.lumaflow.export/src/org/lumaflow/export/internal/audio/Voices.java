package org.lumaflow.export.internal.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/** Finds a timeline's audible clips and opens their sources. */
public final class Voices {

    private Voices() {
    }

    /**
     * The audible clips of {@code tl}: {@code media.video} (its audio stream) and {@code media.audio} clips on any
     * track that is enabled, not muted and (when any track is soloed) soloed, that are enabled, not muted and not
     * frozen. Files without audio are skipped; files that cannot be opened add a line to {@code problems}.
     */
    public static List<Voice> open(Timeline tl, Path baseDir, MediaService media, long ticksPerSample,
            List<String> problems) {
        List<Voice> voices = new ArrayList<>();
        boolean solo = tl.anySolo();
        try {
            for (Track t : tl.tracks()) {
                if (!t.enabled() || t.muted() || (solo && !t.solo())) {
                    continue;
                }
                Map<String, Voice> byId = new HashMap<>();
                for (Clip c : t.clips()) {
                    Path file = file(c, baseDir);
                    if (file == null || !c.enabled() || c.audio().muted() || c.retime().isFreeze()) {
                        continue;
                    }
                    try {
                        if (media.probe(file).audio().isEmpty()) {
                            if ("media.audio".equals(c.source().type())) {
                                problems.add("audio: clip '" + c.id() + "': " + file + " has no audio stream");
                            }
                            continue;
                        }
                        Voice v = new Voice(c, t, media.openAudio(file), ticksPerSample);
                        voices.add(v);
                        byId.put(c.id(), v);
                    } catch (MediaException e) {
                        problems.add("audio: clip '" + c.id() + "': " + e.getMessage() + " (silence instead)");
                    }
                }
                for (Transition tr : t.transitions()) {
                    Voice a = byId.get(tr.from());
                    Voice b = byId.get(tr.to());
                    Clip ca = find(t, tr.from());
                    Clip cb = find(t, tr.to());
                    if (ca == null || cb == null || cb.start() >= ca.end()) {
                        continue;
                    }
                    long x0 = Math.floorDiv(cb.start(), ticksPerSample);
                    long x1 = Math.floorDiv(ca.end(), ticksPerSample);
                    if (a != null) {
                        a.xout0 = x0;
                        a.xout1 = x1;
                    }
                    if (b != null) {
                        b.xin0 = x0;
                        b.xin1 = x1;
                    }
                }
            }
        } catch (RuntimeException e) {
            voices.forEach(Voice::close);
            throw e;
        }
        return voices;
    }

    /** The media file of a clip that may have sound, resolved against {@code baseDir}; null for other clips. */
    static Path file(Clip c, Path baseDir) {
        String type = c.source().type();
        if (!"media.video".equals(type) && !"media.audio".equals(type)
                || !(c.source().params().get("file") instanceof String n)) {
            return null;
        }
        Path file = Path.of(n);
        return !file.isAbsolute() && baseDir != null ? baseDir.resolve(file) : file;
    }

    private static Clip find(Track t, String id) {
        for (Clip c : t.clips()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
