#version 450
// core.transform: inverse mapping in 32.32 fixed point (64-bit values as uvec2(lo, hi), two's complement), then the
// CPU's Pixels.sample (transparent outside the cropped source) and Pixels.blend4 (alpha-weighted bilinear) exactly.
// All blend4 sums fit in 32 unsigned bits (<= 255 * 255 * 65536 + 2^23).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params {
    int width; int height; int sw; int cx0; int cy0; int cx1; int cy1; int pad;
    uvec2 ux; uvec2 uy; uvec2 u0; uvec2 vx; uvec2 vy; uvec2 v0;
} p;

uvec2 mul64(uvec2 a, uint n) {
    uint hi;
    uint lo;
    umulExtended(a.x, n, hi, lo);
    return uvec2(lo, a.y * n + hi);
}

uvec2 add64(uvec2 a, uvec2 b) {
    uint carry;
    uint lo = uaddCarry(a.x, b.x, carry);
    return uvec2(lo, a.y + b.y + carry);
}

uint blend4(uint p00, uint p10, uint p01, uint p11, uint wx, uint wy) {
    uint w00 = (256u - wx) * (256u - wy);
    uint w10 = wx * (256u - wy);
    uint w01 = (256u - wx) * wy;
    uint w11 = wx * wy;
    if (((p00 & p10 & p01 & p11) >> 24) == 255u) {
        uint r = ((p00 & 0xFFu) * w00 + (p10 & 0xFFu) * w10 + (p01 & 0xFFu) * w01 + (p11 & 0xFFu) * w11 + 32768u) >> 16;
        uint g = (((p00 >> 8) & 0xFFu) * w00 + ((p10 >> 8) & 0xFFu) * w10 + ((p01 >> 8) & 0xFFu) * w01
                + ((p11 >> 8) & 0xFFu) * w11 + 32768u) >> 16;
        uint b = (((p00 >> 16) & 0xFFu) * w00 + ((p10 >> 16) & 0xFFu) * w10 + ((p01 >> 16) & 0xFFu) * w01
                + ((p11 >> 16) & 0xFFu) * w11 + 32768u) >> 16;
        return 0xFF000000u | (b << 16) | (g << 8) | r;
    }
    uint a00 = w00 * (p00 >> 24);
    uint a10 = w10 * (p10 >> 24);
    uint a01 = w01 * (p01 >> 24);
    uint a11 = w11 * (p11 >> 24);
    uint sa = a00 + a10 + a01 + a11;
    if (sa == 0u) {
        return 0u;
    }
    uint half_ = sa >> 1;
    uint r = ((p00 & 0xFFu) * a00 + (p10 & 0xFFu) * a10 + (p01 & 0xFFu) * a01 + (p11 & 0xFFu) * a11 + half_) / sa;
    uint g = (((p00 >> 8) & 0xFFu) * a00 + ((p10 >> 8) & 0xFFu) * a10 + ((p01 >> 8) & 0xFFu) * a01
            + ((p11 >> 8) & 0xFFu) * a11 + half_) / sa;
    uint b = (((p00 >> 16) & 0xFFu) * a00 + ((p10 >> 16) & 0xFFu) * a10 + ((p01 >> 16) & 0xFFu) * a01
            + ((p11 >> 16) & 0xFFu) * a11 + half_) / sa;
    uint a = (sa + 32768u) >> 16;
    return (a << 24) | (b << 16) | (g << 8) | r;
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    uvec2 u = add64(add64(p.u0, mul64(p.uy, uint(y))), mul64(p.ux, uint(x)));
    uvec2 v = add64(add64(p.v0, mul64(p.vy, uint(y))), mul64(p.vx, uint(x)));
    // fx = u >> 24: integer part (fx >> 8) is the high word, the fraction (fx & 255) the top byte of the low word
    int ix = int(u.y);
    int iy = int(v.y);
    uint wx = u.x >> 24;
    uint wy = v.x >> 24;
    int ix1 = ix + 1;
    int iy1 = iy + 1;
    uint o = 0u;
    if (!(ix1 < p.cx0 || ix >= p.cx1 || iy1 < p.cy0 || iy >= p.cy1)) {
        bool inX0 = ix >= p.cx0;
        bool inX1 = ix1 < p.cx1;
        bool inY0 = iy >= p.cy0;
        bool inY1 = iy1 < p.cy1;
        int r0 = iy * p.sw;
        int r1 = r0 + p.sw;
        uint p00 = inX0 && inY0 ? src[r0 + ix] : 0u;
        uint p10 = inX1 && inY0 ? src[r0 + ix1] : 0u;
        uint p01 = inX0 && inY1 ? src[r1 + ix] : 0u;
        uint p11 = inX1 && inY1 ? src[r1 + ix1] : 0u;
        o = blend4(p00, p10, p01, p11, wx, wy);
    }
    dst[y * p.width + x] = o;
}
