package org.lumaflow.perception.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Detector batch sizes follow the memory available, the picture cost and the number of analysis threads. */
class ObjectBatchTest {

    static final long MIB = 1 << 20;

    static int size(long available, int threads, long perPicture) {
        return BatchSizer.size(available, threads, perPicture, BatchSizer.MAX);
    }

    @Test
    void batchSizeFollowsMemory() {
        long hog = BatchSizer.classicBytes(640, 360); // ~6.2 MiB per picture
        int small = size(256 * MIB, 1, hog);
        int big = size(2048 * MIB, 1, hog);
        assertEquals(5, small, "1/8 of 256 MiB over 6.2 MiB");
        assertEquals(41, big, "1/8 of 2 GiB over 6.2 MiB");
        assertEquals(20, size(2048 * MIB, 2, hog), "two threads share the budget");
        assertEquals(1, size(8 * MIB, 1, hog), "never below one picture");
        assertEquals(64, size(64L * 1024 * MIB, 1, hog), "capped");
        long yolo640 = BatchSizer.dnnBytes(640, 360, 640, YoloDetector.ACTIVATION_FACTOR);
        long yolo320 = BatchSizer.dnnBytes(640, 360, 320, YoloDetector.ACTIVATION_FACTOR);
        assertTrue(yolo640 > 3 * yolo320, "a bigger blob costs more");
        assertTrue(size(4096 * MIB, 1, yolo640) < size(4096 * MIB, 1, yolo320));
        assertTrue(size(4096 * MIB, 1, yolo640) < size(4096 * MIB, 1, hog),
                "a DNN picture costs more than a HOG one");
    }
}
