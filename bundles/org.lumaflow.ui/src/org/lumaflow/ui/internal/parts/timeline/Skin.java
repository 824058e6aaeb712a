package org.lumaflow.ui.internal.parts.timeline;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Display;

/**
 * Colours and fonts of the studio's custom-drawn widgets (dark look), created once per part and disposed with it so
 * that painting allocates nothing. Shared by the timeline and the node editor.
 */
public final class Skin {

    public final Color background = rgb(0x1d, 0x1f, 0x23);
    public final Color panel = rgb(0x26, 0x29, 0x2e);
    public final Color panelLight = rgb(0x30, 0x34, 0x3a);
    public final Color trackEven = rgb(0x22, 0x25, 0x2a);
    public final Color trackOdd = rgb(0x25, 0x28, 0x2d);
    public final Color grid = rgb(0x38, 0x3c, 0x43);
    public final Color text = rgb(0xdc, 0xdf, 0xe4);
    public final Color textDim = rgb(0x8e, 0x95, 0xa0);
    public final Color textDark = rgb(0x14, 0x16, 0x19);
    public final Color accent = rgb(0xf2, 0xa6, 0x3b);
    public final Color playhead = rgb(0xe8, 0x4a, 0x4a);
    public final Color selection = rgb(0xff, 0xff, 0xff);
    public final Color snap = rgb(0x5c, 0xd6, 0xff);
    public final Color warning = rgb(0xe0, 0x50, 0x40);
    public final Color transition = rgb(0xb0, 0x8c, 0xe8);
    public final Color wire = rgb(0xa8, 0xb0, 0xbc);
    public final Color port = rgb(0x6f, 0xc3, 0x7a);
    public final Color portMask = rgb(0xd0, 0xc0, 0x5a);
    /** Rows and headers of audio tracks (green-tinted), kind badges, the solo toggle. */
    public final Color audioEven = rgb(0x1f, 0x27, 0x24);
    public final Color audioOdd = rgb(0x22, 0x2a, 0x27);
    public final Color headerAudio = rgb(0x2b, 0x37, 0x32);
    public final Color audioBadge = rgb(0x6f, 0xc3, 0x7a);
    public final Color videoBadge = rgb(0x6a, 0xa6, 0xf0);
    public final Color solo = rgb(0xf0, 0xd0, 0x4a);
    public final Color nodeBody = rgb(0x34, 0x38, 0x3f);
    public final Color nodeHeaderSource = rgb(0x2e, 0x7d, 0x6e);
    public final Color nodeHeaderEffect = rgb(0x3f, 0x63, 0xa8);
    public final Color nodeHeaderOutput = rgb(0x60, 0x60, 0x68);
    public final Color nodeHeaderMissing = rgb(0x9a, 0x36, 0x36);

    public final Font small;
    public final Font normal;
    public final Font bold;

    private final Map<String, Color> clipColors = new HashMap<>();
    private final Map<Integer, Color> brighter = new HashMap<>();
    private final Map<Integer, Color> darker = new HashMap<>();

    public Skin(Display display) {
        FontData base = display.getSystemFont().getFontData()[0];
        int h = base.getHeight();
        small = new Font(display, base.getName(), Math.max(7, h - 2), SWT.NORMAL);
        normal = new Font(display, base.getName(), Math.max(8, h - 1), SWT.NORMAL);
        bold = new Font(display, base.getName(), Math.max(8, h - 1), SWT.BOLD);
    }

    private static Color rgb(int r, int g, int b) {
        return new Color(r, g, b);
    }

    /**
     * The body colour of a clip whose source has type {@code type} (category from the palette when known): media
     * blue, generators teal, text purple, others a stable hue from the type id.
     */
    public Color clipColor(String type, String category) {
        return clipColors.computeIfAbsent(type, t -> {
            if (t.startsWith("media.")) {
                return rgb(0x3b, 0x6e, 0xb4);
            }
            if (t.endsWith(".text") || t.contains("title")) {
                return rgb(0x8a, 0x5a, 0xb0);
            }
            if (t.endsWith(".image")) {
                return rgb(0x3f, 0x8f, 0x9e);
            }
            if ("Source".equals(category)) {
                return rgb(0x2f, 0x8a, 0x74);
            }
            float hue = (t.hashCode() & 0x7fffffff) % 360;
            return new Color(new org.eclipse.swt.graphics.RGB(hue, 0.45f, 0.6f));
        });
    }

    /** A brighter variant of {@code c} (for headers and selected clips); cached per colour. */
    public Color brighter(Color c) {
        return brighter.computeIfAbsent(key(c), k -> rgb(Math.min(255, c.getRed() + 40),
                Math.min(255, c.getGreen() + 40), Math.min(255, c.getBlue() + 40)));
    }

    /** A darker variant of {@code c} (clip borders); cached per colour. */
    public Color darker(Color c) {
        return darker.computeIfAbsent(key(c), k -> rgb(c.getRed() * 3 / 5, c.getGreen() * 3 / 5,
                c.getBlue() * 3 / 5));
    }

    private static int key(Color c) {
        return (c.getRed() << 16) | (c.getGreen() << 8) | c.getBlue();
    }

    /** Disposes the fonts (colours without a device need no disposal). */
    public void dispose() {
        small.dispose();
        normal.dispose();
        bold.dispose();
        clipColors.clear();
        brighter.clear();
        darker.clear();
    }
}
