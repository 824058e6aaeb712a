package org.lumaflow.ui.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.ui.internal.handlers.StudioAction;
import org.lumaflow.ui.internal.model.Recovery;
import org.lumaflow.ui.internal.model.Studio;

/**
 * Every way out of the studio asks about unsaved changes: the window's close button (through the window close
 * handler), File > Quit and Ctrl+Q ({@link #quit}), the end of the desktop session (the display's close event) and
 * termination signals (TERM, HUP, INT: the request is handed to the UI thread, which asks before closing). The
 * answers: save (Save As for an untitled project), discard (the recovery file goes too) or cancel (the studio stays).
 */
public final class ExitGuard {

    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");
    private static volatile ExitGuard current;

    private final Studio studio;
    private final Display display;
    private volatile boolean leaving;

    private ExitGuard(Studio studio, Display display) {
        this.studio = studio;
        this.display = display;
    }

    /** Installs the guard for {@code studio}: display close and termination signals. */
    static ExitGuard install(Studio studio, Display display) {
        ExitGuard g = new ExitGuard(studio, display);
        current = g;
        display.addListener(SWT.Close, e -> e.doit = g.confirm(display.getActiveShell()));
        for (String sig : new String[] {"TERM", "HUP", "INT"}) {
            g.onSignal(sig);
        }
        return g;
    }

    /** Asks (when the project is dirty) and closes the workbench unless the user cancels. */
    public static void quit(Shell shell, MApplication app) {
        ExitGuard g = current;
        if (g != null && !g.confirm(shell)) {
            return;
        }
        if (app == null && g != null) {
            app = g.studio.attached(MApplication.class);
        }
        IWorkbench wb = app == null ? null : app.getContext().get(IWorkbench.class);
        if (wb != null) {
            wb.close();
        }
    }

    /**
     * Whether the studio may close: true when nothing is unsaved or the user saved or discarded; false when the user
     * cancelled or the save failed. Asked once: after a yes or no, later close paths of the same exit pass.
     */
    public boolean confirm(Shell shell) {
        if (leaving) {
            return true;
        }
        if (!saveOrDiscard(studio, shell, "closing")) {
            return false;
        }
        leaving = true;
        return true;
    }

    /**
     * Asks whether to save the unsaved changes of {@code studio}'s project before {@code doing} ("closing",
     * "creating a new project"...): true when nothing is unsaved or the user saved (Save As for an untitled project)
     * or discarded (the recovery file goes too); false when the user cancelled or the save failed.
     */
    public static boolean saveOrDiscard(Studio studio, Shell shell, String doing) {
        if (!studio.dirty()) {
            return true;
        }
        int answer = Dialogs.ask3(shell, "Unsaved changes", "Save changes to " + studio.project().name()
                + " before " + doing + "?", SWT.NO);
        if (answer == SWT.CANCEL) {
            return false;
        }
        if (answer == SWT.YES) {
            try {
                if (studio.project().file() == null) {
                    String f = StudioAction.askSavePath(shell);
                    if (f == null) {
                        return false;
                    }
                    studio.saveAs(Path.of(f));
                } else {
                    studio.save();
                }
            } catch (Exception e) {
                Dialogs.error(shell, "Save failed", e.getMessage());
                return false;
            }
        } else {
            Recovery.discard(studio.project());
        }
        return true;
    }

    /** A termination signal asks on the UI thread, then closes the workbench unless cancelled. */
    private void onSignal(String name) {
        try {
            ClassLoader platform = ClassLoader.getPlatformClassLoader();
            Class<?> signal = platform.loadClass("sun.misc.Signal");
            Class<?> handler = platform.loadClass("sun.misc.SignalHandler");
            Object h = Proxy.newProxyInstance(platform, new Class<?>[] {handler}, (proxy, m, args) -> {
                if (m.getName().equals("handle")) {
                    LOG.log(System.Logger.Level.INFO, "studio: SIG" + name + " received: closing (asking about unsaved changes)");
                    if (!display.isDisposed()) {
                        display.asyncExec(() -> {
                            MApplication app = studio.attached(MApplication.class);
                            quit(display.getActiveShell() != null ? display.getActiveShell() : firstShell(), app);
                        });
                    }
                    return null;
                }
                return m.getName().equals("toString") ? "lumaflow-exit-guard" : m.getName().equals("hashCode")
                        ? System.identityHashCode(proxy) : Boolean.valueOf(proxy == args[0]);
            });
            Object sig = signal.getConstructor(String.class).newInstance(name);
            Method handle = signal.getMethod("handle", signal, handler);
            handle.invoke(null, sig, h);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // signals this JVM or platform does not let us catch keep their default (exit without asking)
            LOG.log(System.Logger.Level.DEBUG, "SIG" + name + " not handled: " + e);
        }
    }

    private Shell firstShell() {
        Shell[] shells = display.getShells();
        return shells.length == 0 ? null : shells[0];
    }
}
