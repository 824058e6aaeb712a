package org.lumaflow.cluster.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumaflow.cluster.internal.MediaRoots;
import org.lumaflow.cluster.internal.ProjectCheck;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.GraphNode;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.registry.NodeRegistry;
import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.engine.timeline.VideoFormat;
import org.lumaflow.export.segment.Segment;
import org.lumaflow.export.segment.SegmentPlan;
import org.lumaflow.testsupport.OsgiTests;

/** What a worker refuses, with errors naming the path or the plugin; and how media roots map paths. */
class WorkerChecksTest {

    static NodeRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void services() throws Exception {
        registry = OsgiTests.service(OsgiTests.startAll(WorkerChecksTest.class), NodeRegistry.class);
    }

    /** A saved project with an image clip reading {@code image} (and an effect of type {@code effectType}). */
    private SegmentPlan plan(Path work, String image, String effectType, String plugin) throws Exception {
        Files.createDirectories(work);
        FrameRate rate = FrameRate.FPS_25;
        Timeline tl = new Timeline(new VideoFormat(64, 36, rate));
        Track v1 = new Track("V1");
        Clip c = new Clip("still", new GraphNode("img", "core.image").set("file", image), 0, 0, rate.frameToTicks(10));
        if (effectType != null) {
            c.effects().add(new GraphNode("fx", effectType).plugin(plugin));
        }
        v1.clips().add(c);
        tl.tracks().add(v1);
        Path project = work.resolve("timeline.lumaflow");
        ProjectIO.save(new Project("t", tl), project, registry.snapshot());
        return new SegmentPlan("p1", project, work, work.resolve("out.mp4"), "libopenh264", "h264", Map.of(),
                List.of(new Segment(0, 0, 10, work.resolve("seg-0000.ts").toString())), work);
    }

    @Test
    void mediaOutsideTheRootsIsRefusedNamingThePath() throws Exception {
        Path media = dir.resolve("media");
        Path elsewhere = dir.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Path still = elsewhere.resolve("still.png");
        SegmentPlan p = plan(media.resolve("job"), still.toString(), null, null);
        MediaRoots roots = MediaRoots.parse(List.of(media.toString()));
        MediaRoots.Refusal e = assertThrows(MediaRoots.Refusal.class, () -> ProjectCheck.check(p, roots, registry));
        assertTrue(e.getMessage().contains("media file " + still + " is outside this worker's media roots ["
                + media + "]"), e.getMessage());
        // inside the roots (relative to the project, or absolute): accepted
        ProjectCheck.check(plan(media.resolve("job2"), "still.png", null, null), roots, registry);
        ProjectCheck.check(plan(media.resolve("job3"), media.resolve("x.png").toString(), null, null), roots,
                registry);
        // a work folder outside the roots: refused before the project is read
        SegmentPlan outside = plan(elsewhere.resolve("job"), "still.png", null, null);
        e = assertThrows(MediaRoots.Refusal.class, () -> ProjectCheck.check(outside, roots, registry));
        assertTrue(e.getMessage().startsWith("work folder " + elsewhere.resolve("job") + " is outside"),
                e.getMessage());
    }

    @Test
    void aMissingPluginIsRefusedNamingIt() throws Exception {
        SegmentPlan p = plan(dir.resolve("job"), "still.png", "com.example.glow.bloom", "com.example.glow");
        MediaRoots roots = MediaRoots.parse(List.of(dir.toString()));
        MediaRoots.Refusal e = assertThrows(MediaRoots.Refusal.class, () -> ProjectCheck.check(p, roots, registry));
        assertTrue(e.getMessage().contains("uses node type 'com.example.glow.bloom' of plugin com.example.glow, "
                + "which this worker does not have"), e.getMessage());
        // an installed effect passes
        ProjectCheck.check(plan(dir.resolve("job2"), "still.png", "core.grade", null), roots, registry);
    }

    @Test
    void mappedRootsRewriteThePlanPaths() {
        MediaRoots roots = MediaRoots.parse(List.of("/Volumes/media=/mnt/media", "/srv/shared"));
        assertEquals(Path.of("/mnt/media/show/a.mov"), roots.map(Path.of("/Volumes/media/show/a.mov")));
        assertEquals(Path.of("/srv/shared/x"), roots.map(Path.of("/srv/shared/x")));
        assertEquals(Path.of("/etc/passwd"), roots.map(Path.of("/etc/passwd")));
        assertTrue(roots.allows(Path.of("/mnt/media/show/a.mov")));
        assertTrue(!roots.allows(Path.of("/Volumes/media/show/a.mov")), "roots are checked on local paths");
        assertTrue(!roots.allows(Path.of("/mnt/media/../../etc/passwd")), "normalized before the check");
        SegmentPlan p = new SegmentPlan("p", Path.of("/Volumes/media/job/t.lumaflow"), Path.of("/Volumes/media/show"),
                Path.of("/Volumes/media/out.mp4"), "libx264", "h264", Map.of("crf", "18"),
                List.of(new Segment(0, 0, 5, "/Volumes/media/job/seg-0000.ts")), Path.of("/Volumes/media/job"));
        SegmentPlan m = roots.remap(p);
        assertEquals(Path.of("/mnt/media/job/t.lumaflow"), m.project());
        assertEquals(Path.of("/mnt/media/show"), m.baseDir());
        assertEquals(Path.of("/mnt/media/job/plan.json"), m.planFile());
        assertEquals("/mnt/media/job/seg-0000.ts", m.segments().get(0).file());
        assertEquals(Map.of("crf", "18"), m.settings());
    }
}
