#version 450
// core.gradient. Linear: t(x, y) = a0 + ay * y + ax * x in 32.32 fixed point, 64-bit wrapping arithmetic on uint
// pairs (lo, hi), then t16 = (t + 32768) >> 16 clamped to 0..65536: the CPU node's integers exactly. Radial: the
// distance from the centre over half the diagonal, in float (the CPU uses double: at most one code value apart).
// Colours mixed like Pixels.lerp (16-bit weights, rounded).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) writeonly buffer Dst { uint rgba[]; };
layout(push_constant) uniform Params {
    int width; int height; int radial; uint colorA; uint colorB;
    uint a0Lo; uint a0Hi; uint ayLo; uint ayHi; uint axLo; uint axHi;
    float cx; float cy; float inv;
} p;

uint lerp(uint a, uint b, uint t) {
    if (t == 0u) {
        return a;
    }
    if (t == 65536u) {
        return b;
    }
    uint u = 65536u - t;
    uint r = ((a & 0xFFu) * u + (b & 0xFFu) * t + 32768u) >> 16;
    uint g = (((a >> 8) & 0xFFu) * u + ((b >> 8) & 0xFFu) * t + 32768u) >> 16;
    uint bl = (((a >> 16) & 0xFFu) * u + ((b >> 16) & 0xFFu) * t + 32768u) >> 16;
    uint al = ((a >> 24) * u + (b >> 24) * t + 32768u) >> 16;
    return (al << 24) | (bl << 16) | (g << 8) | r;
}

/** (lo, hi) * n modulo 2^64. */
uvec2 mul64(uvec2 a, uint n) {
    uint hi;
    uint lo;
    umulExtended(a.x, n, hi, lo);
    return uvec2(lo, a.y * n + hi);
}

/** a + b modulo 2^64. */
uvec2 add64(uvec2 a, uvec2 b) {
    uint carry;
    uint lo = uaddCarry(a.x, b.x, carry);
    return uvec2(lo, a.y + b.y + carry);
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    uint tt;
    if (p.radial != 0) {
        float dx = float(x) + 0.5 - p.cx;
        float dy = float(y) + 0.5 - p.cy;
        float t = sqrt(dx * dx + dy * dy) * p.inv;
        tt = t >= 1.0 ? 65536u : uint(t * 65536.0 + 0.5);
    } else {
        uvec2 t = add64(add64(uvec2(p.a0Lo, p.a0Hi), mul64(uvec2(p.ayLo, p.ayHi), uint(y))),
                mul64(uvec2(p.axLo, p.axHi), uint(x)));
        t = add64(t, uvec2(32768u, 0u));
        tt = int(t.y) < 0 ? 0u : t.y > 0u ? 65536u : t.x >> 16;
    }
    rgba[y * p.width + x] = lerp(p.colorA, p.colorB, tt);
}
