package org.lumaflow.ui.internal.parts;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Change;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.nodes.NodeCommands;
import org.lumaflow.ui.internal.parts.nodes.NodeGraphView;
import org.lumaflow.ui.internal.parts.nodes.NodePalette;
import org.lumaflow.ui.internal.parts.timeline.Skin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The node editor: the selected clip's effect chain as a graph (source, effects, output) beside a palette of the
 * registered node types (live: plugins installed while the studio runs appear at once). Add from the palette
 * (double-click, or drag onto the graph), select, reorder (drag, or the arrow buttons) and remove effects.
 */
public final class NodeEditorPart {

    private Studio studio;
    private Skin skin;
    private NodeCommands commands;
    private NodeGraphView graph;
    private NodePalette palette;
    private Label title;
    private ToolItem remove;
    private ToolItem left;
    private ToolItem right;
    private NodeRegistry registry;
    private final Consumer<Change> listener = this::changed;
    private final Runnable registryListener = this::registryChanged;

    @PostConstruct
    public void create(Composite parent, Studio studio) {
        this.studio = studio;
        skin = new Skin(parent.getDisplay());
        commands = new NodeCommands(studio);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        palette = new NodePalette(sash, commands, type -> {
            if (studio.selectedClip() == null) {
                title.setText("Select a clip first, then add nodes to its chain");
            } else {
                commands.addAfterSelection(type);
            }
        });

        Composite right = new Composite(sash, SWT.NONE);
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        right.setLayout(gl);
        right.setBackground(skin.panel);
        title = new Label(right, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setBackground(skin.panel);
        title.setForeground(skin.text);
        title.setFont(skin.bold);
        ToolBar bar = new ToolBar(right, SWT.FLAT | SWT.RIGHT);
        bar.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        left = tool(bar, "\u25C0", "Move the selected effect one place upstream (Ctrl+Left)", "moveLeft",
                () -> graph.moveSelected(-1));
        this.right = tool(bar, "\u25B6", "Move the selected effect one place downstream (Ctrl+Right)", "moveRight",
                () -> graph.moveSelected(1));
        remove = tool(bar, "Remove", "Remove the selected effect from the chain (Delete)", "remove", () -> {
            GraphNode n = commands.selectedEffect();
            if (n != null) {
                commands.remove(n);
            }
        });
        graph = new NodeGraphView(right, studio, skin, commands);
        graph.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        sash.setWeights(22, 78);
        sash.addListener(SWT.Dispose, e -> skin.dispose());

        studio.addListener(listener);
        try {
            registry = studio.engine().registry();
            registry.addListener(registryListener);
        } catch (RuntimeException e) {
            registry = null; // no engine: an empty palette, the graph still shows the chain
        }
        palette.reload();
        update();
    }

    private static ToolItem tool(ToolBar bar, String text, String tip, String action, Runnable r) {
        ToolItem ti = new ToolItem(bar, SWT.PUSH);
        ti.setText(text);
        ti.setToolTipText(tip);
        ti.setData("action", action);
        ti.addListener(SWT.Selection, e -> r.run());
        return ti;
    }

    /** Called by the registry on the registering thread: re-read on the UI thread. */
    private void registryChanged() {
        Display d = graph == null || graph.control().isDisposed() ? null : graph.control().getDisplay();
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (!graph.control().isDisposed()) {
                    palette.reload();
                    graph.refresh();
                }
            });
        }
    }

    private void changed(Change c) {
        if (graph.control().isDisposed()) {
            return;
        }
        switch (c) {
            case PROJECT, TIMELINE, SELECTION -> update();
            default -> {
            }
        }
    }

    private void update() {
        Clip clip = studio.project() == null ? null : studio.selectedClip();
        if (clip == null) {
            title.setText("  No clip selected");
        } else {
            title.setText("  " + clip.id() + "  \u2014  " + clip.effects().size() + " effect"
                    + (clip.effects().size() == 1 ? "" : "s"));
        }
        GraphNode fx = clip == null ? null : commands.selectedEffect();
        remove.setEnabled(fx != null);
        left.setEnabled(fx != null && clip.effects().indexOf(fx) > 0);
        right.setEnabled(fx != null && clip.effects().indexOf(fx) < clip.effects().size() - 1);
        graph.refresh();
    }

    /** For tests. */
    public NodeGraphView graph() {
        return graph;
    }

    /** For tests. */
    public NodePalette palette() {
        return palette;
    }

    @PreDestroy
    public void dispose() {
        studio.removeListener(listener);
        if (registry != null) {
            registry.removeListener(registryListener);
        }
    }
}
