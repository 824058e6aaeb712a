#version 450
// core.dissolve: every channel, alpha included, mixed like Pixels.lerp with a 16-bit progress t (0 < t < 65536).
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer From { uint from[]; };
layout(std430, binding = 1) readonly buffer To { uint to[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint rgba[]; };
layout(push_constant) uniform Params { int pixels; uint t; } p;

uint lerp(uint a, uint b, uint t) {
    uint u = 65536u - t;
    uint r = ((a & 0xFFu) * u + (b & 0xFFu) * t + 32768u) >> 16;
    uint g = (((a >> 8) & 0xFFu) * u + ((b >> 8) & 0xFFu) * t + 32768u) >> 16;
    uint bl = (((a >> 16) & 0xFFu) * u + ((b >> 16) & 0xFFu) * t + 32768u) >> 16;
    uint al = ((a >> 24) * u + (b >> 24) * t + 32768u) >> 16;
    return (al << 24) | (bl << 16) | (g << 8) | r;
}

void main() {
    int i = int(gl_GlobalInvocationID.x);
    if (i < p.pixels) {
        rgba[i] = lerp(from[i], to[i], p.t);
    }
}
