#version 450
// RGBA8 (packed 0xAABBGGRR) -> I420 (Y, U, V planes), BT.709 limited range, the CPU converter's fixed-point formulas.
// One invocation converts an 8x2 block and writes whole 32-bit words only (2 x 2 Y words, 1 U word, 1 V word), so no
// two invocations touch the same word. Width must be a multiple of 8, height even.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint rgba[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint yuv[]; };
layout(push_constant) uniform Params { int width; int height; } p;

int luma(uint px) {
    int r = int(px & 0xFFu);
    int g = int((px >> 8) & 0xFFu);
    int b = int((px >> 16) & 0xFFu);
    return 16 + ((11966 * r + 40254 * g + 4064 * b + 32768) >> 16);
}

void main() {
    int w = p.width;
    int h = p.height;
    int x0 = int(gl_GlobalInvocationID.x) * 8;
    int y0 = int(gl_GlobalInvocationID.y) * 2;
    if (x0 >= w || y0 >= h) {
        return;
    }
    uint us = 0u;
    uint vs = 0u;
    for (int half_ = 0; half_ < 2; half_++) {
        int xs = x0 + 4 * half_;
        uint ya = 0u;
        uint yb = 0u;
        int rs[4];
        int gs[4];
        int bs[4];
        for (int i = 0; i < 4; i++) {
            uint a = rgba[y0 * w + xs + i];
            uint b = rgba[(y0 + 1) * w + xs + i];
            ya |= uint(luma(a)) << (8 * i);
            yb |= uint(luma(b)) << (8 * i);
            rs[i] = int(a & 0xFFu) + int(b & 0xFFu);
            gs[i] = int((a >> 8) & 0xFFu) + int((b >> 8) & 0xFFu);
            bs[i] = int((a >> 16) & 0xFFu) + int((b >> 16) & 0xFFu);
        }
        yuv[(y0 * w + xs) >> 2] = ya;
        yuv[((y0 + 1) * w + xs) >> 2] = yb;
        for (int c = 0; c < 2; c++) {
            int r4 = rs[2 * c] + rs[2 * c + 1];
            int g4 = gs[2 * c] + gs[2 * c + 1];
            int b4 = bs[2 * c] + bs[2 * c + 1];
            int cb = 128 + ((-6596 * r4 - 22189 * g4 + 28785 * b4 + (32768 << 2)) >> 18);
            int cr = 128 + ((28785 * r4 - 26145 * g4 - 2640 * b4 + (32768 << 2)) >> 18);
            int shift = 8 * (2 * half_ + c);
            us |= uint(cb) << shift;
            vs |= uint(cr) << shift;
        }
    }
    int cw = w >> 1;
    int chroma = ((y0 >> 1) * cw + (x0 >> 1)) >> 2;
    yuv[((w * h) >> 2) + chroma] = us;
    yuv[((w * h + cw * (h >> 1)) >> 2) + chroma] = vs;
}
