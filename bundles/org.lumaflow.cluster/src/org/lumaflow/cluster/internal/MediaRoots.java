package org.lumaflow.cluster.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentPlan;

/**
 * A worker's media roots: the folders it may read media from and write segments to, each optionally mapped from the
 * path the exporting side uses ({@code --media-root /mnt/media} or {@code --media-root /Volumes/media=/mnt/media}).
 */
public final class MediaRoots {

    /** One root: paths under {@code from} (the exporter's) are {@code to} here; {@code from == to} without mapping. */
    public record Root(Path from, Path to) {
        @Override
        public String toString() {
            return from.equals(to) ? to.toString() : from + "=" + to;
        }
    }

    private final List<Root> roots;

    private MediaRoots(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Roots from {@code --media-root} values ({@code DIR} or {@code FROM=TO}); none = no media allowed. */
    public static MediaRoots parse(List<String> specs) {
        List<Root> out = new ArrayList<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            Path from = Path.of(eq < 0 ? s : s.substring(0, eq)).toAbsolutePath().normalize();
            Path to = eq < 0 ? from : Path.of(s.substring(eq + 1)).toAbsolutePath().normalize();
            out.add(new Root(from, to));
        }
        return new MediaRoots(out);
    }

    /** The roots. */
    public List<Root> roots() {
        return roots;
    }

    /** {@code p} (an exporter-side absolute path) as a path on this worker (mapped when under a mapped root). */
    public Path map(Path p) {
        Path n = p.toAbsolutePath().normalize();
        for (Root r : roots) {
            if (n.startsWith(r.from())) {
                return r.to().resolve(r.from().relativize(n).toString()).normalize();
            }
        }
        return n;
    }

    /** Whether the local path {@code p} lies under a root. */
    public boolean allows(Path p) {
        Path n = p.toAbsolutePath().normalize();
        for (Root r : roots) {
            if (n.startsWith(r.to())) {
                return true;
            }
        }
        return false;
    }

    /** Fails with a message naming {@code p} (a local path) and the roots when it is outside them. */
    public void check(Path p, String what) throws Refusal {
        if (!allows(p)) {
            throw new Refusal(what + " " + p + " is outside this worker's media roots " + describe()
                    + " (start the worker with --media-root covering it)");
        }
    }

    /** {@code plan} with every path mapped to this worker's. */
    public SegmentPlan remap(SegmentPlan plan) {
        List<Segment> segs = new ArrayList<>();
        for (Segment s : plan.segments()) {
            // a segment's file is relative to the work folder (kept), or absolute (mapped)
            String f = Path.of(s.file()).isAbsolute() ? map(Path.of(s.file())).toString() : s.file();
            segs.add(new Segment(s.index(), s.firstFrame(), s.frames(), f));
        }
        return new SegmentPlan(plan.id(), map(plan.project()), map(plan.baseDir()), map(plan.output()),
                plan.encoder(), plan.codec(), plan.settings(), segs, map(plan.workDir()));
    }

    /** The roots as {@code [a, b=c]} ({@code [none]} when empty). */
    public String describe() {
        return roots.isEmpty() ? "[none]" : roots.toString();
    }

    /** A worker refuses a segment (media outside its roots, a plugin it lacks); the message says why. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        /** A refusal explained by {@code message}. */
        public Refusal(String message) {
            super(message);
        }
    }
}
