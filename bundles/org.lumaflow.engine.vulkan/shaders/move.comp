#version 450
// core.push / core.slide: every output pixel copies one input pixel. 'to' sits at offset (toX, toY) and 'from' at
// (fromX, fromY) (output minus input position, whole pixels, computed by the CPU node's MoveTransition.offsets);
// 'to' wins where both cover a pixel; transparent black where neither does.
layout(local_size_x = 8, local_size_y = 8) in;
layout(std430, binding = 0) readonly buffer From { uint from[]; };
layout(std430, binding = 1) readonly buffer To { uint to[]; };
layout(std430, binding = 2) writeonly buffer Dst { uint rgba[]; };
layout(push_constant) uniform Params {
    int width; int height; int toX; int toY; int fromX; int fromY;
} p;

void main() {
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (x >= p.width || y >= p.height) {
        return;
    }
    int tx = x - p.toX;
    int ty = y - p.toY;
    uint v = 0u;
    if (tx >= 0 && tx < p.width && ty >= 0 && ty < p.height) {
        v = to[ty * p.width + tx];
    } else {
        int fx = x - p.fromX;
        int fy = y - p.fromY;
        if (fx >= 0 && fx < p.width && fy >= 0 && fy < p.height) {
            v = from[fy * p.width + fx];
        }
    }
    rgba[y * p.width + x] = v;
}
