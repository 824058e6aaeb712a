package org.lumaflow.ui.internal.parts.nodes;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ScrollBar;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.timeline.Skin;

/**
 * The selected clip's effect chain as a node graph, left to right: source, effects, output; boxes with input ports
 * on the left, the output port on the right and bezier wires. Click selects a node, dragging an effect reorders the
 * chain, node types dropped from the palette are inserted where they land, Delete removes the selected effect.
 */
public final class NodeGraphView {

    /** Text prefix of palette drags: {@code lumaflow-node:TYPE}. */
    public static final String DRAG_PREFIX = "lumaflow-node:";

    static final int NODE_W = 164;
    static final int GAP = 58;
    static final int HEADER_H = 24;
    static final int PORT_H = 18;
    static final int MARGIN = 24;

    private final Studio studio;
    private final Skin skin;
    private final NodeCommands commands;
    private final Canvas canvas;
    private final List<Box> boxes = new ArrayList<>();
    private Clip laidOut;
    private int scroll;
    // drag state
    private Box pressed;
    private int downX;
    private int dragX = Integer.MIN_VALUE;
    private int dropIndex = -1;
    private Menu menu;
    private String tooltip;

    /** One laid-out node: its model node (null for the output), descriptor and bounds. */
    static final class Box {
        final GraphNode node;
        final NodeDescriptor descriptor;
        final int effectIndex;
        final Rectangle r = new Rectangle(0, 0, NODE_W, 0);
        int inputs;

        Box(GraphNode node, NodeDescriptor descriptor, int effectIndex) {
            this.node = node;
            this.descriptor = descriptor;
            this.effectIndex = effectIndex;
        }

        boolean isOutput() {
            return node == null;
        }

        boolean isEffect() {
            return effectIndex >= 0;
        }
    }

    public NodeGraphView(Composite parent, Studio studio, Skin skin, NodeCommands commands) {
        this.studio = studio;
        this.skin = skin;
        this.commands = commands;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL);
        canvas.setData("org.lumaflow.ui.nodegraph", this);
        canvas.addPaintListener(e -> paint(e.gc, e.x, e.y, e.width, e.height));
        canvas.addListener(SWT.Resize, e -> refresh());
        canvas.addListener(SWT.MouseDown, this::down);
        canvas.addListener(SWT.MouseMove, this::move);
        canvas.addListener(SWT.MouseUp, this::up);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.MenuDetect, this::menu);
        canvas.addListener(SWT.Dispose, e -> {
            if (menu != null) {
                menu.dispose();
            }
        });
        canvas.getHorizontalBar().addListener(SWT.Selection, e -> {
            scroll = canvas.getHorizontalBar().getSelection();
            layout();
            canvas.redraw();
        });
        DropTarget target = new DropTarget(canvas, DND.DROP_COPY | DND.DROP_MOVE | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {TextTransfer.getInstance()});
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent e) {
                e.detail = DND.DROP_COPY;
            }

            @Override
            public void dragOver(DropTargetEvent e) {
                Point p = canvas.toControl(e.x, e.y);
                int idx = studio.selectedClip() == null ? -1 : insertionIndex(p.x, null);
                e.detail = idx < 0 ? DND.DROP_NONE : DND.DROP_COPY;
                if (idx != dropIndex) {
                    dropIndex = idx;
                    canvas.redraw();
                }
            }

            @Override
            public void dragLeave(DropTargetEvent e) {
                dropIndex = -1;
                canvas.redraw();
            }

            @Override
            public void drop(DropTargetEvent e) {
                int idx = dropIndex;
                dropIndex = -1;
                if (e.data instanceof String s && s.startsWith(DRAG_PREFIX) && idx >= 0) {
                    commands.add(s.substring(DRAG_PREFIX.length()).trim(), idx);
                }
                canvas.redraw();
            }
        });
    }

    public Canvas control() {
        return canvas;
    }

    /** The chain or selection changed: lay out again and repaint. */
    public void refresh() {
        if (canvas.isDisposed()) {
            return;
        }
        layout();
        updateScrollBar();
        canvas.redraw();
    }

    // ---- layout ---------------------------------------------------------------------------------------------------

    private void layout() {
        boxes.clear();
        snapshotCache = commands.snapshot();
        Clip clip = studio.project() == null ? null : studio.selectedClip();
        laidOut = clip;
        if (clip == null) {
            return;
        }
        boxes.add(new Box(clip.source(), commands.descriptor(clip.source().type()), -1));
        for (int i = 0; i < clip.effects().size(); i++) {
            GraphNode n = clip.effects().get(i);
            boxes.add(new Box(n, commands.descriptor(n.type()), i));
        }
        boxes.add(new Box(null, null, -1));
        Rectangle ca = canvas.getClientArea();
        int maxH = 0;
        for (Box b : boxes) {
            b.inputs = b.isOutput() ? 1 : b.descriptor == null ? 1 : b.descriptor.inputs().size();
            b.r.height = HEADER_H + Math.max(1, b.inputs) * PORT_H + 44;
            maxH = Math.max(maxH, b.r.height);
        }
        int top = Math.max(12, (ca.height - maxH) / 2);
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            b.r.x = MARGIN + i * (NODE_W + GAP) - scroll;
            b.r.y = top;
            if (b.isOutput()) {
                b.r.width = 110;
            }
        }
    }

    private int contentWidth() {
        return boxes.isEmpty() ? 0 : MARGIN * 2 + (boxes.size() - 1) * (NODE_W + GAP) + 110;
    }

    private void updateScrollBar() {
        ScrollBar h = canvas.getHorizontalBar();
        int width = Math.max(1, canvas.getClientArea().width);
        int content = contentWidth();
        if (content <= width) {
            if (scroll != 0) {
                scroll = 0;
                layout();
            }
            h.setVisible(false);
            return;
        }
        scroll = Math.min(scroll, content - width);
        h.setVisible(true);
        h.setValues(scroll, 0, content, width, 20, width * 9 / 10);
    }

    /** Y of input port {@code k} of a box. */
    private static int portY(Box b, int k) {
        return b.r.y + HEADER_H + 12 + k * PORT_H;
    }

    /** Chain index where an effect dropped at x goes (effects left of x stay before it); -1 without a clip. */
    private int insertionIndex(int x, Box dragged) {
        Clip clip = studio.selectedClip();
        if (clip == null) {
            return -1;
        }
        int idx = 0;
        for (Box b : boxes) {
            if (b.isEffect() && b != dragged && b.r.x + b.r.width / 2 < x) {
                idx++;
            }
        }
        return idx;
    }

    private Box boxAt(int x, int y) {
        for (Box b : boxes) {
            if (b.r.contains(x, y)) {
                return b;
            }
        }
        return null;
    }

    // ---- painting -------------------------------------------------------------------------------------------------

    private void paint(GC gc, int ex, int ey, int ew, int eh) {
        Rectangle ca = canvas.getClientArea();
        gc.setBackground(skin.background);
        gc.fillRectangle(ex, ey, ew, eh);
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        paintGrid(gc, ca);
        Clip clip = studio.project() == null ? null : studio.selectedClip();
        if (clip != laidOut || boxes.size() != (clip == null ? 0 : clip.effects().size() + 2)) {
            layout();
        }
        if (clip == null) {
            gc.setForeground(skin.textDim);
            gc.setFont(skin.normal);
            gc.drawString("Select a clip in the timeline to see its effect chain", 24, 24, true);
            return;
        }
        GraphNode selected = studio.selectedNode();
        // wires first, under the boxes
        for (int i = 0; i + 1 < boxes.size(); i++) {
            Box a = boxes.get(i);
            Box b = boxes.get(i + 1);
            int ax = xOf(a) + a.r.width;
            int bx = xOf(b);
            wire(gc, ax, portY(a, 0), bx, portY(b, 0), skin.wire);
        }
        for (Box b : boxes) {
            if (b != pressed || dragX == Integer.MIN_VALUE) {
                paintBox(gc, b, b.node != null && b.node == selected, xOf(b));
            }
        }
        if (pressed != null && dragX != Integer.MIN_VALUE) {
            gc.setAlpha(200);
            paintBox(gc, pressed, true, xOf(pressed));
            gc.setAlpha(255);
        }
        int marker = dropIndex >= 0 ? dropIndex : pressed != null && dragX != Integer.MIN_VALUE
                ? insertionIndex(xOf(pressed) + NODE_W / 2, pressed) : -1;
        if (marker >= 0) {
            paintInsertionMarker(gc, marker, ca);
        }
    }

    private int xOf(Box b) {
        return b == pressed && dragX != Integer.MIN_VALUE ? b.r.x + dragX - downX : b.r.x;
    }

    private void paintGrid(GC gc, Rectangle ca) {
        gc.setForeground(skin.trackOdd);
        int off = -scroll % 24;
        for (int x = off; x < ca.width; x += 24) {
            gc.drawLine(x, 0, x, ca.height);
        }
        for (int y = 0; y < ca.height; y += 24) {
            gc.drawLine(0, y, ca.width, y);
        }
    }

    private void paintInsertionMarker(GC gc, int index, Rectangle ca) {
        // the gap after the source box and the index-th effect
        Box before = boxes.get(Math.min(index, boxes.size() - 2));
        int x = before.r.x + before.r.width + GAP / 2;
        gc.setForeground(skin.snap);
        gc.setLineWidth(3);
        gc.drawLine(x, before.r.y - 10, x, before.r.y + before.r.height + 10);
        gc.setLineWidth(1);
    }

    private void wire(GC gc, int x0, int y0, int x1, int y1, Color c) {
        Path p = new Path(canvas.getDisplay());
        try {
            int dx = Math.max(30, Math.abs(x1 - x0) / 2);
            p.moveTo(x0, y0);
            p.cubicTo(x0 + dx, y0, x1 - dx, y1, x1, y1);
            gc.setForeground(c);
            gc.setLineWidth(2);
            gc.drawPath(p);
            gc.setLineWidth(1);
        } finally {
            p.dispose();
        }
    }

    private void paintBox(GC gc, Box b, boolean selected, int x) {
        Rectangle r = new Rectangle(x, b.r.y, b.r.width, b.r.height);
        Color header = b.isOutput() ? skin.nodeHeaderOutput : b.descriptor == null ? skin.nodeHeaderMissing
                : b.isEffect() ? skin.nodeHeaderEffect : skin.nodeHeaderSource;
        gc.setBackground(skin.nodeBody);
        gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        gc.setBackground(header);
        gc.fillRoundRectangle(r.x, r.y, r.width, HEADER_H, 10, 10);
        gc.fillRectangle(r.x, r.y + HEADER_H - 8, r.width, 8);
        Rectangle old = gc.getClipping();
        gc.setClipping(r);
        gc.setFont(skin.bold);
        gc.setForeground(skin.text);
        String title = b.isOutput() ? "Output" : b.descriptor == null ? b.node.type() : b.descriptor.displayName();
        gc.drawString(title, r.x + 8, r.y + 4, true);
        // input ports
        gc.setFont(skin.small);
        if (b.isOutput()) {
            port(gc, r.x, portY(b, 0), PortType.IMAGE, true, false);
            gc.setForeground(skin.textDim);
            gc.drawString("track", r.x + 10, portY(b, 0) - 7, true);
        } else if (b.descriptor != null) {
            List<PortSpec> in = b.descriptor.inputs();
            for (int k = 0; k < in.size(); k++) {
                PortSpec ps = in.get(k);
                port(gc, r.x, portY(b, k), ps.type(), k == 0 && b.isEffect(), ps.optional());
                gc.setForeground(k == 0 && b.isEffect() ? skin.text : skin.textDim);
                gc.drawString(ps.name() + (k > 0 && ps.optional() ? " (opt.)" : ""), r.x + 10, portY(b, k) - 7,
                        true);
            }
        }
        // details: id and plugin
        int ty = r.y + HEADER_H + Math.max(1, b.inputs) * PORT_H + 6;
        if (!b.isOutput()) {
            gc.setForeground(skin.textDim);
            gc.drawString("id " + b.node.id(), r.x + 8, ty, true);
            String plugin = plugin(b);
            gc.setForeground(b.descriptor == null ? skin.warning : skin.textDim);
            gc.drawString(b.descriptor == null ? "missing: " + (plugin == null ? "no plugin" : plugin)
                    : plugin == null ? b.node.type() : plugin, r.x + 8, ty + 15, true);
        } else {
            gc.setForeground(skin.textDim);
            gc.drawString("to the track", r.x + 8, ty, true);
        }
        gc.setClipping(old);
        // output port
        if (!b.isOutput()) {
            PortType out = b.descriptor == null ? PortType.IMAGE : b.descriptor.output();
            port(gc, r.x + r.width, portY(b, 0), out, true, false);
        }
        gc.setForeground(selected ? skin.selection : skin.grid);
        gc.setLineWidth(selected ? 2 : 1);
        gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 10, 10);
        gc.setLineWidth(1);
    }

    private String plugin(Box b) {
        NodeRegistry.Snapshot s = snapshotCache;
        String p = s == null ? null : s.plugins().get(b.node.type());
        return p != null ? p : b.node.plugin();
    }

    private NodeRegistry.Snapshot snapshotCache;

    private void port(GC gc, int x, int y, PortType type, boolean connected, boolean optional) {
        Color c = type == PortType.MASK ? skin.portMask : skin.port;
        if (connected) {
            gc.setBackground(c);
            gc.fillOval(x - 5, y - 5, 10, 10);
        } else {
            gc.setBackground(skin.nodeBody);
            gc.fillOval(x - 5, y - 5, 10, 10);
            gc.setForeground(c);
            gc.setLineStyle(optional ? SWT.LINE_DOT : SWT.LINE_SOLID);
            gc.drawOval(x - 5, y - 5, 10, 10);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
    }

    // ---- mouse and keys --------------------------------------------------------------------------------------------

    private void down(Event e) {
        canvas.setFocus();
        if (e.button != 1) {
            return;
        }
        Box b = boxAt(e.x, e.y);
        Clip clip = studio.selectedClip();
        if (b == null || clip == null || b.isOutput()) {
            return;
        }
        if (studio.selectedNode() != b.node) {
            studio.select(clip.id(), b.node.id());
        }
        if (b.isEffect()) {
            pressed = findBox(b.node);
            downX = e.x;
            dragX = Integer.MIN_VALUE;
        }
    }

    private Box findBox(GraphNode n) {
        for (Box b : boxes) {
            if (b.node == n) {
                return b;
            }
        }
        return null;
    }

    private void move(Event e) {
        if (pressed != null && (e.stateMask & SWT.BUTTON1) != 0) {
            if (dragX != Integer.MIN_VALUE || Math.abs(e.x - downX) > 4) {
                dragX = e.x;
                canvas.redraw();
            }
            return;
        }
        Box b = boxAt(e.x, e.y);
        String tip = null;
        if (b != null && !b.isOutput()) {
            NodeDescriptor d = b.descriptor;
            tip = d == null ? "Unknown node type " + b.node.type() + " (its plugin is not installed)"
                    : d.displayName() + " (" + d.id() + ")\n" + d.description()
                            + (b.isEffect() ? "\nDrag to reorder, Delete to remove" : "");
        }
        if (tip == null ? tooltip != null : !tip.equals(tooltip)) {
            tooltip = tip;
            canvas.setToolTipText(tip);
        }
    }

    private void up(Event e) {
        Box b = pressed;
        boolean dragged = dragX != Integer.MIN_VALUE;
        pressed = null;
        dragX = Integer.MIN_VALUE;
        if (b != null && dragged) {
            int target = insertionIndex(b.r.x + e.x - downX + NODE_W / 2, b);
            commands.move(b.node, target);
            canvas.redraw();
        }
    }

    private void key(Event e) {
        if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
            GraphNode n = commands.selectedEffect();
            if (n != null) {
                commands.remove(n);
                e.doit = false;
            }
        } else if (e.keyCode == SWT.ARROW_LEFT && (e.stateMask & SWT.MOD1) != 0) {
            moveSelected(-1);
        } else if (e.keyCode == SWT.ARROW_RIGHT && (e.stateMask & SWT.MOD1) != 0) {
            moveSelected(1);
        } else if (e.keyCode == SWT.ESC && pressed != null) {
            pressed = null;
            dragX = Integer.MIN_VALUE;
            canvas.redraw();
        }
    }

    /** Moves the selected effect one place left (-1) or right (1). */
    public void moveSelected(int delta) {
        GraphNode n = commands.selectedEffect();
        Clip clip = studio.selectedClip();
        if (n != null && clip != null) {
            commands.move(n, clip.effects().indexOf(n) + delta);
        }
    }

    private void menu(Event e) {
        if (menu != null) {
            menu.dispose();
            menu = null;
        }
        Clip clip = studio.project() == null ? null : studio.selectedClip();
        if (clip == null) {
            e.doit = false;
            return;
        }
        Point p = canvas.toControl(e.x, e.y);
        Box b = boxAt(p.x, p.y);
        menu = new Menu(canvas);
        if (b != null && b.isEffect()) {
            if (studio.selectedNode() != b.node) {
                studio.select(clip.id(), b.node.id());
            }
            GraphNode n = b.node;
            item(menu, "Remove " + n.id(), () -> commands.remove(n));
            item(menu, "Move left", () -> commands.move(n, clip.effects().indexOf(n) - 1))
                    .setEnabled(b.effectIndex > 0);
            item(menu, "Move right", () -> commands.move(n, clip.effects().indexOf(n) + 1))
                    .setEnabled(b.effectIndex < clip.effects().size() - 1);
            new MenuItem(menu, SWT.SEPARATOR);
        } else if (b != null && !b.isOutput() && studio.selectedNode() != b.node) {
            studio.select(clip.id(), b.node.id());
        }
        MenuItem add = new MenuItem(menu, SWT.CASCADE);
        add.setText("Add after " + (studio.selectedNode() == null ? "source" : studio.selectedNode().id()));
        Menu sub = new Menu(add);
        add.setMenu(sub);
        NodeRegistry.Snapshot s = commands.snapshot();
        java.util.Set<String> categories = new java.util.TreeSet<>();
        List<NodeDescriptor> ds = new ArrayList<>();
        if (s != null) {
            s.types().values().forEach(t -> ds.add(t.descriptor()));
        }
        ds.sort((x, y) -> x.displayName().compareToIgnoreCase(y.displayName()));
        for (NodeDescriptor d : ds) {
            if (NodeCommands.chainable(d)) {
                categories.add(d.category());
            }
        }
        for (String c : categories) {
            MenuItem ci = new MenuItem(sub, SWT.CASCADE);
            ci.setText(c);
            Menu cm = new Menu(ci);
            ci.setMenu(cm);
            for (NodeDescriptor d : ds) {
                if (NodeCommands.chainable(d) && c.equals(d.category())) {
                    item(cm, d.displayName(), () -> commands.addAfterSelection(d.id()));
                }
            }
        }
        canvas.setMenu(menu);
    }

    private static MenuItem item(Menu m, String text, Runnable r) {
        MenuItem mi = new MenuItem(m, SWT.PUSH);
        mi.setText(text);
        mi.addListener(SWT.Selection, e -> r.run());
        return mi;
    }
}
