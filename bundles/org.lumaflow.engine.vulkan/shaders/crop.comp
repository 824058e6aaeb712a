#version 450
// core.crop: alpha scaled by the host-built feather factors of the source column and row ((a * cf * rf + 32768) >> 16,
// transparent black at 0); 'fill' samples the kept rectangle at the host-built positions (8 fractional bits) with
// edge clamping and the CPU's alpha-weighted bilinear blend4, each tap feathered first.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer ColF { uint colF[]; };
layout(std430, binding = 3) readonly buffer RowF { uint rowF[]; };
layout(std430, binding = 4) readonly buffer SrcX { int srcX[]; };
layout(std430, binding = 5) readonly buffer SrcY { int srcY[]; };
layout(push_constant) uniform Params { int width; int height; int fill; int x0; int x1; int y0; int y1; } p;

uint feather(uint px, uint cf, uint rf) {
    uint f = cf * rf;
    if (f == 65536u) {
        return px;
    }
    uint a = ((px >> 24) * f + 32768u) >> 16;
    return a == 0u ? 0u : (px & 0xFFFFFFu) | (a << 24);
}

uint blend4(uint p00, uint p10, uint p01, uint p11, uint wx, uint wy) {
    uint w00 = (256u - wx) * (256u - wy);
    uint w10 = wx * (256u - wy);
    uint w01 = (256u - wx) * wy;
    uint w11 = wx * wy;
    if (((p00 & p10 & p01 & p11) >> 24) == 255u) {
        uint r = ((p00 & 0xFFu) * w00 + (p10 & 0xFFu) * w10 + (p01 & 0xFFu) * w01 + (p11 & 0xFFu) * w11 + 32768u) >> 16;
        uint g = (((p00 >> 8) & 0xFFu) * w00 + ((p10 >> 8) & 0xFFu) * w10 + ((p01 >> 8) & 0xFFu) * w01
                + ((p11 >> 8) & 0xFFu) * w11 + 32768u) >> 16;
        uint b = (((p00 >> 16) & 0xFFu) * w00 + ((p10 >> 16) & 0xFFu) * w10 + ((p01 >> 16) & 0xFFu) * w01
                + ((p11 >> 16) & 0xFFu) * w11 + 32768u) >> 16;
        return 0xFF000000u | (b << 16) | (g << 8) | r;
    }
    uint a00 = w00 * (p00 >> 24);
    uint a10 = w10 * (p10 >> 24);
    uint a01 = w01 * (p01 >> 24);
    uint a11 = w11 * (p11 >> 24);
    uint sa = a00 + a10 + a01 + a11;
    if (sa == 0u) {
        return 0u;
    }
    uint half_ = sa >> 1;
    uint r = ((p00 & 0xFFu) * a00 + (p10 & 0xFFu) * a10 + (p01 & 0xFFu) * a01 + (p11 & 0xFFu) * a11 + half_) / sa;
    uint g = (((p00 >> 8) & 0xFFu) * a00 + ((p10 >> 8) & 0xFFu) * a10 + ((p01 >> 8) & 0xFFu) * a01
            + ((p11 >> 8) & 0xFFu) * a11 + half_) / sa;
    uint b = (((p00 >> 16) & 0xFFu) * a00 + ((p10 >> 16) & 0xFFu) * a10 + ((p01 >> 16) & 0xFFu) * a01
            + ((p11 >> 16) & 0xFFu) * a11 + half_) / sa;
    uint a = (sa + 32768u) >> 16;
    return (a << 24) | (b << 16) | (g << 8) | r;
}

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int w = p.width;
    if (p.fill == 0) {
        dst[y * w + x] = feather(src[y * w + x], colF[x], rowF[y]);
        return;
    }
    int fx = srcX[x];
    int fy = srcY[y];
    int ix = fx >> 8;
    int iy = fy >> 8;
    int xa = clamp(ix, p.x0, p.x1 - 1);
    int xb = clamp(ix + 1, p.x0, p.x1 - 1);
    int ya = clamp(iy, p.y0, p.y1 - 1);
    int yb = clamp(iy + 1, p.y0, p.y1 - 1);
    dst[y * w + x] = blend4(feather(src[ya * w + xa], colF[xa], rowF[ya]), feather(src[ya * w + xb], colF[xb], rowF[ya]),
            feather(src[yb * w + xa], colF[xa], rowF[yb]), feather(src[yb * w + xb], colF[xb], rowF[yb]),
            uint(fx & 0xFF), uint(fy & 0xFF));
}
