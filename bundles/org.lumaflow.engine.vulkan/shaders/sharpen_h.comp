#version 450
// core.sharpen, horizontal pass: integer Gaussian (weights sum to 4096, edges clamped), kept at 8 fractional bits:
// word 0 = r | g << 16, word 1 = b (the CPU node's scratch layout).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Mid { uint mid[]; };
layout(std430, binding = 2) readonly buffer Weights { int k[]; };
layout(push_constant) uniform Params { int width; int height; int half_; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int r = 0;
    int g = 0;
    int b = 0;
    for (int i = -p.half_; i <= p.half_; i++) {
        uint px = src[y * p.width + clamp(x + i, 0, p.width - 1)];
        int wt = k[i + p.half_];
        r += int(px & 0xFFu) * wt;
        g += int((px >> 8) & 0xFFu) * wt;
        b += int((px >> 16) & 0xFFu) * wt;
    }
    int o = (y * p.width + x) * 2;
    mid[o] = uint((r + 8) >> 4) | (uint((g + 8) >> 4) << 16);
    mid[o + 1] = uint((b + 8) >> 4);
}
