package org.lumaflow.extensions.internal;

import org.lumaflow.core.internal.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.extensions.Extension;
import org.lumaflow.extensions.ExtensionService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the bundles installed from the dropins folder in step with its jars: installed from memory under a location
 * of their own ({@link #LOCATION}), updated when the jar's content changes (then refreshed), uninstalled (and
 * refreshed) when it goes. Runs once synchronously at activation, reconciling what an earlier run installed, then on
 * every settled change the {@link DropinsWatcher} sees. Faulty jars get an error and are otherwise ignored.
 */
@Component(service = ExtensionService.class, immediate = true)
public final class ExtensionManager implements ExtensionService {

    /** Location prefix of bundles installed from the dropins folder. */
    public static final String LOCATION = "lumaflow-dropins:";

    private static final System.Logger LOG = System.getLogger("org.lumaflow.extensions");
    private static final String PIXEL_CONVERTER = "org.lumaflow.engine.registry.PixelConverter";

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** per jar: size@mtime when last processed (unchanged jars are not read again) */
    private final Map<Path, String> seen = new HashMap<>();
    /** per jar: why it could not be installed, updated or started (read by listeners' threads too) */
    private final Map<Path, String> errors = new ConcurrentHashMap<>();
    /** serializes reconciles (not held by {@link #extensions()}: listeners may call it from any thread) */
    private final Object lock = new Object();
    /** location -> SHA-256 of the content installed (persisted, so a later run sees jars changed meanwhile) */
    private final Properties installed = new Properties();
    private final Runnable changed = this::fire;
    private final BundleListener bundleListener = e -> {
        if (e.getBundle().getLocation().startsWith(LOCATION)) {
            fire();
        }
    };
    private final ServiceListener converterListener = e -> {
        if (e.getType() != ServiceEvent.MODIFIED) {
            fire();
        }
    };

    private NodeRegistry registry;
    private BundleContext context;
    private Path dir;
    private Path stateFile;
    private DropinsWatcher watcher;

    @Reference
    void setRegistry(NodeRegistry r) {
        this.registry = r;
    }

    @Activate
    void activate(BundleContext bc) throws IOException {
        this.context = bc;
        this.dir = folder(bc);
        Files.createDirectories(dir);
        this.stateFile = bc.getDataFile("installed.properties") == null ? null
                : bc.getDataFile("installed.properties").toPath();
        if (stateFile != null && Files.exists(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                installed.load(in);
            }
        }
        reconcile(); // synchronous: a run started with jars already in the folder sees their nodes
        registry.addListener(changed);
        bc.addBundleListener(bundleListener);
        try {
            bc.addServiceListener(converterListener, "(" + Constants.OBJECTCLASS + "=" + PIXEL_CONVERTER + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        watcher = new DropinsWatcher(dir, this::reconcile);
        LOG.log(System.Logger.Level.DEBUG, "watching " + dir);
    }

    @Deactivate
    void deactivate() {
        watcher.close();
        registry.removeListener(changed);
        context.removeBundleListener(bundleListener);
        context.removeServiceListener(converterListener);
    }

    /** {@code -Dlumaflow.dropins}, else {@code dropins} in the install area (else in the working directory). */
    static Path folder(BundleContext bc) {
        String d = System.getProperty("lumaflow.dropins");
        if (d == null) {
            d = bc.getProperty("lumaflow.dropins");
        }
        if (d != null && !d.isBlank()) {
            return Path.of(d).toAbsolutePath().normalize();
        }
        String area = bc.getProperty("osgi.install.area");
        if (area != null) {
            try {
                return Path.of(URI.create(area.replace(" ", "%20"))).resolve("dropins").normalize();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot use osgi.install.area " + area + ": " + e);
            }
        }
        return Path.of("dropins").toAbsolutePath();
    }

    @Override
    public Path dropins() {
        return dir;
    }

    // ---- reconcile ----

    /** Brings the bundles in line with the folder's jars. */
    void reconcile() {
        synchronized (lock) {
            reconcileLocked();
        }
    }

    private void reconcileLocked() {
        Map<String, Path> jars = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .forEach(p -> jars.put(location(p), p));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot list " + dir + ": " + e);
            return;
        }
        Map<String, Bundle> ours = ours();
        List<Bundle> refresh = new ArrayList<>();
        List<Bundle> start = new ArrayList<>();
        boolean any = false;
        for (Map.Entry<String, Bundle> e : ours.entrySet()) {
            if (!jars.containsKey(e.getKey())) {
                any = true;
                uninstall(e.getValue());
                refresh.add(e.getValue());
                installed.remove(e.getKey());
            }
        }
        seen.keySet().removeIf(p -> !jars.containsKey(location(p)));
        errors.keySet().removeIf(p -> !jars.containsKey(location(p)));
        for (Map.Entry<String, Path> e : jars.entrySet()) {
            Path jar = e.getValue();
            String stamp = stamp(jar);
            Bundle b = ours.get(e.getKey());
            if (stamp.equals(seen.get(jar)) && (b != null || errors.containsKey(jar))) {
                continue;
            }
            seen.put(jar, stamp);
            JarInfo info = JarInfo.read(jar);
            if (info.error() != null) {
                any |= !info.error().equals(errors.put(jar, info.error()));
                continue;
            }
            if (b != null && info.sha256().equals(installed.getProperty(e.getKey()))) {
                if (errors.remove(jar) != null || b.getState() != Bundle.ACTIVE) {
                    start.add(b);
                    any = true;
                }
                continue;
            }
            any = true;
            errors.remove(jar);
            try {
                if (b == null) {
                    b = context.installBundle(e.getKey(), new ByteArrayInputStream(info.bytes()));
                    LOG.log(System.Logger.Level.INFO, "installed " + b.getSymbolicName() + " " + b.getVersion()
                            + " from " + jar);
                } else {
                    registry.clearFailures(b.getSymbolicName());
                    // stopped first so the update does not start the new revision only for the refresh below to
                    // stop and start it again: its nodes appear once, when it is started after the refresh
                    if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
                        b.stop(Bundle.STOP_TRANSIENT);
                    }
                    b.update(new ByteArrayInputStream(info.bytes()));
                    refresh.add(b);
                    LOG.log(System.Logger.Level.INFO, "updated " + b.getSymbolicName() + " to " + b.getVersion()
                            + " from " + jar);
                }
                installed.setProperty(e.getKey(), info.sha256());
                start.add(b);
            } catch (BundleException | RuntimeException ex) {
                errors.put(jar, (b == null ? "install" : "update") + " failed: " + ex.getMessage());
            }
        }
        if (!refresh.isEmpty()) {
            refresh(refresh);
        }
        for (Bundle b : start) {
            start(b);
        }
        if (any) {
            save();
            fire();
        }
    }

    private void start(Bundle b) {
        if (b.getState() == Bundle.UNINSTALLED || b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            Path jar = source(b);
            if (jar != null) {
                errors.put(jar, "could not start: " + e.getMessage());
            }
        }
    }

    private void uninstall(Bundle b) {
        String name = b.getSymbolicName();
        try {
            b.uninstall();
            LOG.log(System.Logger.Level.INFO, "uninstalled " + name);
        } catch (BundleException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot uninstall " + name + ": " + e);
        }
        if (name != null) {
            registry.clearFailures(name);
        }
    }

    /** Refreshes {@code bundles} (and their dependants) and waits until the framework is done (at most 10 s). */
    private void refresh(List<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(bundles, e -> done.countDown());
        try {
            if (!done.await(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "bundle refresh still running after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Bundle> ours() {
        Map<String, Bundle> m = new LinkedHashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(LOCATION)) {
                m.put(b.getLocation(), b);
            }
        }
        return m;
    }

    private static String location(Path jar) {
        return LOCATION + jar.toAbsolutePath().normalize().toUri();
    }

    private Path source(Bundle b) {
        String loc = b.getLocation();
        if (!loc.startsWith(LOCATION)) {
            return null;
        }
        try {
            return Path.of(URI.create(loc.substring(LOCATION.length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String stamp(Path jar) {
        try {
            return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        try {
            AtomicFiles.write(stateFile, out -> installed.store(out, "bundles installed from " + dir));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save " + stateFile + ": " + e);
        }
    }

    // ---- service ----

    @Override
    public List<Extension> extensions() {
        Map<String, Bundle> ours = ours();
        List<Extension> out = new ArrayList<>();
        Map<Path, Boolean> listed = new HashMap<>();
        NodeRegistry.Snapshot snap = registry.snapshot();
        List<NodeRegistry.Failure> failures = registry.failures();
        for (Bundle b : ours.values()) {
            Path jar = source(b);
            try {
                out.add(describe(b, jar, snap, failures));
                listed.put(jar, true);
            } catch (IllegalStateException e) {
                // uninstalled while we looked (the watcher removed its jar meanwhile): it is no longer installed
            }
        }
        for (Map.Entry<Path, String> e : errors.entrySet()) {
            if (!listed.containsKey(e.getKey())) {
                out.add(new Extension(e.getKey().getFileName().toString(), "", "FAILED", -1, e.getKey(), List.of(),
                        List.of(), List.of(e.getValue())));
            }
        }
        out.sort(Comparator.comparing(Extension::symbolicName));
        return out;
    }

    private Extension describe(Bundle b, Path jar, NodeRegistry.Snapshot snap, List<NodeRegistry.Failure> failures) {
        String bsn = b.getSymbolicName();
        List<String> nodes = new ArrayList<>();
        snap.plugins().forEach((type, plugin) -> {
            if (plugin.equals(bsn)) {
                nodes.add(type);
            }
        });
        nodes.sort(null);
        List<String> converters = new ArrayList<>();
        var refs = b.getRegisteredServices();
        if (refs != null) {
            for (var ref : refs) {
                if (List.of((String[]) ref.getProperty(Constants.OBJECTCLASS)).contains(PIXEL_CONVERTER)) {
                    converters.add(converterId(ref));
                }
            }
        }
        List<String> errs = new ArrayList<>();
        if (jar != null && errors.containsKey(jar)) {
            errs.add(errors.get(jar));
        }
        for (NodeRegistry.Failure f : failures) {
            if (f.plugin().equals(bsn)) {
                errs.add(f.subject() + ": " + f.reason());
            }
        }
        return new Extension(bsn == null ? String.valueOf(jar) : bsn, b.getVersion().toString(), state(b),
                b.getBundleId(), jar, nodes, converters, errs);
    }

    private String converterId(org.osgi.framework.ServiceReference<?> ref) {
        Object s = null;
        try {
            s = context.getService(ref);
            if (s instanceof org.lumaflow.engine.registry.PixelConverter c) {
                return c.id();
            }
            return String.valueOf(ref.getProperty("component.name"));
        } catch (RuntimeException e) {
            return String.valueOf(ref.getProperty("component.name"));
        } finally {
            if (s != null) {
                context.ungetService(ref);
            }
        }
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public Extension install(Path jar) throws IOException {
        JarInfo info = JarInfo.read(jar);
        if (info.bytes().length == 0 && info.error() != null) {
            throw new IOException(info.error());
        }
        Path target;
        synchronized (lock) {
            target = dir.resolve(jar.getFileName().toString());
            if (info.symbolicName() != null) {
                for (Extension e : extensions()) {
                    if (e.symbolicName().equals(info.symbolicName()) && e.source() != null) {
                        target = e.source(); // same bundle: replace its jar (an update)
                    }
                }
            }
            AtomicFiles.write(target, out -> Files.copy(jar, out));
            seen.remove(target);
            reconcileLocked();
            for (Extension e : extensions()) {
                if (target.equals(e.source())) {
                    return e;
                }
            }
        }
        throw new IOException("installed " + target + " but found no extension for it");
    }

    @Override
    public boolean uninstall(String symbolicName) throws IOException {
        synchronized (lock) {
            for (Extension e : extensions()) {
                if (e.symbolicName().equals(symbolicName) && e.source() != null) {
                    Files.deleteIfExists(e.source());
                    reconcileLocked();
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "extension listener failed: " + e, e);
            }
        }
    }
}
