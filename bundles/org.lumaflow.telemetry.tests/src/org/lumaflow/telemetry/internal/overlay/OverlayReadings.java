package org.lumaflow.telemetry.internal.overlay;

import java.nio.ByteBuffer;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.Point2;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TimeSeries;

/**
 * Reading the overlays back from pixels, and what they should show computed independently from the telemetry: shared
 * by the render tests ({@code OverlayReadingsTest}, engine output) and the reel tests (an exported, re-decoded file).
 * Pixels are packed as the engine's RGBA frames (red in the low byte).
 */
public final class OverlayReadings {

    private OverlayReadings() {
    }

    /** A picture: the packed RGBA pixel at {@code x, y}. */
    public interface Pixels {
        int at(int x, int y);
    }

    /** How much a pixel counts as the dial's needle (0: not at all). */
    public interface NeedleWeight {
        double of(int x, int y, int pixel);
    }

    /** An engine render. */
    public static Pixels of(RenderResult r) {
        return of(r.frame());
    }

    /** A frame of the pool (RGBA, native order). */
    public static Pixels of(Frame f) {
        ByteBuffer b = f.buffer();
        int stride = f.stride();
        return (x, y) -> b.getInt(y * stride + x * 4);
    }

    public static int red(int p) {
        return p & 0xFF;
    }

    public static int green(int p) {
        return (p >> 8) & 0xFF;
    }

    public static int blue(int p) {
        return (p >> 16) & 0xFF;
    }

    /** The smallest channel (white ink is high in all three). */
    public static int white(int p) {
        return Math.min(red(p), Math.min(green(p), blue(p)));
    }

    // ---- where a widget is ----

    private static NodeDescriptor descriptor(String type) {
        return switch (type) {
            case SpeedGaugeNode.ID -> SpeedGaugeNode.DESCRIPTOR;
            case MinimapNode.ID -> MinimapNode.DESCRIPTOR;
            case ElevationNode.ID -> ElevationNode.DESCRIPTOR;
            default -> throw new IllegalArgumentException("no reading for " + type);
        };
    }

    /** A parameter of an overlay effect: its value in the project, else the node's default. */
    public static Object param(GraphNode n, String name) {
        Object v = n.params().get(name);
        return v != null ? v : descriptor(n.type()).param(name).defaultValue();
    }

    /** A number parameter of an overlay effect (value or default). */
    public static double number(GraphNode n, String name) {
        return ((Number) param(n, name)).doubleValue();
    }

    /**
     * The rectangle {@code {left, top, width, height}} of an overlay effect (speed gauge, minimap, elevation) on a
     * {@code fw x fh} picture rendered at the project's size, placed as the nodes place it (centre at
     * {@code position}, width {@code size}).
     */
    public static int[] widget(GraphNode n, int fw, int fh) {
        int w = Math.max(8, (int) Math.round(number(n, "size")));
        int h = switch (n.type()) {
            case SpeedGaugeNode.ID -> "dial".equals(param(n, "style")) ? w : (int) Math.round(w * 0.42);
            default -> (int) Math.round(w * number(n, "aspect"));
        };
        Object pos = param(n, "position");
        Point2 at = pos instanceof double[] d ? new Point2(d[0], d[1]) : (Point2) pos; // loaded projects: [x, y]
        int left = (int) Math.floor(at.x() * fw - w / 2.0 + 0.5);
        int top = (int) Math.floor(at.y() * fh - h / 2.0 + 0.5);
        return new int[] {left, top, w, h};
    }

    /** An OCR for the digits of a dial gauge of width {@code w}. */
    public static OverlayOcr dialOcr(int w) {
        return new OverlayOcr(w * 0.14f);
    }

    /** The rectangle {@code {x0, y0, x1, y1}} holding a dial gauge's digits (widget at {@code left, top}). */
    public static int[] dialDigits(int left, int top, int w) {
        int[] cell = Glyphs.cell(w * 0.14f);
        double r = dialRadius(w);
        int y = (int) Math.floor(w / 2.0 + r * 0.42 - cell[1] / 2.0 + 0.5);
        // room for three glyphs: the scale's labels left and right of the digits stay out
        return new int[] {left + (int) (w / 2.0 - 1.5 * cell[0]), top + y - 1,
            left + (int) Math.ceil(w / 2.0 + 1.5 * cell[0]), top + y + cell[1] + 1};
    }

    /** Writes {@code [x0, x1) x [y0, y1)} of a picture as a PPM (to look at a failure). */
    public static void dump(Pixels px, int x0, int y0, int x1, int y1, java.nio.file.Path file) {
        int w = x1 - x0;
        int h = y1 - y0;
        byte[] head = ("P6\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + w * h * 3];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = px.at(x0 + x, y0 + y);
                int i = head.length + (y * w + x) * 3;
                all[i] = (byte) red(p);
                all[i + 1] = (byte) green(p);
                all[i + 2] = (byte) blue(p);
            }
        }
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.write(file, all);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the speed gauge ----

    /**
     * The speed a dial's needle points at: the weighted mean direction of the needle pixels in the ring
     * {@code [r0, r1]} around the dial's centre (the hub and the tick labels lie outside it), turned into a value of
     * the scale {@code 0..max} by the gauge's own angles ({@link SpeedGaugeNode#START}, {@link SpeedGaugeNode#SWEEP}).
     *
     * @return {@code {speed, total weight}}
     */
    public static double[] needle(Pixels px, double cx, double cy, double r0, double r1, double max, NeedleWeight w) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int y = (int) Math.floor(cy - r1); y <= (int) Math.ceil(cy + r1); y++) {
            for (int x = (int) Math.floor(cx - r1); x <= (int) Math.ceil(cx + r1); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double d = Math.hypot(dx, dy);
                if (d < r0 || d > r1) {
                    continue;
                }
                double wgt = w.of(x, y, px.at(x, y));
                if (wgt > 0) {
                    sx += wgt * dx / d;
                    sy += wgt * dy / d;
                    sw += wgt;
                }
            }
        }
        return new double[] {speedAt(Math.atan2(sy, sx), max), sw};
    }

    /** The scale value at dial angle {@code a} (radians, clockwise from +x, y down). */
    public static double speedAt(double a, double max) {
        while (a < SpeedGaugeNode.START - 0.3) {
            a += 2 * Math.PI;
        }
        return (a - SpeedGaugeNode.START) / SpeedGaugeNode.SWEEP * max;
    }

    /** Dial radius of a gauge of width {@code w} (as the node draws it). */
    public static double dialRadius(int w) {
        return w / 2.0 - 1;
    }

    /** Ground speed at telemetry time {@code t}, km/h (2D speed, else 3D). */
    public static double speedKmh(Telemetry tel, double t) {
        String ch = tel.streamWith(Channels.SPEED_2D) != null ? Channels.SPEED_2D : Channels.SPEED_3D;
        TimeSeries s = tel.streamWith(ch);
        if (s == null) {
            throw new AssertionError(tel.source() + " has no ground speed");
        }
        return s.interpolate(s.channel(ch), t) * 3.6;
    }

    // ---- markers ----

    /**
     * Centroid of the white pixels of a rectangle (pixel centres), weighted by how far the smallest channel is above
     * {@code threshold}.
     *
     * @return {@code {x, y, total weight}} (NaN position when none)
     */
    public static double[] whiteCentroid(Pixels px, int x0, int y0, int x1, int y1, int threshold) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int v = white(px.at(x, y)) - threshold;
                if (v > 0) {
                    sx += v * (x + 0.5);
                    sy += v * (y + 0.5);
                    sw += v;
                }
            }
        }
        return new double[] {sx / sw, sy / sw, sw};
    }

    /**
     * The x of a vertical white line in a rectangle: per row, the centroid of the white pixels (smallest channel above
     * {@code threshold}); the median over the rows that have any (rows where a marker dot sits on the line, possibly
     * cut by the widget's edge, do not pull it).
     *
     * @return {@code {x, rows}} (NaN when no row has white)
     */
    public static double[] whiteLineX(Pixels px, int x0, int y0, int x1, int y1, int threshold) {
        double[] xs = new double[Math.max(0, y1 - y0)];
        int n = 0;
        for (int y = y0; y < y1; y++) {
            double sx = 0;
            double sw = 0;
            for (int x = x0; x < x1; x++) {
                int v = white(px.at(x, y)) - threshold;
                if (v > 0) {
                    sx += v * (x + 0.5);
                    sw += v;
                }
            }
            if (sw > 0) {
                xs[n++] = sx / sw;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, 0};
        }
        java.util.Arrays.sort(xs, 0, n);
        return new double[] {n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2, n};
    }

    /**
     * The minimap's projection computed here from the raw fixes (bounding box centre, equirectangular, fitted into a
     * {@code w x h} widget with a margin), independently of the node's {@link Track}.
     */
    public static final class MapTruth {
        private final TimeSeries gps;
        private final int la;
        private final int lo;
        private final double lat0;
        private final double lon0;
        private final double mPerDegLat;
        private final double mPerDegLon;
        private final double scale;

        public MapTruth(Telemetry tel, int w, int h, double margin) {
            gps = tel.gps();
            la = gps.channel(Channels.LAT);
            lo = gps.channel(Channels.LON);
            double minLa = 90, maxLa = -90, minLo = 180, maxLo = -180;
            for (int i = 0; i < gps.size(); i++) {
                if (!Double.isNaN(gps.value(la, i)) && !Double.isNaN(gps.value(lo, i))) {
                    minLa = Math.min(minLa, gps.value(la, i));
                    maxLa = Math.max(maxLa, gps.value(la, i));
                    minLo = Math.min(minLo, gps.value(lo, i));
                    maxLo = Math.max(maxLo, gps.value(lo, i));
                }
            }
            lat0 = (minLa + maxLa) / 2;
            lon0 = (minLo + maxLo) / 2;
            mPerDegLat = Math.PI / 180 * 6_371_008.8;
            mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(lat0));
            scale = Math.min(w * (1 - 2 * margin) / Math.max(1, (maxLo - minLo) * mPerDegLon),
                    h * (1 - 2 * margin) / Math.max(1, (maxLa - minLa) * mPerDegLat));
        }

        /** The marker's centre at time {@code t} for a widget centred on {@code cx, cy}: {@code {x, y}}. */
        public double[] at(double t, double cx, double cy) {
            return new double[] {cx + (gps.interpolate(lo, t) - lon0) * mPerDegLon * scale,
                cy - (gps.interpolate(la, t) - lat0) * mPerDegLat * scale};
        }
    }

    /** The distance travelled along the fixes (haversine), as a fraction of the whole track, at time {@code t}. */
    public static final class DistanceTruth {
        private final TimeSeries gps;
        private final double[] cum;
        private final double total;

        public DistanceTruth(Telemetry tel) {
            gps = tel.gps();
            int la = gps.channel(Channels.LAT);
            int lo = gps.channel(Channels.LON);
            int n = gps.size();
            cum = new double[n];
            double pl = Double.NaN, po = Double.NaN, d = 0;
            for (int i = 0; i < n; i++) {
                double a = gps.value(la, i), b = gps.value(lo, i);
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    if (!Double.isNaN(pl)) {
                        d += Track.haversine(pl, po, a, b);
                    }
                    pl = a;
                    po = b;
                }
                cum[i] = d;
            }
            total = d;
        }

        /** Fraction 0..1 of the track's length travelled at {@code t}. */
        public double fraction(double t) {
            int n = cum.length;
            int i = gps.indexAt(t);
            double dt = i < 0 ? cum[0] : i >= n - 1 ? cum[n - 1]
                    : cum[i] + (cum[i + 1] - cum[i]) * (t - gps.time(i)) / (gps.time(i + 1) - gps.time(i));
            return dt / total;
        }

        /** The marker's x in a profile widget at {@code left} of width {@code w} and height {@code h}. */
        public double markerX(double t, double left, int w, int h) {
            double m = Math.max(4, h * 0.08f);
            return left + m + (w - 2 * m) * fraction(t);
        }
    }
}
