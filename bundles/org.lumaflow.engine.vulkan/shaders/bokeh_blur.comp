#version 450
// core.bokeh_blur, the CPU's gather: the mean of n disc samples at integer offsets (dx, dy), edges repeating the
// border pixels, on premultiplied pixels (premultiplied here when asked, Pixels.premultiply). Each channel sum
// (<= 256 * 255) is divided as the CPU does: ((sum + n / 2) * ceil(2^32 / n)) >> 32, via umulExtended. The result
// is unpremultiplied when asked (Pixels.unpremultiply).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer Offsets { ivec2 offsets[]; };
layout(push_constant) uniform Params { int width; int height; int samples; uint reciprocal; int premultiply;
        int unpremultiply; } p;

uint div255(uint x) {
    uint t = x + 128u;
    return (t + (t >> 8)) >> 8;
}

uint divide(uint sum, uint half_) {
    uint hi;
    uint lo;
    umulExtended(sum + half_, p.reciprocal, hi, lo);
    return hi;
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int n = p.samples;
    int lastX = p.width - 1;
    int lastY = p.height - 1;
    uvec4 sum = uvec4(0u);
    for (int i = 0; i < n; i++) {
        ivec2 d = offsets[i];
        uint q = src[clamp(y + d.y, 0, lastY) * p.width + clamp(x + d.x, 0, lastX)];
        uvec4 c = uvec4(q & 0xFFu, (q >> 8) & 0xFFu, (q >> 16) & 0xFFu, q >> 24);
        if (p.premultiply != 0) {
            c.rgb = uvec3(div255(c.r * c.a), div255(c.g * c.a), div255(c.b * c.a));
        }
        sum += c;
    }
    uint half_ = uint(n / 2);
    uvec4 c = uvec4(divide(sum.r, half_), divide(sum.g, half_), divide(sum.b, half_), divide(sum.a, half_));
    if (p.unpremultiply != 0 && c.a != 255u) {
        if (c.a == 0u) {
            c = uvec4(0u);
        } else {
            uint h = c.a >> 1;
            c.rgb = min(uvec3(255u), (c.rgb * 255u + h) / c.a);
        }
    }
    dst[y * p.width + x] = (c.a << 24) | (c.b << 16) | (c.g << 8) | c.r;
}
