#version 450
// core.lut3d: tetrahedral interpolation of a .cube 3D LUT in the CPU node's fixed point, exactly. The host uploads
// one int table: per-channel lower lattice offsets (base, 3 x 256), positions to the next lattice point (frac,
// 3 x 256, 0..65536), then the lattice (RGB interleaved, red fastest, 1/16 code units) as signed 16-bit pairs.
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer Lut { int lut[]; };
layout(push_constant) uniform Params { int pixels; int size; int strength; } p;

const int FRAC = 768;
const int LATTICE = 1536;

int lat(int i) {
    return bitfieldExtract(lut[LATTICE + (i >> 1)], (i & 1) * 16, 16);
}

int channel(int c0, int c1, int c2, int c3, ivec4 w, int code) {
    int v16 = (lat(c0) * w.x + lat(c1) * w.y + lat(c2) * w.z + lat(c3) * w.w + 32768) >> 16;
    v16 = clamp(v16, 0, 4080);
    return (code * 16 * (4096 - p.strength) + v16 * p.strength + 32768) >> 16;
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
    int fr = lut[FRAC + r];
    int fg = lut[FRAC + 256 + g];
    int fb = lut[FRAC + 512 + b];
    int n = p.size;
    int dr = 3;
    int dg = 3 * n;
    int db = 3 * n * n;
    int c0 = lut[r] + lut[256 + g] + lut[512 + b];
    int c3 = c0 + dr + dg + db;
    int c1;
    int c2;
    ivec4 w;
    if (fr > fg) {
        if (fg > fb) {
            c1 = c0 + dr; c2 = c1 + dg; w = ivec4(65536 - fr, fr - fg, fg - fb, fb);
        } else if (fr > fb) {
            c1 = c0 + dr; c2 = c1 + db; w = ivec4(65536 - fr, fr - fb, fb - fg, fg);
        } else {
            c1 = c0 + db; c2 = c1 + dr; w = ivec4(65536 - fb, fb - fr, fr - fg, fg);
        }
    } else {
        if (fb > fg) {
            c1 = c0 + db; c2 = c1 + dg; w = ivec4(65536 - fb, fb - fg, fg - fr, fr);
        } else if (fb > fr) {
            c1 = c0 + dg; c2 = c1 + db; w = ivec4(65536 - fg, fg - fb, fb - fr, fr);
        } else {
            c1 = c0 + dg; c2 = c1 + dr; w = ivec4(65536 - fg, fg - fr, fr - fb, fb);
        }
    }
    int outR = channel(c0, c1, c2, c3, w, r);
    int outG = channel(c0 + 1, c1 + 1, c2 + 1, c3 + 1, w, g);
    int outB = channel(c0 + 2, c1 + 2, c2 + 2, c3 + 2, w, b);
    dst[i] = (px & 0xFF000000u) | (uint(outB) << 16) | (uint(outG) << 8) | uint(outR);
}
