#version 450
// core.smpte_bars: three horizontal bands (bars, reverse blue strip, -I/white/+Q/PLUGE); the colour of every column
// in each band comes from the host (colors[band * width + x]), the kernel picks the band by row.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) writeonly buffer Dst { uint rgba[]; };
layout(std430, binding = 1) readonly buffer Colors { uint colors[]; };
layout(push_constant) uniform Params { int width; int height; int yTop; int yMid; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int band = y < p.yTop ? 0 : y < p.yMid ? 1 : 2;
    rgba[y * p.width + x] = colors[band * p.width + x];
}
