package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.core.time.Ticks;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.EncoderChoice;
import org.lumaflow.export.ExportListener;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.export.Exporter;
import org.lumaflow.testsupport.OsgiTests;
import org.lumaflow.ui.internal.parts.export.EncoderProfiles;

/**
 * Defect 7: the H.264 preset promised "High" while openh264 writes Constrained Baseline. Every usable H.264 encoder
 * here exports a real file whose avcC profile must be the one the export part states for it; the preset's own text
 * promises no profile.
 */
class EncoderProfilesTest {

    @Test
    void statedProfileIsTheOneWritten() throws Exception {
        Path dir = Files.createTempDirectory("lumaflow-profiles");
        var bc = OsgiTests.startAll(EncoderProfilesTest.class);
        Exporter ex = OsgiTests.service(bc, Exporter.class);
        List<EncoderChoice> usable = ex.candidates("h264").stream().filter(EncoderChoice::usable).toList();
        assertFalse(usable.isEmpty(), "no usable H.264 encoder");
        Timeline tl = new Timeline(new VideoFormat(320, 240, FrameRate.FPS_25));
        Track v1 = new Track("V1");
        v1.clips().add(new Clip("bars", new GraphNode("bars", "core.smpte_bars"), 0, 0, Ticks.PER_SECOND / 2));
        tl.tracks().add(v1);
        for (EncoderChoice ch : usable) {
            Path out = dir.resolve(ch.name() + ".mp4");
            ex.start(tl, dir, ExportSettings.to(out).withCodec("h264").withEncoder(ch.name()).withQc(false)
                    .withAudio(false), ExportListener.none()).await();
            int[] avcc = avcC(Files.readAllBytes(out));
            int stated = EncoderProfiles.h264ProfileIdc(ch.name());
            System.out.println("encoder " + ch.name() + ": profile_idc " + avcc[0] + ", constraints 0x"
                    + Integer.toHexString(avcc[1]) + "; stated: " + EncoderProfiles.of(ch.name()));
            if (stated > 0) {
                assertEquals(stated, avcc[0], ch.name() + " writes another profile than the export part says");
                if (EncoderProfiles.of(ch.name()).contains("Constrained")) {
                    assertTrue((avcc[1] & 0x40) != 0, ch.name() + ": constraint_set1 missing");
                }
            }
        }
        String hint = org.lumaflow.ui.internal.parts.export.ExportPresetsAccess.firstHint();
        assertFalse(Pattern.compile("\\b(High|Main|Baseline)\\b").matcher(hint).find(),
                "the H.264 preset promises a profile whatever encoder writes it: " + hint);
    }

    /** {profile_idc, constraint flags} of the first avcC box. */
    private static int[] avcC(byte[] b) {
        for (int i = 0; i + 8 < b.length; i++) {
            if (b[i] == 'a' && b[i + 1] == 'v' && b[i + 2] == 'c' && b[i + 3] == 'C') {
                return new int[] {b[i + 5] & 0xff, b[i + 6] & 0xff};
            }
        }
        throw new AssertionError("no avcC box in the file");
    }
}
