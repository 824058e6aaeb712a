package org.lumaflow.telemetry.internal.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lumaflow.decoder.MediaService;
import org.lumaflow.telemetry.Alignment;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryParser;
import org.lumaflow.telemetry.TelemetryService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The telemetry service: picks the first registered {@link TelemetryParser} that accepts a file by its first bytes
 * (parsers listing the file's extension are asked first), caches results per path, size, modification time and
 * options, and aligns telemetry to media ({@link Aligner}).
 */
@Component(service = TelemetryService.class)
public final class TelemetryServiceImpl implements TelemetryService {

    private static final int HEAD = 4096;
    private static final int CACHE_ENTRIES = 32;
    private static final int MOTION_ENTRIES = 8;

    private final List<TelemetryParser> parsers = new CopyOnWriteArrayList<>();
    private final Map<Key, Telemetry> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Telemetry> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    private record Key(Path path, long size, long mtime, TelemetryOptions options) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MediaService media;

    /** Video motion signals per media path, size and modification time (a decode each otherwise). */
    private final Map<Key, MotionSignal> motions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, MotionSignal> eldest) {
            return size() > MOTION_ENTRIES;
        }
    };

    /** For DS. */
    public TelemetryServiceImpl() {
    }

    /** Outside OSGi, with a fixed set of parsers. */
    public TelemetryServiceImpl(List<TelemetryParser> parsers) {
        this.parsers.addAll(parsers);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParser(TelemetryParser p) {
        parsers.add(p);
    }

    void removeParser(TelemetryParser p) {
        parsers.remove(p);
        synchronized (cache) {
            cache.values().removeIf(t -> t.format().equals(p.format()));
        }
    }

    @Override
    public List<String> formats() {
        List<String> f = new ArrayList<>();
        for (TelemetryParser p : parsers) {
            if (!f.contains(p.format())) {
                f.add(p.format());
            }
        }
        return f;
    }

    @Override
    public Telemetry read(Path file) throws IOException {
        return read(file, TelemetryOptions.defaults());
    }

    @Override
    public Telemetry read(Path file, TelemetryOptions options) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new TelemetryException(file, null, "no such file");
        }
        if (!a.isRegularFile()) {
            throw new TelemetryException(file, null, "not a regular file");
        }
        Key key = new Key(abs, a.size(), a.lastModifiedTime().toMillis(), options);
        synchronized (cache) {
            Telemetry t = cache.get(key);
            if (t != null) {
                return t;
            }
        }
        TelemetryParser p = parserFor(file);
        Telemetry t;
        try {
            t = p.read(file, options);
        } catch (RuntimeException e) {
            // a parser's own defect (third-party formats too): name the file and the parser, not the exception
            throw new TelemetryException(file, null, "the " + p.format() + " parser failed on this file ("
                    + (e.getMessage() == null ? "no detail" : e.getMessage()) + "); report it to the parser's authors",
                    e);
        }
        synchronized (cache) {
            cache.put(key, t);
        }
        return t;
    }

    /** The first parser that accepts {@code file}: those listing its extension first, then the others. */
    TelemetryParser parserFor(Path file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(HEAD);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill up to HEAD bytes
            }
        }
        head.flip();
        ByteBuffer ro = head.asReadOnlyBuffer();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        List<TelemetryParser> ordered = new ArrayList<>(parsers);
        ordered.sort((x, y) -> Boolean.compare(!x.extensions().contains(ext), !y.extensions().contains(ext)));
        for (TelemetryParser p : ordered) {
            if (p.accepts(file, ro.duplicate().position(0))) {
                return p;
            }
        }
        if (head.limit() == 0) {
            throw new TelemetryException(file, "offset 0", "the file is empty: no telemetry to read");
        }
        throw new TelemetryException(file, null, "not a telemetry file this build reads (formats: "
                + String.join(", ", formats()) + "); a GoPro MP4 with GPMF, a raw GPMF payload, a DJI .SRT, a GPX or"
                + " a CSV with a time column");
    }

    @Override
    public Alignment align(Telemetry telemetry, Path media, Double manualOffset, boolean correlate)
            throws IOException {
        return Aligner.align(telemetry, media, manualOffset, correlate, m -> {
            try {
                TelemetryParser p = parserFor(m);
                return p.format().equals("gpmf") ? read(m) : null;
            } catch (IOException e) {
                return null; // no telemetry of its own: fall back to the creation time
            }
        }, this.media == null ? null : this::motion);
    }

    /** The video motion signal of {@code file}, decoded once per path, size and modification time. */
    private MotionSignal motion(Path file) throws IOException {
        MediaService ms = media;
        if (ms == null) {
            throw new IOException("no video decoder is available");
        }
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new IOException(file + ": no such file");
        }
        BasicFileAttributes a = Files.readAttributes(abs, BasicFileAttributes.class);
        Key key = new Key(abs, a.size(), a.lastModifiedTime().toMillis(), null);
        synchronized (motions) {
            MotionSignal s = motions.get(key);
            if (s != null) {
                return s;
            }
        }
        MotionSignal s = VideoMotion.of(ms, abs);
        synchronized (motions) {
            motions.put(key, s);
        }
        return s;
    }
}
