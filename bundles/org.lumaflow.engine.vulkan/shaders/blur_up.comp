#version 450
// BlurResample.upsample of the CPU blurs (core.gaussian_blur, core.bokeh_blur): premultiplied src
// (reduced(w,f) x reduced(h,f)) bilinearly upsampled by f into straight-alpha dst (w x h), edges clamped, output pixel
// centres at (x + 0.5) / f - 0.5 in 8-bit fixed point; vertical blend first, then horizontal, rounded, unpremultiplied.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { int width; int height; int factor; int sw; int sh; } p;

int floorDiv(int a, int b) {
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

uvec4 channels(uint q) {
    return uvec4(q & 0xFFu, (q >> 8) & 0xFFu, (q >> 16) & 0xFFu, q >> 24);
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int f = p.factor;
    int fy = floorDiv((2 * y + 1 - f) * 256, 2 * f);
    uint wy = uint(fy & 0xFF);
    int r0 = clamp(fy >> 8, 0, p.sh - 1) * p.sw;
    int r1 = clamp((fy >> 8) + 1, 0, p.sh - 1) * p.sw;
    int fx = floorDiv((2 * x + 1 - f) * 256, 2 * f);
    uint wx = uint(fx & 0xFF);
    int c0 = clamp(fx >> 8, 0, p.sw - 1);
    int c1 = clamp((fx >> 8) + 1, 0, p.sw - 1);
    uint uy = 256u - wy;
    uvec4 v0 = channels(src[r0 + c0]) * uy + channels(src[r1 + c0]) * wy;
    uvec4 v1 = channels(src[r0 + c1]) * uy + channels(src[r1 + c1]) * wy;
    uvec4 c = (v0 * (256u - wx) + v1 * wx + 32768u) >> 16;
    if (c.a != 255u) {
        if (c.a == 0u) {
            c = uvec4(0u);
        } else {
            uint half_ = c.a >> 1;
            c.rgb = min(uvec3(255u), (c.rgb * 255u + half_) / c.a);
        }
    }
    dst[y * p.width + x] = (c.a << 24) | (c.b << 16) | (c.g << 8) | c.r;
}
