#version 450
// core.grade: per-channel tables (exposure, lift/gamma/gain, contrast; built on the host exactly as the CPU node
// does) then saturation around BT.709 luma in 4.12 fixed point; alpha untouched.
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer Tables { int tables[]; };
layout(push_constant) uniform Params { int pixels; int sat; int kr; int kg; int kb; } p;

void main() {
    int i = int(gl_GlobalInvocationID.x);
    if (i >= p.pixels) {
        return;
    }
    uint px = src[i];
    int r = tables[px & 0xFFu];
    int g = tables[256u + ((px >> 8) & 0xFFu)];
    int b = tables[512u + ((px >> 16) & 0xFFu)];
    if (p.sat != 4096) {
        int y = (p.kr * r + p.kg * g + p.kb * b + 32768) >> 16;
        r = clamp(y + (((r - y) * p.sat + 2048) >> 12), 0, 255);
        g = clamp(y + (((g - y) * p.sat + 2048) >> 12), 0, 255);
        b = clamp(y + (((b - y) * p.sat + 2048) >> 12), 0, 255);
    }
    dst[i] = (px & 0xFF000000u) | (uint(b) << 16) | (uint(g) << 8) | uint(r);
}
