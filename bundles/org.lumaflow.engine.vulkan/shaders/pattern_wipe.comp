#version 450
// core.pattern_wipe: out = lerp(from, to, m), m = core.wipe's soft ramp of t, the pixel's position along the pattern
// (PatternWipeNode.t, here in float: within one code value of the CPU's double-precision ramp).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer From { uint from[]; };
layout(std430, binding = 1) readonly buffer To { uint to[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint rgba[]; };
layout(push_constant) uniform Params {
    int width; int height; int pattern; float p; float edge; float invSoft;
} u;

uint lerp(uint a, uint b, uint t) {
    if (t == 0u) {
        return a;
    }
    if (t == 65536u) {
        return b;
    }
    uint v = 65536u - t;
    uint r = ((a & 0xFFu) * v + (b & 0xFFu) * t + 32768u) >> 16;
    uint g = (((a >> 8) & 0xFFu) * v + ((b >> 8) & 0xFFu) * t + 32768u) >> 16;
    uint bl = (((a >> 16) & 0xFFu) * v + ((b >> 16) & 0xFFu) * t + 32768u) >> 16;
    uint al = ((a >> 24) * v + (b >> 24) * t + 32768u) >> 16;
    return (al << 24) | (bl << 16) | (g << 8) | r;
}

float position(int x, int y) {
    float dx = (float(x) + 0.5 - float(u.width) * 0.5) / (float(u.width) * 0.5);
    float dy = (float(y) + 0.5 - float(u.height) * 0.5) / (float(u.height) * 0.5);
    if (u.pattern == 0) {
        float a = atan(dx, -dy);
        return (a < 0.0 ? a + 6.28318530718 : a) / 6.28318530718;
    } else if (u.pattern == 1) {
        return abs(dx);
    } else if (u.pattern == 2) {
        return abs(dy);
    } else if (u.pattern == 3) {
        return max(abs(dx), abs(dy));
    } else if (u.pattern == 4) {
        return (abs(dx) + abs(dy)) * 0.5;
    }
    return ((float(x) + 0.5) / float(u.width) + (float(y) + 0.5) / float(u.height)) * 0.5;
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= u.width || y >= u.height) {
        return;
    }
    float t = position(x, y);
    uint m;
    if (u.invSoft == 0.0) {
        m = t < u.p ? 65536u : 0u;
    } else {
        float v = (u.edge - t) * u.invSoft;
        m = v <= 0.0 ? 0u : v >= 1.0 ? 65536u : uint(v * 65536.0 + 0.5);
    }
    int i = y * u.width + x;
    rgba[i] = lerp(from[i], to[i], m);
}
