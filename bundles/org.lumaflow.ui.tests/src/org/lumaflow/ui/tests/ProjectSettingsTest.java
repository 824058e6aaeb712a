package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.project.Project;
import org.lumaflow.engine.project.ProjectIO;
import org.lumaflow.engine.timeline.Track;
import org.lumaflow.ui.internal.model.ProjectSettings;
import org.lumaflow.ui.internal.parts.ViewerPart;
import org.lumaflow.ui.internal.parts.bin.BinNames;

/** New-project settings: exact rates, even sizes, default tracks, sample rate kept through a save; small UI rules. */
class ProjectSettingsTest {

    @Test
    void ratesAreExact() {
        assertEquals(new FrameRate(24000, 1001), rate("23.976"));
        assertEquals(new FrameRate(30000, 1001), rate("29.97"));
        assertEquals(new FrameRate(60000, 1001), rate("59.94"));
        assertEquals(List.of("23.976", "24", "25", "29.97", "30", "50", "59.94", "60"),
                ProjectSettings.RATES.stream().map(ProjectSettings.Rate::label).toList());
    }

    private static FrameRate rate(String label) {
        return ProjectSettings.RATES.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow().rate();
    }

    @Test
    void sizesMustBeEven() {
        assertTrue(ProjectSettings.problem("x", 1001, 720).contains("even"));
        assertTrue(ProjectSettings.problem("x", 1280, 721).contains("even"));
        assertTrue(ProjectSettings.problem(" ", 1280, 720).contains("name"));
        assertNull(ProjectSettings.problem("x", 1080, 1920));
        assertThrows(IllegalArgumentException.class,
                () -> new ProjectSettings("x", 1001, 720, FrameRate.FPS_25, 48000));
    }

    @Test
    void newProjectHasV1AndA1AndKeepsItsSampleRate() throws Exception {
        ProjectSettings s = new ProjectSettings("Day one", 1080, 1920, new FrameRate(24000, 1001), 44100);
        Project p = s.newProject();
        assertEquals(List.of("A1", "V1"), p.timeline().tracks().stream().map(Track::name).toList());
        assertEquals(Track.Kind.AUDIO, p.timeline().tracks().get(0).kind());
        assertEquals(Track.Kind.VIDEO, p.timeline().tracks().get(1).kind());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProjectIO.write(p, out, null);
        Project back = ProjectIO.load(new java.io.ByteArrayInputStream(out.toByteArray()), Path.of("day.lumaflow"));
        assertEquals(s, ProjectSettings.of(back));
        assertEquals("1080x1920, 23.976 fps, 44100 Hz", ProjectSettings.of(back).summary());
    }

    @Test
    void wipeLabelsNameTheSourceOnTheLeftAsA() {
        // defect 9: the viewer labelled the source (left) "B" and the result (right) "A"
        assertTrue(ViewerPart.WIPE_LEFT.startsWith("A") && ViewerPart.WIPE_LEFT.contains("source"));
        assertTrue(ViewerPart.WIPE_RIGHT.startsWith("B") && ViewerPart.WIPE_RIGHT.contains("result"));
    }

    @Test
    void binNamesAreShortenedInTheMiddle() {
        String name = "GX010042_long_holiday_take_from_the_boat.MP4";
        String s = BinNames.fit(name, 20, String::length);
        assertTrue(s.length() <= 20, s);
        assertTrue(s.startsWith("GX01") && s.endsWith(".MP4") && s.contains("\u2026"), s);
        assertEquals("short.mp4", BinNames.fit("short.mp4", 20, String::length));
    }
}
