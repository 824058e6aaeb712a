#version 450
// core.checker: the cell parity of every column and row is computed on the host with the CPU node's exact 16.16
// fixed-point floor divisions (bit 0 of parity[x] for column x, of parity[width + y] for row y); a pixel takes colour
// A when the two parities are equal, colour B otherwise.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) writeonly buffer Dst { uint rgba[]; };
layout(std430, binding = 1) readonly buffer Parity { uint parity[]; };
layout(push_constant) uniform Params { int width; int height; uint colorA; uint colorB; } p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    uint odd = (parity[x] ^ parity[p.width + y]) & 1u;
    rgba[y * p.width + x] = odd == 0u ? p.colorA : p.colorB;
}
