package org.lumaflow.ui.internal.parts.curves;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.anim.Animation;
import org.lumaflow.engine.anim.Interpolation;
import org.lumaflow.engine.anim.Keyframe;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.props.ParamValues;
import org.lumaflow.ui.internal.parts.timeline.Skin;

/**
 * The Curves part's widgets: a parameter list (the selected clip's animated, then animatable, parameters),
 * interpolation buttons for the selected keys, and the curve canvas ({@link CurvePainter} draws it,
 * {@link CurveInput} edits it). Holds the editor's state: target, selected keys (by clip time), active component,
 * and the preview value of a drag in progress.
 */
public final class CurveView {

    /** Interpolations offered, in button order, with their labels. */
    static final Interpolation[] INTERPS = {Interpolation.HOLD, Interpolation.LINEAR, Interpolation.EASE_IN_OUT,
            Interpolation.EASE_IN, Interpolation.EASE_OUT, Interpolation.BEZIER};
    private static final String[] INTERP_LABELS = {"Hold", "Linear", "Ease", "Ease in", "Ease out", "Bezier"};

    final Studio studio;
    final Skin skin;
    final Canvas canvas;
    final CurveGeometry geometry = new CurveGeometry();
    private final Composite root;
    private final Combo params;
    private final Button[] interpButtons = new Button[INTERPS.length];
    private final Button delete;
    private final Label info;
    private List<CurveModel.Target> targets = new ArrayList<>();
    Clip clip;
    CurveModel.Target target;
    /** Clip times of the selected keys. */
    final TreeSet<Long> selection = new TreeSet<>();
    int component;
    /** The value a drag in progress would set (drawn instead of the parameter's), or null. */
    Object preview;
    /** Whether the view keeps its scales (a drag runs). */
    boolean frozen;
    /** The rubber band in canvas pixels while one is dragged, else null. */
    org.eclipse.swt.graphics.Rectangle band;

    public CurveView(Composite parent, Studio studio) {
        this.studio = studio;
        skin = new Skin(parent.getDisplay());
        root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        root.setLayout(gl);
        root.setBackground(skin.panel);
        root.addListener(SWT.Dispose, e -> skin.dispose());

        Composite bar = new Composite(root, SWT.NONE);
        GridLayout bl = new GridLayout(3 + INTERPS.length, false);
        bl.marginHeight = 3;
        bl.horizontalSpacing = 4;
        bar.setLayout(bl);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setBackground(skin.panel);
        params = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        params.setData("id", "curves.param");
        params.setToolTipText("The parameter whose curve is shown (animated ones first)");
        GridData pd = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        pd.widthHint = 220;
        params.setLayoutData(pd);
        params.addListener(SWT.Selection, e -> choose(params.getSelectionIndex()));
        for (int i = 0; i < INTERPS.length; i++) {
            Interpolation in = INTERPS[i];
            Button b = new Button(bar, SWT.TOGGLE);
            b.setText(INTERP_LABELS[i]);
            b.setData("id", "curves.interp." + in.id());
            b.setToolTipText("Interpolation from the selected keyframes to the next: " + INTERP_LABELS[i].toLowerCase(
                    Locale.ROOT) + (in == Interpolation.BEZIER ? " (drag the handles to shape it)" : ""));
            b.addListener(SWT.Selection, e -> setInterpolation(in));
            interpButtons[i] = b;
        }
        delete = new Button(bar, SWT.PUSH);
        delete.setText("Delete");
        delete.setData("id", "curves.delete");
        delete.setToolTipText("Delete the selected keyframes (Del)");
        delete.addListener(SWT.Selection, e -> deleteSelected());
        info = new Label(bar, SWT.NONE);
        info.setData("id", "curves.info");
        info.setBackground(skin.panel);
        info.setForeground(skin.textDim);
        info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setData("id", "curves.canvas");
        canvas.setData("org.lumaflow.ui.curves", this);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        CurvePainter painter = new CurvePainter(this);
        canvas.addPaintListener(painter::paint);
        new CurveInput(this);
        refresh();
    }

    public Control control() {
        return root;
    }

    // ---- model --------------------------------------------------------------------------------------------------

    /** The selection or the timeline changed: re-list the clip's parameters, keep the shown one when it stays. */
    public void refresh() {
        if (root.isDisposed()) {
            return;
        }
        Clip c = studio.project() == null ? null : studio.selectedClip();
        List<CurveModel.Target> list = CurveModel.targets(c, this::descriptor);
        CurveModel.Target keep = null;
        for (CurveModel.Target t : list) {
            if (c == clip && t.same(target)) {
                keep = t;
            }
        }
        if (keep == null && c != null) {
            var node = studio.selectedNode();
            keep = list.stream().filter(t -> t.node() == node).findFirst().orElse(list.isEmpty() ? null : list.get(0));
        }
        clip = c;
        targets = list;
        params.setItems(list.stream().map(CurveView::item).toArray(String[]::new));
        params.setEnabled(!list.isEmpty());
        if (keep == null || !keep.same(target)) {
            selection.clear();
            component = 0;
        }
        target = keep;
        params.select(keep == null ? -1 : list.indexOf(keep));
        paramsChanged();
    }

    /** A parameter changed (an edit, undo): drop selected keys that are gone, update buttons, repaint. */
    public void paramsChanged() {
        if (root.isDisposed()) {
            return;
        }
        preview = null;
        for (int i = 0; i < targets.size() && i < params.getItemCount(); i++) {
            String item = item(targets.get(i));
            if (!item.equals(params.getItem(i))) {
                params.setItem(i, item); // a parameter became animated (or constant)
            }
        }
        Animation a = target == null ? null : target.animation();
        selection.removeIf(t -> a == null || CurveModel.keyAt(a, t) == null);
        updateBar();
        canvas.redraw();
    }

    private static String item(CurveModel.Target t) {
        return (t.animation() != null ? "\u25C6 " : "    ") + t.label();
    }

    /** The playhead moved: repaint its line. */
    public void playheadMoved() {
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    private void choose(int index) {
        if (index >= 0 && index < targets.size()) {
            target = targets.get(index);
            selection.clear();
            component = 0;
            paramsChanged();
        }
    }

    void updateBar() {
        Animation a = target == null ? null : target.animation();
        Interpolation common = null;
        boolean mixed = false;
        for (long t : selection) {
            Keyframe k = a == null ? null : CurveModel.keyAt(a, t);
            if (k != null) {
                mixed |= common != null && common != k.interp();
                common = k.interp();
            }
        }
        for (int i = 0; i < INTERPS.length; i++) {
            interpButtons[i].setEnabled(!selection.isEmpty());
            interpButtons[i].setSelection(!mixed && INTERPS[i] == common);
        }
        delete.setEnabled(!selection.isEmpty());
        info.setText(describe(a));
        info.getParent().layout();
    }

    private String describe(Animation a) {
        if (target == null) {
            return clip == null ? "Select a clip to see its keyframe curves" : "This clip has no animatable parameters";
        }
        if (selection.size() == 1 && a != null) {
            Keyframe k = CurveModel.keyAt(a, selection.first());
            StringBuilder sb = new StringBuilder("Key at ").append(seconds(k.time())).append(": ");
            for (int c = 0; c < k.value().length; c++) {
                sb.append(c == 0 ? "" : ", ").append(ParamValues.format(k.value()[c]));
            }
            return sb.append("  \u00B7  ").append(k.interp().id()).toString();
        }
        if (!selection.isEmpty()) {
            return selection.size() + " keys selected";
        }
        return "Double-click: add \u00B7 drag: move (Shift: one axis) \u00B7 Del: delete \u00B7 right-click: interpolation";
    }

    static String seconds(long ticks) {
        return String.format(Locale.ROOT, "%.2f s", ticks / (double) org.lumaflow.core.time.Ticks.PER_SECOND);
    }

    private NodeDescriptor descriptor(String type) {
        try {
            NodeType t = studio.engine().registry().snapshot().type(type);
            return t == null ? null : t.descriptor();
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /** Runs {@code e} as one undo step (the studio announces it; {@link #paramsChanged} follows). */
    void execute(Edit e) {
        preview = null;
        studio.execute(e);
    }

    void setInterpolation(Interpolation in) {
        Animation a = target == null ? null : target.animation();
        if (a != null && !selection.isEmpty()) {
            execute(CurveModel.edit(target, "Set keyframe interpolation to " + in.id(),
                    CurveModel.setInterpolation(a, selection, in)));
        }
        updateBar();
    }

    void deleteSelected() {
        Animation a = target == null ? null : target.animation();
        if (a != null && !selection.isEmpty()) {
            Object v = CurveModel.deleteKeys(target.spec(), a, selection);
            selection.clear();
            execute(CurveModel.edit(target, "Delete keyframes", v));
        }
    }

    /** Fits the scales to the shown curve and the canvas (not while a drag runs). */
    void fit() {
        if (!frozen && target != null && clip != null) {
            geometry.fit(canvas.getClientArea(), target.spec(), CurvePainter.raw(this), clip.in(),
                    clip.in() + clip.duration());
        }
    }

    /** The clip time of the playhead (node-local), or Long.MIN_VALUE without a clip. */
    long playheadTime() {
        if (clip == null) {
            return Long.MIN_VALUE;
        }
        FrameRate rate = studio.timeline().format().rate();
        return rate.frameToTicks(studio.playhead()) - clip.start() + clip.in();
    }

    /** Moves the playhead to the timeline frame of clip time {@code time}. */
    void seek(long time) {
        FrameRate rate = studio.timeline().format().rate();
        studio.transport().stop();
        studio.setPlayhead(rate.ticksToFrame(Math.max(0, time + clip.start() - clip.in()), RoundingMode.HALF_UP));
    }

    /** Snaps clip time {@code time} to a frame start of the timeline. */
    long snap(long time) {
        return CurveModel.snapToFrame(time, clip, studio.timeline().format().rate());
    }

    // ---- for tests and automation --------------------------------------------------------------------------------

    /** The shown parameter, or null. */
    public CurveModel.Target target() {
        return target;
    }

    /** The listed parameters' labels (as the list shows them, with the animated mark). */
    public String[] labels() {
        return params.getItems();
    }

    /** The canvas point of clip time {@code time} and value {@code value} in the current view. */
    public Point pointOf(long time, double value) {
        fit();
        return new Point((int) Math.round(geometry.x(time)), (int) Math.round(geometry.y(value)));
    }

    /** The canvas point of handle {@code which} (1 or 2) of the bezier key at {@code time}, or null. */
    public Point handlePoint(long time, int which) {
        fit();
        double[] p = CurvePainter.handle(this, time, which, component);
        return p == null ? null : new Point((int) Math.round(p[0]), (int) Math.round(p[1]));
    }

    /** The selected keys' clip times. */
    public List<Long> selectedTimes() {
        return List.copyOf(selection);
    }
}
