package org.lumaflow.ui.internal.parts.props;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Edits;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.timeline.Skin;

/**
 * The properties form: clip fields, the selected node's title and description, and one {@link ParamRow} per
 * parameter. Rebuilt only when the selected node (or its type's metadata) changes; values are refreshed in place on
 * parameter edits and playhead moves, so typing and focus survive.
 */
public final class PropertiesView implements ParamRow.Host {

    private final Studio studio;
    private final Skin skin;
    private final ScrolledComposite scrolled;
    private final Composite content;
    private final Label empty;
    private final ClipFields clipFields;
    private final Composite nodeHeader;
    private final Label nodeTitle;
    private final Label nodeInfo;
    private final Label nodeDescription;
    private final Composite grid;
    private final List<ParamRow> rows = new ArrayList<>();
    private Clip shownClip;
    private GraphNode shownNode;
    private NodeDescriptor shownDescriptor;

    public PropertiesView(Composite parent, Studio studio) {
        this.studio = studio;
        skin = new Skin(parent.getDisplay());
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scrolled.setScrollbarsMode(SWT.NONE); // classic bars, always drawn when the content is larger
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        content = new Composite(scrolled, SWT.NONE);
        content.setData("org.lumaflow.ui.properties", this);
        scrolled.setBackground(skin.panel);
        content.setBackground(skin.panel);
        content.setForeground(skin.text);
        content.setBackgroundMode(SWT.INHERIT_DEFAULT);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 2;
        content.setLayout(gl);
        scrolled.setContent(content);
        scrolled.addListener(SWT.Resize, e -> relayout());
        scrolled.addListener(SWT.Dispose, e -> skin.dispose());

        empty = new Label(content, SWT.WRAP);
        empty.setText("Select a clip in the timeline, or a node in the node editor, to edit its properties.");
        empty.setForeground(skin.textDim);
        empty.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        clipFields = new ClipFields(content, studio, skin);
        clipFields.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label sep = new Label(content, SWT.SEPARATOR | SWT.HORIZONTAL);
        sep.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        nodeHeader = new Composite(content, SWT.NONE);
        GridLayout hl = new GridLayout(1, false);
        hl.marginWidth = 8;
        hl.marginHeight = 4;
        hl.verticalSpacing = 2;
        nodeHeader.setLayout(hl);
        nodeHeader.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        nodeTitle = new Label(nodeHeader, SWT.NONE);
        nodeTitle.setFont(skin.bold);
        nodeTitle.setForeground(skin.text);
        nodeTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        nodeInfo = new Label(nodeHeader, SWT.NONE);
        nodeInfo.setForeground(skin.textDim);
        nodeInfo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        nodeDescription = new Label(nodeHeader, SWT.WRAP);
        nodeDescription.setForeground(skin.text);
        GridData dd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        dd.widthHint = 200;
        nodeDescription.setLayoutData(dd);

        grid = new Composite(content, SWT.NONE);
        GridLayout pl = new GridLayout(4, false);
        pl.marginWidth = 8;
        pl.marginHeight = 4;
        pl.horizontalSpacing = 6;
        pl.verticalSpacing = 4;
        grid.setLayout(pl);
        grid.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    public Control control() {
        return scrolled;
    }

    // ---- refresh --------------------------------------------------------------------------------------------------

    /** Rebuilds the form when the selected clip/node/type changed ({@code force}: always); else refreshes values. */
    public void refresh(boolean force) {
        if (content.isDisposed()) {
            return;
        }
        Clip clip = studio.project() == null ? null : studio.selectedClip();
        GraphNode node = clip == null ? null : studio.selectedNode();
        NodeDescriptor d = node == null ? null : descriptor(node.type());
        if (force || clip != shownClip || node != shownNode || d != shownDescriptor) {
            rebuild(clip, node, d);
        } else {
            clipFields.show(clip);
            refreshValues();
        }
    }

    private NodeDescriptor descriptor(String type) {
        try {
            NodeRegistry.Snapshot s = studio.engine().registry().snapshot();
            NodeType t = s.type(type);
            return t == null ? null : t.descriptor();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String plugin(GraphNode n) {
        try {
            String p = studio.engine().registry().snapshot().plugins().get(n.type());
            return p != null ? p : n.plugin();
        } catch (RuntimeException e) {
            return n.plugin();
        }
    }

    private void rebuild(Clip clip, GraphNode node, NodeDescriptor d) {
        shownClip = clip;
        shownNode = node;
        shownDescriptor = d;
        content.setRedraw(false);
        try {
            for (Control c : grid.getChildren()) {
                c.dispose();
            }
            rows.clear();
            show(empty, clip == null);
            show(clipFields.control(), clip != null);
            show(nodeHeader, node != null);
            show(grid, node != null);
            if (clip != null) {
                clipFields.show(clip);
            }
            if (node != null) {
                boolean source = node == clip.source();
                nodeTitle.setText((d == null ? node.type() : d.displayName()) + "  \u2014  "
                        + (source ? "source of " + clip.id() : node.id()));
                String plugin = plugin(node);
                nodeInfo.setText(node.type() + (plugin == null ? "" : "  \u00B7  " + plugin)
                        + (d == null ? "  \u00B7  not installed" : ""));
                nodeInfo.setForeground(d == null ? skin.warning : skin.textDim);
                nodeDescription.setText(d == null ? "No installed plugin provides this node type; its parameters "
                        + "are shown as saved and cannot be edited." : d.description());
                if (d != null) {
                    for (ParamSpec spec : d.params()) {
                        rows.add(new ParamRow(grid, spec, skin, this));
                    }
                    if (d.params().isEmpty()) {
                        note("This node has no parameters.");
                    }
                }
                for (Map.Entry<String, Object> e : node.params().entrySet()) {
                    if (d == null || d.param(e.getKey()) == null) {
                        note(e.getKey() + " = " + describe(e.getValue()) + (d == null ? "" : "  (unknown parameter)"));
                    }
                }
            }
            refreshValues();
        } finally {
            content.setRedraw(true);
        }
        relayout();
    }

    private void note(String text) {
        Label l = new Label(grid, SWT.WRAP);
        l.setText(text);
        l.setForeground(skin.textDim);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
    }

    private static String describe(Object v) {
        if (v instanceof Animation a) {
            return "animated (" + a.keyframes().size() + " keys)";
        }
        if (v instanceof double[] d) {
            return java.util.Arrays.toString(d);
        }
        return String.valueOf(v);
    }

    private static void show(Control c, boolean visible) {
        c.setVisible(visible);
        ((GridData) c.getLayoutData()).exclude = !visible;
    }

    private void relayout() {
        if (content.isDisposed()) {
            return;
        }
        Rectangle r = scrolled.getClientArea();
        content.layout(true, true);
        scrolled.setMinSize(content.computeSize(Math.max(260, r.width), SWT.DEFAULT));
    }

    /** Shows the values at the playhead (no rebuild). */
    public void refreshValues() {
        if (content.isDisposed() || shownNode == null || shownClip == null) {
            return;
        }
        if (studio.findClip(shownClip.id()) != shownClip) {
            refresh(false);
            return;
        }
        long local = localTime();
        long tol = tolerance();
        Map<String, Object> params = shownNode.params();
        for (ParamRow row : rows) {
            Object raw = params.get(row.spec.name());
            Object typed = ParamValues.valueAt(row.spec, raw, local);
            if (raw instanceof Animation a) {
                row.update(typed, true, true, a.keyframes().size(), ParamValues.keyAt(a, local, tol) != null,
                        ParamValues.previousKey(a, local, tol) != null, ParamValues.nextKey(a, local, tol) != null);
            } else {
                row.update(typed, raw != null, false, 0, false, false, false);
            }
        }
    }

    /** Node-local time at the playhead: timeline time minus (clip start - clip in). */
    private long localTime() {
        FrameRate rate = studio.timeline().format().rate();
        return rate.frameToTicks(studio.playhead()) - shownClip.start() + shownClip.in();
    }

    /** Keys within half a frame of the playhead count as "at the playhead". */
    private long tolerance() {
        return studio.timeline().format().rate().frameDuration(studio.playhead()) / 2;
    }

    // ---- ParamRow.Host --------------------------------------------------------------------------------------------

    @Override
    public void commit(ParamSpec spec, Object typed) {
        GraphNode node = shownNode;
        if (node == null) {
            return;
        }
        Object raw = node.params().get(spec.name());
        Object value = raw instanceof Animation a && spec.type().animatable()
                ? ParamValues.withKey(spec, a, localTime(), tolerance(), typed)
                : typed;
        studio.execute(Edits.setParam(node, spec.name(), value));
    }

    @Override
    public void toggleKey(ParamSpec spec) {
        GraphNode node = shownNode;
        if (node == null || !spec.animatable()) {
            return;
        }
        long local = localTime();
        long tol = tolerance();
        Object raw = node.params().get(spec.name());
        Object value;
        if (raw instanceof Animation a) {
            value = ParamValues.keyAt(a, local, tol) != null ? ParamValues.withoutKey(spec, a, local, tol)
                    : ParamValues.withKey(spec, a, local, tol, ParamValues.valueAt(spec, a, local));
        } else {
            value = ParamValues.withKey(spec, null, local, tol, ParamValues.typed(spec, raw));
        }
        studio.execute(Edits.setParam(node, spec.name(), value));
    }

    @Override
    public void jumpKey(ParamSpec spec, int direction) {
        GraphNode node = shownNode;
        if (node == null || !(node.params().get(spec.name()) instanceof Animation a)) {
            return;
        }
        long local = localTime();
        Keyframe k = direction < 0 ? ParamValues.previousKey(a, local, tolerance())
                : ParamValues.nextKey(a, local, tolerance());
        if (k != null) {
            FrameRate rate = studio.timeline().format().rate();
            long t = k.time() + shownClip.start() - shownClip.in();
            studio.transport().stop();
            studio.setPlayhead(rate.ticksToFrame(Math.max(0, t), RoundingMode.HALF_UP));
        }
    }

    @Override
    public void reset(ParamSpec spec) {
        GraphNode node = shownNode;
        if (node != null && node.params().containsKey(spec.name())) {
            studio.execute(Edits.setParam(node, spec.name(), null));
        }
    }
}
