package org.lumaflow.ui.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.ui.internal.handlers.Shortcuts;
import org.lumaflow.ui.internal.model.Recovery;
import org.lumaflow.ui.internal.model.Services;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.model.StudioPreferences;
import org.osgi.framework.ServiceRegistration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Creates the {@link Studio} session when the application model loads, puts it into the application context (parts
 * get it injected) and registers it as an OSGi service (automation, UI tests). Once the window is up it opens the
 * project (first application argument, else the bundled demo), offers crash recovery, starts autosave and installs
 * the keyboard shortcuts; it logs the start-up times.
 */
public final class StudioAddon {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private Studio studio;
    private Services services;
    private ServiceRegistration<Studio> registration;
    private Runnable autosave;

    @PostConstruct
    void init(IEclipseContext context) {
        Display d = Display.getCurrent();
        if (d != null) { // the workbench window appearing is the start-up milestone
            org.eclipse.swt.widgets.Listener shown = new org.eclipse.swt.widgets.Listener() {
                @Override
                public void handleEvent(org.eclipse.swt.widgets.Event e) {
                    if (e.widget instanceof Shell s && s.getParent() == null) {
                        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                        LOG.log(System.Logger.Level.INFO, "studio: workbench window shown " + ms + " ms after JVM start");
                        StartupTimes.windowUp(ms);
                        d.removeFilter(SWT.Show, this);
                    }
                }
            };
            d.addFilter(SWT.Show, shown);
        }
        services = new Services();
        StudioPreferences prefs = StudioPreferences.load();
        studio = new Studio(services, prefs);
        String backend = prefs.get(StudioPreferences.BACKEND);
        try {
            if (System.getProperty("lumaflow.backend") == null && !backend.isBlank()) {
                studio.engine().preferBackend(backend);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "backend preference '" + backend + "' not applied: " + e.getMessage());
        }
        Path project = projectArgument(context);
        try {
            if (project != null) {
                studio.open(project);
            } else {
                studio.openDemo();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "cannot open " + (project == null ? "the demo" : project) + ": "
                    + e.getMessage());
            try {
                studio.openDemo();
            } catch (Exception e2) {
                throw new IllegalStateException("the bundled demo cannot be opened: " + e2.getMessage(), e2);
            }
            Display.getDefault().asyncExec(() -> Dialogs.error(null, "Cannot open project", e.getMessage()));
        }
        context.set(Studio.class, studio);
        registration = services.context().registerService(Studio.class, studio, new Hashtable<>());
    }

    /** The workbench is up: window shown, parts created. */
    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object event, MApplication app) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.log(System.Logger.Level.INFO, "studio: workbench started " + ms + " ms after JVM start");
        studio.attach(MApplication.class, app);
        Display display = Display.getCurrent();
        Shell shell = display.getActiveShell();
        ExitGuard guard = ExitGuard.install(studio, display);
        for (MWindow w : app.getChildren()) {
            w.getContext().set(IWindowCloseHandler.class, win -> guard.confirm((Shell) win.getWidget()));
        }
        WindowTitle.install(studio, app);
        Shortcuts.install(display, studio, app);
        offerRecovery(shell);
        autosave = () -> {
            int s = studio.preferences().getInt(StudioPreferences.AUTOSAVE_S);
            if (display.isDisposed()) {
                return;
            }
            try {
                Path f = s > 0 ? studio.autosave() : null; // 0 = autosave off (checked again every minute)
                if (f != null) {
                    LOG.log(System.Logger.Level.DEBUG, "autosaved to " + f);
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "autosave failed: " + e.getMessage());
            }
            display.timerExec(Math.max(5, s > 0 ? s : 60) * 1000, autosave);
        };
        display.timerExec(Math.max(5, studio.preferences().getInt(StudioPreferences.AUTOSAVE_S)) * 1000, autosave);
    }

    private void offerRecovery(Shell shell) {
        Path pending = Recovery.pending(studio.project().file());
        if (pending == null) {
            return;
        }
        String what = studio.project().file() == null ? "an untitled project" : studio.project().file().toString();
        boolean recover = Dialogs.confirm(shell, "Recover unsaved changes",
                "Lumaflow Studio did not shut down cleanly. Unsaved changes to " + what + " were autosaved.\n\n"
                        + "Recover them?", Boolean.parseBoolean(System.getProperty("lumaflow.studio.recover", "false")));
        try {
            if (recover) {
                Path file = studio.project().file();
                var p = ProjectIO.load(pending);
                p.setFile(file);
                studio.setProject(p);
                studio.fire(org.lumaflow.ui.internal.model.Change.DIRTY);
                LOG.log(System.Logger.Level.INFO, "recovered unsaved changes from " + pending);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (Exception e) {
            Dialogs.error(shell, "Recovery failed", pending + ": " + e.getMessage());
        }
    }

    private static Path projectArgument(IEclipseContext context) {
        IApplicationContext app = context.get(IApplicationContext.class);
        if (app != null && app.getArguments().get(IApplicationContext.APPLICATION_ARGS) instanceof String[] args) {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("-")) {
                    if (i + 1 < args.length && !args[i + 1].startsWith("-") && takesValue(a)) {
                        i++;
                    }
                    continue;
                }
                if (a.endsWith(".lumaflow") || a.endsWith(".otio") || a.endsWith(".otioz") || a.endsWith(".otiod")) {
                    return Path.of(a);
                }
            }
        }
        String p = System.getProperty("lumaflow.studio.project");
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    private static boolean takesValue(String option) {
        return option.equals("-applicationXMI") || option.equals("-data") || option.equals("-cssTheme")
                || option.equals("-applicationCSS") || option.equals("-product");
    }

    @PreDestroy
    void dispose() {
        if (registration != null) {
            registration.unregister();
        }
        services.close();
    }
}
