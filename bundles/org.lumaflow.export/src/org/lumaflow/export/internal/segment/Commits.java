package org.lumaflow.export.internal.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.export.segment.SegmentResult;

/**
 * Atomic commits of segments. A finished segment (fully written and forced to disk under a name of its own) is
 * hard-linked to its final name, which fails when the name exists: the first commit wins, a duplicate run (a retry
 * after a lost worker, a second cluster member) finds the winner's file and returns its result. The manifest is one
 * small record per segment ({@code seg-0003.mkv.manifest}: SHA-256, frames, bytes, worker, seconds), written
 * atomically after the link; a record lost to a crash between the two is rebuilt from the committed file.
 */
final class Commits {

    private Commits() {
    }

    static Path file(SegmentPlan plan, Segment s) {
        return plan.workDir().resolve(s.file());
    }

    static Path record(SegmentPlan plan, Segment s) {
        return plan.workDir().resolve(s.file() + ".manifest");
    }

    /** The committed result of {@code s}, or null when it is not committed. */
    static SegmentResult committed(SegmentPlan plan, Segment s) throws IOException {
        Path f = file(plan, s);
        if (!Files.exists(f)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(record(plan, s))) {
            p.load(in);
            return new SegmentResult(s.index(), f.toString(), p.getProperty("sha256"),
                    Long.parseLong(p.getProperty("frames")), Long.parseLong(p.getProperty("bytes")),
                    p.getProperty("worker"), Double.parseDouble(p.getProperty("seconds")));
        } catch (NoSuchFileException | NumberFormatException | NullPointerException missing) {
            // committed, record lost (crash between link and record): rebuild it from the file
            SegmentResult r = new SegmentResult(s.index(), f.toString(), sha256(f), s.frames(), Files.size(f),
                    "unknown (record rebuilt)", 0);
            writeRecord(plan, s, r);
            return r;
        }
    }

    /**
     * Commits {@code temp} (complete) as segment {@code s}; returns the result that holds now (this one, or the
     * first commit's when another run committed first; {@code temp} is removed either way).
     */
    static SegmentResult commit(SegmentPlan plan, Segment s, Path temp, String worker, double seconds)
            throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        String sha = sha256(temp);
        SegmentResult mine = new SegmentResult(s.index(), file(plan, s).toString(), sha, s.frames(),
                Files.size(temp), worker, seconds);
        try {
            Files.createLink(file(plan, s), temp);
        } catch (FileAlreadyExistsException first) {
            Files.deleteIfExists(temp);
            return committed(plan, s);
        } catch (UnsupportedOperationException noLinks) {
            // a file system without hard links: rename (atomic, but the last rename wins a tie)
            if (Files.exists(file(plan, s))) {
                Files.deleteIfExists(temp);
                return committed(plan, s);
            }
            Files.move(temp, file(plan, s), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(temp);
        writeRecord(plan, s, mine);
        return mine;
    }

    private static void writeRecord(SegmentPlan plan, Segment s, SegmentResult r) throws IOException {
        Properties p = new Properties();
        p.setProperty("sha256", r.sha256());
        p.setProperty("frames", Long.toString(r.frames()));
        p.setProperty("bytes", Long.toString(r.bytes()));
        p.setProperty("worker", r.worker());
        p.setProperty("seconds", Double.toString(r.seconds()));
        AtomicFiles.write(record(plan, s), (OutputStream o) -> p.store(o, "segment " + s.index() + " of " + plan.id()));
    }

    static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
