package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.ui.internal.handlers.MediaFilter;

/** The import dialog offers what the decoder reads, in both cases (GTK filters are case-sensitive). */
class MediaFilterTest {

    @Test
    void offersTransportStreamsAudioAndGifInBothCases() {
        List<String> patterns = List.of(MediaFilter.pattern().split(";"));
        for (String e : new String[] {"ts", "m2ts", "m4a", "gif", "mp4", "mts", "flac", "opus", "webp"}) {
            assertTrue(patterns.contains("*." + e), "*." + e + " missing from " + patterns);
            assertTrue(patterns.contains("*." + e.toUpperCase()), "*." + e.toUpperCase() + " missing");
        }
    }
}
