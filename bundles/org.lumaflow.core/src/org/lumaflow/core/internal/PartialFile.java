package org.lumaflow.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A temporary file beside a destination ({@code .NAME.RANDOM.SUFFIX}, same folder so the final rename is atomic)
 * whose writer holds an OS lock for as long as it lives: an exclusive {@link FileLock} on a companion
 * {@code .NAME.RANDOM.SUFFIX.lock} file. The lock is on the companion, not the temporary itself, because POSIX locks
 * are dropped when the process closes <em>any</em> descriptor of the locked file, and the temporary is opened and
 * closed by others (FFmpeg's muxer). The kernel releases the lock when the writer dies, even by {@code kill -9}, so
 * {@link #removeStale} can tell a temporary left by a dead writer (lock free: removed) from one still being written,
 * in this process or another (lock held: kept).
 */
public final class PartialFile implements AutoCloseable {

    /** Lock files held in this JVM: never opened by the cleaner (closing a descriptor would drop the lock). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    /** {@code .NAME.HEX.partial} or {@code .NAME.HEX.tmp}, as made here and by {@link AtomicFiles#tempBeside}. */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.(partial|tmp)");
    private static final String LOCK = ".lock";
    /**
     * A temporary without a lock file comes from an older version or another writer: removed only when untouched for
     * this long (no live writer leaves its file unmodified that long).
     */
    static final Duration UNGUARDED_AGE = Duration.ofMinutes(10);

    private final Path target;
    private final Path temp;
    private final Path lockFile;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean committed;
    private boolean closed;

    private PartialFile(Path target, Path temp, Path lockFile, Path key, FileChannel channel, FileLock lock) {
        this.target = target;
        this.temp = temp;
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates a new, empty, locked temporary file for {@code target} (its folder is created if needed), with the
     * target's permissions when it exists.
     *
     * @param suffix {@code .partial} (exports, frames) or {@code .tmp} (small files)
     */
    public static PartialFile beside(Path target, String suffix) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path realDir = abs.getParent().toRealPath(); // HELD keys: the cleaner lists the same real folder
        for (int attempt = 0; attempt < 100; attempt++) {
            String name = "." + abs.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + suffix;
            Path lockFile = abs.resolveSibling(name + LOCK);
            Path key = realDir.resolve(name + LOCK);
            HELD.add(key); // before the file exists: a cleaner in this JVM never opens it
            FileChannel ch;
            try {
                ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                HELD.remove(key);
                continue; // same random name: try another
            } catch (IOException e) {
                HELD.remove(key);
                throw e;
            }
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (IOException noLocks) {
                // a file system without locks (some network shares): unguarded, removed by age only
                ch.close();
                Files.deleteIfExists(lockFile);
                HELD.remove(key);
                Path temp = create(abs, name);
                if (temp != null) {
                    return new PartialFile(abs, temp, null, null, null, null);
                }
                continue;
            }
            // a cleaner in another process may have taken (and deleted) the fresh lock file before we locked it
            if (l != null && Files.exists(lockFile)) {
                Path temp = create(abs, name);
                if (temp != null) {
                    return new PartialFile(abs, temp, lockFile, key, ch, l);
                }
            }
            ch.close();
            Files.deleteIfExists(lockFile);
            HELD.remove(key);
        }
        throw new IOException(abs + ": cannot create a temporary file beside it");
    }

    /** Creates the temporary {@code name} beside {@code abs}; null when that name is taken. */
    private static Path create(Path abs, String name) throws IOException {
        try {
            Path temp = Files.createFile(abs.resolveSibling(name));
            AtomicFiles.keepPermissions(abs, temp);
            return temp;
        } catch (FileAlreadyExistsException taken) {
            return null;
        }
    }

    /** The temporary file to write. */
    public Path path() {
        return temp;
    }

    /** The destination. */
    public Path target() {
        return target;
    }

    /**
     * Renames the temporary over the destination (atomically where the file system can), then releases the lock.
     * After a failure the destination keeps its old content; {@link #close()} still removes the temporary.
     */
    public void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        close();
    }

    /** Removes the temporary unless committed, then the lock file, and releases the lock. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
            if (lockFile != null) {
                Files.deleteIfExists(lockFile); // while still locked: no cleaner can take it in between
            }
        } finally {
            if (lock != null) {
                try {
                    lock.release();
                } finally {
                    channel.close();
                    HELD.remove(key);
                }
            }
        }
    }

    /**
     * Removes the temporaries in {@code dir} whose writer is gone: guarded ones whose lock is free, orphaned lock
     * files, and unguarded ones untouched for ten minutes. A temporary whose lock is held, by
     * this process or another, is never touched. Errors (permissions, races with other cleaners) are skipped.
     *
     * @return the temporaries removed
     */
    public static List<Path> removeStale(Path dir) {
        return removeStale(dir, null);
    }

    /** As {@link #removeStale(Path)}, limited to the temporaries of {@code target} ({@code .NAME.*}). */
    public static List<Path> removeStaleOf(Path target) {
        Path abs = target.toAbsolutePath();
        return removeStale(abs.getParent(), "." + abs.getFileName() + ".");
    }

    private static List<Path> removeStale(Path dir, String prefix) {
        List<Path> removed = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> temps = new ArrayList<>();
        List<Path> locks = new ArrayList<>();
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return removed;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(real, ".*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (prefix != null && !n.startsWith(prefix)) {
                    continue;
                }
                boolean isLock = n.endsWith(LOCK);
                String base = isLock ? n.substring(0, n.length() - LOCK.length()) : n;
                if (TEMP.matcher(base).matches()) {
                    (isLock ? locks : temps).add(real.resolve(n));
                }
            }
        } catch (IOException e) {
            return removed;
        }
        for (Path t : temps) {
            Path l = t.resolveSibling(t.getFileName() + LOCK);
            if (locks.remove(l)) {
                if (removeIfUnlocked(l, t)) {
                    removed.add(t);
                }
            } else if (unguardedAndOld(t)) {
                removed.add(t);
            }
        }
        for (Path l : locks) { // lock files without their temporary
            removeIfUnlocked(l, null);
        }
        return removed;
    }

    /** Locks {@code lockFile}; when free, deletes {@code temp} (if any) and the lock file. */
    private static boolean removeIfUnlocked(Path lockFile, Path temp) {
        if (HELD.contains(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException inThisJvm) {
                return false;
            }
            if (l == null) {
                return false; // a live writer in another process
            }
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
                Files.deleteIfExists(lockFile);
                return temp != null;
            } finally {
                l.release();
            }
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean unguardedAndOld(Path temp) {
        try {
            FileTime m = Files.getLastModifiedTime(temp);
            if (System.currentTimeMillis() - m.toMillis() < UNGUARDED_AGE.toMillis()) {
                return false;
            }
            return Files.deleteIfExists(temp);
        } catch (IOException e) {
            return false;
        }
    }
}
