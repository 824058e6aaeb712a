package org.lumaflow.ui.internal.parts.timeline;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.Transition;

/** The timeline's context menu, built for what is under the mouse: a clip, a transition or empty space. */
final class TimelineMenu {

    private final TimelineView view;
    private Menu menu;

    TimelineMenu(TimelineView view) {
        this.view = view;
        view.canvas.addListener(SWT.MenuDetect, this::detect);
        view.canvas.addListener(SWT.Dispose, e -> {
            if (menu != null) {
                menu.dispose();
            }
        });
    }

    private void detect(Event e) {
        if (view.studio.project() == null) {
            e.doit = false;
            return;
        }
        if (menu != null) {
            menu.dispose();
        }
        Point p = view.canvas.toControl(e.x, e.y);
        menu = new Menu(view.canvas);
        if (p.x < TimelineView.HEADER_W && p.y >= TimelineView.RULER_H) {
            view.headers.fillMenu(menu, p); // track headers: add, rename, move, remove
            view.canvas.setMenu(menu);
            return;
        }
        org.lumaflow.engine.timeline.Marker marker = view.markers.at(p.x, p.y);
        if (marker != null) {
            view.markers.fillMenu(menu, marker);
            view.canvas.setMenu(menu);
            return;
        }
        Transition tr = view.transitionAt(p.x, p.y);
        Clip clip = tr == null ? view.clipAt(p.x, p.y) : null;
        if (tr != null) {
            Track t = view.timeline().tracks().get(view.trackIndexAt(p.y));
            Menu change = submenu("Change transition to");
            for (NodeDescriptor d : view.commands.transitionTypes()) {
                MenuItem mi = item(change, d.displayName(), SWT.RADIO, () -> {
                    if (!d.id().equals(tr.node().type())) {
                        view.commands.replaceTransition(t, tr, d.id());
                    }
                });
                mi.setSelection(d.id().equals(tr.node().type()));
            }
            item(menu, "Remove transition", SWT.PUSH, () -> view.commands.removeTransition(t, tr));
        } else if (clip != null) {
            if (view.studio.selectedClip() != clip) {
                view.studio.select(clip.id(), null);
            }
            item(menu, "Split at playhead\tS", SWT.PUSH, () -> view.commands.action("split"))
                    .setEnabled(view.commands.enabled("split"));
            item(menu, "Delete", SWT.PUSH, () -> view.commands.action("delete"));
            item(menu, "Ripple delete", SWT.PUSH, () -> view.commands.action("ripple"));
            new MenuItem(menu, SWT.SEPARATOR);
            Track t = view.studio.trackOf(clip);
            Clip[] pair = t == null ? null : TimelineCommands.transitionCandidate(t, clip);
            Menu add = submenu("Add transition");
            if (pair == null) {
                item(add, "(overlap this clip with a neighbour first)", SWT.PUSH, () -> {
                }).setEnabled(false);
            } else {
                for (NodeDescriptor d : view.commands.transitionTypes()) {
                    item(add, d.displayName() + "  (" + pair[0].id() + " \u2192 " + pair[1].id() + ")", SWT.PUSH,
                            () -> view.commands.addTransition(t, pair[0], pair[1], d.id()));
                }
            }
            new MenuItem(menu, SWT.SEPARATOR);
            long ticks = clip.start();
            item(menu, "Move playhead to clip start", SWT.PUSH, () -> view.studio.setPlayhead(
                    view.rate.ticksToFrame(ticks, java.math.RoundingMode.CEILING)));
        } else {
            item(menu, "Add video track", SWT.PUSH, () -> view.addTrack(Track.Kind.VIDEO));
            item(menu, "Add audio track", SWT.PUSH, () -> view.addTrack(Track.Kind.AUDIO));
            new MenuItem(menu, SWT.SEPARATOR);
            item(menu, "Zoom to fit", SWT.PUSH, view::zoomFit);
            MenuItem snap = item(menu, "Snapping", SWT.CHECK, () -> view.setSnapping(!view.snapping()));
            snap.setSelection(view.snapping());
        }
        view.canvas.setMenu(menu);
    }

    private Menu submenu(String text) {
        MenuItem cascade = new MenuItem(menu, SWT.CASCADE);
        cascade.setText(text);
        Menu m = new Menu(cascade);
        cascade.setMenu(m);
        return m;
    }

    private static MenuItem item(Menu parent, String text, int style, Runnable action) {
        MenuItem mi = new MenuItem(parent, style);
        mi.setText(text);
        mi.addListener(SWT.Selection, e -> {
            if (style != SWT.RADIO || mi.getSelection()) {
                action.run();
            }
        });
        return mi;
    }
}
