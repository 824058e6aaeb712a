package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.testsupport.SharedData;
import org.lumaflow.ui.internal.handlers.Actions;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.ProjectSettings;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.TimelinePart;
import org.lumaflow.ui.internal.parts.timeline.TimelineView;

/**
 * 9b. A project from scratch at 1280x800: File > New project (23.976 fps, an odd custom size refused), Project
 * settings changed and undone, tracks added, renamed in place, reordered by dragging a header, locked (a move and a
 * delete on the locked track are refused with a status message), muted, soloed and turned down with the wheel; saved
 * and reopened with every track setting; each part shown at 1280x800. Ends with the demo reopened for ExitSteps.
 */
final class ProjectSteps {

    private ProjectSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        Shell shell = wb.shell();
        wb.run(() -> shell.setBounds(0, 0, 1280, 800));
        Thread.sleep(300);

        // File > New project (Ctrl+N): 23.976 fps, 720p, tracks V1 and A1
        dialog(wb, studio, "new");
        Widgets.setText(wb, wb.find("id", "project.name"), "Day one");
        Widgets.select(wb, wb.find("id", "project.size"), "Custom size");
        Widgets.setNumber(wb, wb.find("id", "project.width"), 1001);
        assertFalse(wb.ui(() -> wb.find("id", "project.ok").isEnabled()), "an odd width was accepted");
        wb.screenshot("11-new-project-odd-size");
        Widgets.select(wb, wb.find("id", "project.size"), "HD 720p (1280x720)");
        Widgets.select(wb, wb.find("id", "project.rate"), "23.976 fps");
        assertTrue(wb.ui(() -> wb.find("id", "project.ok").isEnabled()), "720p was refused");
        wb.screenshot("12-new-project");
        Widgets.click(wb, wb.find("id", "project.ok"));
        assertTrue(wb.await(5, () -> studio.project().name().equals("Day one")), "no new project");
        assertEquals(new FrameRate(24000, 1001), wb.ui(() -> studio.timeline().format().rate()));
        assertEquals(1280, (int) wb.ui(() -> studio.timeline().format().width()));
        assertEquals(List.of("A1 audio", "V1 video"), wb.ui(() -> names(studio)));
        assertNull(wb.ui(() -> studio.project().file()));
        assertFalse(wb.ui(studio::dirty));

        // a real clip on V1
        Clip karma = MediaClips.clip("karma", studio.services().media().probe(SharedData.file("telemetry/karma.mp4")),
                0);
        wb.run(() -> studio.execute(Edits.addClip(studio.timeline().tracks().get(1), karma)));

        // File > Project settings: 25 fps 1080p as one edit, then undone with Ctrl+Z
        dialog(wb, studio, "settings");
        Widgets.setText(wb, wb.find("id", "project.name"), "Day one 25p");
        Widgets.select(wb, wb.find("id", "project.size"), "HD 1080p (1920x1080)");
        Widgets.select(wb, wb.find("id", "project.rate"), "25 fps");
        Widgets.click(wb, wb.find("id", "project.ok"));
        assertTrue(wb.await(5, () -> studio.timeline().format().rate().equals(FrameRate.FPS_25)), "rate unchanged");
        assertEquals("Day one 25p", wb.ui(() -> studio.project().name()));
        assertEquals(1920, (int) wb.ui(() -> studio.timeline().format().width()));
        assertTrue(wb.ui(() -> studio.findClip("karma") == karma), "the clip did not follow the new format");
        assertTrue(wb.ui(() -> studio.edits().undoLabel()).startsWith("Project settings"));
        wb.key('z', SWT.MOD1);
        assertTrue(wb.await(5, () -> studio.timeline().format().rate().equals(new FrameRate(24000, 1001))),
                "Ctrl+Z did not restore 23.976 fps");
        assertEquals("Day one", wb.ui(() -> studio.project().name()));
        assertEquals(1280, (int) wb.ui(() -> studio.timeline().format().width()));

        // tracks: add, rename in place, reorder by dragging a header
        TimelinePart part = wb.part(studio, "org.lumaflow.ui.part.timeline", TimelinePart.class);
        // defect 9: the toolbar's enabled buttons read on the dark panel (they were dark on dark)
        Thread.sleep(300);
        double fit = wb.ui(() -> toolContrast(canvas(part), "fit"));
        System.out.println("studio UI test: timeline toolbar 'Fit' contrast " + String.format("%.2f", fit) + ":1");
        assertTrue(fit >= 4.5, "the enabled 'Fit' button's text contrast is " + fit + ":1 (WCAG AA wants 4.5:1)");
        TimelineView view = part.view();
        Canvas canvas = view.control();
        wb.run(() -> view.addTrack(Track.Kind.AUDIO));
        wb.run(() -> view.addTrack(Track.Kind.VIDEO));
        assertEquals(List.of("A2 audio", "A1 audio", "V1 video", "V2 video"), wb.ui(() -> names(studio)));
        wb.run(() -> view.renameTrack(studio.timeline().tracks().get(3)));
        Text editor = (Text) wb.find("id", "timeline.trackName");
        assertNotNull(editor, "no in-place name editor");
        wb.run(() -> {
            editor.setText("Titles");
            editor.notifyListeners(SWT.DefaultSelection, new Event());
        });
        assertEquals(List.of("A2 audio", "A1 audio", "V1 video", "Titles video"), wb.ui(() -> names(studio)));
        assertEquals("Rename track 'V2' to 'Titles'", wb.ui(() -> studio.edits().undoLabel()));
        Point from = wb.ui(() -> view.headerPoint(0, "name"));
        Point to = wb.ui(() -> view.headerPoint(1, "name"));
        mouse(wb, canvas, SWT.MouseDown, from.x, from.y);
        mouse(wb, canvas, SWT.MouseMove, from.x, from.y - 10);
        mouse(wb, canvas, SWT.MouseMove, to.x, to.y);
        mouse(wb, canvas, SWT.MouseUp, to.x, to.y);
        assertEquals(List.of("A1 audio", "A2 audio", "V1 video", "Titles video"), wb.ui(() -> names(studio)),
                "dragging A2's header up one row did not reorder");

        // toggles: mute A2, solo A1, turn A1 down 1 dB with the wheel, lock V1
        click(wb, canvas, wb.ui(() -> view.headerPoint(1, "mute")));
        click(wb, canvas, wb.ui(() -> view.headerPoint(0, "solo")));
        Point vol = wb.ui(() -> view.headerPoint(0, "volume"));
        wb.run(() -> {
            Event e = event(canvas, vol.x, vol.y);
            e.count = -3;
            canvas.notifyListeners(SWT.MouseWheel, e);
        });
        click(wb, canvas, wb.ui(() -> view.headerPoint(2, "lock")));
        Track v1 = wb.ui(() -> studio.timeline().tracks().get(2));
        assertTrue(wb.ui(v1::locked), "the lock toggle did not lock V1");
        assertTrue(wb.ui(() -> studio.timeline().tracks().get(1).muted()));
        assertTrue(wb.ui(() -> studio.timeline().tracks().get(0).solo()));
        assertEquals(-1.0, wb.ui(() -> studio.timeline().tracks().get(0).volumeDb()), 1e-9);

        // a locked track refuses a drag and a delete, with a status message
        wb.run(() -> view.zoomFit());
        Point body = wb.ui(() -> view.clipPoint("karma"));
        drag(wb, canvas, body, 120);
        assertEquals(0, (long) wb.ui(karma::start), "a clip on a locked track moved");
        assertTrue(wb.ui(studio::notice).contains("locked"), "no status message: " + wb.ui(studio::notice));
        wb.run(() -> studio.select("karma", null));
        wb.run(() -> Actions.run("delete", studio, shell, null, null));
        assertNotNull(wb.ui(() -> studio.findClip("karma")), "a clip of a locked track was deleted");
        assertTrue(wb.ui(studio::notice).contains("Track 'V1' is locked"), wb.ui(studio::notice));
        wb.run(() -> canvas.redraw());
        Thread.sleep(300);
        wb.screenshot("13-tracks-1280x800");
        // unlocked, the same drag moves it (so the refusal above was the lock's)
        click(wb, canvas, wb.ui(() -> view.headerPoint(2, "lock")));
        assertFalse(wb.ui(v1::locked));
        drag(wb, canvas, wb.ui(() -> view.clipPoint("karma")), 120);
        assertTrue(wb.ui(karma::start) > 0, "the drag did not move the unlocked clip");
        wb.key('z', SWT.MOD1); // back to 0
        // defect 6 (last bit): a tooltip never describes a deleted clip
        Point k = wb.ui(() -> view.clipPoint("karma"));
        mouse(wb, canvas, SWT.MouseMove, k.x, k.y);
        assertTrue(String.valueOf(wb.ui(canvas::getToolTipText)).startsWith("karma"), wb.ui(canvas::getToolTipText));
        wb.run(() -> studio.execute(Edits.delete(v1, karma)));
        assertNull(wb.ui(canvas::getToolTipText), "the tooltip still describes the deleted clip");
        wb.key('z', SWT.MOD1);
        click(wb, canvas, wb.ui(() -> view.headerPoint(2, "lock")));

        // saved and reopened: format, sample rate, order, names, kinds and every toggle come back
        Path file = dir.resolve("day-one.lumaflow");
        wb.ui(() -> {
            studio.saveAs(file);
            return null;
        });
        wb.ui(() -> {
            studio.open(file);
            return null;
        });
        assertEquals(new FrameRate(24000, 1001), wb.ui(() -> studio.timeline().format().rate()));
        assertEquals(48000, (int) wb.ui(() -> ProjectSettings.sampleRate(studio.timeline())));
        assertEquals(List.of("A1 audio", "A2 audio", "V1 video", "Titles video"), wb.ui(() -> names(studio)));
        List<Track> t = wb.ui(() -> List.copyOf(studio.timeline().tracks()));
        assertTrue(t.get(0).solo() && !t.get(0).muted() && t.get(0).volumeDb() == -1.0, "A1 after reopening");
        assertTrue(t.get(1).muted() && !t.get(1).solo(), "A2 after reopening");
        assertTrue(t.get(2).locked() && t.get(2).clips().size() == 1, "V1 after reopening");
        assertFalse(t.get(3).locked());

        // the lookahead of a video source is a setting, not something to animate
        assertFalse(wb.ui(() -> studio.engine().registry().snapshot().type("media.video").descriptor()
                .param("lookahead").animatable()), "media.video's lookahead is offered keyframes");

        // every part at 1280x800 (scroll bars where the content is taller than the part)
        for (String p : new String[] {"mediabin", "viewer", "properties", "export", "timeline", "nodes", "scopes",
                "qc", "extensions", "telemetry"}) {
            wb.part(studio, "org.lumaflow.ui.part." + p, Object.class);
            Thread.sleep(400);
            wb.screenshot("14-part-" + p + "-1280x800");
        }
        Button start = (Button) wb.find("id", "export.start");
        assertTrue(wb.ui(() -> visibleInShell(start)), "the Export button is off-screen at 1280x800");

        // back to the demo for the last steps
        wb.run(() -> {
            try {
                studio.openDemo();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Opens a File menu dialog the way the menu does (it blocks the UI thread) and waits for it. */
    private static void dialog(Workbench wb, Studio studio, String action) throws InterruptedException {
        Shell main = wb.shell();
        wb.display.asyncExec(() -> Actions.run(action, studio, main, null, null));
        assertTrue(wb.await(10, () -> wb.find("id", "project.ok") != null), "the " + action + " dialog did not open");
        Thread.sleep(200);
    }

    static List<String> names(Studio studio) {
        return studio.timeline().tracks().stream().map(t -> t.name() + " " + t.kind().label()).toList();
    }

    /**
     * Whether {@code c} can be reached: inside the visible area of its scrolled part, or below/right of it with the
     * scroll bar that leads there showing; and the part itself inside the window.
     */
    static boolean visibleInShell(org.eclipse.swt.widgets.Control c) {
        var p = c.getParent();
        while (p != null && !(p instanceof org.eclipse.swt.custom.ScrolledComposite)) {
            p = p.getParent();
        }
        var shell = c.getShell().getClientArea();
        if (!(p instanceof org.eclipse.swt.custom.ScrolledComposite sc)) {
            var r = c.getDisplay().map(c.getParent(), c.getShell(), c.getBounds());
            return shell.contains(r.x + r.width - 1, r.y + r.height - 1);
        }
        var area = sc.getClientArea();
        var scr = c.getDisplay().map(sc.getParent(), c.getShell(), sc.getBounds());
        if (!shell.contains(scr.x + scr.width - 1, scr.y + scr.height - 1)) {
            return false; // the part itself sticks out of the window
        }
        var b = c.getDisplay().map(c.getParent(), sc, c.getBounds());
        // GTK's overlay scroll bars are not drawn until the pointer is over them: a user sees no way down
        boolean drawn = (sc.getScrollbarsMode() & SWT.SCROLLBAR_OVERLAY) == 0;
        boolean down = b.y + b.height <= area.height
                || drawn && sc.getVerticalBar() != null && sc.getVerticalBar().isVisible();
        boolean right = b.x + b.width <= area.width
                || drawn && sc.getHorizontalBar() != null && sc.getHorizontalBar().isVisible();
        return down && right;
    }

    private static org.eclipse.swt.widgets.ToolBar canvas(TimelinePart part) {
        var root = part.view().control().getParent();
        for (var c : root.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.ToolBar tb) {
                return tb;
            }
        }
        throw new AssertionError("no timeline toolbar");
    }

    /** WCAG contrast ratio between the lightest and darkest pixel of the tool item with data action=name. */
    static double toolContrast(org.eclipse.swt.widgets.ToolBar bar, String action) {
        org.eclipse.swt.widgets.ToolItem item = null;
        for (var it : bar.getItems()) {
            if (action.equals(it.getData("action"))) {
                item = it;
            }
        }
        var r = item.getBounds();
        var img = new org.eclipse.swt.graphics.Image(bar.getDisplay(), r.width, r.height);
        var gc = new org.eclipse.swt.graphics.GC(bar);
        try {
            gc.copyArea(img, r.x, r.y);
            var data = img.getImageData();
            double lo = 1;
            double hi = 0;
            for (int y = 2; y < r.height - 2; y++) {
                for (int x = 2; x < r.width - 2; x++) {
                    var rgb = data.palette.getRGB(data.getPixel(x, y));
                    double l = luminance(rgb.red, rgb.green, rgb.blue);
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, l);
                }
            }
            return (hi + 0.05) / (lo + 0.05);
        } finally {
            gc.dispose();
            img.dispose();
        }
    }

    private static double luminance(int r, int g, int b) {
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    }

    private static double lin(int c) {
        double v = c / 255.0;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static Event event(Canvas c, int x, int y) {
        Event e = new Event();
        e.widget = c;
        e.x = x;
        e.y = y;
        e.button = 1;
        e.count = 1;
        return e;
    }

    static void mouse(Workbench wb, Canvas c, int type, int x, int y) {
        wb.run(() -> c.notifyListeners(type, event(c, x, y)));
    }

    private static void click(Workbench wb, Canvas c, Point p) {
        mouse(wb, c, SWT.MouseDown, p.x, p.y);
        mouse(wb, c, SWT.MouseUp, p.x, p.y);
    }

    private static void drag(Workbench wb, Canvas c, Point p, int dx) {
        mouse(wb, c, SWT.MouseDown, p.x, p.y);
        mouse(wb, c, SWT.MouseMove, p.x + 10, p.y);
        mouse(wb, c, SWT.MouseMove, p.x + dx, p.y);
        mouse(wb, c, SWT.MouseUp, p.x + dx, p.y);
    }
}
