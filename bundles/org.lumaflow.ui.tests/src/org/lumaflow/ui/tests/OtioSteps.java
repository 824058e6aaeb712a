package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.lumaflow.engine.timeline.Clip;
import org.lumaflow.otio.Otio;
import org.lumaflow.ui.internal.model.Studio;

/**
 * 10a. OpenTimelineIO in the studio: a timeline from another editor opens with its missing media offline (reported,
 * never a failed open), relinks from a folder (undoable), exports as .otio, and the studio goes back to the demo.
 */
final class OtioSteps {

    private OtioSteps() {
    }

    static void run(Workbench wb, Studio studio, Path dir) throws Exception {
        Path library = Files.createDirectories(dir.resolve("library/day1"));
        Files.copy(dir.resolve("segmented.mp4"), library.resolve("shot.mp4")); // a real file the OTIO names
        Path otio = dir.resolve("from-resolve.otio");
        Files.writeString(otio, """
                {"OTIO_SCHEMA": "Timeline.1", "name": "From Resolve", "global_start_time": null,
                 "tracks": {"OTIO_SCHEMA": "Stack.1", "name": "tracks", "children": [
                  {"OTIO_SCHEMA": "Track.1", "name": "V1", "kind": "Video", "children": [
                   {"OTIO_SCHEMA": "Clip.2", "name": "Shot", "source_range": {"OTIO_SCHEMA": "TimeRange.1",
                     "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 30, "value": 0},
                     "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 30, "value": 30}},
                    "media_references": {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "ExternalReference.1",
                      "target_url": "file:///nowhere/shot.mp4"}}, "active_media_reference_key": "DEFAULT_MEDIA",
                    "markers": [{"OTIO_SCHEMA": "Marker.2", "name": "good take", "color": "GREEN",
                      "marked_range": {"OTIO_SCHEMA": "TimeRange.1",
                        "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 30, "value": 10},
                        "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 30, "value": 0}}}]}]}]}}
                """);
        List<String> notes = wb.ui(() -> studio.open(otio));
        assertTrue(notes.stream().anyMatch(n -> n.contains("shot.mp4")), "no offline note: " + notes);
        assertEquals(1, Otio.offline(wb.ui(studio::project)).size());
        Clip shot = wb.ui(() -> studio.timeline().tracks().get(0).clips().get(0));
        assertEquals("Shot", shot.name());
        assertEquals(1, shot.markers().size(), "the clip's marker came along");
        wb.screenshot("10a-otio-offline");

        Map<String, Path> relinked = wb.ui(() -> studio.relink(dir.resolve("library")));
        assertEquals(Map.of(shot.id(), library.resolve("shot.mp4")), relinked);
        assertEquals("media.video", shot.source().type());
        assertTrue(Otio.offline(wb.ui(studio::project)).isEmpty());
        assertEquals("Relink 1 offline clip(s)", wb.ui(() -> studio.edits().undoLabel()));
        RenderResultCheck.assertRendersClean(studio, 15);
        wb.screenshot("10b-otio-relinked");

        Path out = dir.resolve("back.otio");
        wb.ui(() -> studio.exportTimeline(out));
        assertEquals(otio, wb.ui(() -> studio.project().file()), "exporting keeps the project's own file");
        String text = Files.readString(out);
        assertTrue(text.contains("shot.mp4") && text.contains("good take"), text);
        assertEquals("Shot", Otio.read(out).project().timeline().tracks().get(0).clips().get(0).name());

        wb.ui(() -> {
            studio.openDemo(); // ExitSteps starts from the untitled demo
            return null;
        });
    }
}
