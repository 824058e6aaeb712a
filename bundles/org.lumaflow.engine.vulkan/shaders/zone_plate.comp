#version 450
// core.zone_plate: table index = ((k * s + phase) >> 32) & 1023 with s = (2x + 1 - w)^2 + (2y + 1 - h)^2, k and phase
// 32.32 fixed point; 64-bit wrapping arithmetic on uint pairs (lo, hi), exactly as the CPU node. The table holds
// the CPU node's 1024 grey pixels (computed with StrictMath on the host).
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) writeonly buffer Dst { uint rgba[]; };
layout(std430, binding = 1) readonly buffer Table { uint cosTable[]; };
layout(push_constant) uniform Params { int width; int height; uint kLo; uint kHi; uint phaseLo; uint phaseHi; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    uint dx = uint(abs(2 * x + 1 - p.width));
    uint dy = uint(abs(2 * y + 1 - p.height));
    uint s = dx * dx + dy * dy;
    uint hi;
    uint lo;
    umulExtended(p.kLo, s, hi, lo);
    hi += p.kHi * s;
    uint carry;
    lo = uaddCarry(lo, p.phaseLo, carry);
    hi += p.phaseHi + carry;
    rgba[y * p.width + x] = cosTable[hi & 1023u];
}
