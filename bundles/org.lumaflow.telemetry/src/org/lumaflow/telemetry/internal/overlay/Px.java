package org.lumaflow.telemetry.internal.overlay;

import org.lumaflow.engine.graph.RasterLayer;

/**
 * The per-pixel arithmetic of the overlays, in {@code float} and integers exactly as {@link #GLSL} does it on the GPU,
 * so both backends agree within one code value. Pixels are packed {@code 0xAABBGGRR}, straight alpha.
 */
final class Px {

    private Px() {
    }

    /** Rounded {@code x / 255} for {@code 0 <= x <= 255 * 255}. */
    static int div255(int x) {
        int t = x + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** Straight-alpha "over" (the engine's {@code Pixels.over}, bit for bit). */
    static int over(int src, int dst) {
        int sa = src >>> 24;
        if (sa == 255) {
            return src;
        }
        if (sa == 0) {
            return dst;
        }
        int da = dst >>> 24;
        int ia = 255 - sa;
        if (da == 255) {
            return 0xFF000000 | (div255(((src >> 16) & 0xFF) * sa + ((dst >> 16) & 0xFF) * ia) << 16)
                    | (div255(((src >> 8) & 0xFF) * sa + ((dst >> 8) & 0xFF) * ia) << 8)
                    | div255((src & 0xFF) * sa + (dst & 0xFF) * ia);
        }
        int ws = sa * 255;
        int wd = da * ia;
        int ao = ws + wd;
        int half = ao >> 1;
        int r = ((src & 0xFF) * ws + (dst & 0xFF) * wd + half) / ao;
        int g = (((src >> 8) & 0xFF) * ws + ((dst >> 8) & 0xFF) * wd + half) / ao;
        int b = (((src >> 16) & 0xFF) * ws + ((dst >> 16) & 0xFF) * wd + half) / ao;
        return (div255(ao) << 24) | (b << 16) | (g << 8) | r;
    }

    /** {@code colour} (packed) with its alpha scaled by coverage {@code cov} (0..1), rounded half up. */
    static int cover(int colour, float cov) {
        if (cov <= 0f) {
            return 0;
        }
        if (cov >= 1f) {
            return colour;
        }
        int a = (int) ((colour >>> 24) * cov + 0.5f);
        return (colour & 0xFFFFFF) | (a << 24);
    }

    /** Anti-aliased coverage of a shape at signed distance {@code d} outside a core of half-width {@code r}. */
    static float edge(float r, float d) {
        float c = r + 0.5f - d;
        return c < 0f ? 0f : c > 1f ? 1f : c;
    }

    /** Distance from {@code (px, py)} to the segment {@code a-b}. */
    static float segment(float px, float py, float ax, float ay, float bx, float by) {
        float pax = px - ax;
        float pay = py - ay;
        float bax = bx - ax;
        float bay = by - ay;
        float len2 = bax * bax + bay * bay;
        float h = len2 > 0f ? (pax * bax + pay * bay) / len2 : 0f;
        h = h < 0f ? 0f : h > 1f ? 1f : h;
        float dx = pax - bax * h;
        float dy = pay - bay * h;
        return (float) Math.sqrt(dx * dx + dy * dy);
    }

    /** Distance from {@code (px, py)} to {@code (cx, cy)}. */
    static float dist(float px, float py, float cx, float cy) {
        float dx = px - cx;
        float dy = py - cy;
        return (float) Math.sqrt(dx * dx + dy * dy);
    }

    /** Packed colour from four uniforms (0..255 each). */
    static int colour(float[] u, int at) {
        return ((int) u[at + 3] << 24) | ((int) u[at + 2] << 16) | ((int) u[at + 1] << 8) | (int) u[at];
    }

    /** Stores a packed colour as four uniforms. */
    static void colour(float[] u, int at, int packed) {
        u[at] = packed & 0xFF;
        u[at + 1] = (packed >> 8) & 0xFF;
        u[at + 2] = (packed >> 16) & 0xFF;
        u[at + 3] = packed >>> 24;
    }

    /** A ring-bordered disc (border colour, then the fill inside) over {@code c}, pixel centre {@code px, py}. */
    static int disc(int c, float px, float py, float cx, float cy, float r, float border, int fill, int rim) {
        float d = dist(px, py, cx, cy);
        c = over(cover(rim, edge(r, d)), c);
        return over(cover(fill, edge(r - border, d)), c);
    }

    /**
     * The text block at uniforms {@code base}: count, origin x, y, cell width, height, atlas row, then one glyph index
     * per character (-1 blank), drawn from the layer's glyph atlas over {@code c}.
     */
    static int text(int c, int lx, int ly, float[] u, int base, RasterLayer layer) {
        int n = (int) u[base];
        if (n <= 0) {
            return c;
        }
        int dx = lx - (int) u[base + 1];
        int dy = ly - (int) u[base + 2];
        int cw = (int) u[base + 3];
        int ch = (int) u[base + 4];
        if (dx < 0 || dy < 0 || dy >= ch || cw <= 0) {
            return c;
        }
        int k = dx / cw;
        if (k >= n) {
            return c;
        }
        int g = (int) u[base + 6 + k];
        if (g < 0) {
            return c;
        }
        return over(layer.pixel(g * cw + dx - k * cw, (int) u[base + 5] + dy), c);
    }

    /** The same functions in GLSL (the shader's prelude; {@code u()} and {@code layer()} come from the backend). */
    static final String GLSL = """
            uint div255(uint x) {
                uint t = x + 128u;
                return (t + (t >> 8)) >> 8;
            }
            uint over(uint s, uint d) {
                uint sa = s >> 24;
                if (sa == 255u) {
                    return s;
                }
                if (sa == 0u) {
                    return d;
                }
                uint da = d >> 24;
                uint ia = 255u - sa;
                uvec3 sc = uvec3(s & 0xFFu, (s >> 8) & 0xFFu, (s >> 16) & 0xFFu);
                uvec3 dc = uvec3(d & 0xFFu, (d >> 8) & 0xFFu, (d >> 16) & 0xFFu);
                if (da == 255u) {
                    uvec3 t = sc * sa + dc * ia + 128u;
                    uvec3 c = (t + (t >> 8)) >> 8;
                    return 0xFF000000u | (c.b << 16) | (c.g << 8) | c.r;
                }
                uint ws = sa * 255u;
                uint wd = da * ia;
                uint ao = ws + wd;
                uvec3 c = (sc * ws + dc * wd + (ao >> 1)) / ao;
                return (div255(ao) << 24) | (c.b << 16) | (c.g << 8) | c.r;
            }
            uint cover(uint colour, float cov) {
                if (cov <= 0.0) {
                    return 0u;
                }
                if (cov >= 1.0) {
                    return colour;
                }
                uint a = uint(float(colour >> 24) * cov + 0.5);
                return (colour & 0xFFFFFFu) | (a << 24);
            }
            float edge(float r, float d) {
                return clamp(r + 0.5 - d, 0.0, 1.0);
            }
            float segment(vec2 p, vec2 a, vec2 b) {
                vec2 pa = p - a;
                vec2 ba = b - a;
                float len2 = ba.x * ba.x + ba.y * ba.y;
                float h = len2 > 0.0 ? (pa.x * ba.x + pa.y * ba.y) / len2 : 0.0;
                h = clamp(h, 0.0, 1.0);
                float dx = pa.x - ba.x * h;
                float dy = pa.y - ba.y * h;
                return sqrt(dx * dx + dy * dy);
            }
            float dist(vec2 p, vec2 c) {
                float dx = p.x - c.x;
                float dy = p.y - c.y;
                return sqrt(dx * dx + dy * dy);
            }
            uint colour(int at) {
                return (uint(u(at + 3)) << 24) | (uint(u(at + 2)) << 16) | (uint(u(at + 1)) << 8) | uint(u(at));
            }
            uint disc(uint c, vec2 p, vec2 ctr, float r, float border, uint fill, uint rim) {
                float d = dist(p, ctr);
                c = over(cover(rim, edge(r, d)), c);
                return over(cover(fill, edge(r - border, d)), c);
            }
            uint text(uint c, ivec2 l, int base) {
                int n = int(u(base));
                if (n <= 0) {
                    return c;
                }
                int dx = l.x - int(u(base + 1));
                int dy = l.y - int(u(base + 2));
                int cw = int(u(base + 3));
                int ch = int(u(base + 4));
                if (dx < 0 || dy < 0 || dy >= ch || cw <= 0) {
                    return c;
                }
                int k = dx / cw;
                if (k >= n) {
                    return c;
                }
                int g = int(u(base + 6 + k));
                if (g < 0) {
                    return c;
                }
                return over(layer(ivec2(g * cw + dx - k * cw, int(u(base + 5)) + dy)), c);
            }
            """;
}
