package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.widgets.Table;
import org.lumaflow.ui.internal.model.Studio;

/**
 * 9. Live: the Live part records the test pattern (a source typed into the source list) at 640x360: statistics come
 * once a second with pictures captured and (almost) nothing dropped, Record again stops and finalises the recording (renamed
 * into place, playable, about as many pictures as seconds recorded times 30), and the event log tells.
 */
final class LiveSteps {

    private static final Pattern CAPTURED = Pattern.compile("captured (\\d+)");
    private static final Pattern DROPS = Pattern.compile("dropped capture/process/encode/send (\\d+)/(\\d+)/(\\d+)/(\\d+)");

    private LiveSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        Path out = dir.resolve("live.mp4");
        wb.part(studio, "org.lumaflow.ui.part.live", Object.class);
        assertTrue(wb.await(10, () -> wb.find("id", "live.source.add") != null), "no Live part");
        Widgets.click(wb, wb.find("id", "live.source.add")); // the spec field starts with "test"
        assertEquals(1, wb.ui(() -> ((org.eclipse.swt.widgets.List) wb.find("id", "live.sources")).getItemCount()));
        Widgets.select(wb, wb.find("id", "live.size"), "640x360");
        Widgets.setText(wb, wb.find("id", "live.record.path"), out.toString());
        Widgets.click(wb, wb.find("id", "live.record"));
        assertTrue(wb.await(20, () -> captured(wb) >= 60), "no statistics: "
                + wb.ui(() -> Widgets.text(wb.find("id", "live.stats"))) + " / " + lastEvent(wb));
        String stats = wb.ui(() -> Widgets.text(wb.find("id", "live.stats")));
        System.out.println("studio UI test: live " + stats);
        Matcher d = DROPS.matcher(stats);
        assertTrue(d.find(), stats);
        int dropped = 0;
        for (int i = 1; i <= 3; i++) {
            dropped += Integer.parseInt(d.group(i));
        }
        assertTrue(dropped <= 6 && d.group(4).equals("0"), "a few late ticks at most (a fresh session on a loaded "
                + "machine), nothing dropped at send: " + stats);
        assertEquals("Stop recording", wb.ui(() -> Widgets.text(wb.find("id", "live.record"))));
        wb.run(() -> wb.display.setCursorLocation(1, 1));
        Thread.sleep(400); // a preview refresh
        wb.screenshot("14-live-recording");
        Widgets.click(wb, wb.find("id", "live.record"));
        assertTrue(wb.await(20, () -> Files.exists(out)), "the recording was not renamed into place: "
                + lastEvent(wb));
        assertTrue(wb.await(10, () -> "session stopped".equals(lastEvent(wb))), "last event: " + lastEvent(wb));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".recording.")),
                    "a temporary recording was left");
        }
        long frames = studio.services().media().probe(out).video().get(0).frames();
        assertTrue(frames >= 60, "frames in " + out + ": " + frames);
        assertEquals("Record", wb.ui(() -> Widgets.text(wb.find("id", "live.record"))));
        wb.screenshot("15-live-stopped");
    }

    private static long captured(Workbench wb) {
        Matcher m = CAPTURED.matcher(wb.ui(() -> Widgets.text(wb.find("id", "live.stats"))));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String lastEvent(Workbench wb) {
        return wb.ui(() -> {
            Table t = (Table) wb.find("id", "live.events");
            return t.getItemCount() == 0 ? null : t.getItem(0).getText(1);
        });
    }
}
