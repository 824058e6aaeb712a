package org.lumaflow.live;

/** What the process stage does when it falls behind the clock, as in the studio's viewer. */
public enum DropStrategy {
    /** Render every tick late rather than skip one (latency grows; capture still drops the oldest). */
    NEVER,
    /** Skip ticks that are already late, render the newest. */
    ADAPTIVE,
    /** Skip late ticks and also lower the render size step by step until the stage keeps up. */
    AGGRESSIVE
}
