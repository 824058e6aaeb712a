#version 450
// Stage 2 of the frame statistics: one work group adds the per-block partials in 64-bit (lo/hi uint pairs) and writes
// result[0..15] = {sum lo R,G,B,A, sum hi R,G,B,A, squares lo R,G,B,A, squares hi R,G,B,A}; the histogram
// (result[16..271]) was accumulated by stage 1.
layout(local_size_x = 256) in;
layout(std430, binding = 0) readonly buffer Partials { uint partial[]; };
layout(std430, binding = 1) buffer Result { uint result[]; };
layout(push_constant) uniform Params { int blocks; } p;

shared uvec2 acc[256][8];

uvec2 add64(uvec2 a, uvec2 b) {
    uint carry;
    uint lo = uaddCarry(a.x, b.x, carry);
    return uvec2(lo, a.y + b.y + carry);
}

void main() {
    uint t = gl_LocalInvocationID.x;
    uvec2 s[8];
    for (int k = 0; k < 8; k++) {
        s[k] = uvec2(0u);
    }
    for (int i = int(t); i < p.blocks; i += 256) {
        for (int k = 0; k < 8; k++) {
            s[k] = add64(s[k], uvec2(partial[i * 8 + k], 0u));
        }
    }
    for (int k = 0; k < 8; k++) {
        acc[t][k] = s[k];
    }
    barrier();
    for (uint stride = 128u; stride > 0u; stride >>= 1) {
        if (t < stride) {
            for (int k = 0; k < 8; k++) {
                acc[t][k] = add64(acc[t][k], acc[t + stride][k]);
            }
        }
        barrier();
    }
    if (t < 4u) {
        result[t] = acc[0][t].x;
        result[4u + t] = acc[0][t].y;
        result[8u + t] = acc[0][4u + t].x;
        result[12u + t] = acc[0][4u + t].y;
    }
}
