package org.lumaflow.otio;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.otio.internal.K;
import org.lumaflow.otio.internal.MediaMap;

/**
 * Finds offline media in a folder (and its subfolders, 8 levels deep) and relinks clips to it. Candidates are files
 * of the same name (case-insensitive when none match exactly, then the same name with another extension), ranked by
 * duration (when a probe is given and the OTIO file recorded the media's available range) and by size (when the file
 * recorded it). The folder is listed once, when the relinker is made.
 */
public final class Relinker {

    private static final int DEPTH = 8;

    private final Map<String, List<Path>> byName = new HashMap<>();
    private final ToLongFunction<Path> probe;

    /**
     * A relinker over {@code folder}; {@code probe} (may be null) gives a media file's duration in ticks (-1 when
     * unknown), e.g. from the decoder's {@code MediaService.probe}.
     */
    public Relinker(Path folder, ToLongFunction<Path> probe) throws IOException {
        this.probe = probe;
        try (Stream<Path> files = Files.walk(folder, DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            files.filter(Files::isRegularFile).sorted().forEach(p -> byName.computeIfAbsent(
                    p.getFileName().toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p));
        }
    }

    /** The files that could be {@code m}, best first (empty when none has its name). */
    public List<Path> candidates(OfflineMedia m) {
        String name = m.fileName();
        if (name == null) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        for (Path p : byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
            if (p.getFileName().toString().equals(name)) {
                found.add(p);
            }
        }
        if (found.isEmpty()) {
            found.addAll(byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        }
        if (found.isEmpty()) {
            String stem = stem(name).toLowerCase(Locale.ROOT);
            byName.forEach((n, paths) -> {
                if (stem(n).equals(stem)) {
                    found.addAll(paths);
                }
            });
            found.sort(null);
        }
        found.sort(Comparator.comparingInt((Path p) -> -score(m, p)));
        return found;
    }

    /** The best candidate for {@code m}, if any. */
    public Optional<Path> find(OfflineMedia m) {
        List<Path> c = candidates(m);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
    }

    /** Relinks every clip of {@code offline} that has a candidate; returns clip id to the file used. */
    public Map<String, Path> relinkAll(Project project, List<OfflineMedia> offline) {
        Map<String, Path> done = new java.util.LinkedHashMap<>();
        for (OfflineMedia m : offline) {
            Optional<Path> p = find(m);
            if (p.isPresent() && relink(project, m.clipId(), p.get())) {
                done.put(m.clipId(), p.get());
            }
        }
        return done;
    }

    /**
     * Points clip {@code clipId} at {@code file}: its source becomes {@code media.video} ({@code media.audio} on an
     * audio track) and the offline slate goes; the OTIO reference is rewritten on export. False when no such clip.
     */
    public static boolean relink(Project project, String clipId, Path file) {
        for (Track t : project.timeline().tracks()) {
            for (Clip c : t.clips()) {
                if (c.id().equals(clipId)) {
                    String type = t.kind() == Track.Kind.AUDIO ? "media.audio" : "media.video";
                    c.setSource(new GraphNode(c.id(), type).set("file", file.toAbsolutePath().toString()));
                    c.effects().removeIf(fx -> fx.id().equals(MediaMap.SLATE_EFFECT));
                    c.metadata().remove(K.OFFLINE);
                    c.metadata().remove(K.OFFLINE_FILE);
                    c.metadata().remove(K.OFFLINE_DURATION);
                    c.metadata().remove(K.OFFLINE_SIZE);
                    project.timeline().touch();
                    return true;
                }
            }
        }
        return false;
    }

    private int score(OfflineMedia m, Path p) {
        int s = 0;
        if (p.getFileName().toString().equals(m.fileName())) {
            s += 4;
        }
        if (m.duration() > 0 && probe != null) {
            long d = probe.applyAsLong(p);
            if (d > 0 && Math.abs(d - m.duration()) <= org.lumaflow.core.time.Ticks.PER_SECOND / 10) {
                s += 2;
            }
        }
        try {
            if (m.size() > 0 && Files.size(p) == m.size()) {
                s += 1;
            }
        } catch (IOException e) {
            // unreadable: no size point
        }
        return s;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
