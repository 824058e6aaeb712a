#version 450
// core.vignette: strength = table[min((cols[x] + rows[y]) >> shift, 4095)] (0..65536, built on the host exactly as the
// CPU node does), then darken (c * (65536 - m)) or brighten (c + (255 - c) * m), rounded; alpha untouched.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 2) readonly buffer Cols { uint cols[]; };
layout(std430, binding = 3) readonly buffer Rows { uint rows[]; };
layout(std430, binding = 4) readonly buffer Table { uint table[]; };
layout(push_constant) uniform Params { int width; int height; uint shift; int darken; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int i = y * p.width + x;
    uint px = src[i];
    uint m = table[min((cols[x] + rows[y]) >> p.shift, 4095u)];
    if (m == 0u) {
        dst[i] = px;
        return;
    }
    uvec3 c = uvec3(px & 0xFFu, (px >> 8) & 0xFFu, (px >> 16) & 0xFFu);
    if (p.darken != 0) {
        c = (c * (65536u - m) + 32768u) >> 16;
    } else {
        c = c + (((255u - c) * m + 32768u) >> 16);
    }
    dst[i] = (px & 0xFF000000u) | (c.b << 16) | (c.g << 8) | c.r;
}
