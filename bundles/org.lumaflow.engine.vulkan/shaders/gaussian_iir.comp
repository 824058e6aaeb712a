#version 450
// core.gaussian_blur, one pass of the CPU's GaussianBlur (engine internal/nodes/IirPass): each invocation filters one
// line. Pass 0 filters the columns (along y) of straight RGBA8 `src`, premultiplied as Pixels.premultiply, into `mid`
// (quantised to 1/256, as the CPU's 16-bit intermediate); pass 1 filters the rows (along x) of `mid` into straight
// RGBA8 `dst` (alpha and colour rounded, colour times 255 / alpha). radius < 0: Deriche's recursive filter with the
// coefficients k[0..15] of GaussianBlur.coefficients (causal part in `tmp`), edges at the steady state of the
// repeated border; radius >= 0: the half kernel k[0..radius], rows clamped.
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Src { uint src[]; };
layout(std430, binding = 1) buffer Mid { vec4 mid[]; };
layout(std430, binding = 2) buffer Tmp { vec4 tmp[]; };
layout(std430, binding = 3) writeonly buffer Dst { uint dst[]; };
layout(std430, binding = 4) readonly buffer K { float k[]; };
layout(push_constant) uniform Params { int width; int height; int pass_; int radius; } p;

uint div255(uint x) {
    uint t = x + 128u;
    return (t + (t >> 8)) >> 8;
}

vec4 load(int idx) {
    if (p.pass_ == 0) {
        uint px = src[idx];
        uint a = px >> 24;
        return vec4(float(div255((px & 0xFFu) * a)), float(div255(((px >> 8) & 0xFFu) * a)),
                float(div255(((px >> 16) & 0xFFu) * a)), float(a));
    }
    return mid[idx];
}

void store(int idx, vec4 v) {
    if (p.pass_ == 0) {
        mid[idx] = clamp(roundEven(v * 256.0), 0.0, 65535.0) / 256.0;
        return;
    }
    float a = clamp(roundEven(v.a), 0.0, 255.0);
    float inv = a == 0.0 ? 0.0 : 255.0 / a;
    vec3 c = min(roundEven(clamp(roundEven(v.rgb), 0.0, 255.0) * inv), vec3(255.0));
    dst[idx] = uint(c.r) | (uint(c.g) << 8) | (uint(c.b) << 16) | (uint(a) << 24);
}

void main() {
    int line = int(gl_GlobalInvocationID.x);
    int lines = p.pass_ == 0 ? p.width : p.height;
    if (line >= lines) {
        return;
    }
    int n = p.pass_ == 0 ? p.height : p.width;
    int base = p.pass_ == 0 ? line : line * p.width;
    int stride = p.pass_ == 0 ? p.width : 1;
    if (p.radius >= 0) {
        for (int i = 0; i < n; i++) {
            vec4 acc = load(base + i * stride) * k[0];
            for (int t = 1; t <= p.radius; t++) {
                acc += (load(base + max(i - t, 0) * stride) + load(base + min(i + t, n - 1) * stride)) * k[t];
            }
            // pass 0 reads src, pass 1 reads mid: results go through tmp so pass 1 does not overwrite its input
            tmp[base + i * stride] = acc;
        }
        for (int i = 0; i < n; i++) {
            store(base + i * stride, tmp[base + i * stride]);
        }
        return;
    }
    vec4 xp = load(base);
    vec4 a1 = xp * k[12];
    vec4 a2 = a1;
    vec4 b1 = xp * k[13];
    vec4 b2 = b1;
    for (int i = 0; i < n; i++) {
        vec4 xn = load(base + i * stride);
        vec4 a = k[0] * xn + k[1] * xp + k[3] * a2 + k[2] * a1;
        vec4 b = k[4] * xn + k[5] * xp + k[7] * b2 + k[6] * b1;
        tmp[base + i * stride] = a + b;
        a2 = a1;
        a1 = a;
        b2 = b1;
        b1 = b;
        xp = xn;
    }
    vec4 x1 = load(base + (n - 1) * stride);
    vec4 x2 = x1;
    a1 = x1 * k[14];
    a2 = a1;
    b1 = x1 * k[15];
    b2 = b1;
    for (int i = n - 1; i >= 0; i--) {
        vec4 a = k[8] * x1 + k[9] * x2 + k[3] * a2 + k[2] * a1;
        vec4 b = k[10] * x1 + k[11] * x2 + k[7] * b2 + k[6] * b1;
        x2 = x1;
        x1 = load(base + i * stride);
        store(base + i * stride, tmp[base + i * stride] + (a + b));
        a2 = a1;
        a1 = a;
        b2 = b1;
        b1 = b;
    }
}
