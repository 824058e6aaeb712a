#version 450
// core.chroma_key: BT.709 chroma in 1/16 code values, squared distance to the key's, alpha from the host-built table
// (255 at or beyond the limit), spill pulled from the key's dominant channel; the CPU node's integers exactly.
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer Table { uint alpha[]; };
layout(push_constant) uniform Params { int pixels; int kcb; int kcr; int limit; uint shift; int channel; int spill;
        int matte; int kr; int kg; int kb; } p;

int despill(int v, int o1, int o2) {
    int limit = (o1 + o2 + 1) >> 1;
    return v <= limit ? v : v - (((v - limit) * p.spill + 128) >> 8);
}

void main() {
    int i = int(gl_GlobalInvocationID.x);
    if (i >= p.pixels) {
        return;
    }
    uint px = src[i];
    int r = int(px & 0xFFu);
    int g = int((px >> 8) & 0xFFu);
    int b = int((px >> 16) & 0xFFu);
    int y = p.kr * r + p.kg * g + p.kb * b;
    int dcb = (((b << 16) - y) >> 12) - p.kcb;
    int dcr = (((r << 16) - y) >> 12) - p.kcr;
    int d2 = dcb * dcb + dcr * dcr;
    uint ka = d2 >= p.limit ? 255u : alpha[uint(d2) >> p.shift];
    if (p.matte != 0) {
        dst[i] = 0xFF000000u | (ka << 16) | (ka << 8) | ka;
        return;
    }
    uint t = (px >> 24) * ka + 128u;
    uint a = (t + (t >> 8)) >> 8;
    if (a == 0u) {
        dst[i] = 0u;
        return;
    }
    if (p.spill != 0) {
        if (p.channel == 0) {
            r = despill(r, g, b);
        } else if (p.channel == 2) {
            b = despill(b, r, g);
        } else {
            g = despill(g, r, b);
        }
    }
    dst[i] = (a << 24) | (uint(b) << 16) | (uint(g) << 8) | uint(r);
}
