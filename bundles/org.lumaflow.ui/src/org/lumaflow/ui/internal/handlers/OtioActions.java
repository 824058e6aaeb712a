package org.lumaflow.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.lumaflow.otio.Otio;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.model.Studio;

/** OpenTimelineIO in the studio: what opening reported, File > Export Timeline, File > Relink Offline Media. */
final class OtioActions {

    private OtioActions() {
    }

    /** After opening {@code file}: its notes (offline media first), with the way to relink. */
    static void opened(Shell shell, Path file, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (String n : notes) {
            if (shown++ < 12) {
                b.append("\u2022 ").append(n).append('\n');
            }
        }
        if (notes.size() > 12) {
            b.append("... and ").append(notes.size() - 12).append(" more (see the log)\n");
        }
        b.append("\nOffline clips show a slate; File > Relink Offline Media finds their files in a folder.");
        Dialogs.info(shell, "Opened " + file.getFileName(), b.toString());
    }

    static void exportTimeline(Studio studio, Shell shell) throws Exception {
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setText("Export timeline");
        d.setFilterExtensions(new String[] {"*.otio", "*.otioz"});
        d.setFilterNames(new String[] {"OpenTimelineIO (.otio)", "OpenTimelineIO bundle with media (.otioz)"});
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) {
            return;
        }
        if (!f.endsWith(".otio") && !f.endsWith(".otioz")) {
            f += d.getFilterIndex() == 1 ? ".otioz" : ".otio";
        }
        List<String> notes = studio.exportTimeline(Path.of(f));
        Dialogs.info(shell, "Timeline exported", f + (notes.isEmpty() ? "" : "\n\n" + String.join("\n", notes)));
    }

    static void relink(Studio studio, Shell shell) throws Exception {
        int offline = Otio.offline(studio.project()).size();
        if (offline == 0) {
            Dialogs.info(shell, "Relink offline media", "No clip is offline.");
            return;
        }
        DirectoryDialog d = new DirectoryDialog(shell);
        d.setText("Relink offline media");
        d.setMessage("A folder to search (with its subfolders) for the " + offline + " offline file(s)");
        String dir = d.open();
        if (dir == null) {
            return;
        }
        Map<String, Path> done = studio.relink(Path.of(dir));
        int left = Otio.offline(studio.project()).size();
        Dialogs.info(shell, "Relink offline media", done.size() + " clip(s) relinked"
                + (left == 0 ? "." : "; " + left + " still offline (no file of that name in " + dir + ")."));
    }
}
