#version 450
// core.wipe: out = lerp(from, to, m) per channel (Pixels.lerp), m the 16-bit mix of the pixel. The host evaluates
// the CPU node's double-precision mix exactly wherever it can: per column (mode 0: right/left) or per row (mode 1:
// down/up) into table[]; for radial wipes the mix depends only on s = (2x + 1 - w)^2 + (2y + 1 - h)^2 and falls
// monotonically with it: m = 65536 below sHi, 0 from sLo on, and in between table[s - sHi] (mode 2) or, when that
// range is too long for a table, the float formula clamped to 1..65535 (mode 3; within one code value).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer From { uint from[]; };
layout(std430, binding = 1) readonly buffer To { uint to[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint rgba[]; };
layout(std430, binding = 3) readonly buffer Mix { uint table[]; };
layout(push_constant) uniform Params {
    int width; int height; int mode; uint sHi; uint sLo; float edge; float invSoft; float invDiag;
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

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    uint m;
    if (p.mode == 0) {
        m = table[x];
    } else if (p.mode == 1) {
        m = table[y];
    } else {
        uint dx = uint(abs(2 * x + 1 - p.width));
        uint dy = uint(abs(2 * y + 1 - p.height));
        uint s = dx * dx + dy * dy;
        if (s < p.sHi) {
            m = 65536u;
        } else if (s >= p.sLo) {
            m = 0u;
        } else if (p.mode == 2) {
            m = table[s - p.sHi];
        } else {
            float t = sqrt(float(s) * 0.25) * p.invDiag;
            float v = (p.edge - t) * p.invSoft;
            m = uint(clamp(int(v * 65536.0 + 0.5), 1, 65535));
        }
    }
    int i = y * p.width + x;
    rgba[i] = lerp(from[i], to[i], m);
}
