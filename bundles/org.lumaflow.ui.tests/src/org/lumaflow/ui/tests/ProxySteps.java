package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.proxy.Proxies;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.ProxyTracker;
import org.lumaflow.ui.internal.model.Studio;

/**
 * 9p. Proxies: the bin's "Make proxy" on an imported file, the viewer's state ("proxies: 1 of 1 ready"), the switch
 * on, and the viewer playing that file from its proxy; then off, and the project as it was. Proxies go to the test's
 * own folder, not the user's cache.
 */
final class ProxySteps {

    private ProxySteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        Proxies userCache = Proxies.setShared(new Proxies(dir.resolve("proxies"), Long.MAX_VALUE));
        try {
            steps(wb, studio, dir);
        } finally {
            Proxies.setEnabled(false);
            Proxies.setShared(userCache).close();
        }
    }

    private static void steps(Workbench wb, Studio studio, Path dir) throws Exception {
        Path clip = dir.resolve("segmented.mp4").toAbsolutePath().normalize(); // step 7's export: light, asked by hand
        Control toggle = wb.find("id", "viewer.proxies");
        Control state = wb.find("id", "viewer.proxyState");
        assertNotNull(toggle, "no Proxies switch in the viewer bar");
        assertNotNull(state, "no proxy state in the viewer bar");
        ProxyTracker tracker = wb.ui(() -> ProxyTracker.of(studio));
        wb.run(() -> studio.addMedia(clip));
        wb.part(studio, "org.lumaflow.ui.part.mediabin", Object.class);
        Table table = (Table) wb.find("id", "mediabin.table");
        assertTrue(wb.await(10, () -> table.getMenu() != null), "the bin has no context menu");
        wb.run(() -> {
            for (TableItem it : table.getItems()) {
                if (clip.equals(it.getData())) {
                    table.setSelection(it);
                }
            }
            assertEquals(1, table.getSelectionCount(), "the imported file is not in the bin");
            for (MenuItem mi : table.getMenu().getItems()) {
                if ("mediabin.makeProxy".equals(mi.getData("id"))) {
                    mi.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                }
            }
        });
        assertTrue(wb.await(120, () -> "ready".equals(tracker.label(clip))), "no proxy: " + tracker.label(clip));
        assertTrue(wb.await(5, () -> Widgets.text(state).matches("proxies: (\\d+) of \\1 ready")),
                "viewer state: " + wb.ui(() -> Widgets.text(state)));
        System.out.println("studio UI test: " + wb.ui(() -> Widgets.text(state)));

        wb.run(() -> ((Button) toggle).setSelection(true));
        Widgets.click(wb, toggle);
        assertTrue(Proxies.enabled(), "the switch did not turn proxies on");
        long reads = Proxies.proxyReaders();
        var info = studio.services().media().probe(clip);
        wb.run(() -> {
            Track t = studio.timeline().tracks().get(0);
            long end = 0;
            for (Track any : studio.timeline().tracks()) {
                for (Clip c : any.clips()) {
                    end = Math.max(end, c.end());
                }
            }
            try {
                studio.execute(Edits.addClip(t, MediaClips.clip("proxied", info, end)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            studio.setPlayhead(studio.timeline().format().rate().ticksToFrame(end, RoundingMode.CEILING) + 10);
        });
        assertTrue(wb.await(20, () -> Proxies.proxyReaders() > reads), "the viewer did not read the proxy");
        Thread.sleep(500);
        wb.screenshot("09p-proxies-on");

        wb.run(() -> ((Button) toggle).setSelection(false));
        Widgets.click(wb, toggle);
        assertFalse(Proxies.enabled());
        wb.run(() -> {
            studio.undo(); // the clip
            studio.undo(); // the import
            studio.setPlayhead(0);
        });
        assertFalse(wb.ui(() -> studio.media().contains(clip)));
    }
}
