package org.lumaflow.engine.internal.registry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.registry.NodeRegistry.Failure;

/**
 * What went wrong with plugin node types, keyed by the service object (so an updated or reinstalled plugin, which
 * registers new objects, starts clean): bind failures and render quarantines. Thread-safe; the lookups renders make
 * per frame allocate nothing.
 */
public final class Containment {

    /** Failures in a row after which a throwing node type is quarantined. */
    public static final int MAX_THROWS = 3;

    /** The instance used when no registry supplies one (graphs compiled outside the {@code CpuEngine}). */
    public static final Containment SHARED = new Containment();

    private static final class State {
        final String subject;
        final String plugin;
        int throwsInRow;
        /** why the type is quarantined or could not be bound; null while it still renders */
        String reason;
        int leakedFrames;

        State(String subject, String plugin) {
            this.subject = subject;
            this.plugin = plugin;
        }
    }

    private final Map<Object, State> states = new IdentityHashMap<>();
    private volatile Runnable onChange = () -> { };
    /** true while any state exists: the common case (nothing ever failed) costs one volatile read */
    private volatile boolean any;

    /** Sets what to call (outside any lock) after a failure list change. */
    public void onChange(Runnable r) {
        this.onChange = r == null ? () -> { } : r;
    }

    /** Why {@code type} is quarantined, or null when it renders. */
    public String quarantined(Object type) {
        if (!any) {
            return null;
        }
        synchronized (this) {
            State s = states.get(type);
            return s == null ? null : s.reason;
        }
    }

    /** A render of {@code type} returned normally: ends a run of failures. */
    public void succeeded(Object type) {
        if (!any) {
            return;
        }
        synchronized (this) {
            State s = states.get(type);
            if (s != null && s.reason == null) {
                s.throwsInRow = 0;
            }
        }
    }

    /**
     * A render of {@code type} threw {@code t}. Returns the quarantine reason when this was the {@link #MAX_THROWS}th
     * failure in a row (the type is quarantined from now on), else null.
     */
    public String threw(Object type, String subject, String plugin, Throwable t) {
        String reason;
        synchronized (this) {
            State s = state(type, subject, plugin);
            if (s.reason != null) {
                return s.reason;
            }
            if (++s.throwsInRow < MAX_THROWS) {
                return null;
            }
            reason = s.reason = "quarantined: render() failed " + MAX_THROWS + " times in a row, last with "
                    + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        onChange.run();
        return reason;
    }

    /** A render of {@code type} did not return in time; its thread was abandoned with {@code leaked} frames. */
    public String hung(Object type, String subject, String plugin, long timeoutMs, int leaked) {
        String reason;
        synchronized (this) {
            State s = state(type, subject, plugin);
            s.leakedFrames += leaked;
            reason = s.reason = "quarantined: render() did not return within " + timeoutMs
                    + " ms; its thread was abandoned (" + s.leakedFrames + " frame(s) leaked to the plugin)";
        }
        onChange.run();
        return reason;
    }

    /** {@code service} could not be bound (its descriptor failed). */
    public void bindFailed(Object service, String subject, String plugin, String reason) {
        synchronized (this) {
            state(service, subject, plugin).reason = reason;
        }
        onChange.run();
    }

    /** Forgets everything about {@code service} (it went away). */
    public void forget(Object service) {
        boolean removed;
        synchronized (this) {
            removed = states.remove(service) != null;
            any = !states.isEmpty();
        }
        if (removed) {
            onChange.run();
        }
    }

    /** Forgets the failures of {@code plugin}'s services. */
    public void forgetPlugin(String plugin) {
        boolean removed;
        synchronized (this) {
            removed = states.values().removeIf(s -> s.plugin.equals(plugin));
            any = !states.isEmpty();
        }
        if (removed) {
            onChange.run();
        }
    }

    /** Frames abandoned with hung renders of {@code type}. */
    public synchronized int leakedFrames(Object type) {
        State s = states.get(type);
        return s == null ? 0 : s.leakedFrames;
    }

    /** Current failures (quarantines and bind failures), sorted by plugin then subject. */
    public synchronized List<Failure> failures() {
        List<Failure> out = new ArrayList<>();
        for (State s : states.values()) {
            if (s.reason != null) {
                out.add(new Failure(s.subject, s.plugin, s.reason));
            }
        }
        out.sort((a, b) -> a.plugin().equals(b.plugin()) ? a.subject().compareTo(b.subject())
                : a.plugin().compareTo(b.plugin()));
        return List.copyOf(out);
    }

    private State state(Object key, String subject, String plugin) {
        State s = states.get(key);
        if (s == null) {
            s = new State(subject, plugin == null ? "unknown" : plugin);
            states.put(key, s);
            any = true;
        }
        return s;
    }
}
