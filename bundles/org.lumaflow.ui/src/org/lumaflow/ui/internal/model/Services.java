package org.lumaflow.ui.internal.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.export.Exporter;
import org.lumaflow.qc.QcService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The OSGi services the studio uses, tracked (they may come and go while the workbench runs). */
public final class Services implements AutoCloseable {

    private final BundleContext context;
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();

    public Services() {
        this(FrameworkUtil.getBundle(Services.class).getBundleContext());
    }

    public Services(BundleContext context) {
        this.context = context;
    }

    public BundleContext context() {
        return context;
    }

    /** The service of {@code type}, waiting up to 10 s for it to appear; null when none came. */
    public <T> T get(Class<T> type) {
        ServiceTracker<?, ?> t = tracker(type);
        try {
            return type.cast(t.waitForService(TimeUnit.SECONDS.toMillis(10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every service of {@code type} there is now, in no particular order (no waiting). */
    public <T> java.util.List<T> all(Class<T> type) {
        Object[] s = tracker(type).getServices();
        java.util.List<T> out = new java.util.ArrayList<>();
        if (s != null) {
            for (Object o : s) {
                out.add(type.cast(o));
            }
        }
        return out;
    }

    private <T> ServiceTracker<?, ?> tracker(Class<T> type) {
        return trackers.computeIfAbsent(type, k -> {
            ServiceTracker<T, T> tr = new ServiceTracker<>(context, type, null);
            tr.open();
            return tr;
        });
    }

    /** Like {@link #get} but throws a clear message when the service is missing. */
    public <T> T require(Class<T> type) {
        T s = get(type);
        if (s == null) {
            throw new IllegalStateException("service " + type.getSimpleName() + " is not available (is its bundle "
                    + "installed and started?)");
        }
        return s;
    }

    public Engine engine() {
        return require(Engine.class);
    }

    public MediaService media() {
        return require(MediaService.class);
    }

    public Exporter exporter() {
        return require(Exporter.class);
    }

    public QcService qc() {
        return require(QcService.class);
    }

    @Override
    public void close() {
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
    }
}
