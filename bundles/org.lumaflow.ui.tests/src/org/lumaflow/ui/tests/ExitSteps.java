package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.lumaflow.ui.internal.Dialogs;
import org.lumaflow.ui.internal.handlers.Actions;
import org.lumaflow.ui.internal.model.Recovery;
import org.lumaflow.ui.internal.model.Studio;

/**
 * 10. No lost work (the last steps: the studio quits here). The media bin is part of the project (undoable, saved,
 * back after reopening); Save As of the untitled project names the window and the project after the file and leaves
 * no recovery file to offer falsely; Ctrl+Q and a termination signal ask about unsaved changes (Cancel keeps the
 * studio open), and Save on the way out writes the project before the workbench closes.
 */
final class ExitSteps {

    private ExitSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        Path media = Files.writeString(dir.resolve("notes.wav"), "not really audio: the bin keeps unreadable files too");
        Path second = Files.writeString(dir.resolve("second.mov"), "x");
        assertNull(wb.ui(() -> studio.project().file()), "the demo opens untitled");

        // the bin is saved with the project
        wb.run(() -> studio.addMedia(media));
        assertTrue(wb.ui(studio::dirty), "importing into the bin did not make the project dirty");
        assertEquals("Import 'notes.wav'", wb.ui(() -> studio.edits().undoLabel()));
        assertEquals("Undo Import 'notes.wav'\tCtrl+Z", wb.ui(() -> Actions.menuLabel("undo", studio)));
        assertTrue(wb.ui(() -> editMenuText(wb)).contains("Undo Import 'notes.wav'"),
                "Edit > Undo does not say what it undoes: " + wb.ui(() -> editMenuText(wb)));
        assertTrue(wb.ui(() -> shellTitle(wb)).startsWith("* "), "the title does not show unsaved changes: "
                + wb.ui(() -> shellTitle(wb)));

        // autosave of the untitled project, then Save As: nothing left to recover
        assertNotNull(wb.ui(studio::autosave), "autosave wrote nothing for a dirty project");
        assertNotNull(Recovery.pending(null), "no untitled recovery file after autosave");
        Path file = dir.resolve("first-day.lumaflow");
        wb.ui(() -> {
            studio.saveAs(file);
            return null;
        });
        assertNull(Recovery.pending(null), "Save As left the untitled recovery file: the next start would offer it");
        assertNull(Recovery.pending(file));
        assertEquals("first-day", wb.ui(() -> studio.project().name()), "Save As kept the demo's name");
        assertTrue(wb.await(2, () -> shellTitle(wb).equals("first-day.lumaflow \u2014 Lumaflow Studio")),
                "window title: " + wb.ui(() -> shellTitle(wb)));
        assertTrue(Files.readString(file).contains("notes.wav"), "the bin is not in the saved project");

        // reopen: the bin comes back
        wb.ui(() -> {
            studio.open(file);
            return null;
        });
        assertEquals(List.of(media), wb.ui(studio::media));
        wb.part(studio, "org.lumaflow.ui.part.mediabin", Object.class);
        assertTrue(wb.await(5, () -> ((Table) wb.find("id", "mediabin.table")).getItemCount() == 1),
                "the reopened bin does not list the imported file");
        wb.screenshot("10-bin-reopened");

        // every way out asks when there are unsaved changes; Cancel keeps the studio
        wb.run(() -> studio.addMedia(second));
        Dialogs.respondWith((title, message) -> {
            asked.add(title + ": " + message);
            return title.equals("Unsaved changes") ? SWT.CANCEL : null;
        });
        try {
            wb.key('q', SWT.MOD1);
            assertTrue(wb.await(5, () -> asked.size() == 1), "Ctrl+Q closed without asking: " + asked);
            Thread.sleep(500);
            assertFalse(wb.display.isDisposed());
            assertNotNull(wb.shell(), "Cancel did not keep the window");
            new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            assertTrue(wb.await(5, () -> asked.size() == 2), "SIGTERM did not ask: " + asked);
            Thread.sleep(500);
            assertNotNull(wb.shell(), "Cancel after SIGTERM did not keep the window");
            assertTrue(asked.get(0).contains("first-day"), asked.get(0));

            // Save on the way out: written, then the workbench closes
            Dialogs.respondWith((title, message) -> {
                asked.add(title + ": " + message);
                return title.equals("Unsaved changes") ? SWT.YES : null;
            });
            wb.key('q', SWT.MOD1);
            long end = System.nanoTime() + 20_000_000_000L;
            while (!wb.display.isDisposed() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertTrue(wb.display.isDisposed() || wb.shell() == null, "Save did not close the studio");
            assertEquals(3, asked.size(), asked.toString());
            assertTrue(Files.readString(file).contains("second.mov"), "the last change was not saved on quit");
            assertNull(Recovery.pending(file), "a recovery file would be offered after a clean quit");
        } finally {
            Dialogs.respondWith(null);
        }
    }

    /** The Edit menu's item texts after it was shown (the workbench updates labels on show). */
    private static String editMenuText(Workbench wb) {
        for (var s : wb.display.getShells()) {
            if (s.getParent() == null && s.getMenuBar() != null) {
                for (var item : s.getMenuBar().getItems()) {
                    if (item.getText().replace("&", "").equals("Edit") && item.getMenu() != null) {
                        item.getMenu().notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event());
                        StringBuilder b = new StringBuilder();
                        for (var mi : item.getMenu().getItems()) {
                            b.append(mi.getText()).append(" | ");
                        }
                        item.getMenu().notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
                        return b.toString();
                    }
                }
            }
        }
        return "";
    }

    private static String shellTitle(Workbench wb) {
        for (var s : wb.display.getShells()) {
            if (s.getParent() == null && s.isVisible()) {
                return s.getText();
            }
        }
        return "";
    }
}
