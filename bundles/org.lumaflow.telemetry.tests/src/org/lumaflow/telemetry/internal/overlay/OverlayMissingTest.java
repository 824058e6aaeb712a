package org.lumaflow.telemetry.internal.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.engine.graph.Graph;
import org.lumaflow.engine.render.RenderMessage;
import org.lumaflow.engine.render.RenderResult;

/** A missing or unreadable file, or a missing channel: a warning naming the file and what is missing, background kept. */
class OverlayMissingTest {

    static OverlayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new OverlayFixture(OverlayMissingTest.class);
        fx.engine.preferBackend("cpu");
    }

    private static String warnings(RenderResult r) {
        return r.messages().stream().map(RenderMessage::text).collect(Collectors.joining("\n"));
    }

    private static void assertBackground(RenderResult r) {
        int bg = OverlayFixture.BG.packed();
        for (int y = 0; y < r.frame().height(); y += 7) {
            for (int x = 0; x < r.frame().width(); x += 5) {
                assertEquals(bg, OverlayFixture.px(r, x, y), "background at " + x + "," + y);
            }
        }
    }

    @Test
    void missingFileWarnsAndPassesThrough(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("no-such-ride.gpx");
        for (String type : List.of(SpeedGaugeNode.ID, GMeterNode.ID, MinimapNode.ID, ElevationNode.ID,
                TextFieldNode.ID)) {
            Graph g = OverlayFixture.graph(type, none);
            try (RenderResult r = fx.engine.compile(g, null).render(0, 320, 180, 0.5)) {
                String w = warnings(r);
                assertTrue(w.contains(none.toString()) && w.contains("not found") && w.contains(type), w);
                assertTrue(r.messages().stream().allMatch(m -> m.severity() == RenderMessage.Severity.WARNING));
                assertBackground(r);
            }
        }
    }

    @Test
    void unreadableFileNamesItsProblem(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.csv");
        java.nio.file.Files.writeString(junk, "this is not telemetry\n\u0000\u0001");
        try (RenderResult r = fx.engine.compile(OverlayFixture.graph(MinimapNode.ID, junk), null).render(0, 320, 180,
                0.5)) {
            String w = warnings(r);
            assertTrue(w.contains("junk.csv") && w.contains("background passed through"), w);
            assertTrue(!w.contains("Exception"), w);
            assertBackground(r);
        }
    }

    @Test
    void missingChannelNamesTheChannel() throws Exception {
        Path karma = OverlayFixture.file("karma.mp4");
        Graph g = OverlayFixture.graph(TextFieldNode.ID, karma);
        g.node("w").set("field", "heart_rate");
        try (RenderResult r = fx.engine.compile(g, null).render(0, 320, 180, 0.5)) {
            String w = warnings(r);
            assertTrue(w.contains("karma.mp4") && w.contains("has no heart rate"), w);
            assertBackground(r);
        }
    }

    @Test
    void noFileSetWarns() throws Exception {
        try (RenderResult r = fx.engine.compile(OverlayFixture.graph(MinimapNode.ID, null), null).render(0, 320,
                180, 0.5)) {
            assertTrue(warnings(r).contains("no telemetry file set"), warnings(r));
            assertBackground(r);
        }
    }
}
