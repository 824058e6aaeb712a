package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.Studio;

/**
 * 10c. The editing tools from the keyboard on the demo: slip (Alt+Right) moves the source by a frame, copy/paste
 * (Ctrl+C, Ctrl+V) puts a copy at the playhead, insert (,) puts the bin's file at the playhead and pushes what
 * follows, M puts a marker on the ruler; each is one undo step.
 */
final class EditingSteps {

    private EditingSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        FrameRate rate = wb.ui(() -> studio.timeline().format().rate());
        Clip zone = wb.ui(() -> studio.findClip("zone"));
        long in = zone.in();
        wb.run(() -> studio.select("zone", null));
        wb.key(SWT.ARROW_RIGHT, SWT.ALT);
        assertEquals(in + rate.frameToTicks(1), zone.in(), "Alt+Right slips the source by one frame");
        assertEquals("Slip 'zone'", wb.ui(() -> studio.edits().undoLabel()));
        wb.key('z', SWT.MOD1);
        assertEquals(in, zone.in());

        Track v2 = wb.ui(() -> studio.trackOf(studio.findClip("pip")));
        wb.run(() -> studio.select("pip", null));
        wb.key('c', SWT.MOD1);
        wb.run(() -> studio.setPlayhead(200));
        wb.key('v', SWT.MOD1);
        assertEquals(2, v2.clips().size(), "Ctrl+V pasted a copy");
        Clip copy = v2.clips().get(1);
        assertEquals(rate.frameToTicks(200), copy.start());
        assertEquals(studio.findClip("pip").duration(), copy.duration());
        wb.screenshot("10c-pasted");
        wb.key('z', SWT.MOD1);
        assertEquals(1, v2.clips().size(), "one undo takes the paste back");

        Clip bars = wb.ui(() -> studio.findClip("bars"));
        Track v1 = wb.ui(() -> studio.trackOf(bars));
        long zoneStart = zone.start();
        wb.run(() -> {
            studio.select("bars", null);
            studio.setPlayhead(0);
            studio.setBinSelection(dir.resolve("segmented.mp4"));
        });
        wb.key(',', 0);
        assertEquals(3, v1.clips().size(), "',' inserted the bin's file");
        Clip inserted = v1.clips().get(0);
        assertEquals(0, inserted.start());
        assertEquals(zoneStart + inserted.duration(), zone.start(), "what followed moved right by its length");
        assertTrue(wb.ui(() -> studio.timeline().validate().isEmpty()), wb.ui(() -> studio.timeline().validate()).toString());
        // the viewer's total follows the edit at once (defect 6: it went stale until the playhead moved)
        String total = wb.ui(() -> org.lumaflow.core.time.Timecode.format(studio.timeline().frameCount(), rate,
                org.lumaflow.core.time.Timecode.defaultDropFrame(rate)));
        assertTrue(wb.await(2, () -> Widgets.text(wb.find("id", "viewer.timecode")).contains("/ " + total)),
                "viewer total after the insert: " + wb.ui(() -> Widgets.text(wb.find("id", "viewer.timecode")))
                        + ", expected / " + total);
        wb.screenshot("10d-inserted");
        // the inserted clip meets 'bars' at a cut: roll it (Ctrl+Alt+Right), then slide the inserted clip (Alt+Shift+Right)
        long one = rate.frameToTicks(1);
        long insertedDur = inserted.duration();
        long barsStart = bars.start();
        long barsIn = bars.in();
        assertEquals(barsStart, inserted.end(), "a cut between the inserted clip and 'bars'");
        wb.run(() -> studio.select(inserted.id(), null));
        wb.key(SWT.ARROW_RIGHT, SWT.ALT | SWT.MOD1);
        assertEquals(insertedDur + one, inserted.duration(), "roll: the left clip is a frame longer");
        assertEquals(barsStart + one, bars.start(), "roll: the cut moved a frame");
        assertEquals(barsIn + one, bars.in(), "roll: 'bars' starts a frame later in its source");
        wb.key('z', SWT.MOD1);
        assertEquals(barsStart, bars.start());
        wb.key(SWT.ARROW_RIGHT, SWT.ALT | SWT.SHIFT);
        assertEquals(one, inserted.start(), "slide: the clip moved a frame");
        assertEquals(insertedDur, inserted.duration(), "slide: its length stays");
        assertEquals(barsStart + one, bars.start(), "slide: the right neighbour's start follows");
        wb.key('z', SWT.MOD1);
        assertEquals(0, inserted.start());
        wb.key('z', SWT.MOD1);
        assertEquals(2, v1.clips().size());
        assertEquals(zoneStart, zone.start());
        // the source monitor: marks in/out on the bin's file, ',' inserts just that range
        org.lumaflow.ui.internal.parts.SourcePart source = wb.part(studio, "org.lumaflow.ui.part.source",
                org.lumaflow.ui.internal.parts.SourcePart.class);
        assertTrue(wb.await(10, () -> source.monitor().frame() == 0 && Widgets.text(wb.find("id", "source.info"))
                .startsWith("segmented.mp4  ")), "the source monitor did not load the bin's file");
        wb.run(() -> {
            source.monitor().show(10);
            source.monitor().markIn();
            source.monitor().show(29);
            source.monitor().markOut();
        });
        FrameRate fileRate = rate; // segmented.mp4 is the demo's rate
        assertEquals(fileRate.frameToTicks(10), (long) wb.ui(studio::sourceIn));
        assertEquals(fileRate.frameToTicks(30), (long) wb.ui(studio::sourceOut));
        Thread.sleep(500);
        wb.screenshot("10g-source-monitor");
        wb.run(() -> studio.select("bars", null));
        wb.key(',', 0);
        Clip ranged = v1.clips().get(0);
        assertEquals(fileRate.frameToTicks(10), ranged.in(), "the clip starts at the in mark");
        assertEquals(fileRate.frameToTicks(30) - fileRate.frameToTicks(10), ranged.duration(), "20 frames: in to out");
        wb.key('z', SWT.MOD1);
        assertEquals(2, v1.clips().size());
        wb.part(studio, "org.lumaflow.ui.part.viewer", Object.class);
        wb.run(() -> studio.setBinSelection(null));

        // several clips selected (Ctrl+click adds, as toggleSelected does) go in one Delete, back in one undo
        wb.run(() -> {
            studio.select("pip", null);
            studio.toggleSelected("title");
        });
        assertEquals(2, (int) wb.ui(() -> studio.selectedClips().size()));
        wb.key(SWT.DEL, 0);
        assertTrue(wb.ui(() -> studio.findClip("pip") == null && studio.findClip("title") == null),
                "Delete removed every selected clip");
        assertEquals("Delete 2 clips", wb.ui(() -> studio.edits().undoLabel()));
        wb.key('z', SWT.MOD1);
        assertTrue(wb.ui(() -> studio.findClip("pip") != null && studio.findClip("title") != null));

        // M: a marker at the playhead, shown on the ruler
        wb.part(studio, "org.lumaflow.ui.part.timeline", Object.class);
        wb.run(() -> studio.setPlayhead(45));
        int before = wb.ui(() -> studio.timeline().markers().size());
        wb.key('m', 0);
        assertEquals(before + 1, (int) wb.ui(() -> studio.timeline().markers().size()), "M added a marker");
        assertEquals(rate.frameToTicks(45), wb.ui(() -> studio.timeline().markers().get(before).start()));
        Thread.sleep(300);
        wb.screenshot("10e-marker");
        wb.key('z', SWT.MOD1);
        assertEquals(before, (int) wb.ui(() -> studio.timeline().markers().size()));

        // a title clip of its own (Edit > Add title clip at playhead), rendered
        wb.run(() -> {
            studio.select(null, null);
            studio.setPlayhead(30);
        });
        wb.run(() -> org.lumaflow.ui.internal.handlers.Actions.run("title", studio, wb.shell(), null, null));
        Clip title = wb.ui(studio::selectedClip);
        assertEquals("core.title", title.source().type());
        assertEquals(rate.frameToTicks(30), title.start());
        RenderResultCheck.assertRendersClean(studio, 60);
        wb.screenshot("10f-title-clip");
        wb.key('z', SWT.MOD1);
    }
}
