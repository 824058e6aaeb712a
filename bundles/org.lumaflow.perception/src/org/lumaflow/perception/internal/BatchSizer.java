package org.lumaflow.perception.internal;

import java.lang.management.ManagementFactory;

/**
 * Detector batch sizes from the memory available: a share ({@link #SHARE}) of the memory free now, split between the
 * analysis threads, divided by what one picture of the batch costs. Free memory is the smaller of the JVM's heap
 * headroom (max heap minus heap in use: how much the user lets this process have) and the machine's free physical
 * memory (OpenCV allocates natively); on a GPU target, the device's free memory instead.
 */
final class BatchSizer {

    /** Share of the free memory a batch may use. */
    static final double SHARE = 0.125;
    /** Largest batch (beyond this, batching gains nothing and results wait longer). */
    static final int MAX = 64;

    private BatchSizer() {
    }

    /**
     * Pictures per batch: {@code SHARE * availableBytes / threads / bytesPerPicture}, at least 1 and at most
     * {@code max}.
     */
    static int size(long availableBytes, int threads, long bytesPerPicture, int max) {
        if (bytesPerPicture <= 0) {
            throw new IllegalArgumentException("bytes per picture must be positive: " + bytesPerPicture);
        }
        double budget = SHARE * Math.max(0, availableBytes) / Math.max(1, threads);
        long n = (long) Math.floor(budget / bytesPerPicture);
        return (int) Math.max(1, Math.min(max, n));
    }

    /** Memory free for host-side batches now: min(heap headroom, free physical memory), bytes. */
    static long hostAvailable() {
        Runtime r = Runtime.getRuntime();
        long heap = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        long physical = Long.MAX_VALUE;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getFreeMemorySize();
        }
        return Math.min(heap, physical);
    }

    /**
     * What one proxy picture costs a classic detector (HOG or cascade): the kept BGR copy (3 bytes a pixel), the grey
     * plane, and the detector's working planes over the image pyramid (gradients as floats, about 24 bytes a pixel).
     */
    static long classicBytes(int w, int h) {
        return (long) w * h * (3 + 1 + 24);
    }

    /**
     * What one picture costs a DNN: the kept BGR copy plus its input blob (3 float planes of {@code input x input})
     * times {@code activationFactor} for the network's intermediate tensors.
     */
    static long dnnBytes(int w, int h, int input, int activationFactor) {
        long blob = 3L * input * input * Float.BYTES;
        return (long) w * h * 3 + blob * Math.max(1, activationFactor);
    }
}
