package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import java.util.Arrays;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.telemetry.Highlight;
import org.lumaflow.testsupport.SharedData;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.ClipTelemetry;
import org.lumaflow.qc.QcOptions;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.QcSettings;
import org.lumaflow.ui.internal.StartupTimes;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.ViewerPart;
import org.lumaflow.ui.internal.parts.viewer.ViewerStats;

/**
 * The studio in a real window (Xvfb in CI): opens the demo project, plays two seconds with J/K/L-style keys, edits a
 * parameter in the properties part and undoes it with Ctrl+Z, exports with progress and cancels, installs an extension,
 * sets QC thresholds, attaches telemetry with overlays and highlights; screenshots of each state go to target/screenshots.
 */
class StudioUiTest {

    @Test
    void studioSession() throws Throwable {
        assertNotNull(System.getenv("DISPLAY"), "the UI tests need an X display: run them under Xvfb (see .ci/run)");
        Display display = Display.getDefault();
        Workbench wb = new Workbench(display);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread script = new Thread(() -> {
            Studio studio = null;
            try {
                studio = Workbench.studio(120);
                assertNotNull(studio, "the studio service never appeared");
                script(wb, studio);
            } catch (Throwable t) {
                failure.set(t);
                try {
                    wb.screenshot("failure");
                } catch (Throwable ignored) {
                    // best effort
                }
            } finally {
                if (studio != null) {
                    wb.close(studio);
                } else {
                    display.asyncExec(() -> {
                        for (var s : display.getShells()) {
                            s.close();
                        }
                    });
                }
            }
        }, "ui-test-script");
        script.setDaemon(true);
        script.start();
        new E4Application().start(Workbench.context("-applicationXMI", "org.lumaflow.ui/Application.e4xmi",
                "-clearPersistedState", "-persistState", "false"));
        script.join(30_000);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void script(Workbench wb, Studio studio) throws Exception {
        // 1. the demo project is open and the viewer shows a rendered frame
        assertTrue(wb.await(60, () -> StartupTimes.firstFrameMs() > 0), "no viewer frame within 60 s");
        System.out.println("studio UI test: window up " + StartupTimes.window() + " ms, first viewer frame "
                + StartupTimes.firstFrameMs() + " ms after JVM start");
        assertEquals("Lumaflow demo", wb.ui(() -> studio.project().name()));
        assertEquals(4, (int) wb.ui(() -> studio.timeline().tracks().size()));
        wb.run(() -> wb.display.setCursorLocation(1, 1)); // no tooltips over the screenshots
        ViewerPart viewer = wb.part(studio, "org.lumaflow.ui.part.viewer", ViewerPart.class);
        wb.screenshot("01-demo-open");

        // 2. play two seconds (Space), then stop (K)
        wb.key(' ', 0);
        assertTrue(wb.await(2, () -> studio.transport().playing()), "Space did not start playback");
        Thread.sleep(2000);
        ViewerStats playing = wb.ui(viewer::stats);
        long head = wb.ui(studio::playhead);
        wb.screenshot("02-playing");
        wb.key('k', 0);
        assertTrue(wb.await(2, () -> !studio.transport().playing()), "K did not stop playback");
        System.out.println("studio UI test: 2 s of playback: " + playing.shown() + " frames shown, "
                + playing.dropped() + " dropped, " + String.format("%.1f", playing.fps()) + " fps, playhead at "
                + head + " (" + playing.width() + "x" + playing.height() + ", " + playing.backend() + ")");
        assertTrue(playing.shown() >= 4, "playback showed only " + playing.shown() + " frames in 2 s");
        // adaptive dropping keeps the clock: about 60 frames of 29.97 fps in 2 s
        assertTrue(head >= 35 && head <= 80, "playhead after 2 s of playback: " + head);

        // 3. edit a parameter in the properties part, then undo it with Ctrl+Z
        wb.run(() -> studio.select("zone", "grade"));
        wb.part(studio, "org.lumaflow.ui.part.properties", Object.class);
        GraphNode grade = wb.ui(() -> studio.selectedNode());
        assertEquals("grade", grade.id());
        Object before = wb.ui(() -> grade.params().get("contrast"));
        assertTrue(wb.await(5, () -> wb.find("param", "contrast") != null), "no editor for 'contrast'");
        Widgets.setNumber(wb, wb.find("param", "contrast"), 1.5);
        assertTrue(wb.await(2, () -> !java.util.Objects.equals(before, grade.params().get("contrast"))),
                "editing 'contrast' did not change the node");
        assertEquals(1.5, ((Number) wb.ui(() -> grade.params().get("contrast"))).doubleValue(), 1e-6);
        assertTrue(wb.ui(studio::dirty));
        Thread.sleep(500);
        wb.screenshot("03-parameter-edited");
        wb.key('z', SWT.MOD1);
        assertTrue(wb.await(2, () -> java.util.Objects.equals(before, grade.params().get("contrast"))),
                "Ctrl+Z did not restore 'contrast' (now " + wb.ui(() -> grade.params().get("contrast")) + ")");
        assertFalse(wb.ui(studio::dirty));
        Thread.sleep(300);
        wb.screenshot("04-undone");

        // 4. export with progress, then cancel: the old output must survive untouched
        Path dir = Files.createTempDirectory("lumaflow-ui-export");
        Path out = dir.resolve("out.mp4");
        Files.writeString(out, "previous export");
        Object part = wb.part(studio, "org.lumaflow.ui.part.export", Object.class);
        Widgets.select(wb, wb.find("id", "export.segments"), "Off"); // one pass, whatever an earlier run kept
        Widgets.setText(wb, wb.find("id", "export.output"), out.toString());
        Widgets.click(wb, wb.find("id", "export.start"));
        assertTrue(wb.await(60, () -> Widgets.progress(wb.find("id", "export.progress")) > 0),
                "the export made no progress in 60 s");
        wb.screenshot("05-exporting");
        Widgets.click(wb, wb.find("id", "export.cancel"));
        assertTrue(wb.await(30, () -> Widgets.job(part) == null || Widgets.jobDone(part)), "cancel did not stop");
        Thread.sleep(300);
        wb.screenshot("06-export-cancelled");
        assertEquals("previous export", Files.readString(out), "a cancelled export damaged the old output");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "a cancelled export left files behind in " + dir);
        }
        String status = wb.ui(() -> Widgets.text(wb.find("id", "export.status")));
        assertNotEquals("", status);
        System.out.println("studio UI test: export status after cancel: " + status);

        // 5. an extension installed while the studio runs shows up in the node palette and renders; removal undoes it
        Path jar;
        try (var s = Files.list(Path.of("../../examples/com.example.lumaflow.posterize/target"))) {
            jar = s.filter(p -> p.toString().endsWith(".jar") && !p.toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new AssertionError("build the example extension first"));
        }
        var extensions = studio.services().require(org.lumaflow.extensions.ExtensionService.class);
        wb.part(studio, "org.lumaflow.ui.part.nodes", Object.class);
        long t0 = System.nanoTime();
        extensions.install(jar);
        assertTrue(wb.await(5, () -> paletteHas(wb, "example.posterize")), "the example node never reached the palette");
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.println(String.format("studio UI test: extension installed -> in the palette after %.0f ms", ms));
        assertTrue(ms <= 500, "the example node took " + ms + " ms to reach the palette (goal 500 ms)");
        Clip zone = wb.ui(() -> studio.findClip("zone"));
        GraphNode posterize = new GraphNode("posterize", "example.posterize");
        wb.run(() -> {
            studio.execute(Edits.addEffect(zone, zone.effects().size(), posterize));
            studio.select("zone", "posterize");
            studio.setPlayhead(120);
        });
        Thread.sleep(1500);
        wb.screenshot("07-extension-node");
        RenderResultCheck.assertRendersClean(studio, 120);
        extensions.uninstall("com.example.lumaflow.posterize");
        assertTrue(wb.await(5, () -> !paletteHas(wb, "example.posterize")), "the example node stayed in the palette");
        wb.run(() -> studio.undo());
        RenderResultCheck.assertRendersClean(studio, 120);

        // 6. QC thresholds: the QC part's preset list and Thresholds dialog store them in the preferences (saved),
        // where Run QC and exports take them from; a bad value is refused and keeps the dialog open
        wb.part(studio, "org.lumaflow.ui.part.qc", Object.class);
        Widgets.select(wb, wb.find("id", "qc.preset"), "broadcast");
        assertEquals(0.5, QcSettings.options(studio.preferences()).blackMinSeconds());
        assertTrue(Files.readString(studio.preferences().file()).contains("qc.preset=broadcast"));
        Control edit = wb.find("id", "qc.thresholds");
        wb.display.asyncExec(() -> Widgets.click(wb, edit)); // the dialog is modal: open it without waiting
        assertTrue(wb.await(5, () -> wb.find("id", "prefs.qc.blackdetect.d") != null), "no Thresholds dialog");
        Control blackMin = wb.find("id", "prefs.qc.blackdetect.d");
        assertEquals("0.5", wb.ui(() -> Widgets.text(blackMin)));
        Widgets.setText(wb, blackMin, "abc");
        Widgets.click(wb, wb.find("id", "qc.thresholds.ok"));
        assertFalse(wb.ui(blackMin::isDisposed), "a bad value closed the dialog");
        Thread.sleep(300);
        wb.screenshot("08-qc-thresholds-refused");
        Widgets.setText(wb, blackMin, "300ms");
        Widgets.click(wb, wb.find("id", "qc.thresholds.ok"));
        assertTrue(wb.await(5, () -> wb.find("id", "prefs.qc.blackdetect.d") == null), "the dialog stayed open");
        QcOptions qc = QcSettings.options(studio.preferences());
        assertEquals("broadcast", qc.preset());
        assertEquals(0.3, qc.blackMinSeconds(), 1e-12);
        assertEquals(List.of("blackdetect.d"), qc.changedFromPreset());
        assertTrue(wb.ui(() -> wb.find("id", "qc.preset").getToolTipText()).contains("broadcast, changed "
                + "blackdetect.d=0.3"));

        segmented(wb, studio, dir);
        telemetry(wb, studio);
        LiveSteps.run(wb, studio, dir);
        EditingSteps.run(wb, studio, dir);
        KeyframeSteps.run(wb, studio, dir);
        ProxySteps.run(wb, studio, dir);
        OtioSteps.run(wb, studio, dir);
        ProjectSteps.run(wb, studio, dir);
        AudioSteps.run(wb, studio, dir);
        ExitSteps.run(wb, studio, dir); // last: the studio quits
    }

    /**
     * 7. Segmented export: the demo's first 60 frames in 2 segments on this machine (worker processes); the segment
     * table follows both to "done", the joined file has the 60 frames, and the choices are kept in the preferences.
     */
    private static void segmented(Workbench wb, Studio studio, Path dir) throws Exception {
        Path out = dir.resolve("segmented.mp4");
        Object part = wb.part(studio, "org.lumaflow.ui.part.export", Object.class);
        Widgets.select(wb, wb.find("id", "export.preset"), "H.264 fast draft 720p");
        Widgets.setText(wb, wb.find("id", "export.output"), out.toString());
        Control inOut = wb.find("id", "export.range.inout");
        wb.run(() -> {
            ((org.eclipse.swt.widgets.Button) wb.find("id", "export.range.all")).setSelection(false);
            ((org.eclipse.swt.widgets.Button) inOut).setSelection(true);
        });
        Widgets.click(wb, inOut);
        Widgets.setText(wb, wb.find("id", "export.in"), "0");
        Widgets.setText(wb, wb.find("id", "export.out"), "59");
        Widgets.select(wb, wb.find("id", "export.segments"), "2");
        Widgets.select(wb, wb.find("id", "export.executor"), "This machine");
        assertFalse(wb.ui(() -> wb.find("id", "export.cluster").isEnabled()), "cluster fields on for this machine");
        Widgets.click(wb, wb.find("id", "export.start"));
        Table table = (Table) wb.find("id", "export.segments.table");
        assertTrue(wb.await(60, () -> table.isVisible() && table.getItemCount() == 2),
                "no segment table with 2 segments: " + wb.ui(() -> Widgets.text(wb.find("id", "export.status"))));
        reveal(wb, table);
        Thread.sleep(300);
        wb.screenshot("11-segments-running");
        assertTrue(wb.await(300, () -> Widgets.job(part) == null || Widgets.jobDone(part)),
                "the segmented export did not finish in 300 s");
        String status = wb.ui(() -> Widgets.text(wb.find("id", "export.status")));
        assertTrue(status.startsWith("Done: 60 frames"), "status: " + status + "\n"
                + wb.ui(() -> Widgets.text(wb.find("id", "export.summary"))));
        assertTrue(wb.await(5, () -> Arrays.stream(table.getItems()).allMatch(i -> i.getText(2).equals("done"))),
                "segment states: " + wb.ui(() -> Arrays.stream(table.getItems()).map(i -> i.getText(2)).toList()));
        List<String> rows = wb.ui(() -> Arrays.stream(table.getItems())
                .map(i -> i.getText(0) + " " + i.getText(1) + " " + i.getText(2) + " " + i.getText(3) + " "
                        + i.getText(4)).toList());
        System.out.println("studio UI test: segmented export " + status + " segments " + rows);
        assertEquals("0–29 (30)", wb.ui(() -> table.getItem(0).getText(1)));
        assertEquals("30–59 (30)", wb.ui(() -> table.getItem(1).getText(1)));
        assertEquals("30 / 30 (100%)", wb.ui(() -> table.getItem(1).getText(4)));
        assertTrue(wb.ui(() -> table.getItem(0).getText(3)).startsWith("local:"), "worker: " + rows);
        reveal(wb, table);
        Thread.sleep(300);
        wb.screenshot("12-segmented-export-done");
        var info = studio.services().media().probe(out);
        assertEquals(60, info.video().get(0).frames(), "frames in " + out);
        assertEquals(1280, info.video().get(0).width());
        String prefs = Files.readString(studio.preferences().file());
        assertTrue(prefs.contains("export.segments=2") && prefs.contains("export.executor=local"), prefs);

        // the same on the Hazelcast executor with no cluster name: its embedded member, listed as the members
        Path hzOut = dir.resolve("segmented-hz.mp4");
        Widgets.setText(wb, wb.find("id", "export.output"), hzOut.toString());
        Widgets.setText(wb, wb.find("id", "export.out"), "29");
        Widgets.select(wb, wb.find("id", "export.executor"), "Cluster (Hazelcast)");
        assertTrue(wb.ui(() -> wb.find("id", "export.cluster").isEnabled()), "cluster fields off for Hazelcast");
        Widgets.click(wb, wb.find("id", "export.start"));
        assertTrue(wb.await(300, () -> Widgets.job(part) == null || Widgets.jobDone(part)),
                "the Hazelcast segmented export did not finish in 300 s");
        String hzStatus = wb.ui(() -> Widgets.text(wb.find("id", "export.status")));
        assertTrue(hzStatus.startsWith("Done: 30 frames"), "status: " + hzStatus + "\n"
                + wb.ui(() -> Widgets.text(wb.find("id", "export.summary"))));
        assertTrue(wb.await(5, () -> Arrays.stream(table.getItems()).allMatch(i -> i.getText(2).equals("done"))),
                "segment states: " + wb.ui(() -> Arrays.stream(table.getItems()).map(i -> i.getText(2)).toList()));
        String heading = wb.ui(() -> Widgets.text(wb.find("id", "export.segments.members")));
        System.out.println("studio UI test: Hazelcast segmented export " + hzStatus + " " + heading);
        assertTrue(heading.contains("an embedded Hazelcast member") && heading.contains("Members (1): "), heading);
        assertEquals(30, studio.services().media().probe(hzOut).video().get(0).frames(), "frames in " + hzOut);
        reveal(wb, table);
        Thread.sleep(300);
        wb.screenshot("13-segmented-hazelcast");
        Widgets.select(wb, wb.find("id", "export.segments"), "Off"); // the next exports in one pass again
    }

    /**
     * 8. Telemetry: a GoPro clip on a new track gets its own GPMF track attached from the Telemetry part (aligned on
     * the video clock), the action-camera overlays are added in one undo step and render without warnings, the
     * highlights are listed and selecting one moves the playhead into the clip; undo removes overlays and attachment.
     */
    private static void telemetry(Workbench wb, Studio studio) throws Exception {
        Path karma = SharedData.file("telemetry/karma.mp4");
        var info = studio.services().media().probe(karma);
        Clip clip = MediaClips.clip("karma", info, 0);
        Track track = new Track("GoPro");
        wb.run(() -> {
            studio.execute(new Edits.Simple("Add track", Change.TIMELINE, () -> studio.timeline().tracks().add(track),
                    () -> studio.timeline().tracks().remove(track)));
            studio.execute(Edits.addClip(track, clip));
            studio.select("karma", null);
            studio.setPlayhead(90);
        });
        wb.part(studio, "org.lumaflow.ui.part.telemetry", Object.class);
        assertTrue(wb.await(5, () -> wb.find("id", "telemetry.fromclip") != null), "no Telemetry part");
        assertTrue(wb.await(5, () -> wb.find("id", "telemetry.fromclip").isEnabled()), "From clip stays disabled");
        Widgets.click(wb, wb.find("id", "telemetry.fromclip"));
        assertTrue(wb.await(30, () -> clip.metadata().containsKey(ClipTelemetry.FILE)), "telemetry never attached: "
                + wb.ui(() -> Widgets.text(wb.find("id", "telemetry.summary"))));
        assertEquals("VIDEO_CLOCK", wb.ui(() -> clip.metadata().get(ClipTelemetry.METHOD)));
        assertTrue(wb.await(30, () -> Widgets.text(wb.find("id", "telemetry.summary")).contains("top speed")),
                "no summary: " + wb.ui(() -> Widgets.text(wb.find("id", "telemetry.summary"))));
        Widgets.click(wb, wb.find("id", "telemetry.correlate")); // the video clock stays; the motion agrees with it
        assertTrue(wb.await(60, () -> clip.metadata().getOrDefault(ClipTelemetry.REASON, "").contains("agrees")),
                "motion matching did not confirm the video clock: " + wb.ui(() -> clip.metadata()));
        assertEquals("VIDEO_CLOCK", wb.ui(() -> clip.metadata().get(ClipTelemetry.METHOD)));
        wb.part(studio, "org.lumaflow.ui.part.nodes", Object.class);
        assertTrue(wb.await(5, () -> paletteHas(wb, "telemetry.speed_gauge")), "the overlays are not in the palette");
        wb.part(studio, "org.lumaflow.ui.part.telemetry", Object.class);
        Widgets.select(wb, wb.find("id", "telemetry.preset"), "Action camera (gauge, minimap, elevation)");
        Widgets.click(wb, wb.find("id", "telemetry.addoverlays"));
        assertEquals(List.of("telemetry.speed_gauge", "telemetry.minimap", "telemetry.elevation"),
                wb.ui(() -> clip.effects().stream().map(GraphNode::type).toList()));
        studio.readLock().lock();
        try (var r = studio.newRenderer().renderFrame(90, 640, 360)) {
            assertTrue(r.messages().isEmpty(), "overlays rendered with messages: " + r.messages());
        } finally {
            studio.readLock().unlock();
        }
        Thread.sleep(1500);
        wb.screenshot("09-telemetry-overlays");
        Widgets.click(wb, wb.find("id", "telemetry.highlights.find"));
        assertTrue(wb.await(30, () -> Widgets.text(wb.find("id", "telemetry.highlights.status")).contains("highlight")),
                "no highlights status: " + wb.ui(() -> Widgets.text(wb.find("id", "telemetry.highlights.status"))));
        Table list = (Table) wb.find("id", "telemetry.highlights");
        assertTrue(wb.ui(() -> list.getItemCount()) > 0, "karma.mp4 has a hard acceleration near 1 s");
        wb.run(() -> {
            list.setSelection(0);
            Event e = new Event();
            e.item = list.getItem(0);
            list.notifyListeners(SWT.Selection, e);
        });
        Highlight first = wb.ui(() -> (Highlight) list.getItem(0).getData());
        long expected = studio.timeline().format().rate().ticksToFrame(
                org.lumaflow.core.time.Ticks.fromSeconds(first.peak(), java.math.RoundingMode.HALF_UP),
                java.math.RoundingMode.FLOOR);
        assertEquals(expected, (long) wb.ui(studio::playhead), "the playhead did not go to the highlight's peak");
        wb.screenshot("10-telemetry-highlights");
        wb.run(() -> {
            studio.undo(); // overlays
            studio.undo(); // motion matching
            studio.undo(); // attachment
        });
        assertTrue(wb.ui(() -> clip.effects().isEmpty() && clip.metadata().isEmpty()),
                "undo left " + wb.ui(() -> clip.effects() + " " + clip.metadata()));
    }

    /** Scrolls the part that holds {@code c} so it is in view (for the screenshots). */
    private static void reveal(Workbench wb, Control c) {
        wb.run(() -> {
            for (Control p = c.getParent(); p != null; p = p.getParent()) {
                if (p instanceof org.eclipse.swt.custom.ScrolledComposite sc) {
                    sc.showControl(c);
                    return;
                }
            }
        });
    }

    private static boolean paletteHas(Workbench wb, String type) {
        Control c = wb.find("org.lumaflow.ui.palette", Boolean.TRUE);
        return c instanceof Tree tree && Arrays.stream(tree.getItems()).anyMatch(i -> has(i, type));
    }

    private static boolean has(TreeItem item, String type) {
        return type.equals(item.getData("type")) || Arrays.stream(item.getItems()).anyMatch(i -> has(i, type));
    }
}
