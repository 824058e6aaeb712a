package org.lumaflow.decoder.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.core.pool.FramePool;

/**
 * The set-up of the decoder tests that make their clips in a folder of their own: a frame pool with leak tracking per
 * test class, checked for leaks after the class.
 */
abstract class PooledTest {

    @TempDir
    static Path dir;
    static FramePool pool;

    @BeforeAll
    static void setup() {
        pool = new FramePool(FramePool.Config.defaults().withLeakTracking(true));
    }

    @AfterAll
    static void noLeaks() {
        pool.checkNoLeaks();
    }
}
