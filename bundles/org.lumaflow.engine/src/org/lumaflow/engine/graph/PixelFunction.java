package org.lumaflow.engine.graph;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One frame's per-pixel function of a {@link PixelNode}, called for whole rows, possibly from several threads at
 * once (bands of rows): keep it free of shared mutable state.
 * <p>
 * Pixels are ints: IMAGE pixels packed {@code 0xAABBGGRR} (straight alpha, the RGBA8 bytes read as a little-endian
 * int), MASK pixels 0..255.
 *
 * @since 1.2
 */
@ConsumerType
@FunctionalInterface
public interface PixelFunction {

    /**
     * Computes row {@code y} ({@code width} pixels): {@code in[p]} holds input port {@code p}'s pixels of that row
     * (null when the port is not connected; never modify them), {@code out} receives the output row.
     */
    void apply(int y, int width, int[][] in, int[] out);

    /**
     * Where input {@code port}'s row is fully transparent (alpha 0 in every pixel), the input whose row equals this
     * function's output row, or -1 (the default: nothing known). The engine then composites a static input (a title,
     * a still, an overlay) only inside its bounding box: rows outside it are that input's row, unchanged, with no
     * call to {@link #apply}. It must hold exactly, for every pixel value of the other inputs.
     *
     * @since 1.4
     */
    default int clearRowPassesThrough(int port) {
        return -1;
    }

    /** A function whose output is input {@code index} unchanged; the engine then copies nothing. */
    static PixelFunction passThrough(int index) {
        return index >= 0 && index < PassThrough.COMMON.length ? PassThrough.COMMON[index] : new PassThrough(index);
    }

    /** The function {@link #passThrough} returns: recognised by the engine, which forwards the input. */
    final class PassThrough implements PixelFunction {

        private static final PassThrough[] COMMON = {new PassThrough(0), new PassThrough(1), new PassThrough(2),
            new PassThrough(3)};

        private final int index;

        private PassThrough(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("input index " + index);
            }
            this.index = index;
        }

        /** The input passed through. */
        public int index() {
            return index;
        }

        @Override
        public void apply(int y, int width, int[][] in, int[] out) {
            System.arraycopy(in[index], 0, out, 0, width);
        }
    }
}
