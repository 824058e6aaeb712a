#version 450
// core.blend: straight-alpha compositing of the foreground over the background with the CPU node's integer
// arithmetic exactly (Pixels.over, BlendNode.composite and its W3C separable modes). The foreground's alpha is scaled
// by the GRAY8 mask (bytes, 4 per word) and the opacity (x 4096). A missing background is transparent black; unused
// bindings are bound to the foreground.
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Bg { uint bg[]; };
layout(std430, binding = 1) readonly buffer Fg { uint fg[]; };
layout(std430, binding = 2) readonly buffer Mask { uint mask[]; };
layout(std430, binding = 3) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params {
    int pixels; int mode; uint opacity; int hasBg; int hasMask; int plainOver;
} p;

const int OVER = 0;
const int ADD = 1;
const int MULTIPLY = 2;

int div255(int x) {
    int t = x + 128;
    return (t + (t >> 8)) >> 8;
}

int ch(uint px, int shift) {
    return int((px >> shift) & 0xFFu);
}

uint over(uint src, uint dst) {
    int sa = int(src >> 24);
    if (sa == 255) {
        return src;
    }
    if (sa == 0) {
        return dst;
    }
    int da = int(dst >> 24);
    int ia = 255 - sa;
    if (da == 255) {
        uint o = 0xFF000000u;
        for (int shift = 0; shift <= 16; shift += 8) {
            o |= uint(div255(ch(src, shift) * sa + ch(dst, shift) * ia)) << shift;
        }
        return o;
    }
    int ws = sa * 255;
    int wd = da * ia;
    int ao = ws + wd;
    int rnd = ao >> 1;
    uint o = uint(div255(ao)) << 24;
    for (int shift = 0; shift <= 16; shift += 8) {
        o |= uint((ch(src, shift) * ws + ch(dst, shift) * wd + rnd) / ao) << shift;
    }
    return o;
}

int blendMix(int cs, int cb) {
    if (p.mode == ADD) {
        return min(255, cs + cb);
    }
    if (p.mode == MULTIPLY) {
        return div255(cs * cb);
    }
    return cs + cb - div255(cs * cb);
}

uint composite(uint s, int sa, uint d) {
    if (sa == 0) {
        return d;
    }
    int da = int(d >> 24);
    if (da == 0) {
        return (uint(sa) << 24) | (s & 0xFFFFFFu);
    }
    if (p.mode == OVER) {
        return over((uint(sa) << 24) | (s & 0xFFFFFFu), d);
    }
    if (da == 255) {
        int ia = 255 - sa;
        uint o = 0xFF000000u;
        for (int shift = 0; shift <= 16; shift += 8) {
            int cs = ch(s, shift);
            int cb = ch(d, shift);
            o |= uint(div255(blendMix(cs, cb) * sa + cb * ia)) << shift;
        }
        return o;
    }
    int ws = sa * (255 - da);
    int wb = sa * da;
    int wd = (255 - sa) * da;
    int ao = ws + wb + wd;
    int rnd = ao >> 1;
    uint o = uint(div255(ao)) << 24;
    for (int shift = 0; shift <= 16; shift += 8) {
        int cs = ch(s, shift);
        int cb = ch(d, shift);
        o |= uint((cs * ws + blendMix(cs, cb) * wb + cb * wd + rnd) / ao) << shift;
    }
    return o;
}

void main() {
    int i = int(gl_GlobalInvocationID.x);
    if (i >= p.pixels) {
        return;
    }
    uint s = fg[i];
    uint d = p.hasBg != 0 ? bg[i] : 0u;
    if (p.plainOver != 0) {
        dst[i] = over(s, d);
        return;
    }
    uint m = p.hasMask != 0 ? (mask[i >> 2] >> (8 * (i & 3))) & 0xFFu : 255u;
    uint sa = (s >> 24) * m * p.opacity;
    sa = sa == 255u * 255u * 4096u ? 255u : (sa + 255u * 2048u) / (255u * 4096u);
    dst[i] = composite(s, int(sa), d);
}
