package org.lumaflow.engine.vulkan.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.PoolStats;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.engine.vulkan.GpuFrame;
import org.lumaflow.engine.vulkan.GpuFrameKey;
import org.lumaflow.engine.vulkan.GpuFramePool;
import org.lumaflow.engine.vulkan.GpuSelection;
import org.lumaflow.engine.vulkan.Gpus;
import org.lumaflow.engine.vulkan.VulkanContext;

class GpuFramePoolTest {

    static VulkanContext ctx;

    @BeforeAll
    static void open() {
        GpuSelection s = Gpus.select("auto");
        assertNotNull(s.chosen(), s.reason());
        ctx = VulkanContext.open(s.chosen());
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Test
    void framesAreReusedAcrossNodesAndFramesWithoutLeaks() {
        try (GpuFramePool pool = new GpuFramePool(ctx, 64L << 20)) {
            GpuFrameKey rgba = GpuFrameKey.rgba(160, 90);
            GpuFrameKey nv12 = new GpuFrameKey(160, 90, PixelFormat.NV12, Usage.ENCODE, true);
            for (int frame = 0; frame < 1000; frame++) {
                // a three-node chain releasing each intermediate as soon as its consumer ran, then the readback
                GpuFrame a = pool.lease(rgba);
                GpuFrame b = pool.lease(rgba);
                a.release();
                GpuFrame c = pool.lease(rgba);
                b.release();
                GpuFrame out = pool.lease(nv12);
                c.release();
                out.release();
            }
            PoolStats s = pool.stats();
            assertEquals(0, s.outstanding(), s.toString());
            assertEquals(3, s.allocations(), "two RGBA frames in flight at most, one NV12: " + s);
            assertTrue(s.hitRate() > 0.999, s.toString());
        }
    }

    @Test
    void budgetEvictsLeastRecentlyUsedIdleFrames() {
        GpuFrameKey small = GpuFrameKey.rgba(64, 64); // 16 KiB
        try (GpuFramePool pool = new GpuFramePool(ctx, 2 * small.bytes())) {
            GpuFrameKey other = GpuFrameKey.rgba(32, 128);
            GpuFrameKey third = GpuFrameKey.rgba(128, 32);
            pool.lease(small).release();
            pool.lease(other).release();
            pool.lease(third).release(); // needs room: the least recently used (small) goes
            PoolStats s = pool.stats();
            assertEquals(1, s.evictions(), s.toString());
            assertTrue(s.idleBytes() <= 2 * small.bytes(), s.toString());
            GpuFrame again = pool.lease(other);
            assertEquals(1, pool.stats().since(s).hits(), "other was kept");
            again.release();
        }
    }

    @Test
    void refcountsGuardMisuse() {
        try (GpuFramePool pool = new GpuFramePool(ctx, 1L << 20)) {
            GpuFrame f = pool.lease(GpuFrameKey.rgba(8, 8));
            assertSame(f, f.retain());
            f.release();
            f.release();
            assertThrows(IllegalStateException.class, f::release);
            assertThrows(IllegalStateException.class, f::retain);
            assertEquals(0, pool.stats().outstanding());
        }
    }
}
