package org.lumaflow.ui.internal.parts.props;

import java.math.RoundingMode;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.Edit;
import org.lumaflow.ui.internal.model.Studio;
import org.lumaflow.ui.internal.parts.timeline.Skin;
import org.lumaflow.ui.internal.parts.timeline.TimelineCommands;

/**
 * The selected clip's own fields: id, track, source type, and start / in / duration as timecode (editable: Enter or
 * leaving the field commits one move or trim). Widgets carry {@code setData("clip", "start" | "in" | "duration")}.
 */
final class ClipFields {

    private final Studio studio;
    private final Skin skin;
    private final Composite root;
    private final Label id;
    private final Label where;
    private final Text start;
    private final Text in;
    private final Text duration;
    private Clip clip;
    private boolean updating;

    ClipFields(Composite parent, Studio studio, Skin skin) {
        this.studio = studio;
        this.skin = skin;
        root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(6, false);
        gl.marginWidth = 8;
        gl.marginHeight = 6;
        root.setLayout(gl);
        id = new Label(root, SWT.NONE);
        id.setFont(skin.bold);
        id.setForeground(skin.text);
        id.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        where = new Label(root, SWT.WRAP);
        where.setForeground(skin.textDim);
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        start = field("Start", "start", "Timeline position of the first frame");
        in = field("In", "in", "Source time shown at the clip's start");
        duration = field("Duration", "duration", "Length on the timeline");
    }

    Composite control() {
        return root;
    }

    private Text field(String label, String key, String tip) {
        Label l = new Label(root, SWT.NONE);
        l.setText(label);
        l.setForeground(skin.text);
        Text t = new Text(root, SWT.BORDER | SWT.RIGHT);
        t.setData("clip", key);
        t.setToolTipText(tip + "\nHH:MM:SS:FF, 48f or 2.5s; Enter applies");
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 84;
        t.setLayoutData(gd);
        t.addListener(SWT.DefaultSelection, e -> commit(t));
        t.addListener(SWT.FocusOut, e -> commit(t));
        t.addListener(SWT.Modify, e -> {
            if (!updating) {
                t.setBackground(null);
            }
        });
        return t;
    }

    void show(Clip c) {
        clip = c;
        if (c == null) {
            return;
        }
        updating = true;
        try {
            FrameRate rate = studio.timeline().format().rate();
            Track t = studio.trackOf(c);
            id.setText("Clip " + c.id());
            where.setText((t == null ? "" : "on " + t.name() + "  \u00B7  ") + c.source().type()
                    + (c.effects().isEmpty() ? "" : "  \u00B7  " + c.effects().size() + " effect(s)"));
            set(start, ParamValues.timecode(c.start(), rate));
            set(in, ParamValues.timecode(c.in(), rate));
            set(duration, ParamValues.timecode(c.duration(), rate));
        } finally {
            updating = false;
        }
    }

    private void set(Text t, String s) {
        if (!t.getText().equals(s) && !t.isFocusControl()) {
            t.setText(s);
        }
        t.setBackground(null);
    }

    /** True if both times show as the same whole frame (the fields round to the nearest frame). */
    private static boolean sameFrame(FrameRate rate, long a, long b) {
        return rate.ticksToFrame(a, RoundingMode.HALF_UP) == rate.ticksToFrame(b, RoundingMode.HALF_UP);
    }

    private void commit(Text t) {
        if (updating || clip == null || t.isDisposed() || studio.findClip(clip.id()) != clip) {
            return;
        }
        FrameRate rate = studio.timeline().format().rate();
        Track track = studio.trackOf(clip);
        try {
            long v = ParamValues.parseTime(t.getText(), rate);
            long s = clip.start();
            long i = clip.in();
            long d = clip.duration();
            // fields show whole frames: a value that did not change keeps the exact (maybe sub-frame) time
            if (t == start) {
                if (sameFrame(rate, v, s)) {
                    show(clip);
                    return;
                }
                s = v;
            } else if (t == in) {
                if (sameFrame(rate, v, i)) {
                    show(clip);
                    return;
                }
                i = v;
            } else {
                if (sameFrame(rate, v, d)) {
                    show(clip);
                    return;
                }
                d = v;
            }
            if (i < 0 || d <= 0) {
                throw new IllegalArgumentException(d <= 0 ? "the duration must be positive"
                        : "the in point must not be negative");
            }
            String problem = TimelineCommands.placementProblem(track, clip, s, s + d);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            Edit e = t == start ? TimelineCommands.moveEdit(clip, track, track, s)
                    : TimelineCommands.trimEdit(clip, track, s, i, d);
            studio.execute(e);
        } catch (IllegalArgumentException ex) {
            t.setBackground(skin.warning);
            t.setToolTipText(ex.getMessage());
        }
    }
}
