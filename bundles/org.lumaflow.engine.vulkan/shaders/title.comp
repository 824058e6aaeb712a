#version 450
// core.title: the rasterized block (straight-alpha RGBA8, iw wide, placed at left/top, clipped to [x0, x1) x [y0, y1))
// with alpha scaled by the 8-bit opacity ((a * opacity + 128) >> 8, transparent black at 0); transparent elsewhere.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Block { uint block[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { int width; int height; int left; int top; int iw; int x0; int x1; int y0; int y1;
        uint opacity; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    uint o = 0u;
    if (x >= p.x0 && x < p.x1 && y >= p.y0 && y < p.y1) {
        o = block[(y - p.top) * p.iw + (x - p.left)];
        if (p.opacity != 256u) {
            uint a = ((o >> 24) * p.opacity + 128u) >> 8;
            o = a == 0u ? 0u : (o & 0xFFFFFFu) | (a << 24);
        }
    }
    dst[y * p.width + x] = o;
}
