#version 450
// Area-average downscale of an RGBA8 frame (packed 0xAABBGGRR) for previews: each output pixel averages the source
// pixels its footprint covers, weighted by coverage (exact box filter for any ratio); colour is weighted by alpha.
layout(local_size_x = 16, local_size_y = 16) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(push_constant) uniform Params { int sw; int sh; int dw; int dh; } p;

void main() {
    ivec2 o = ivec2(gl_GlobalInvocationID.xy);
    if (o.x >= p.dw || o.y >= p.dh) {
        return;
    }
    vec2 ratio = vec2(p.sw, p.sh) / vec2(p.dw, p.dh);
    vec2 a = vec2(o) * ratio;
    vec2 b = a + ratio;
    ivec2 lo = ivec2(floor(a));
    ivec2 hi = min(ivec2(ceil(b)), ivec2(p.sw, p.sh));
    vec4 acc = vec4(0.0);
    float wsum = 0.0;
    for (int y = lo.y; y < hi.y; y++) {
        float wy = min(b.y, float(y + 1)) - max(a.y, float(y));
        for (int x = lo.x; x < hi.x; x++) {
            float wx = min(b.x, float(x + 1)) - max(a.x, float(x));
            uint c = src[y * p.sw + x];
            vec4 v = vec4(float(c & 255u), float((c >> 8) & 255u), float((c >> 16) & 255u), float(c >> 24));
            float wgt = wx * wy;
            acc += vec4(v.rgb * v.a, v.a) * wgt;
            wsum += wgt;
        }
    }
    float alpha = acc.a / wsum;
    vec3 rgb = acc.a > 0.0 ? acc.rgb / acc.a : vec3(0.0);
    uvec4 u = uvec4(clamp(floor(vec4(rgb, alpha) + 0.5), 0.0, 255.0));
    dst[o.y * p.dw + o.x] = u.r | (u.g << 8) | (u.b << 16) | (u.a << 24);
}
