package org.lumaflow.decoder.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.lumaflow.core.internal.AtomicFiles;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.decoder.AudioSource;
import org.lumaflow.decoder.MediaException;
import org.lumaflow.decoder.MediaInfo;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.decoder.waveform.Waveform;

/**
 * Measuring waveform peaks and their cache files: {@code MAGIC}, version, samples, level count, then per level its
 * samples per peak, block count and the four float arrays (big-endian). A file that does not read back whole is
 * ignored (measured again).
 */
public final class WaveformCache {

    /** Cache file name suffix. */
    public static final String SUFFIX = ".peaks";
    private static final int MAGIC = 0x4c465750; // "LFWP"
    private static final int VERSION = 1;

    private WaveformCache() {
    }

    /** The cache key of {@code file}: SHA-256 of its absolute path, size and modification time. */
    public static String key(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String id = file + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes {@code file}'s first audio stream once and computes the peaks of each level (each a multiple of the first). */
    public static Waveform measure(MediaService media, Path file, int[] levels) throws MediaException {
        MediaInfo info = media.probe(file);
        if (info.audio().isEmpty()) {
            throw new MediaException(file, "has no audio stream (no waveform)");
        }
        long ticks = info.audio().get(0).durationTicks() > 0 ? info.audio().get(0).durationTicks()
                : info.durationTicks();
        if (ticks <= 0) {
            throw new MediaException(file, "the audio stream's duration is unknown (no waveform)");
        }
        long samples = Ticks.samples(ticks, AudioSource.SAMPLE_RATE, RoundingMode.HALF_UP);
        int base = levels[0];
        int blocks = (int) ((samples + base - 1) / base);
        float[][] first = new float[4][blocks];
        int chunk = base * 64;
        float[] l = new float[chunk];
        float[] r = new float[chunk];
        try (AudioSource src = media.openAudio(file)) {
            for (long s = 0; s < samples; s += chunk) {
                int n = (int) Math.min(chunk, samples - s);
                src.read(s, l, r, 0, n);
                for (int i = 0; i < n; i += base) {
                    int b = (int) ((s + i) / base);
                    int m = Math.min(base, n - i);
                    float minL = l[i];
                    float maxL = l[i];
                    float minR = r[i];
                    float maxR = r[i];
                    for (int j = i + 1; j < i + m; j++) {
                        minL = Math.min(minL, l[j]);
                        maxL = Math.max(maxL, l[j]);
                        minR = Math.min(minR, r[j]);
                        maxR = Math.max(maxR, r[j]);
                    }
                    first[0][b] = minL;
                    first[1][b] = maxL;
                    first[2][b] = minR;
                    first[3][b] = maxR;
                }
            }
        }
        List<Waveform.Level> out = new ArrayList<>();
        out.add(new Waveform.Level(base, first[0], first[1], first[2], first[3]));
        for (int k = 1; k < levels.length; k++) {
            int f = levels[k] / base;
            int nb = (blocks + f - 1) / f;
            float[][] c = new float[4][nb];
            for (int b = 0; b < nb; b++) {
                int from = b * f;
                int to = Math.min(blocks, from + f);
                for (int q = 0; q < 4; q++) {
                    float v = first[q][from];
                    for (int i = from + 1; i < to; i++) {
                        v = q % 2 == 0 ? Math.min(v, first[q][i]) : Math.max(v, first[q][i]);
                    }
                    c[q][b] = v;
                }
            }
            out.add(new Waveform.Level(levels[k], c[0], c[1], c[2], c[3]));
        }
        return new Waveform(samples, List.copyOf(out));
    }

    /** Writes {@code w} to {@code file} atomically. */
    public static void write(Path file, Waveform w) throws IOException {
        AtomicFiles.write(file, os -> {
            DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 16));
            d.writeInt(MAGIC);
            d.writeInt(VERSION);
            d.writeLong(w.samples());
            d.writeInt(w.levels().size());
            for (Waveform.Level l : w.levels()) {
                d.writeInt(l.samplesPerPeak());
                d.writeInt(l.size());
                for (float[] a : new float[][] {l.minLeft(), l.maxLeft(), l.minRight(), l.maxRight()}) {
                    for (float v : a) {
                        d.writeFloat(v);
                    }
                }
            }
            d.flush();
        });
    }

    /** The waveform in {@code file}, or null when it is not a whole cache file of this version. */
    public static Waveform read(Path file) {
        try (InputStream in = Files.newInputStream(file);
                DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16))) {
            if (d.readInt() != MAGIC || d.readInt() != VERSION) {
                return null;
            }
            long samples = d.readLong();
            int n = d.readInt();
            if (n < 1 || n > 16) {
                return null;
            }
            List<Waveform.Level> levels = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int spp = d.readInt();
                int size = d.readInt();
                if (spp <= 0 || size < 0 || (long) size * spp > samples + spp) {
                    return null;
                }
                float[][] a = new float[4][size];
                for (float[] x : a) {
                    for (int i = 0; i < size; i++) {
                        x[i] = d.readFloat();
                    }
                }
                levels.add(new Waveform.Level(spp, a[0], a[1], a[2], a[3]));
            }
            return d.read() < 0 ? new Waveform(samples, List.copyOf(levels)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
