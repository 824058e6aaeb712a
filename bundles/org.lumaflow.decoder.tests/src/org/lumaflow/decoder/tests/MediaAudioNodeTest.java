package org.lumaflow.decoder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.testsupport.OsgiTests;

/** Audio-only clips: their source type is registered (editors list it) and the picture leaves them out. */
class MediaAudioNodeTest {

    @Test
    void registeredAndNeverDrawn() throws Exception {
        Engine engine = OsgiTests.service(OsgiTests.startAll(MediaAudioNodeTest.class), Engine.class);
        NodeDescriptor d = engine.registry().snapshot().type("media.audio").descriptor();
        assertEquals("Audio file", d.displayName());
        assertEquals("file", d.params().get(0).name());
        Project p = ProjectIO.load(new ByteArrayInputStream("""
                {"lumaflow": 1, "format": {"width": 32, "height": 18, "rate": 25}, "tracks": [
                  {"name": "V1", "clips": [{"id": "s", "start": 0, "duration": 1,
                    "source": {"type": "core.solid", "params": {"color": "#FF0000"}}}]},
                  {"name": "V2", "clips": [{"id": "m", "start": 0, "duration": 1,
                    "source": {"type": "media.audio", "params": {"file": "/no/such/music.wav"}}}]}]}
                """.getBytes(StandardCharsets.UTF_8)), Path.of("a.lumaflow"));
        try (RenderResult r = new TimelineRenderer(engine, p.timeline(), null).renderFrame(0, 32, 18)) {
            assertTrue(r.clean(), r.messages().toString());
            var b = r.frame().buffer();
            assertEquals(java.util.List.of(255, 0, 0, 255), java.util.List.of(b.get(0) & 0xFF, b.get(1) & 0xFF,
                    b.get(2) & 0xFF, b.get(3) & 0xFF), "the red below shows: nothing drawn over it");
        }
    }
}
