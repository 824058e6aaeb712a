package org.lumaflow.core.time;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMPTE timecode "HH:MM:SS:FF" (non-drop) and "HH:MM:SS;FF" (drop-frame) for frame indices. Frames are
 * counted in base {@link FrameRate#nominalFps()} at any rate, so the label is a frame count, not wall-clock time,
 * unless the rate is a whole number (2997/125 counts 24 frames a label second). Drop-frame is defined only for 30000/1001 (frame numbers
 * 00-01 skipped) and 60000/1001 (00-03 skipped) at the start of every minute except every tenth. Hours do
 * not wrap at 24; negative frames get a leading '-'.
 */
public final class Timecode {

    private static final Pattern TIMECODE = Pattern.compile("(-?)(\\d{2,}):(\\d{2}):(\\d{2})([:;])(\\d{2,3})");

    private Timecode() {
    }

    /** Returns true if drop-frame is the customary default for {@code rate} (29.97 and 59.94). */
    public static boolean defaultDropFrame(FrameRate rate) {
        return dropCount(rate) != 0;
    }

    /**
     * Formats frame index {@code frame} as timecode; the frames field has 2 digits (3 above 100 fps).
     *
     * @throws IllegalArgumentException if {@code dropFrame} and the rate is not 30000/1001 or 60000/1001
     */
    public static String format(long frame, FrameRate rate, boolean dropFrame) {
        int fps = rate.nominalFps();
        int drop = dropCount(rate);
        if (dropFrame && drop == 0) {
            throw new IllegalArgumentException("drop-frame timecode needs 30000/1001 or 60000/1001 fps, not " + rate);
        }
        if (frame == Long.MIN_VALUE) {
            throw new IllegalArgumentException("frame out of range: " + frame);
        }
        long f = Math.abs(frame);
        if (dropFrame) {
            long per10Min = 600L * fps - 9L * drop;
            long perMin = 60L * fps - drop;
            long rem = f % per10Min;
            long skipped = 9L * drop * (f / per10Min) + (rem > drop ? drop * ((rem - drop) / perMin) : 0);
            f = Math.addExact(f, skipped);
        }
        long secs = f / fps;
        StringBuilder sb = new StringBuilder(16);
        if (frame < 0) {
            sb.append('-');
        }
        pad(sb, secs / 3600, 2).append(':');
        pad(sb, secs / 60 % 60, 2).append(':');
        pad(sb, secs % 60, 2).append(dropFrame ? ';' : ':');
        return pad(sb, f % fps, fps > 100 ? 3 : 2).toString();
    }

    /**
     * Parses timecode to a frame index. ';' before the frames means drop-frame (only at 29.97 and 59.94).
     *
     * @throws IllegalArgumentException naming the input if malformed, a field is out of range, or the
     *         label is a frame number that drop-frame skips (e.g. "00:01:00;00" at 29.97)
     */
    public static long parse(String tc, FrameRate rate) {
        Objects.requireNonNull(tc, "tc");
        Matcher m = TIMECODE.matcher(tc.strip());
        if (!m.matches()) {
            throw invalid(tc, "expected HH:MM:SS:FF or HH:MM:SS;FF");
        }
        boolean dropFrame = m.group(5).equals(";");
        int fps = rate.nominalFps();
        int drop = dropCount(rate);
        if (dropFrame && drop == 0) {
            throw invalid(tc, "drop-frame ';' needs 30000/1001 or 60000/1001 fps, not " + rate);
        }
        int mm = Integer.parseInt(m.group(3));
        int ss = Integer.parseInt(m.group(4));
        int ff = Integer.parseInt(m.group(6));
        if (mm > 59 || ss > 59) {
            throw invalid(tc, "minutes and seconds must be 00-59");
        }
        if (ff >= fps) {
            throw invalid(tc, "frames must be below " + fps + " at " + rate + " fps");
        }
        if (dropFrame && ss == 0 && mm % 10 != 0 && ff < drop) {
            throw invalid(tc, "drop-frame skips frame numbers 00-0" + (drop - 1) + " at minute " + mm);
        }
        try {
            long minutes = Math.addExact(Math.multiplyExact(Long.parseLong(m.group(2)), 60), mm);
            long frame = Math.addExact(Math.multiplyExact(Math.addExact(Math.multiplyExact(minutes, 60), ss), fps), ff);
            if (dropFrame) {
                frame -= drop * (minutes - minutes / 10);
            }
            return m.group(1).isEmpty() ? frame : -frame;
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(tc, "out of range");
        }
    }

    private static int dropCount(FrameRate rate) {
        if (rate.equals(FrameRate.FPS_29_97)) {
            return 2;
        }
        return rate.equals(FrameRate.FPS_59_94) ? 4 : 0;
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    private static IllegalArgumentException invalid(String tc, String why) {
        return new IllegalArgumentException("invalid timecode \"" + tc + "\": " + why);
    }
}
