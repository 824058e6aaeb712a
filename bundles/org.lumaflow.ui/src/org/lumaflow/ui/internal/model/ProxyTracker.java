package org.lumaflow.ui.internal.model;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.lumaflow.decoder.proxy.Proxies;
import org.lumaflow.decoder.proxy.ProxyStatus;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;

/**
 * The project's media files (bin and timeline) and their proxies: each new file is probed in the background, and a
 * heavy one ({@link Proxies#reason}) gets its proxy started at once (unless {@code -Dlumaflow.proxy.auto=false});
 * "Make proxy" asks for any file. One per studio ({@link #of}); listeners hear of every change, on any thread.
 */
public final class ProxyTracker {

    /** Whether heavy media get proxies as soon as they are imported or opened. */
    static final boolean AUTO = !"false".equals(System.getProperty("lumaflow.proxy.auto"));
    private static final String LIGHT = "";

    private final Studio studio;
    /** Why each probed file needs a proxy, {@link #LIGHT} when it does not. */
    private final Map<Path, String> reasons = new ConcurrentHashMap<>();
    private final Set<Path> asked = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<ProxyStatus> proxyListener = s -> changed();
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lumaflow-proxy-probe");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private Proxies listened;

    private ProxyTracker(Studio studio) {
        this.studio = studio;
        studio.addListener(c -> {
            if (c == Change.MEDIA || c == Change.PROJECT || c == Change.TIMELINE) {
                scan();
            }
        });
    }

    /** The studio's tracker (made on first use; it scans the project at once). */
    public static synchronized ProxyTracker of(Studio studio) {
        ProxyTracker t = studio.attached(ProxyTracker.class);
        if (t == null) {
            t = new ProxyTracker(studio);
            studio.attach(ProxyTracker.class, t);
            t.scan();
        }
        return t;
    }

    /** The proxies in use (the process-wide ones; followed when they are replaced). */
    public synchronized Proxies proxies() {
        Proxies p = Proxies.shared();
        if (p != listened) {
            if (listened != null) {
                listened.removeListener(proxyListener);
            }
            p.addListener(proxyListener);
            listened = p;
        }
        return p;
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    private void changed() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    /** The project's media: the bin's files, then the timeline's video files (absolute). UI thread. */
    public Set<Path> files() {
        Set<Path> out = new LinkedHashSet<>(studio.media());
        Path base = studio.project().baseDir();
        for (Track t : studio.timeline().tracks()) {
            for (Clip c : t.clips()) {
                if ("media.video".equals(c.source().type()) && c.source().params().get("file") instanceof String s
                        && !s.isBlank()) {
                    Path p = Path.of(s);
                    out.add((p.isAbsolute() || base == null ? p : base.resolve(p)).toAbsolutePath().normalize());
                }
            }
        }
        return out;
    }

    /** Probes the files not seen yet (UI thread); heavy ones get their proxy started. */
    public void scan() {
        Proxies px = proxies();
        for (Path f : files()) {
            if (reasons.putIfAbsent(f, LIGHT) == null) {
                prober.execute(() -> {
                    String why;
                    try {
                        why = Proxies.reason(studio.services().media().probe(f));
                    } catch (Exception | LinkageError e) {
                        why = null; // unreadable: the bin says why
                    }
                    reasons.put(f, why == null ? LIGHT : why);
                    if (why != null && AUTO) {
                        px.request(f);
                    }
                    changed();
                });
            }
        }
    }

    /** Makes {@code file}'s proxy whatever the rule says (the bin's "Make proxy"). */
    public void make(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        asked.add(abs);
        proxies().request(abs);
        changed();
    }

    /** Stops making {@code file}'s proxy. */
    public void cancel(Path file) {
        proxies().cancel(file);
    }

    /** Why {@code file} needs a proxy, or null (not heavy, or not probed yet). */
    public String reason(Path file) {
        String r = reasons.get(file.toAbsolutePath().normalize());
        return r == null || r.equals(LIGHT) ? null : r;
    }

    /** The bin's text for {@code file}: ready, 42%, queued, failed, needed (heavy, none yet) or -. */
    public String label(Path file) {
        ProxyStatus s = proxies().status(file);
        if (s.state() == ProxyStatus.State.NONE) {
            return reason(file) != null ? "needed" : "-";
        }
        return s.state() == ProxyStatus.State.FAILED ? "failed" : s.label();
    }

    /**
     * The viewer's summary: {@code proxies: 2 of 3 ready} (files that need a proxy or were asked for one, and how
     * many have it), {@code (making 42%)} while one is made, {@code proxies: none needed} when no file needs one.
     */
    public String summary() {
        Proxies px = proxies();
        int wanted = 0;
        int ready = 0;
        String making = null;
        for (Path f : files()) {
            ProxyStatus s = px.status(f);
            if (reason(f) == null && !asked.contains(f) && s.state() != ProxyStatus.State.READY
                    && s.state() != ProxyStatus.State.RUNNING) {
                continue;
            }
            wanted++;
            if (s.state() == ProxyStatus.State.READY) {
                ready++;
            } else if (s.state() == ProxyStatus.State.RUNNING) {
                making = s.label();
            }
        }
        if (wanted == 0) {
            return "proxies: none needed";
        }
        return "proxies: " + ready + " of " + wanted + " ready" + (making != null ? " (making " + making + ")" : "");
    }
}
