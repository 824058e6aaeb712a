package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lumaflow.ui.internal.audio.LevelMeter;
import org.lumaflow.ui.internal.audio.Pcm;

/** The level meters' maths (dBFS peak, RMS, peak hold, fall-back) and the float to 16-bit conversion. */
class LevelMeterTest {

    private static final int RATE = 48_000;
    private static final long MS = 1_000_000L;

    /** Feeds {@code seconds} of a 1 kHz sine of peak {@code l} (left) and {@code r} (right) in 1024-sample blocks. */
    private static long feed(LevelMeter m, double l, double r, double seconds, long t0) {
        float[] left = new float[1024];
        float[] right = new float[1024];
        long t = t0;
        int blocks = (int) Math.round(seconds * RATE / 1024);
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 1024; i++) {
                double s = Math.sin(2 * Math.PI * 1000 * (b * 1024 + i) / RATE);
                left[i] = (float) (l * s);
                right[i] = (float) (r * s);
            }
            m.add(left, right, 1024, t);
            t += 1024 * 1_000_000_000L / RATE;
        }
        return t;
    }

    @Test
    void sineLevels() {
        LevelMeter m = new LevelMeter(RATE);
        feed(m, 1.0, 0.5, 2, 0);
        assertEquals(0.0, m.peakDb(0), 0.01, "full-scale peak");
        assertEquals(-3.01, m.rmsDb(0), 0.02, "full-scale sine RMS");
        assertEquals(-6.02, m.peakDb(1), 0.01);
        assertEquals(-9.03, m.rmsDb(1), 0.02);
        assertEquals(0.0, m.holdDb(0), 0.01);
    }

    @Test
    void silenceReadsTheFloor() {
        LevelMeter m = new LevelMeter(RATE);
        feed(m, 0.25, 0, 1, 0);
        assertEquals(-12.04, m.peakDb(0), 0.01);
        assertEquals(LevelMeter.FLOOR_DB, m.peakDb(1));
        assertEquals(LevelMeter.FLOOR_DB, m.rmsDb(1));
        assertEquals(LevelMeter.FLOOR_DB, LevelMeter.dbfs(0));
        assertEquals(LevelMeter.FLOOR_DB, LevelMeter.dbfs(1e-5)); // -100 dB is below the scale
        assertEquals(0.0, LevelMeter.dbfs(1));
    }

    @Test
    void peakFallsHoldHoldsThenFollows() {
        LevelMeter m = new LevelMeter(RATE);
        long end = feed(m, 0.5, 0.5, 1, 0);
        double rms = m.rmsDb(0);
        m.decay(end - 5 * MS);
        assertEquals(-6.02, m.peakDb(0), 0.01, "no fall while the last block sounds");
        m.decay(end + 500 * MS);
        assertEquals(-6.02 - LevelMeter.FALL_DB_PER_S * 0.5, m.peakDb(0), 0.02,
                "peak after 0.5 s of silence");
        assertEquals(-6.02, m.holdDb(0), 0.01, "the hold stays for 1.5 s");
        // the RMS level decays with its 300 ms time constant: exp(-0.5/0.3) in power
        assertEquals(rms - 10 * Math.log10(Math.exp(500.0 / LevelMeter.RMS_MS)), m.rmsDb(0), 0.05);
        m.decay(end + 1400 * MS);
        assertEquals(-6.02, m.holdDb(0), 0.01);
        m.decay(end + 1600 * MS);
        assertEquals(-6.02 - LevelMeter.FALL_DB_PER_S * 1.6, m.holdDb(0), 0.02,
                "the hold follows the peak down");
        // a louder block lifts the hold at once
        feed(m, 1.0, 1.0, 0.05, end + 1700 * MS);
        assertEquals(0.0, m.holdDb(0), 0.01);
        m.reset();
        assertEquals(LevelMeter.FLOOR_DB, m.holdDb(0));
    }

    @Test
    void pcm16() {
        float[] l = {1f, -1f, 0.5f, 2f, 0f};
        float[] r = {-1f, 1f, -0.5f, -3f, 1e-6f};
        byte[] out = new byte[20];
        Pcm.toS16(l, r, 5, out);
        short[] got = new short[10];
        for (int i = 0; i < 10; i++) {
            got[i] = (short) ((out[2 * i] & 0xff) | out[2 * i + 1] << 8);
        }
        assertArrayEquals(new short[] {32767, -32767, -32767, 32767, 16384, -16383, 32767, -32767, 0, 0}, got);
    }
}
