#version 450
// Stage 1 of the frame statistics: each work group reduces a block of 16384 RGBA8 pixels to per-channel sums and sums
// of squares (8 uints, no overflow: 16384 * 255^2 < 2^32) and adds its luma histogram into the global one.
layout(local_size_x = 256) in;
layout(std430, binding = 0) readonly buffer Src { uint rgba[]; };
layout(std430, binding = 1) writeonly buffer Partials { uint partial[]; };
layout(std430, binding = 2) buffer Result { uint result[]; };
layout(push_constant) uniform Params { int pixels; } p;

const int BLOCK = 16384;
shared uint hist[256];
shared uint acc[256][8];

void main() {
    uint t = gl_LocalInvocationID.x;
    hist[t] = 0u;
    barrier();
    uint s[8] = uint[8](0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u);
    int base = int(gl_WorkGroupID.x) * BLOCK;
    int end = min(base + BLOCK, p.pixels);
    for (int i = base + int(t); i < end; i += 256) {
        uint px = rgba[i];
        for (int ch = 0; ch < 4; ch++) {
            uint v = (px >> (8 * ch)) & 255u;
            s[ch] += v;
            s[4 + ch] += v * v;
        }
        uint r = px & 255u;
        uint g = (px >> 8) & 255u;
        uint b = (px >> 16) & 255u;
        atomicAdd(hist[(13933u * r + 46871u * g + 4732u * b + 32768u) >> 16], 1u);
    }
    for (int k = 0; k < 8; k++) {
        acc[t][k] = s[k];
    }
    barrier();
    for (uint stride = 128u; stride > 0u; stride >>= 1) {
        if (t < stride) {
            for (int k = 0; k < 8; k++) {
                acc[t][k] += acc[t + stride][k];
            }
        }
        barrier();
    }
    if (t < 8u) {
        partial[gl_WorkGroupID.x * 8u + t] = acc[0][t];
    }
    if (hist[t] != 0u) {
        atomicAdd(result[16u + t], hist[t]);
    }
}
