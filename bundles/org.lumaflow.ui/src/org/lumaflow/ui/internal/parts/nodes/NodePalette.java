package org.lumaflow.ui.internal.parts.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.NodeRegistry;

/**
 * The node palette: node types by category with a filter box, rebuilt from the registry whenever plugins come or go.
 * Double-click (or Enter) adds the type after the selected node; dragging one onto the graph inserts it there.
 * Sources and transitions are not listed (they start clips and join them on the timeline).
 */
public final class NodePalette {

    private final Composite root;
    private final Text filter;
    private final Tree tree;
    private final Label count;
    private final NodeCommands commands;
    private final Consumer<String> add;
    private List<NodeDescriptor> all = List.of();
    private Map<String, String> plugins = Map.of();
    private long generation = -1;

    public NodePalette(Composite parent, NodeCommands commands, Consumer<String> add) {
        this.commands = commands;
        this.add = add;
        root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 4;
        gl.marginHeight = 4;
        gl.verticalSpacing = 4;
        root.setLayout(gl);
        filter = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage("Filter nodes");
        filter.setData("org.lumaflow.ui.palette.filter", Boolean.TRUE);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> fill());
        filter.addListener(SWT.DefaultSelection, e -> {
            TreeItem first = firstLeaf();
            if (first != null) {
                add.accept((String) first.getData("type"));
            }
        });
        tree = new Tree(root, SWT.SINGLE | SWT.V_SCROLL | SWT.FULL_SELECTION);
        tree.setData("org.lumaflow.ui.palette", Boolean.TRUE);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TreeItem ti && ti.getData("type") instanceof String type) {
                add.accept(type);
            }
        });
        tree.addListener(SWT.MouseHover, e -> {
            TreeItem ti = tree.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            String tip = ti == null ? null : (String) ti.getData("tip");
            if (tip == null ? tree.getToolTipText() != null : !tip.equals(tree.getToolTipText())) {
                tree.setToolTipText(tip);
            }
        });
        count = new Label(root, SWT.WRAP);
        count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        DragSource ds = new DragSource(tree, DND.DROP_COPY);
        ds.setTransfer(new Transfer[] {TextTransfer.getInstance()});
        ds.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent e) {
                TreeItem[] sel = tree.getSelection();
                e.doit = sel.length == 1 && sel[0].getData("type") != null;
            }

            @Override
            public void dragSetData(DragSourceEvent e) {
                TreeItem[] sel = tree.getSelection();
                if (sel.length == 1 && sel[0].getData("type") instanceof String type) {
                    e.data = NodeGraphView.DRAG_PREFIX + type;
                }
            }
        });
        reload();
    }

    public Composite control() {
        return root;
    }

    public Tree tree() {
        return tree;
    }

    public Text filter() {
        return filter;
    }

    /** Re-reads the registry (no-op when its generation did not change). Call on the UI thread. */
    public void reload() {
        if (root.isDisposed()) {
            return;
        }
        NodeRegistry.Snapshot s = commands.snapshot();
        if (s == null) {
            all = List.of();
            plugins = Map.of();
            generation = -1;
            fill();
            return;
        }
        if (s.generation() == generation) {
            return;
        }
        generation = s.generation();
        List<NodeDescriptor> ds = new ArrayList<>();
        for (NodeType t : s.types().values()) {
            NodeDescriptor d = t.descriptor();
            if (NodeCommands.chainable(d)) {
                ds.add(d);
            }
        }
        ds.sort((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()));
        all = ds;
        plugins = s.plugins();
        fill();
    }

    /** Whether {@code d} matches the filter words (all of them, in name, id, category, description or plugin). */
    static boolean matches(NodeDescriptor d, String plugin, String filterText) {
        String f = filterText.trim().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            return true;
        }
        String hay = (d.displayName() + " " + d.id() + " " + d.category() + " " + d.description() + " "
                + (plugin == null ? "" : plugin)).toLowerCase(Locale.ROOT);
        for (String w : f.split("\\s+")) {
            if (!hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private void fill() {
        String f = filter.getText();
        String selected = tree.getSelectionCount() == 1 ? (String) tree.getSelection()[0].getData("type") : null;
        tree.setRedraw(false);
        try {
            tree.removeAll();
            Map<String, List<NodeDescriptor>> byCategory = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (NodeDescriptor d : all) {
                if (matches(d, plugins.get(d.id()), f)) {
                    byCategory.computeIfAbsent(d.category() == null || d.category().isBlank() ? "Other"
                            : d.category(), k -> new ArrayList<>()).add(d);
                }
            }
            int n = 0;
            for (Map.Entry<String, List<NodeDescriptor>> e : byCategory.entrySet()) {
                TreeItem cat = new TreeItem(tree, SWT.NONE);
                cat.setText(e.getKey() + "  (" + e.getValue().size() + ")");
                for (NodeDescriptor d : e.getValue()) {
                    TreeItem ti = new TreeItem(cat, SWT.NONE);
                    String plugin = plugins.get(d.id());
                    ti.setText(d.displayName());
                    ti.setData("type", d.id());
                    ti.setData("tip", d.displayName() + "  (" + d.id() + ")\n" + d.description()
                            + (plugin == null ? "" : "\nPlugin: " + plugin)
                            + "\nDouble-click to add after the selected node, or drag onto the graph");
                    if (d.id().equals(selected)) {
                        tree.setSelection(ti);
                    }
                    n++;
                }
                cat.setExpanded(true);
            }
            count.setText(n + " of " + all.size() + " node types");
        } finally {
            tree.setRedraw(true);
        }
        root.layout(new org.eclipse.swt.widgets.Control[] {count});
    }

    private TreeItem firstLeaf() {
        for (TreeItem cat : tree.getItems()) {
            if (cat.getItemCount() > 0) {
                return cat.getItem(0);
            }
        }
        return null;
    }
}
