#version 450
// core.gaussian_blur, one separable pass (the CPU's BlurPass): along x (axis 0) or y (axis 1), integer weights
// k[0..r] summing to 2^14 over the full kernel, edges repeating the border pixels, each channel rounded to
// (sum + 2^13) >> 14. Optionally premultiplies the taps (Pixels.premultiply) and unpremultiplies the result
// (Pixels.unpremultiply); both are the identity on opaque pixels, as on the CPU.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer Weights { int k[]; };
layout(push_constant) uniform Params { int width; int height; int radius; int axis; int premultiply;
        int unpremultiply; } p;

uint div255(uint x) {
    uint t = x + 128u;
    return (t + (t >> 8)) >> 8;
}

uvec4 taps(uint px) {
    uvec4 c = uvec4(px & 0xFFu, (px >> 8) & 0xFFu, (px >> 16) & 0xFFu, px >> 24);
    if (p.premultiply != 0) {
        c.rgb = uvec3(div255(c.r * c.a), div255(c.g * c.a), div255(c.b * c.a));
    }
    return c;
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int r = p.radius;
    uvec4 acc = uvec4(8192u);
    if (p.axis == 0) {
        int row = y * p.width;
        int last = p.width - 1;
        acc += uint(k[0]) * taps(src[row + x]);
        for (int i = 1; i <= r; i++) {
            uint ki = uint(k[i]);
            acc += ki * (taps(src[row + clamp(x - i, 0, last)]) + taps(src[row + clamp(x + i, 0, last)]));
        }
    } else {
        int last = p.height - 1;
        acc += uint(k[0]) * taps(src[y * p.width + x]);
        for (int i = 1; i <= r; i++) {
            uint ki = uint(k[i]);
            acc += ki * (taps(src[clamp(y - i, 0, last) * p.width + x]) + taps(src[clamp(y + i, 0, last) * p.width + x]));
        }
    }
    uvec4 c = acc >> 14;
    if (p.unpremultiply != 0 && c.a != 255u) {
        if (c.a == 0u) {
            c = uvec4(0u);
        } else {
            uint half_ = c.a >> 1;
            c.rgb = min(uvec3(255u), (c.rgb * 255u + half_) / c.a);
        }
    }
    dst[y * p.width + x] = (c.a << 24) | (c.b << 16) | (c.g << 8) | c.r;
}
