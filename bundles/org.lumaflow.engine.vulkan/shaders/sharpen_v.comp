#version 450
// core.sharpen, vertical pass and unsharp mask: blur = (sum w * mid + 2048) >> 12 (8.8 fixed point), d = (v << 8) -
// blur, out = clamp(v + ((d * amount + 32768) >> 16)) where |d| > threshold; alpha untouched.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) readonly buffer Mid { uint mid[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 3) readonly buffer Weights { int k[]; };
layout(push_constant) uniform Params { int width; int height; int half_; int amount; int threshold; } p;

int channel(int v, int blur) {
    int d = (v << 8) - blur;
    if (abs(d) <= p.threshold) {
        return v;
    }
    return clamp(v + ((d * p.amount + 32768) >> 16), 0, 255);
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int sr = 0;
    int sg = 0;
    int sb = 0;
    for (int i = -p.half_; i <= p.half_; i++) {
        int o = (clamp(y + i, 0, p.height - 1) * p.width + x) * 2;
        int wt = k[i + p.half_];
        uint v = mid[o];
        sr += int(v & 0xFFFFu) * wt;
        sg += int(v >> 16) * wt;
        sb += int(mid[o + 1]) * wt;
    }
    uint px = src[y * p.width + x];
    int r = channel(int(px & 0xFFu), (sr + 2048) >> 12);
    int g = channel(int((px >> 8) & 0xFFu), (sg + 2048) >> 12);
    int b = channel(int((px >> 16) & 0xFFu), (sb + 2048) >> 12);
    dst[y * p.width + x] = (px & 0xFF000000u) | (uint(b) << 16) | (uint(g) << 8) | uint(r);
}
