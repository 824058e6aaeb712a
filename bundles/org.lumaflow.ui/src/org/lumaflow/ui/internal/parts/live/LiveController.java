package org.lumaflow.ui.internal.parts.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveService;
import org.lumaflow.live.LiveSession;
import org.lumaflow.live.LiveStats;
import org.lumaflow.live.Secrets;

/**
 * The Live part's session control, off the UI thread: starts a session (preview, record, go live), adds and removes
 * outputs while it runs, stops it. Statistics and events are forwarded to the given consumers on the session's
 * threads (the part hops to the UI thread). Messages are masked ({@link Secrets}).
 */
public final class LiveController implements AutoCloseable {

    private final LiveService service;
    private final Consumer<LiveStats> stats;
    private final BiConsumer<LiveListener.Level, String> events;
    private final Set<String> outputs = new LinkedHashSet<>();
    private volatile LiveSession session;

    public LiveController(LiveService service, Consumer<LiveStats> stats,
            BiConsumer<LiveListener.Level, String> events) {
        this.service = service;
        this.stats = stats;
        this.events = events;
    }

    /** The running session, or null. */
    public LiveSession session() {
        LiveSession s = session;
        return s != null && s.running() ? s : null;
    }

    /** Whether {@code target} is being written or sent now. */
    public synchronized boolean active(String target) {
        return session() != null && outputs.contains(target);
    }

    /**
     * Makes sure a session runs with {@code config}'s sources and then adds {@code target} (null: preview only).
     * Blocking: call from a background thread.
     */
    public synchronized void start(LiveConfig config, String target) throws LiveException {
        LiveSession s = session();
        if (s == null) {
            outputs.clear();
            List<String> streams = new ArrayList<>();
            LiveConfig c = config;
            if (target != null) {
                if (isFile(target)) {
                    c = with(config, java.nio.file.Path.of(target), streams);
                } else {
                    streams.add(target);
                    c = with(config, null, streams);
                }
                outputs.add(target);
            } else {
                c = with(config, null, streams);
            }
            session = service.start(c, new LiveListener() {
                @Override
                public void stats(LiveStats st) {
                    stats.accept(st);
                }

                @Override
                public void event(Level level, String message) {
                    events.accept(level, Secrets.mask(message));
                }
            });
            events.accept(LiveListener.Level.INFO, "session started: " + String.join(", ", session.sources()));
            return;
        }
        if (target != null && outputs.add(target)) {
            try {
                s.startOutput(target, Map.of());
            } catch (LiveException e) {
                outputs.remove(target);
                throw e;
            }
        }
    }

    /** Finalises {@code target}; stops the session when nothing else is written or sent and {@code keepPreview} is off. */
    public synchronized void stopOutput(String target, boolean keepPreview) {
        LiveSession s = session();
        if (s == null || !outputs.remove(target)) {
            return;
        }
        if (outputs.isEmpty() && !keepPreview) {
            stop();
        } else {
            s.stopOutput(target);
        }
    }

    /** Stops the session (outputs finalised). Blocking. */
    public synchronized void stop() {
        LiveSession s = session;
        session = null;
        outputs.clear();
        if (s != null) {
            s.stop();
            String failure = s.failure();
            events.accept(failure == null ? LiveListener.Level.INFO : LiveListener.Level.ERROR,
                    failure == null ? "session stopped" : Secrets.mask(failure));
        }
    }

    static boolean isFile(String target) {
        return !target.contains("://");
    }

    private static LiveConfig with(LiveConfig c, java.nio.file.Path record, List<String> streams) {
        return new LiveConfig(c.sources(), c.layout(), c.effects(), record, streams, c.width(), c.height(), c.rate(),
                c.duration(), c.drop(), c.encoder(), c.bitrate(), c.keyframeSeconds(), c.backend(), c.options());
    }

    @Override
    public void close() {
        stop();
    }
}
