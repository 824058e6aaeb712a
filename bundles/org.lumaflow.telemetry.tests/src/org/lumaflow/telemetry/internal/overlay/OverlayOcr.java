package org.lumaflow.telemetry.internal.overlay;

import java.util.ArrayList;
import java.util.List;

import org.lumaflow.engine.graph.RasterLayer;
import org.lumaflow.engine.render.RenderResult;

/**
 * Reads back the digits an overlay drew (white on an opaque black panel): splits the ink of a rectangle into glyph
 * blobs by empty columns and names each by the closest of the atlas characters rendered here at the same font size.
 */
public final class OverlayOcr {

    private record Glyph(char c, int w, int h, int[] ink) {
    }

    private final List<Glyph> templates = new ArrayList<>();

    /** Templates of {@link Glyphs#CHARS} at {@code px} pixels. */
    public OverlayOcr(float px) {
        int[] cell = Glyphs.cell(px);
        Painter p = new Painter(Glyphs.width(cell), cell[1]);
        Glyphs.draw(p.g, px, cell, 0, 0, 0xFFFFFFFF);
        RasterLayer l = p.layer("ocr");
        for (int i = 0; i < Glyphs.CHARS.length(); i++) {
            int x0 = i * cell[0];
            templates.add(crop(l.width(), cell[1], x0, x0 + cell[0], (x, y) -> l.pixel(x, y) >>> 24));
        }
        for (int i = 0; i < templates.size(); i++) {
            Glyph g = templates.get(i);
            templates.set(i, new Glyph(Glyphs.CHARS.charAt(i), g.w(), g.h(), g.ink()));
        }
    }

    private interface Ink {
        int at(int x, int y);
    }

    /** The ink bounding box of columns [x0, x1) of an image of {@code h} rows. */
    private static Glyph crop(int w, int h, int x0, int x1, Ink ink) {
        int bx0 = Integer.MAX_VALUE, by0 = Integer.MAX_VALUE, bx1 = -1, by1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = x0; x < x1; x++) {
                if (ink.at(x, y) > 80) {
                    bx0 = Math.min(bx0, x);
                    bx1 = Math.max(bx1, x);
                    by0 = Math.min(by0, y);
                    by1 = Math.max(by1, y);
                }
            }
        }
        if (bx1 < 0) {
            return new Glyph(' ', 0, 0, new int[0]);
        }
        int gw = bx1 - bx0 + 1;
        int gh = by1 - by0 + 1;
        int[] v = new int[gw * gh];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                v[y * gw + x] = ink.at(bx0 + x, by0 + y);
            }
        }
        return new Glyph('?', gw, gh, v);
    }

    /** The text inside {@code [x0, x1) x [y0, y1)} of the render (white ink: the smallest channel). */
    String read(RenderResult r, int x0, int y0, int x1, int y1) {
        OverlayReadings.Pixels px = OverlayReadings.of(r);
        return read((x, y) -> OverlayReadings.white(px.at(x, y)), x0, y0, x1, y1);
    }

    /**
     * The text inside {@code [x0, x1) x [y0, y1)} of a picture whose ink (0..255, the glyphs' coverage) at absolute
     * coordinates {@code x, y} is {@code inkAt}.
     */
    public String read(OverlayReadings.Pixels inkAt, int x0, int y0, int x1, int y1) {
        Ink ink = (x, y) -> inkAt.at(x0 + x, y0 + y);
        int w = x1 - x0;
        int h = y1 - y0;
        StringBuilder s = new StringBuilder();
        int x = 0;
        while (x < w) {
            if (!column(ink, x, h)) {
                x++;
                continue;
            }
            int start = x;
            while (x < w && column(ink, x, h)) {
                x++;
            }
            Glyph blob = crop(w, h, start, x, ink);
            s.append(best(blob));
        }
        return s.toString();
    }

    private static boolean column(Ink ink, int x, int h) {
        for (int y = 0; y < h; y++) {
            if (ink.at(x, y) > 80) {
                return true;
            }
        }
        return false;
    }

    /**
     * The template closest to the blob: mean absolute ink difference over both boxes laid on each other (ink outside a
     * box is 0), the best of the placements shifted by up to a pixel (an encoded picture's blob may gain or lose an
     * edge row or column), plus a penalty for a size difference.
     */
    private char best(Glyph blob) {
        char best = '?';
        double score = Double.MAX_VALUE;
        for (Glyph t : templates) {
            if (Math.abs(t.w() - blob.w()) > 3 || Math.abs(t.h() - blob.h()) > 3) {
                continue;
            }
            double s = Double.MAX_VALUE;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    s = Math.min(s, sad(t, blob, dx, dy));
                }
            }
            s += 20 * (Math.abs(t.w() - blob.w()) + Math.abs(t.h() - blob.h()));
            if (s < score) {
                score = s;
                best = t.c();
            }
        }
        return best;
    }

    /** Mean absolute difference of {@code t} at the origin and {@code b} at {@code dx, dy}, over their union. */
    private static double sad(Glyph t, Glyph b, int dx, int dy) {
        int x0 = Math.min(0, dx);
        int y0 = Math.min(0, dy);
        int x1 = Math.max(t.w(), b.w() + dx);
        int y1 = Math.max(t.h(), b.h() + dy);
        long sad = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sad += Math.abs(ink(t, x, y) - ink(b, x - dx, y - dy));
            }
        }
        return (double) sad / ((x1 - x0) * (y1 - y0));
    }

    private static int ink(Glyph g, int x, int y) {
        return x < 0 || y < 0 || x >= g.w() || y >= g.h() ? 0 : g.ink()[y * g.w() + x];
    }
}
