package org.lumaflow.ui.internal;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.widgets.Display;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The window title names the open project and says when it has unsaved changes:
 * {@code "* trip.lumaflow — Lumaflow Studio"} (the file name; the project name while untitled).
 */
final class WindowTitle {

    static final String APP = "Lumaflow Studio";

    private WindowTitle() {
    }

    static void install(Studio studio, MApplication app) {
        Display display = Display.getCurrent();
        Runnable update = () -> {
            String t = title(studio);
            for (MWindow w : app.getChildren()) {
                if (!t.equals(w.getLabel())) {
                    w.setLabel(t);
                }
            }
        };
        studio.addListener(c -> {
            if (c == Change.DIRTY || c == Change.PROJECT) {
                if (Display.getCurrent() == display) {
                    update.run();
                } else if (!display.isDisposed()) {
                    display.asyncExec(update);
                }
            }
        });
        update.run();
    }

    /** The title for the studio's current state. */
    static String title(Studio studio) {
        var p = studio.project();
        String name = p.file() == null ? p.name() : p.file().getFileName().toString();
        return (studio.dirty() ? "* " : "") + name + " \u2014 " + APP;
    }
}
