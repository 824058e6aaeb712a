package org.lumaflow.decoder.internal;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/** A pointer whose address can be moved (JavaCPP allows subclasses to set it): native copies without allocation. */
final class MovablePointer extends BytePointer {

    MovablePointer at(long addr) {
        this.address = addr;
        this.position = 0;
        this.limit = 0;
        this.capacity = 0;
        return this;
    }

    /**
     * Copies a plane of {@code rows} rows of {@code rowBytes} from native address {@code from} (rows {@code stride}
     * apart) to {@code to} (rows packed), through the two pointers given: one memcpy when the rows are contiguous.
     */
    static void copyPlane(MovablePointer src, MovablePointer dst, long from, int stride, long to, int rowBytes,
            int rows) {
        if (stride == rowBytes) {
            Pointer.memcpy(dst.at(to), src.at(from), (long) rowBytes * rows);
            return;
        }
        for (int y = 0; y < rows; y++) {
            Pointer.memcpy(dst.at(to + (long) y * rowBytes), src.at(from + (long) y * stride), rowBytes);
        }
    }
}
