package org.lumaflow.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimecodeTest {

    private static final FrameRate DF30 = FrameRate.FPS_29_97;
    private static final FrameRate DF60 = FrameRate.FPS_59_94;

    private static void assertBoth(long frame, FrameRate rate, boolean dropFrame, String tc) {
        assertEquals(tc, Timecode.format(frame, rate, dropFrame), "format " + frame);
        assertEquals(frame, Timecode.parse(tc, rate), "parse " + tc);
    }

    @Test
    void dropFrameKnownValues() {
        assertBoth(0, DF30, true, "00:00:00;00");
        assertBoth(1799, DF30, true, "00:00:59;29");
        assertBoth(1800, DF30, true, "00:01:00;02");
        assertBoth(3598, DF30, true, "00:02:00;02");
        assertBoth(17981, DF30, true, "00:09:59;29");
        assertBoth(17982, DF30, true, "00:10:00;00");
        assertBoth(17983, DF30, true, "00:10:00;01");
        assertBoth(107892, DF30, true, "01:00:00;00");
        assertBoth(2589408, DF30, true, "24:00:00;00");
        assertBoth(3599, DF60, true, "00:00:59;59");
        assertBoth(3600, DF60, true, "00:01:00;04");
        assertBoth(35964, DF60, true, "00:10:00;00");
        assertBoth(215784, DF60, true, "01:00:00;00");
    }

    /** Every frame of the first 11 minutes at 29.97 DF: round-trips, labels increase, none is a dropped label. */
    @Test
    void dropFrameRoundTripFirstElevenMinutes() {
        String previous = "";
        int frames = 11 * 60 * 30;
        for (long f = 0; f < frames; f++) {
            String tc = Timecode.format(f, DF30, true);
            assertEquals(f, Timecode.parse(tc, DF30), tc);
            assertTrue(tc.compareTo(previous) > 0, previous + " -> " + tc);
            int mm = Integer.parseInt(tc.substring(3, 5));
            boolean dropped = tc.substring(6).startsWith("00;0") && tc.charAt(10) < '2' && mm % 10 != 0;
            assertFalse(dropped, tc);
            previous = tc;
        }
        assertEquals("00:11:00;20", Timecode.format(frames, DF30, true)); // 20 labels skipped so far
    }

    @Test
    void nonDropFrame() {
        assertBoth(0, FrameRate.FPS_25, false, "00:00:00:00");
        assertBoth(24, FrameRate.FPS_25, false, "00:00:00:24");
        assertBoth(25, FrameRate.FPS_25, false, "00:00:01:00");
        assertBoth(90_000, FrameRate.FPS_25, false, "01:00:00:00");
        assertBoth(107_892, DF30, false, "00:59:56:12"); // NDF counting at 29.97 uses base 30
        assertBoth(119, FrameRate.FPS_120, false, "00:00:00:119");
        for (long f = 0; f < 25 * 3600 + 50; f++) {
            String tc = Timecode.format(f, FrameRate.FPS_25, false);
            assertEquals(f, Timecode.parse(tc, FrameRate.FPS_25), tc);
        }
    }

    @Test
    void negativeAndLongTimecodes() {
        assertBoth(-1, FrameRate.FPS_25, false, "-00:00:00:01");
        assertBoth(-1800, DF30, true, "-00:01:00;02");
        assertBoth(25L * 3600 * 100, FrameRate.FPS_25, false, "100:00:00:00");
        assertBoth(25L * 3600 * 25 + 1, FrameRate.FPS_25, false, "25:00:00:01");
        assertEquals(25, Timecode.parse(" 00:00:01:00 ", FrameRate.FPS_25));
    }

    @Test
    void dropFrameOnlyAtNtsc30And60() {
        for (FrameRate rate : new FrameRate[] {FrameRate.FPS_25, FrameRate.FPS_30, FrameRate.FPS_23_976,
            FrameRate.FPS_119_88}) {
            assertThrows(IllegalArgumentException.class, () -> Timecode.format(0, rate, true), rate.toString());
            assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:00:00;00", rate), rate.toString());
        }
    }

    @Test
    void rejectsInvalidTimecodes() {
        String[] bad30 = {"00:01:00;00", "00:01:00;01", "01:01:00;01", "00:00:00:30", "00:00:00;30", "00:60:00:00",
            "00:00:60:00", "garbage", "", "00:00:00", "00:00:00:00:00", "+00:00:00:00", "0:00:00:00", "00.00.00.00",
            "00:00:00:0", "99999999999999999999:00:00:00"};
        for (String tc : bad30) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timecode.parse(tc, DF30), tc);
            assertTrue(e.getMessage().contains("\"" + tc + "\""), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:01:00;03", DF60));
        assertEquals(3600, Timecode.parse("00:01:00;04", DF60));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:00:00:25", FrameRate.FPS_25));
        assertEquals(1800, Timecode.parse("00:01:00:00", DF30)); // the same label is fine non-drop
    }

    @Test
    void defaultDropFrame() {
        assertTrue(Timecode.defaultDropFrame(DF30));
        assertTrue(Timecode.defaultDropFrame(DF60));
        assertFalse(Timecode.defaultDropFrame(FrameRate.FPS_30));
        assertFalse(Timecode.defaultDropFrame(FrameRate.FPS_25));
        assertFalse(Timecode.defaultDropFrame(FrameRate.FPS_23_976));
        assertFalse(Timecode.defaultDropFrame(FrameRate.FPS_119_88));
    }
}
