package org.lumaflow.ui.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test signals: a sine written as a WAV file, and measurements of captured sound (bursts, RMS, frequency). */
final class Signal {

    private Signal() {
    }

    /** Writes {@code seconds} of a {@code hz} sine of peak {@code amplitude} (both channels) as 48 kHz 16-bit WAV. */
    static Path toneWav(Path file, double hz, double amplitude, double seconds) throws IOException {
        int rate = 48_000;
        int n = (int) Math.round(seconds * rate);
        ByteBuffer b = ByteBuffer.allocate(44 + n * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * 4).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(n * 4);
        for (int i = 0; i < n; i++) {
            short v = (short) Math.round(Math.sin(2 * Math.PI * hz * i / rate) * amplitude * 32767);
            b.putShort(v).putShort(v);
        }
        return Files.write(file, b.array());
    }

    /** A stretch of sound: samples [start, end). */
    record Burst(int start, int end) {
        int length() {
            return end - start;
        }
    }

    /**
     * The stretches where 1 ms windows are louder than {@code thresholdDb} dBFS, joined across quiet gaps shorter
     * than {@code gapMs}.
     */
    static List<Burst> bursts(float[] x, double thresholdDb, int gapMs) {
        int win = 48;
        double thr = Math.pow(10, thresholdDb / 20);
        List<Burst> out = new ArrayList<>();
        int start = -1;
        int lastLoud = -1;
        for (int w = 0; w + win <= x.length; w += win) {
            boolean loud = rms(x, w, w + win) > thr;
            if (loud) {
                if (start < 0 || w - lastLoud > gapMs * 48) {
                    if (start >= 0) {
                        out.add(new Burst(start, lastLoud));
                    }
                    start = w;
                }
                lastLoud = w + win;
            }
        }
        if (start >= 0) {
            out.add(new Burst(start, lastLoud));
        }
        return out;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    static double dbfs(double linear) {
        return 20 * Math.log10(Math.max(1e-9, linear));
    }

    /** The frequency from rising zero crossings in [from, to), Hz. */
    static double frequency(float[] x, int from, int to) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings == 0 ? 0 : crossings * 48_000.0 / (last - first);
    }

    /** The quietest 5 ms window in [from, to), dBFS (a dropout shows as a deep dip). */
    static double quietestWindowDb(float[] x, int from, int to) {
        double min = Double.MAX_VALUE;
        for (int w = from; w + 240 <= to; w += 240) {
            min = Math.min(min, rms(x, w, w + 240));
        }
        return dbfs(min);
    }
}
