package org.lumaflow.ui.internal.parts.proxy;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.decoder.proxy.Proxies;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.ProxyTracker;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The viewer bar's proxy switch: a "Proxies" toggle (the viewer then plays heavy media from their proxies; exports
 * never do) and its state, {@code proxies: 2 of 3 ready}.
 */
public final class ProxyControls {

    private ProxyControls() {
    }

    /** Adds the switch and its state to {@code bar} (a grid: two columns are added). */
    public static void create(Composite bar, Studio studio) {
        if (bar.getLayout() instanceof GridLayout g) {
            g.numColumns += 2;
        }
        ProxyTracker tracker = ProxyTracker.of(studio);
        Button toggle = new Button(bar, SWT.TOGGLE);
        toggle.setText("Proxies");
        toggle.setData("id", "viewer.proxies");
        toggle.setToolTipText("Play heavy media (larger than 1080p, 10-bit, long-GOP HEVC...) from low-resolution "
                + "proxies made in the background; exports always read the originals");
        toggle.setSelection(Proxies.enabled());
        Label state = new Label(bar, SWT.NONE);
        state.setData("id", "viewer.proxyState");
        org.eclipse.swt.layout.GridData place = new org.eclipse.swt.layout.GridData();
        state.setLayoutData(place);
        Runnable update = () -> {
            if (!state.isDisposed()) {
                String text = tracker.summary();
                state.setText(text);
                // no heavy media: the state takes no room from the timecode (the bar is tight at 1280x800)
                boolean show = !text.endsWith("none needed") || toggle.getSelection();
                place.exclude = !show;
                state.setVisible(show);
                state.getParent().layout(true);
            }
        };
        toggle.addListener(SWT.Selection, e -> {
            Proxies.setEnabled(toggle.getSelection());
            update.run();
            studio.fire(Change.PREFERENCES); // the viewer renders the frame again
        });
        Runnable later = () -> {
            if (!state.isDisposed()) {
                state.getDisplay().asyncExec(update);
            }
        };
        tracker.addListener(later);
        state.addDisposeListener(e -> tracker.removeListener(later));
        update.run();
    }
}
