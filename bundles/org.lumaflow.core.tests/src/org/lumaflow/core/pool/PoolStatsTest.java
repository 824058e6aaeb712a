package org.lumaflow.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoolStatsTest {

    @Test
    void hitRateAndDelta() {
        PoolStats a = new PoolStats(10, 10, 10, 0, 0, 0, 0, 0, 100);
        PoolStats b = new PoolStats(110, 11, 11, 0, 0, 0, 0, 0, 100);
        assertEquals(0.5, a.hitRate(), 1e-12);
        assertEquals(100.0 / 101.0, b.since(a).hitRate(), 1e-12);
        assertEquals(1.0, new PoolStats(0, 0, 0, 0, 0, 0, 0, 0, 1).hitRate());
    }
}
