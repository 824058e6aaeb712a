#version 450
// core.text compositing: the rasterized text block (straight-alpha RGBA8, iw x ih, placed at left/top) scaled by the
// 8-bit opacity ((a * opacity + 128) >> 8) and composited with the CPU's Pixels.over onto the background (or onto
// transparent black when there is none). Pixels outside the block's clipped rectangle keep the background.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Bg { uint bg[]; };
layout(std430, binding = 1) readonly buffer Text { uint text[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { int width; int height; int hasBg; int left; int top; int iw; int x0; int x1;
        int y0; int y1; uint opacity; } p;

uint div255(uint x) {
    uint t = x + 128u;
    return (t + (t >> 8)) >> 8;
}

uint over(uint s, uint d) {
    uint sa = s >> 24;
    if (sa == 255u) {
        return s;
    }
    if (sa == 0u) {
        return d;
    }
    uint da = d >> 24;
    uint ia = 255u - sa;
    uvec3 sc = uvec3(s & 0xFFu, (s >> 8) & 0xFFu, (s >> 16) & 0xFFu);
    uvec3 dc = uvec3(d & 0xFFu, (d >> 8) & 0xFFu, (d >> 16) & 0xFFu);
    if (da == 255u) {
        uvec3 t = sc * sa + dc * ia + 128u;
        uvec3 c = (t + (t >> 8)) >> 8;
        return 0xFF000000u | (c.b << 16) | (c.g << 8) | c.r;
    }
    uint ws = sa * 255u;
    uint wd = da * ia;
    uint ao = ws + wd;
    uvec3 c = (sc * ws + dc * wd + (ao >> 1)) / ao;
    return (div255(ao) << 24) | (c.b << 16) | (c.g << 8) | c.r;
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int i = y * p.width + x;
    uint d = p.hasBg != 0 ? bg[i] : 0u;
    if (x >= p.x0 && x < p.x1 && y >= p.y0 && y < p.y1) {
        uint s = text[(y - p.top) * p.iw + (x - p.left)];
        if (p.opacity != 256u) {
            s = (s & 0xFFFFFFu) | ((((s >> 24) * p.opacity + 128u) >> 8) << 24);
        }
        if ((s >> 24) != 0u) {
            d = over(s, d);
        }
    }
    dst[i] = d;
}
