package org.lumaflow.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lumaflow.export.internal.QueueDepth;

class QueueDepthTest {

    static final long MB = 1 << 20;

    @Test
    void deeperWithMemoryShallowerForBigFrames() {
        long hd = 1920L * 1080 * 4;
        long uhd = 3840L * 2160 * 4;
        assertEquals(4, QueueDepth.depth(16L << 30, hd), "16 GiB, 1080p");
        assertEquals(2, QueueDepth.depth(16L << 30, uhd * 4), "16 GiB, 8K");
        assertEquals(2, QueueDepth.depth(1L << 30, uhd), "1 GiB, 4K: never below 2");
        assertEquals(2, QueueDepth.depth(4L << 30, hd), "4 GiB, 1080p");
        assertEquals(4, QueueDepth.depth(64L << 30, 640 * 360 * 4), "never above 4");
    }
}
