package org.lumaflow.live.internal.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.registry.ConverterRegistry;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.live.DropStrategy;
import org.lumaflow.live.Layout;
import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveOutputProvider;
import org.lumaflow.testsupport.OsgiTests;
import org.osgi.framework.BundleContext;

/** The real engine and converters from OSGi, the test node and source kinds, and config helpers. */
public final class LiveFixture {

    public final BundleContext bc;
    public final Engine engine;
    public final ConverterRegistry converters;
    public final TestEncoder encoder = new TestEncoder();
    private static LiveFixture instance;

    private LiveFixture() throws Exception {
        bc = OsgiTests.startAll(LiveFixture.class);
        engine = OsgiTests.service(bc, Engine.class);
        converters = OsgiTests.service(bc, ConverterRegistry.class);
        bc.registerService(NodeType.class, new SlowNode(), null);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (engine.registry().snapshot().type("livetest.slow") == null
                || engine.registry().snapshot().type("live.source") == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("live.source / livetest.slow not registered in 10 s");
            }
            Thread.sleep(20);
        }
    }

    /** The shared fixture. */
    public static synchronized LiveFixture get() throws Exception {
        if (instance == null) {
            instance = new LiveFixture();
        }
        return instance;
    }

    /** A service with the test source kind, the test encoder and {@code outputs}. */
    public LiveServiceImpl service(LiveOutputProvider... outputs) {
        return new LiveServiceImpl(engine, converters, encoder, List.of(new SolidSources()), List.of(outputs));
    }

    /** A CPU config of {@code sources} at 320x180. */
    public static LiveConfig config(List<String> sources, Layout layout, double seconds, DropStrategy drop,
            Path effects, Map<String, String> options) {
        return new LiveConfig(sources, layout, effects, null, List.of(), 320, 180, new FrameRate(30, 1),
                seconds <= 0 ? null : java.time.Duration.ofMillis((long) (seconds * 1000)), drop, "auto", 0, 2,
                "cpu", options);
    }

    /** An effects file applying {@code types} in order to the composed picture. */
    public static Path effects(Path dir, String... types) throws IOException {
        StringBuilder fx = new StringBuilder();
        for (String t : types) {
            fx.append(fx.isEmpty() ? "" : ",").append("{\"type\":\"").append(t).append("\"}");
        }
        Path f = dir.resolve("effects.json");
        Files.writeString(f, """
                {"lumaflow": 1, "name": "live effects", "format": {"width": 320, "height": 180, "rate": 30},
                 "tracks": [{"clips": [{"id": "live", "start": 0, "duration": 3600,
                   "source": {"type": "live.program"}, "effects": [%s]}]}]}
                """.formatted(fx));
        return f;
    }
}
