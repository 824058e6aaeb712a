package org.lumaflow.live.tests.crash;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lumaflow.live.internal.capture.FrameStamp;
import org.lumaflow.live.tests.receivers.Decoded;

/**
 * A recording decoded to the end with FFmpeg ({@link Decoded}; a truncated last fragment ends the reading, as a
 * player would stop): its pictures, the decoder's errors, and the {@link FrameStamp} read from each picture's luma.
 *
 * @param frames    pictures decoded
 * @param width     picture width
 * @param height    picture height
 * @param errors    packets the decoder refused, plus pictures flagged with decode errors
 * @param stamps    the stamp of each picture in order ({@link FrameStamp#NONE} where none could be read)
 * @param container FFmpeg's name of the demuxer
 */
record StampedFile(int frames, int width, int height, int errors, List<Long> stamps, String container) {

    /** FFmpeg's {@code AV_FRAME_FLAG_CORRUPT} (a macro JavaCPP does not map). */
    private static final int FLAG_CORRUPT = 1;

    static StampedFile decode(Path file) {
        List<Long> stamps = new ArrayList<>();
        int[] flagged = new int[1];
        Decoded d = Decoded.of(file.toString(), f -> {
            if (f.decode_error_flags() != 0 || (f.flags() & FLAG_CORRUPT) != 0) {
                flagged[0]++;
            }
            int ls = f.linesize(0);
            ByteBuffer y = f.data(0).capacity((long) ls * f.height()).asBuffer();
            stamps.add(FrameStamp.readLuma(y, 0, f.width(), f.height(), ls));
        });
        return new StampedFile(d.frames(), d.width(), d.height(), d.errors() + flagged[0], stamps, d.container());
    }

    /** Pictures before the first stamped one (the live graph renders black before a source's first picture). */
    int leadingBlank() {
        int i = 0;
        while (i < stamps.size() && stamps.get(i) == FrameStamp.NONE) {
            i++;
        }
        return i;
    }

    /** The first stamp read, or {@link FrameStamp#NONE}. */
    long firstStamp() {
        return leadingBlank() < stamps.size() ? stamps.get(leadingBlank()) : FrameStamp.NONE;
    }

    /** Pictures after the first stamped one without a readable stamp. */
    long unreadable() {
        return stamps.stream().skip(leadingBlank()).filter(s -> s == FrameStamp.NONE).count();
    }

    /** Stamped pictures whose number is below the previous stamped picture's. */
    int backwards() {
        int b = 0;
        long previous = FrameStamp.NONE;
        for (long s : stamps) {
            if (s != FrameStamp.NONE) {
                b += s < previous ? 1 : 0;
                previous = s;
            }
        }
        return b;
    }

    /** Stamped pictures with the same number as the one before (a tick without a new source picture repeats it). */
    long repeats() {
        return stamps.stream().filter(s -> s != FrameStamp.NONE).count() - distinct();
    }

    /** Frame numbers missing between the first and the last stamped picture. */
    long missing() {
        return distinct() == 0 ? 0 : stamps.get(stamps.size() - 1) - firstStamp() + 1 - distinct();
    }

    private long distinct() {
        return stamps.stream().filter(s -> s != FrameStamp.NONE).distinct().count();
    }

    /** Where the numbers jump (e.g. {@code 13->15}), for failure messages; at most 20. */
    String jumps() {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = leadingBlank() + 1; i < stamps.size() && n < 20; i++) {
            if (stamps.get(i) != stamps.get(i - 1) + 1) {
                b.append(n++ == 0 ? "" : " ").append(stamps.get(i - 1)).append("->").append(stamps.get(i));
            }
        }
        return b.isEmpty() ? "none" : b.toString();
    }

    @Override
    public String toString() {
        return container + " " + width + "x" + height + ", " + frames + " pictures (" + leadingBlank()
                + " black before the first picture of the source), " + errors + " decode errors, " + unreadable()
                + " without a stamp, stamps " + firstStamp() + ".." + (frames == 0 ? "-" : stamps.get(frames - 1))
                + ", " + missing() + " missing, " + repeats() + " repeated, jumps: " + jumps();
    }
}
