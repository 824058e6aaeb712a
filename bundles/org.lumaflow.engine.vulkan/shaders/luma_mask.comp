#version 450
// core.luma_mask: GRAY8 mask = table[BT.709 luma] (times alpha, rounded, when useAlpha), the CPU node's integers.
// One invocation makes 4 mask bytes and writes one whole word (race-free byte packing); bytes past the last pixel
// are written as 0.
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Src { uint rgba[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint mask[]; };
layout(std430, binding = 2) readonly buffer Table { uint table[]; };
layout(push_constant) uniform Params { int pixels; int useAlpha; uint kr; uint kg; uint kb; } p;

uint div255(uint x) {
    uint t = x + 128u;
    return (t + (t >> 8)) >> 8;
}

void main() {
    int word = int(gl_GlobalInvocationID.x);
    int i0 = word * 4;
    if (i0 >= p.pixels) {
        return;
    }
    uint packed = 0u;
    for (int k = 0; k < 4; k++) {
        int i = i0 + k;
        if (i < p.pixels) {
            uint px = rgba[i];
            uint luma = (p.kr * (px & 0xFFu) + p.kg * ((px >> 8) & 0xFFu) + p.kb * ((px >> 16) & 0xFFu) + 32768u) >> 16;
            uint m = table[luma];
            if (p.useAlpha != 0) {
                m = div255(m * (px >> 24));
            }
            packed |= m << (8 * k);
        }
    }
    mask[word] = packed;
}
