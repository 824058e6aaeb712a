#version 450
// Fills an RGBA8 frame (packed 0xAABBGGRR words) with one colour.
layout(local_size_x = 64) in;
layout(std430, binding = 0) writeonly buffer Dst { uint rgba[]; };
layout(push_constant) uniform Params { int pixels; uint color; } p;

void main() {
    int i = int(gl_GlobalInvocationID.x);
    if (i < p.pixels) {
        rgba[i] = p.color;
    }
}
