package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.CurvesPart;
import org.lumaflow.ui.internal.parts.TimelinePart;
import org.lumaflow.ui.internal.parts.curves.CurveModel;
import org.lumaflow.ui.internal.parts.curves.CurveView;
import org.lumaflow.ui.internal.parts.timeline.KeyframeMarks;

/**
 * 9k. Keyframes: in the Curves part the zone clip's grade exposure gets a key by double-click, turns bezier with the
 * button and has its first handle dragged; the Animation is checked key by key, and the viewer's renderer shows the
 * value the engine evaluates. On the timeline the clip's diamonds seek on click and move a key on drag (snapped to a
 * frame, undoable). All undone at the end.
 */
final class KeyframeSteps {

    private static final long S = Ticks.PER_SECOND;

    private KeyframeSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        Clip zone = wb.ui(() -> studio.findClip("zone"));
        GraphNode grade = wb.ui(() -> zone.effects().stream().filter(n -> n.id().equals("grade")).findFirst()
                .orElseThrow());
        FrameRate rate = wb.ui(() -> studio.timeline().format().rate());
        Animation before = (Animation) wb.ui(() -> grade.params().get("exposure"));
        long offset = zone.start() - zone.in();
        // only the zone's track renders (earlier steps left a full-frame clip on a track above it); undone at the end
        List<Track> others = wb.ui(() -> studio.timeline().tracks().stream()
                .filter(t -> t != studio.trackOf(zone) && t.enabled()).toList());
        wb.run(() -> studio.execute(new Edits.Simple("Show only V1", Change.TIMELINE,
                () -> others.forEach(t -> t.setEnabled(false)), () -> others.forEach(t -> t.setEnabled(true)))));
        // a frame inside the segment the new key will start: rendered before, after, and with a constant
        long frame = rate.ticksToFrame(zone.in() + S + 3 * S / 4 + offset, RoundingMode.FLOOR);
        long local = rate.frameToTicks(frame) - offset;
        byte[] original = render(studio, frame);

        wb.run(() -> {
            studio.select("zone", "grade");
            studio.setPlayhead(frame);
        });
        CurvesPart part = wb.part(studio, "org.lumaflow.ui.part.curves", CurvesPart.class);
        CurveView view = wb.ui(part::view);
        Combo list = (Combo) wb.find("id", "curves.param");
        String item = wb.ui(() -> Arrays.stream(view.labels()).filter(l -> l.contains("grade \u203A exposure"))
                .findFirst().orElseThrow(() -> new AssertionError(Arrays.toString(view.labels()))));
        Widgets.select(wb, list, item);
        assertSame(grade, wb.ui(() -> view.target().node()));
        assertEquals("exposure", wb.ui(() -> view.target().spec().name()));
        Canvas canvas = (Canvas) wb.find("id", "curves.canvas");
        Thread.sleep(300);

        // double-click adds a key at 1 s (clip time, snapped to a frame) with the value under the mouse
        long tk = CurveModel.snapToFrame(zone.in() + S, zone, rate);
        Point add = wb.ui(() -> view.pointOf(tk, 0.0));
        mouse(wb, canvas, SWT.MouseDown, add, 0);
        mouse(wb, canvas, SWT.MouseUp, add, 0);
        mouse(wb, canvas, SWT.MouseDoubleClick, add, 0);
        Animation added = animation(wb, grade);
        assertEquals(3, added.keyframes().size(), "double-click added no key: " + added.keyframes());
        Keyframe key = added.keyframes().get(1);
        assertEquals(tk, key.time(), "the new key is not on the frame under the mouse");
        assertEquals(0.0, key.value()[0], 0.03, "the new key's value is not the one under the mouse");
        assertEquals(Interpolation.LINEAR, key.interp());
        assertEquals(before.keyframes().get(0), added.keyframes().get(0));
        assertEquals(before.keyframes().get(1), added.keyframes().get(2));
        assertEquals(List.of(tk), wb.ui(view::selectedTimes), "the new key is selected");
        wb.screenshot("16a-curves-key-added");

        // Bezier: the key gets the default handles
        Widgets.click(wb, wb.find("id", "curves.interp.bezier"));
        Keyframe bez = animation(wb, grade).keyframes().get(1);
        assertEquals(Interpolation.BEZIER, bez.interp());
        assertArrayEquals(CurveModel.DEFAULT_HANDLES, bez.handles());

        // drag the first handle to x 0.7, y -1.5 of the segment (an undershoot before rising to the next key)
        long next = before.keyframes().get(1).time();
        double va = bez.value()[0];
        double vb = before.keyframes().get(1).value()[0];
        Point h = wb.ui(() -> view.handlePoint(tk, 1));
        assertNotNull(h, "no handle drawn for the bezier key");
        Point to = wb.ui(() -> view.pointOf(tk + Math.round(0.7 * (next - tk)), va - 1.5 * (vb - va)));
        mouse(wb, canvas, SWT.MouseDown, h, 0);
        mouse(wb, canvas, SWT.MouseMove, new Point((h.x + to.x) / 2, (h.y + to.y) / 2), SWT.BUTTON1);
        mouse(wb, canvas, SWT.MouseMove, to, SWT.BUTTON1);
        mouse(wb, canvas, SWT.MouseUp, to, 0);
        Animation shaped = animation(wb, grade);
        Keyframe k = shaped.keyframes().get(1);
        System.out.println("studio UI test: bezier handles after the drag " + Arrays.toString(k.handles()));
        assertEquals(Interpolation.BEZIER, k.interp());
        assertEquals(0.7, k.handles()[0], 0.02, "handle x");
        assertEquals(-1.5, k.handles()[1], 0.1, "handle y");
        assertEquals(0.25, k.handles()[2], 0, "the other handle stayed");
        assertEquals(1, k.handles()[3], 0, "the other handle stayed");
        assertEquals(tk, k.time());
        assertEquals(va, k.value()[0], 0);
        assertEquals("Shape bezier (grade.exposure)", wb.ui(() -> studio.edits().undoLabel()));
        Thread.sleep(500);
        wb.screenshot("16b-curves-bezier");

        // the renderer (what the viewer shows) uses the value the curve shows: the same pixels as that constant
        double[] v = new double[1];
        shaped.evaluate(local, v, 0);
        double expected = va + (vb - va) * Interpolation.cubicBezier(0.7, -1.5, 0.25, 1,
                (double) (local - tk) / (next - tk));
        assertEquals(expected, v[0], 0.05, "the curve is not the dragged bezier");
        double old = before.valueAt(local);
        assertTrue(Math.abs(v[0] - old) > 0.05, "the dragged curve gives " + v[0] + " at frame " + frame
                + ", too near the old " + old + " to see a change");
        byte[] animated = render(studio, frame);
        System.out.println("studio UI test: frame " + frame + " mean byte before " + mean(original) + ", after "
                + mean(animated));
        assertFalse(Arrays.equals(original, animated), "the new key did not change the rendered frame " + frame);
        wb.run(() -> studio.execute(Edits.setParam(grade, "exposure", v[0])));
        byte[] constant = render(studio, frame);
        wb.run(studio::undo);
        wb.run(() -> studio.execute(Edits.setParam(grade, "exposure", v[0] + 0.25)));
        byte[] other = render(studio, frame);
        wb.run(studio::undo);
        System.out.println("studio UI test: frame " + frame + " mean byte with exposure " + (v[0] + 0.25) + ": "
                + mean(other));
        assertFalse(Arrays.equals(other, animated), "exposure +0.25 renders as the curve's value does");
        assertSame(shaped, animation(wb, grade));
        assertArrayEquals(constant, animated, "frame " + frame + " does not render exposure " + v[0]);
        System.out.println("studio UI test: keyframe curve: exposure " + String.format("%.4f", v[0]) + " at frame "
                + frame + " renders as the constant does");

        // Del deletes the selected key (not the selected clip), undo brings it back
        Point at = wb.ui(() -> view.pointOf(tk, va));
        mouse(wb, canvas, SWT.MouseDown, at, 0);
        mouse(wb, canvas, SWT.MouseUp, at, 0);
        assertEquals(List.of(tk), wb.ui(view::selectedTimes), "a click did not select the key");
        wb.run(() -> { // Del as the focused canvas gets it (the studio's key filter sees it first)
            Event e = new Event();
            e.widget = canvas;
            e.keyCode = SWT.DEL;
            e.character = SWT.DEL;
            canvas.notifyListeners(SWT.KeyDown, e);
        });
        assertEquals(2, animation(wb, grade).keyframes().size(), "Del did not delete the selected key");
        assertSame(zone, wb.ui(() -> studio.findClip("zone")), "Del deleted the clip instead of the key");
        wb.run(studio::undo);
        assertSame(shaped, animation(wb, grade));
        // a rubber band over the whole plot selects every key
        Point tl0 = wb.ui(() -> view.pointOf(zone.in() - S / 20, 0.5));
        Point br = wb.ui(() -> view.pointOf(zone.in() + zone.duration(), -1.1));
        mouse(wb, canvas, SWT.MouseDown, tl0, 0);
        mouse(wb, canvas, SWT.MouseMove, br, SWT.BUTTON1);
        mouse(wb, canvas, SWT.MouseUp, br, 0);
        assertEquals(shaped.keyframes().stream().map(Keyframe::time).toList(), wb.ui(view::selectedTimes),
                "the rubber band did not select all keys");

        // the timeline: diamonds on the selected clip; a click seeks to the key, a drag moves it to a frame
        TimelinePart tl = wb.part(studio, "org.lumaflow.ui.part.timeline", TimelinePart.class);
        Canvas tc = wb.ui(() -> tl.view().control());
        wb.run(() -> { // scroll to the bottom track (V1), as a user would
            var bar = tc.getVerticalBar();
            bar.setSelection(bar.getMaximum());
            bar.notifyListeners(SWT.Selection, new Event());
        });
        KeyframeMarks marks = (KeyframeMarks) wb.ui(() -> tc.getData("org.lumaflow.ui.keyframes"));
        assertTrue(wb.ui(marks::times).contains(tk), "no diamond at the new key: " + wb.ui(marks::times));
        Point d = wb.ui(() -> marks.pointOf(tk));
        mouse(wb, tc, SWT.MouseMove, d, 0);
        String tip = wb.ui(tc::getToolTipText);
        assertTrue(tip != null && tip.contains("grade.exposure = ") && tip.contains("bezier"), "tooltip: " + tip);
        wb.run(() -> studio.setPlayhead(0));
        mouse(wb, tc, SWT.MouseDown, d, 0);
        mouse(wb, tc, SWT.MouseUp, d, 0);
        assertEquals(rate.ticksToFrame(tk + offset, RoundingMode.HALF_UP), (long) wb.ui(studio::playhead),
                "a click on the diamond did not move the playhead to the key");
        long goal = rate.frameToTicks(rate.ticksToFrame(zone.in() + S + S / 4 + offset, RoundingMode.HALF_UP))
                - offset;
        Point g = wb.ui(() -> marks.pointOf(goal));
        mouse(wb, tc, SWT.MouseDown, d, 0);
        mouse(wb, tc, SWT.MouseMove, new Point(d.x + (g.x - d.x) / 2, d.y), SWT.BUTTON1);
        mouse(wb, tc, SWT.MouseMove, g, SWT.BUTTON1);
        Thread.sleep(200);
        wb.screenshot("16c-timeline-keyframe-drag");
        mouse(wb, tc, SWT.MouseUp, g, 0);
        Keyframe movedKey = animation(wb, grade).keyframes().get(1);
        assertEquals(goal, movedKey.time(), "the diamond's key did not land on the frame under the mouse");
        assertEquals(k, new Keyframe(tk, movedKey.value(), movedKey.interp(), movedKey.handles()),
                "moving in time changed the key");
        wb.run(studio::undo);
        assertEquals(tk, animation(wb, grade).keyframes().get(1).time(), "undo did not move the key back");
        Thread.sleep(300);
        wb.screenshot("16d-timeline-keyframes");

        // undo the handle, the interpolation and the key: the demo's animation again
        wb.run(() -> {
            studio.undo();
            studio.undo();
            studio.undo();
        });
        assertSame(before, animation(wb, grade), "undo did not restore the original exposure animation");
        assertArrayEquals(original, render(studio, frame));
        wb.run(studio::undo);
        assertTrue(wb.ui(() -> others.stream().allMatch(Track::enabled)), "the other tracks stayed off");

        // a point parameter: one curve per component (the picture-in-picture's animated position)
        wb.run(() -> studio.select("pip", "move"));
        wb.part(studio, "org.lumaflow.ui.part.curves", CurvesPart.class);
        String pos = wb.ui(() -> Arrays.stream(view.labels()).filter(l -> l.contains("move \u203A position"))
                .findFirst().orElseThrow(() -> new AssertionError(Arrays.toString(view.labels()))));
        Widgets.select(wb, list, pos);
        assertEquals(2, (int) wb.ui(() -> view.target().components()));
        Thread.sleep(300);
        wb.screenshot("16e-curves-point");
    }

    private static double mean(byte[] b) {
        long sum = 0;
        for (byte x : b) {
            sum += x & 0xff;
        }
        return b.length == 0 ? 0 : (double) sum / b.length;
    }

    private static Animation animation(Workbench wb, GraphNode n) {
        return (Animation) wb.ui(() -> n.params().get("exposure"));
    }

    /** The frame's RGBA bytes as the viewer's renderer makes them (320x180). */
    private static byte[] render(Studio studio, long frame) throws Exception {
        studio.readLock().lock();
        try (RenderResult r = studio.newRenderer().renderFrame(frame, 320, 180)) {
            assertFalse(r.hasErrors(), "frame " + frame + ": " + r.messages());
            Frame f = r.frame();
            ByteBuffer b = f.buffer().duplicate().clear(); // absolute: the shared buffer's position means nothing
            byte[] out = new byte[b.capacity()];
            b.get(0, out);
            return out;
        } finally {
            studio.readLock().unlock();
        }
    }

    private static void mouse(Workbench wb, Control c, int type, Point p, int state) {
        wb.run(() -> {
            Event e = new Event();
            e.widget = c;
            e.x = p.x;
            e.y = p.y;
            e.button = type == SWT.MouseMove ? 0 : 1;
            e.stateMask = state;
            e.count = type == SWT.MouseDoubleClick ? 2 : 1;
            c.notifyListeners(type, e);
        });
    }
}
