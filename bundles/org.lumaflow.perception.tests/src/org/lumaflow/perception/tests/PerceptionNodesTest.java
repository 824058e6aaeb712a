package org.lumaflow.perception.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.decoder.MediaClips;
import org.lumaflow.decoder.MediaService;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.render.Engine;
import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.TimelineRenderer;
import org.lumaflow.perception.FaceAnalyzer;
import org.lumaflow.perception.FaceBox;
import org.lumaflow.perception.FaceTrack;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The perception nodes inside real timeline renders, and {@code lumaflow analyze}. */
class PerceptionNodesTest {

    static final int W = Support.W;
    static final int H = Support.H;
    static final int FRAME = 30;

    @TempDir
    static Path dir;
    static Engine engine;
    static MediaService media;
    static FaceAnalyzer analyzer;
    static Path clip;
    static FaceTrack track;

    @BeforeAll
    static void setUp() throws Exception {
        engine = Support.service(Engine.class);
        media = Support.service(MediaService.class);
        analyzer = Support.service(FaceAnalyzer.class);
        for (String id : List.of("perception.face_blur", "perception.reframe", "perception.face_overlay",
                "media.video")) {
            Support.awaitNode(engine, id);
        }
        clip = Support.pan(dir, 1);
        track = analyzer.analyze(clip).get(60, TimeUnit.SECONDS);
    }

    static int[] render(GraphNode... effects) throws Exception {
        Timeline tl = MediaClips.timeline(media.probe(clip));
        tl.tracks().get(0).clips().get(0).effects().addAll(List.of(effects));
        try (RenderResult r = new TimelineRenderer(engine, tl, dir).renderFrame(FRAME, W, H)) {
            assertTrue(r.clean(), r.messages().toString());
            ByteBuffer b = r.frame().buffer();
            int[] px = new int[W * H * 4];
            for (int i = 0; i < px.length; i++) {
                px[i] = b.get(i) & 0xFF;
            }
            return px;
        }
    }

    static FaceBox face() {
        List<FaceBox> faces = track.facesAt(org.lumaflow.core.time.FrameRate.FPS_60.frameToTicks(FRAME));
        assertEquals(1, faces.size(), faces.toString());
        return faces.get(0);
    }

    static GraphNode node(String id, String type) {
        return new GraphNode(id, type).set("source", clip.toString());
    }

    /** Mean absolute difference (RGB) inside the face box shrunk to 60%, and the largest difference outside the box grown by {@code grow}. */
    static double[] diff(int[] a, int[] b, FaceBox f, double grow) {
        FaceBox in = f.expand(-0.2);
        FaceBox out = f.expand(grow);
        double sum = 0;
        int n = 0;
        int maxOut = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double u = (x + 0.5) / W;
                double v = (y + 0.5) / H;
                boolean inside = u >= in.x() && u <= in.x() + in.w() && v >= in.y() && v <= in.y() + in.h();
                boolean outside = u < out.x() || u > out.x() + out.w() || v < out.y() || v > out.y() + out.h();
                for (int c = 0; c < 3; c++) {
                    int d = Math.abs(a[(y * W + x) * 4 + c] - b[(y * W + x) * 4 + c]);
                    if (inside) {
                        sum += d;
                        n++;
                    } else if (outside) {
                        maxOut = Math.max(maxOut, d);
                    }
                }
            }
        }
        return new double[] {sum / n, maxOut};
    }

    @Test
    void faceBlurChangesTheFaceAndNothingFarOutsideIt() throws Exception {
        int[] plain = render();
        FaceBox f = face();
        for (String mode : List.of("blur", "pixelate")) {
            long t0 = System.nanoTime();
            int[] blurred = render(node("fb", "perception.face_blur").set("mode", mode).set("strength", 0.6)
                    .set("expand", 0.25).set("feather", 0.3));
            double ms = (System.nanoTime() - t0) / 1e6;
            double[] d = diff(plain, blurred, f, 0.26);
            System.out.printf(Locale.ROOT, "[perception] face_blur %s: mean change inside the face %.1f, max outside"
                    + " the expanded box %.0f (frame %.0f ms)%n", mode, d[0], d[1], ms);
            assertTrue(d[0] > 10, mode + ": the face changes, mean " + d[0]);
            assertEquals(0, d[1], mode + ": nothing outside the (expanded) face box changes");
        }
        int[] none = render(node("fb", "perception.face_blur").set("strength", 0.0));
        assertEquals(0, diff(plain, none, f, 0)[0], "strength 0 changes nothing");
    }

    @Test
    void reframeCentresTheCropOnTheFace() throws Exception {
        int[] plain = render();
        int[] framed = render(node("rf", "perception.reframe").set("aspect", "9:16").set("smoothing", 0.0));
        FaceBox f = face();
        double cw = (9.0 / 16) / (16.0 / 9);
        double cx = Math.max(cw / 2, Math.min(1 - cw / 2, f.centerX()));
        // the output's centre column shows the input's column at the face centre (crop scaled to fill)
        double err = 0;
        int n = 0;
        int ix = (int) Math.round(cx * W - 0.5);
        for (int y = H / 4; y < 3 * H / 4; y++) {
            for (int c = 0; c < 3; c++) {
                err += Math.abs(framed[(y * W + W / 2) * 4 + c] - plain[(y * W + ix) * 4 + c]);
                n++;
            }
        }
        err /= n;
        assertTrue(err < 12, "centre column error " + err);
        int[] other = render(node("rf", "perception.reframe").set("aspect", "1:1").set("smoothing", 0.5));
        assertTrue(diff(framed, other, f, 0)[0] > 1, "another aspect frames differently");
    }

    @Test
    void overlayDrawsTheBoxes() throws Exception {
        int[] px = render(node("ov", "perception.face_overlay").set("thickness", 2.0));
        FaceBox f = face();
        int x = (int) Math.round((f.x() + f.w() / 2) * W);
        int y = (int) Math.round((f.y() + f.h()) * H) - 1; // bottom edge
        int i = (y * W + x) * 4;
        assertEquals(List.of(51, 255, 77), List.of(px[i], px[i + 1], px[i + 2]));
    }

    @Test
    void analyzeCommandWritesTheTrack() throws Exception {
        var bc = FrameworkUtil.getBundle(PerceptionNodesTest.class).getBundleContext();
        CliCommand cmd = null;
        for (ServiceReference<CliCommand> r : bc.getServiceReferences(CliCommand.class, null)) {
            CliCommand c = bc.getService(r);
            if (c != null && c.name().equals("analyze")) {
                cmd = c;
            }
        }
        assertTrue(cmd != null, "the analyze command is registered");
        Path out = dir.resolve("faces.json");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = cmd.run(List.of(clip.toString(), "--out", out.toString()), new PrintStream(o), new PrintStream(e));
        assertEquals(0, rc, e.toString());
        String json = Files.readString(out);
        assertTrue(json.contains("\"format\" : \"lumaflow.faces\"") && json.contains("\"samples\""), json);
        assertTrue(json.contains("\"confidence\""), "faces written");
        assertTrue(e.toString().contains("analysed") || e.toString().contains("detector"), e.toString());
        System.out.println("[perception] lumaflow analyze: " + e.toString().strip());
        CliCommand c = cmd;
        assertThrows(UsageException.class, () -> c.run(List.of(), new PrintStream(o), new PrintStream(e)));
        assertThrows(UsageException.class,
                () -> c.run(List.of(clip.toString(), "--proxy", "8"), new PrintStream(o), new PrintStream(e)));
        assertEquals(1, c.run(List.of(dir.resolve("missing.mp4").toString()), new PrintStream(o), new PrintStream(e)));
    }
}
