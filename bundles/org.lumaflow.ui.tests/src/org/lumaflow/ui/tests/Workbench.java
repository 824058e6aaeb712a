package org.lumaflow.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.ui.internal.model.Studio;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Drives the real workbench from a script thread: UI work through {@link #ui}, waits, keys, screenshots. */
final class Workbench {

    final Display display;
    private final Path shots;

    Workbench(Display display) {
        this.display = display;
        this.shots = Path.of(System.getProperty("lumaflow.screenshots", "target/screenshots"));
    }

    /** Runs {@code c} on the UI thread and returns its result (exceptions rethrown here). */
    <T> T ui(Callable<T> c) {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Throwable> err = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                out.set(c.call());
            } catch (Throwable t) {
                err.set(t);
            }
        });
        if (err.get() instanceof RuntimeException re) {
            throw re;
        }
        if (err.get() instanceof Error e) {
            throw e;
        }
        if (err.get() != null) {
            throw new IllegalStateException(err.get());
        }
        return out.get();
    }

    void run(Runnable r) {
        ui(() -> {
            r.run();
            return null;
        });
    }

    /** Waits up to {@code seconds} for {@code condition} (checked on the UI thread). */
    boolean await(double seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (ui(condition::getAsBoolean)) {
                return true;
            }
            Thread.sleep(50);
        }
        return ui(condition::getAsBoolean);
    }

    static Studio studio(double seconds) throws InterruptedException {
        Bundle b = FrameworkUtil.getBundle(Studio.class);
        ServiceTracker<Studio, Studio> t = new ServiceTracker<>(b.getBundleContext(), Studio.class, null);
        t.open();
        try {
            return t.waitForService(TimeUnit.MILLISECONDS.convert((long) seconds, TimeUnit.SECONDS));
        } finally {
            t.close();
        }
    }

    /** The part object of {@code id} (shown first). */
    <T> T part(Studio studio, String id, Class<T> type) {
        return ui(() -> {
            MApplication app = studio.attached(MApplication.class);
            EPartService ps = app.getChildren().get(0).getContext().get(EPartService.class);
            MPart p = ps.showPart(id, EPartService.PartState.ACTIVATE);
            return type.cast(p.getObject());
        });
    }

    Shell shell() {
        return ui(() -> {
            for (Shell s : display.getShells()) {
                if (s.isVisible() && s.getParent() == null) {
                    return s;
                }
            }
            return null;
        });
    }

    /** A key press as the user makes it: through the focus control, so the studio's key filter sees it. */
    void key(int keyCode, int stateMask) {
        run(() -> {
            Control target = display.getFocusControl();
            if (target == null) {
                target = shell();
            }
            for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
                if (target.isDisposed()) {
                    return; // the key closed its window (Ctrl+Q)
                }
                Event e = new Event();
                e.type = type;
                e.keyCode = keyCode;
                e.character = keyCode < 0x10000 ? (char) keyCode : 0;
                e.stateMask = stateMask;
                e.widget = target;
                target.notifyListeners(type, e);
            }
        });
    }

    /** The first control under {@code root} whose data {@code key} equals {@code value}. */
    static Control find(Control root, String key, Object value) {
        if (value.equals(root.getData(key))) {
            return root;
        }
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                Control f = find(child, key, value);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    Control find(String key, Object value) {
        return ui(() -> {
            for (Shell s : display.getShells()) {
                Control c = find(s, key, value);
                if (c != null) {
                    return c;
                }
            }
            return null;
        });
    }

    /** Saves the screen as {@code name}.png under target/screenshots (a test artifact). */
    void screenshot(String name) throws Exception {
        Files.createDirectories(shots);
        run(() -> {
            Shell s = shell();
            var r = s.getBounds();
            GC gc = new GC(display);
            Image img = new Image(display, r.width, r.height);
            try {
                gc.copyArea(img, r.x, r.y);
                ImageLoader l = new ImageLoader();
                l.data = new org.eclipse.swt.graphics.ImageData[] {img.getImageData()};
                l.save(shots.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                img.dispose();
            }
        });
    }

    void close(Studio studio) {
        if (display.isDisposed()) {
            return; // the script quit the studio itself
        }
        run(() -> {
            MApplication app = studio.attached(MApplication.class);
            app.getContext().get(IWorkbench.class).close();
        });
    }

    /** The minimal application context E4Application needs. */
    static IApplicationContext context(String... args) {
        return new IApplicationContext() {
            @Override
            public Map<String, Object> getArguments() {
                return Map.of(IApplicationContext.APPLICATION_ARGS, args);
            }

            @Override
            public void applicationRunning() {
            }

            @Override
            public String getBrandingApplication() {
                return null;
            }

            @Override
            public String getBrandingName() {
                return "Lumaflow Studio (UI test)";
            }

            @Override
            public String getBrandingDescription() {
                return null;
            }

            @Override
            public String getBrandingId() {
                return null;
            }

            @Override
            public String getBrandingProperty(String key) {
                return null;
            }

            @Override
            public Bundle getBrandingBundle() {
                return null;
            }

            @Override
            public void setResult(Object result, org.eclipse.equinox.app.IApplication application) {
            }
        };
    }
}
