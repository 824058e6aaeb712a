package org.lumaflow.qc.internal;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.decoder.PictureLayout;

/**
 * One stream's current, previous and freeze-reference pictures in planar Y, U, V of one bit depth and chroma
 * subsampling, and the per-picture measurements {@link YuvAnalyzer} turns into statistics and detector decisions:
 * histograms in code values of the stream's depth, differences to the previous picture and out-of-range counts
 * (signalstats' BRNG: Y outside 16..235, U/V outside 16..240, scaled by {@code 2^(depth-8)}). Buffers are allocated
 * once; measuring a picture allocates nothing.
 */
abstract sealed class Planes<A> permits Planes8, Planes16 {

    /** Bands of rows measured in parallel, merged after each pass. */
    static final int BANDS = 8;

    final int w;
    final int h;
    final int cw;
    final int ch;
    final int hs;
    final int vs;
    final int depth;
    /** number of code values: {@code 2^depth} */
    final int size;
    /** samples of one picture over all planes */
    final int samples;
    final int[] histY;
    final int[] histU;
    final int[] histV;
    final int[] histSat;
    long frameDif;
    long sadPrev;
    long outOfRange;
    boolean havePrev;
    /** three sample arrays rotating as current, previous (scene, YDIF) and freeze reference: no per-frame copies */
    private final A b0;
    private final A b1;
    private final A b2;
    A cur;
    A prev;
    A reference;

    Planes(int width, int height, int depth, int hs, int vs, IntFunction<A> buffer) {
        this.w = width;
        this.h = height;
        this.hs = hs;
        this.vs = vs;
        this.cw = -((-width) >> hs);
        this.ch = -((-height) >> vs);
        this.depth = depth;
        this.size = 1 << depth;
        this.samples = w * h + 2 * cw * ch;
        histY = new int[size];
        histU = new int[size];
        histV = new int[size];
        histSat = new int[size];
        b0 = buffer.apply(samples);
        b1 = buffer.apply(samples);
        b2 = buffer.apply(samples);
        cur = b0;
        prev = b1;
        reference = b2;
    }

    /** Planes for pictures of {@code layout}. */
    static Planes<?> of(PictureLayout layout) {
        return layout.depth() > 8
                ? new Planes16(layout.width(), layout.height(), layout.depth(), layout.chromaShiftX(),
                        layout.chromaShiftY())
                : new Planes8(layout.width(), layout.height(), layout.chromaShiftX(), layout.chromaShiftY());
    }

    /** Copies a picture laid out as {@link PictureLayout} says into the current buffer. */
    abstract void load(ByteBuffer picture);

    /** Copies an I420 or NV12 frame into the current buffer (8-bit 4:2:0 only). */
    abstract void load(Frame frame);

    /** Histograms, difference to the previous picture and out-of-range count of the current picture. */
    abstract void measure();

    /**
     * Mean absolute difference of the current picture to the freeze reference (fraction of full scale). The previous
     * picture was within the noise of the reference (or is it), so when this one is far from the previous one it is
     * far from the reference too (triangle inequality) and the extra pass is skipped.
     */
    abstract double referenceMafd(double noise);

    /** Whether the freeze reference is the previous picture. */
    final boolean referenceIsPrevious() {
        return reference == prev;
    }

    /** Luma code value at (x, y) of the current picture. */
    abstract int y(int x, int y);

    /** U code value at chroma sample index {@code i} (row-major over the chroma plane). */
    abstract int u(int i);

    /** V code value at chroma sample index {@code i}. */
    abstract int v(int i);

    /** The current picture becomes the previous one (and the freeze reference when {@code newReference}). */
    final void advance(boolean newReference) {
        A old = prev;
        prev = cur;
        if (newReference) {
            reference = cur;
        }
        cur = old != reference ? old : b0 != prev && b0 != reference ? b0 : b1 != prev && b1 != reference ? b1 : b2;
        havePrev = true;
    }

    /** Mean absolute difference to the previous picture over all planes (fraction of full scale). */
    final double previousMafd() {
        return sadPrev / (double) samples / size;
    }

    /** Chroma index of pixel (x, y). */
    final int chromaIndex(int x, int y) {
        return (y >> vs) * cw + (x >> hs);
    }
}
