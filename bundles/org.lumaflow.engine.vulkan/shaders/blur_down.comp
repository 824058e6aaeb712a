#version 450
// Resample.boxDown of the CPU blurs (core.gaussian_blur, core.bokeh_blur): straight-alpha src (w x h) box-filtered
// by the integer factor f into premultiplied dst (reduced(w,f) x reduced(h,f)); each output pixel is the rounded mean
// of its f x f block (the part inside the image at the right and bottom edges). The CPU's reciprocal multiplies are
// exact divisions, so plain integer division matches them. Sums fit 32 bits for f <= 256.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { int width; int height; int factor; int dw; int dh; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.dw || y >= p.dh) {
        return;
    }
    int f = p.factor;
    int sx0 = x * f;
    int sx1 = min(sx0 + f, p.width);
    int sy0 = y * f;
    int sy1 = min(sy0 + f, p.height);
    uint r = 0u;
    uint g = 0u;
    uint b = 0u;
    uint a = 0u;
    for (int sy = sy0; sy < sy1; sy++) {
        int row = sy * p.width;
        for (int sx = sx0; sx < sx1; sx++) {
            uint q = src[row + sx];
            uint qa = q >> 24;
            r += (q & 0xFFu) * qa;
            g += ((q >> 8) & 0xFFu) * qa;
            b += ((q >> 16) & 0xFFu) * qa;
            a += qa;
        }
    }
    uint count = uint((sx1 - sx0) * (sy1 - sy0));
    uint n255 = count * 255u;
    uint hc = n255 >> 1;
    uint o = (((a + (count >> 1)) / count) << 24) | (((b + hc) / n255) << 16) | (((g + hc) / n255) << 8)
            | ((r + hc) / n255);
    dst[y * p.dw + x] = o;
}
