package org.lumaflow.ui.internal.parts.props;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.engine.graph.Color;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.ParamType;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.ui.internal.parts.timeline.Skin;

/**
 * The editor of one parameter, in four cells of its parent's grid: name, typed editor, keyframe buttons (previous
 * key, key toggle, next key) and reset. The main editing widget carries {@code setData("param", name)}; helpers carry
 * {@code "param.slider"}, {@code "param.y"}, {@code "param.swatch"}, {@code "param.browse"}, {@code "param.key"},
 * {@code "param.prevKey"}, {@code "param.nextKey"}, {@code "param.reset"} with the same name.
 */
final class ParamRow {

    /** What the rows ask of the part. */
    interface Host {
        /** The user committed {@code typed} (one undo step). */
        void commit(ParamSpec spec, Object typed);

        void toggleKey(ParamSpec spec);

        /** Moves the playhead to the previous (-1) or next (1) keyframe. */
        void jumpKey(ParamSpec spec, int direction);

        void reset(ParamSpec spec);
    }

    private static final int SLIDER_STEPS = 1000;

    final ParamSpec spec;
    private final Host host;
    private final Skin skin;
    private final Label name;
    private Text text;
    private Text textY;
    private Scale scale;
    private Button check;
    private Combo combo;
    private Button swatch;
    private Image swatchImage;
    private Button key;
    private Button prevKey;
    private Button nextKey;
    private final Button reset;
    /** The value shown (typed), to skip commits that change nothing. */
    private Object shown;
    private boolean updating;
    private boolean scaleDown;
    private long lastScaleEvent;
    private int state = -1;
    private final Runnable scaleCommit = this::commitScale;

    ParamRow(Composite grid, ParamSpec spec, Skin skin, Host host) {
        this.spec = spec;
        this.host = host;
        this.skin = skin;
        name = new Label(grid, SWT.NONE);
        name.setText(label(spec.name()));
        name.setToolTipText(spec.description() + (spec.unit() == null || spec.unit().isEmpty() ? ""
                : " (" + spec.unit() + ")") + "\n" + spec.name() + ": " + spec.type().name().toLowerCase());
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        Composite editor = new Composite(grid, SWT.NONE);
        editor.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        createEditor(editor);
        Composite keys = new Composite(grid, SWT.NONE);
        GridLayout kl = new GridLayout(3, true);
        kl.marginWidth = 0;
        kl.marginHeight = 0;
        kl.horizontalSpacing = 0;
        keys.setLayout(kl);
        keys.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, false, false));
        if (spec.animatable()) {
            prevKey = smallButton(keys, SWT.PUSH, "\u25C2", "Previous keyframe", "param.prevKey");
            prevKey.addListener(SWT.Selection, e -> host.jumpKey(spec, -1));
            key = smallButton(keys, SWT.TOGGLE, "\u25C7", "Add a keyframe at the playhead", "param.key");
            key.addListener(SWT.Selection, e -> {
                if (!updating) {
                    host.toggleKey(spec);
                }
            });
            nextKey = smallButton(keys, SWT.PUSH, "\u25B8", "Next keyframe", "param.nextKey");
            nextKey.addListener(SWT.Selection, e -> host.jumpKey(spec, 1));
        }
        reset = smallButton(grid, SWT.PUSH, "\u21BA", "Reset to the default (" + describe(spec.defaultValue()) + ")",
                "param.reset");
        reset.addListener(SWT.Selection, e -> host.reset(spec));
    }

    private Button smallButton(Composite parent, int style, String text, String tip, String role) {
        Button b = new Button(parent, style | SWT.FLAT);
        b.setText(text);
        b.setToolTipText(tip);
        b.setData(role, spec.name());
        GridData gd = new GridData(SWT.CENTER, SWT.CENTER, false, false);
        gd.widthHint = 26;
        b.setLayoutData(gd);
        return b;
    }

    /** "blur_radius" as "Blur radius". */
    static String label(String param) {
        String s = param.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String describe(Object v) {
        if (v instanceof Double d) {
            return ParamValues.format(d);
        }
        if (v instanceof Color c) {
            return c.toHex();
        }
        if (v instanceof Point2 p) {
            return ParamValues.format(p.x()) + ", " + ParamValues.format(p.y());
        }
        return v == null || "".equals(v) ? "empty" : v.toString();
    }

    // ---- editors --------------------------------------------------------------------------------------------------

    private void createEditor(Composite c) {
        switch (spec.type()) {
            case FLOAT, INT -> numberEditor(c);
            case BOOL -> {
                c.setLayout(fill(1));
                check = new Button(c, SWT.CHECK);
                check.setData("param", spec.name());
                check.addListener(SWT.Selection, e -> commit(check.getSelection()));
            }
            case CHOICE -> {
                c.setLayout(fill(1));
                combo = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(spec.choices().toArray(new String[0]));
                combo.setVisibleItemCount(Math.min(16, spec.choices().size()));
                combo.setData("param", spec.name());
                combo.addListener(SWT.Selection, e -> {
                    int i = combo.getSelectionIndex();
                    if (i >= 0) {
                        commit(spec.choices().get(i));
                    }
                });
            }
            case COLOR -> colorEditor(c);
            case POINT -> pointEditor(c);
            case STRING -> {
                c.setLayout(fill(1));
                text = textField(c, SWT.BORDER, "param");
                text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            }
            case FILE -> {
                c.setLayout(fill(2));
                text = textField(c, SWT.BORDER, "param");
                text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                Button browse = new Button(c, SWT.PUSH);
                browse.setText("\u2026");
                browse.setToolTipText("Choose a file");
                browse.setData("param.browse", spec.name());
                browse.addListener(SWT.Selection, e -> {
                    FileDialog d = new FileDialog(c.getShell(), SWT.OPEN);
                    d.setText(label(spec.name()));
                    String cur = text.getText();
                    if (!cur.isEmpty()) {
                        d.setFileName(cur);
                    }
                    String f = d.open();
                    if (f != null) {
                        text.setText(f);
                        commit(f);
                    }
                });
            }
        }
    }

    private static GridLayout fill(int columns) {
        GridLayout gl = new GridLayout(columns, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        return gl;
    }

    private Text textField(Composite c, int style, String role) {
        Text t = new Text(c, style);
        t.setData(role, spec.name());
        t.addListener(SWT.DefaultSelection, e -> commitText());
        t.addListener(SWT.FocusOut, e -> commitText());
        t.addListener(SWT.Modify, e -> t.setBackground(null));
        return t;
    }

    private boolean hasSlider() {
        double span = spec.max() - spec.min();
        return Double.isFinite(span) && span > 0 && span <= 1e6;
    }

    private void numberEditor(Composite c) {
        boolean slider = hasSlider();
        boolean unit = spec.unit() != null && !spec.unit().isEmpty();
        c.setLayout(fill(1 + (unit ? 1 : 0) + (slider ? 1 : 0)));
        text = textField(c, SWT.BORDER | SWT.RIGHT, "param");
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = 64;
        text.setLayoutData(gd);
        text.setToolTipText(ParamValues.format(spec.min()) + " .. " + ParamValues.format(spec.max())
                + (unit ? " " + spec.unit() : "") + "\nUp/Down to nudge (Shift: x10)");
        text.addListener(SWT.KeyDown, this::nudge);
        if (unit) {
            Label u = new Label(c, SWT.NONE);
            u.setText(spec.unit());
            u.setForeground(skin.textDim);
        }
        if (slider) {
            scale = new Scale(c, SWT.HORIZONTAL);
            scale.setData("param.slider", spec.name());
            scale.setMinimum(0);
            scale.setMaximum(sliderSteps());
            scale.setPageIncrement(Math.max(1, sliderSteps() / 10));
            scale.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            scale.addListener(SWT.MouseDown, e -> scaleDown = true);
            scale.addListener(SWT.MouseUp, e -> {
                scaleDown = false;
                commitScale();
            });
            scale.addListener(SWT.Selection, e -> {
                if (updating) {
                    return;
                }
                text.setText(ParamValues.format(fromSlider(scale.getSelection())));
                text.setBackground(null);
                // keyboard and wheel changes commit after a short pause, drags on mouse up (one edit per gesture);
                // a drag that rests for a second commits too (in case the platform swallows the mouse up)
                lastScaleEvent = System.currentTimeMillis();
                scale.getDisplay().timerExec(-1, scaleCommit);
                scale.getDisplay().timerExec(scaleDown ? 1000 : 350, scaleCommit);
            });
        }
    }

    private int sliderSteps() {
        double span = spec.max() - spec.min();
        return spec.type() == ParamType.INT && span <= SLIDER_STEPS ? (int) span : SLIDER_STEPS;
    }

    private double fromSlider(int s) {
        double v = spec.min() + (spec.max() - spec.min()) * s / sliderSteps();
        return spec.type() == ParamType.INT ? Math.round(v) : v;
    }

    private int toSlider(double v) {
        double u = (ParamValues.clamp(spec, v) - spec.min()) / (spec.max() - spec.min());
        return (int) Math.round(u * sliderSteps());
    }

    private void commitScale() {
        if (scale == null || scale.isDisposed() || updating) {
            return;
        }
        if (scaleDown && System.currentTimeMillis() - lastScaleEvent < 900) {
            return; // still dragging: the mouse up commits
        }
        scaleDown = false;
        scale.getDisplay().timerExec(-1, scaleCommit);
        commitNumber(fromSlider(scale.getSelection()));
    }

    private void nudge(Event e) {
        if (e.keyCode != SWT.ARROW_UP && e.keyCode != SWT.ARROW_DOWN) {
            return;
        }
        e.doit = false;
        double step = spec.type() == ParamType.INT ? 1 : hasSlider() ? (spec.max() - spec.min()) / 200 : 0.1;
        if ((e.stateMask & SWT.SHIFT) != 0) {
            step *= 10;
        }
        double cur;
        try {
            cur = ParamValues.parse(text.getText());
        } catch (NumberFormatException ex) {
            cur = ((Number) shown).doubleValue();
        }
        commitNumber(cur + (e.keyCode == SWT.ARROW_UP ? step : -step));
    }

    private void commitNumber(double v) {
        double c = ParamValues.clamp(spec, v);
        commit(spec.type() == ParamType.INT ? (Object) (int) Math.round(c) : (Object) c);
    }

    private void colorEditor(Composite c) {
        c.setLayout(fill(2));
        swatch = new Button(c, SWT.PUSH);
        swatch.setData("param.swatch", spec.name());
        swatch.setToolTipText("Choose a colour");
        swatch.addListener(SWT.Selection, e -> {
            Color cur = (Color) shown;
            ColorDialog d = new ColorDialog(c.getShell());
            d.setText(label(spec.name()));
            d.setRGB(new RGB(cur.code(0), cur.code(1), cur.code(2)));
            RGB rgb = d.open();
            if (rgb != null) {
                commit(new Color(rgb.red / 255.0, rgb.green / 255.0, rgb.blue / 255.0, cur.a()));
            }
        });
        swatch.addListener(SWT.Dispose, e -> {
            if (swatchImage != null) {
                swatchImage.dispose();
            }
        });
        text = textField(c, SWT.BORDER, "param");
        text.setToolTipText("#RRGGBB or #RRGGBBAA");
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = 92;
        text.setLayoutData(gd);
    }

    private void pointEditor(Composite c) {
        c.setLayout(fill(4));
        Label lx = new Label(c, SWT.NONE);
        lx.setText("x");
        lx.setForeground(skin.textDim);
        text = textField(c, SWT.BORDER | SWT.RIGHT, "param");
        GridData gx = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gx.widthHint = 64;
        text.setLayoutData(gx);
        Label ly = new Label(c, SWT.NONE);
        ly.setText("y");
        ly.setForeground(skin.textDim);
        textY = textField(c, SWT.BORDER | SWT.RIGHT, "param.y");
        GridData gy = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gy.widthHint = 64;
        textY.setLayoutData(gy);
        text.setToolTipText("Normalized: 0 = left edge, 1 = right edge");
        textY.setToolTipText("Normalized: 0 = top edge, 1 = bottom edge");
    }

    // ---- commits --------------------------------------------------------------------------------------------------

    private void commitText() {
        if (updating || text == null || text.isDisposed()) {
            return;
        }
        try {
            Object v = switch (spec.type()) {
                case FLOAT, INT -> {
                    double d = ParamValues.clamp(spec, ParamValues.parse(text.getText()));
                    yield spec.type() == ParamType.INT ? (Object) (int) Math.round(d) : (Object) d;
                }
                case COLOR -> Color.parse(text.getText().trim().startsWith("#") ? text.getText()
                        : "#" + text.getText().trim());
                case POINT -> new Point2(ParamValues.parse(text.getText()), ParamValues.parse(textY.getText()));
                default -> text.getText();
            };
            commit(v);
        } catch (IllegalArgumentException e) {
            text.setBackground(skin.warning);
            text.setToolTipText("Not a valid value: " + e.getMessage());
        }
    }

    private void commit(Object typed) {
        if (updating || ParamValues.same(typed, shown)) {
            if (!updating) {
                show(shown); // re-format (e.g. "1.50" -> "1.5", clamped values)
            }
            return;
        }
        host.commit(spec, typed);
    }

    // ---- showing values -------------------------------------------------------------------------------------------

    /**
     * Shows a value and the keyframe state.
     *
     * @param typed    the value at the playhead
     * @param set      whether the node sets the parameter (else it has its default)
     * @param animated whether it is animated (keys counts them)
     * @param keyHere  whether a keyframe lies at the playhead
     */
    void update(Object typed, boolean set, boolean animated, int keys, boolean keyHere, boolean hasPrev,
            boolean hasNext) {
        updating = true;
        boolean relayout = false;
        try {
            show(typed);
            int s = (animated ? 1 : 0) | (set ? 2 : 0) | (keyHere ? 4 : 0) | (hasPrev ? 8 : 0) | (hasNext ? 16 : 0)
                    | Math.min(keys, 1 << 20) << 5;
            if (s == state) {
                return; // playback: only the value changed
            }
            relayout = (s & 1) != (state & 1) || state < 0;
            state = s;
            name.setForeground(animated ? skin.accent : set ? skin.text : skin.textDim);
            name.setText(label(spec.name()) + (animated ? " \u25C6" : ""));
            reset.setEnabled(set);
            if (key != null) {
                key.setSelection(keyHere);
                key.setText(keyHere ? "\u25C6" : "\u25C7");
                key.setToolTipText(keyHere ? "Remove the keyframe at the playhead"
                        : animated ? "Add a keyframe at the playhead (" + keys + " key" + (keys == 1 ? "" : "s")
                                + ")" : "Animate: add a keyframe at the playhead");
                prevKey.setEnabled(hasPrev);
                nextKey.setEnabled(hasNext);
            }
        } finally {
            updating = false;
        }
        if (relayout) {
            name.getParent().layout(new Control[] {name});
        }
    }

    private void show(Object typed) {
        shown = typed;
        boolean was = updating;
        updating = true;
        try {
            switch (spec.type()) {
                case FLOAT, INT -> {
                    double d = ((Number) typed).doubleValue();
                    setText(text, ParamValues.format(d));
                    if (scale != null && !scaleDown) {
                        scale.setSelection(toSlider(d));
                    }
                }
                case BOOL -> check.setSelection((Boolean) typed);
                case CHOICE -> {
                    int i = spec.choices().indexOf(typed);
                    if (i >= 0) {
                        combo.select(i);
                    } else {
                        combo.deselectAll();
                    }
                }
                case COLOR -> {
                    Color col = (Color) typed;
                    setText(text, col.a() >= 1 ? col.toHex().substring(0, 7) : col.toHex());
                    paintSwatch(col);
                }
                case POINT -> {
                    Point2 p = (Point2) typed;
                    setText(text, ParamValues.format(p.x()));
                    setText(textY, ParamValues.format(p.y()));
                }
                default -> setText(text, typed == null ? "" : typed.toString());
            }
        } finally {
            updating = was;
        }
    }

    private static void setText(Text t, String s) {
        if (!t.getText().equals(s)) {
            t.setText(s);
        }
        t.setBackground(null);
    }

    private void paintSwatch(Color c) {
        if (swatchImage == null) {
            swatchImage = new Image(swatch.getDisplay(), 30, 14);
        }
        GC gc = new GC(swatchImage);
        try {
            // a checkerboard shows through transparent colours
            gc.setBackground(swatch.getDisplay().getSystemColor(SWT.COLOR_GRAY));
            gc.fillRectangle(0, 0, 30, 14);
            gc.setBackground(swatch.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            for (int x = 0; x < 30; x += 7) {
                for (int y = (x / 7) % 2 * 7; y < 14; y += 14) {
                    gc.fillRectangle(x, y, 7, 7);
                }
            }
            org.eclipse.swt.graphics.Color sc = new org.eclipse.swt.graphics.Color(c.code(0), c.code(1), c.code(2));
            gc.setAlpha(c.code(3));
            gc.setBackground(sc);
            gc.fillRectangle(0, 0, 30, 14);
            gc.setAlpha(255);
            gc.setForeground(skin.textDark);
            gc.drawRectangle(0, 0, 29, 13);
        } finally {
            gc.dispose();
        }
        swatch.setImage(null);
        swatch.setImage(swatchImage);
    }
}
