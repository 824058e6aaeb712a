package org.lumaflow.live.internal.encode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;

/** JavaCPP pointers whose address can be moved (JavaCPP lets subclasses set it): reading FFmpeg memory allocates nothing. */
final class Movable {

    private Movable() {
    }

    /** A byte pointer moved onto any address. */
    static final class Bytes extends BytePointer {
        Bytes at(long addr) {
            this.address = addr;
            this.position = 0;
            this.limit = 0;
            this.capacity = 0;
            return this;
        }
    }

    /** A 64-bit word pointer, to read a pointer field of a struct. */
    static final class Word extends LongPointer {
        Word at(long addr) {
            this.address = addr;
            this.position = 0;
            this.limit = 0;
            this.capacity = 0;
            return this;
        }
    }
}
