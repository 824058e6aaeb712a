package org.lumaflow.otio;

/**
 * A clip whose media could not be found when an OTIO file was read. The clip stays in the timeline with its timing,
 * shows an offline slate and keeps the original media reference (written back on export); {@link Relinker} finds a
 * replacement.
 *
 * @param clipId    the clip's id in the timeline
 * @param clipName  its display name
 * @param track     the name of its track
 * @param reference what the OTIO file referred to (a URL, an image sequence pattern, or the reference's schema when
 *                  it named no file)
 * @param path      the local file that was looked for, or null when the reference named none
 * @param duration  the media's available duration in ticks from the file, or -1 when unknown
 * @param size      the media file's size in bytes when the file recorded it ({@code metadata.lumaflow.size} of the
 *                  reference, written by Lumaflow's export), or -1
 */
public record OfflineMedia(String clipId, String clipName, String track, String reference, String path,
        long duration, long size) {

    /** The file name looked for (the last path element), or null. */
    public String fileName() {
        if (path == null) {
            return null;
        }
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** One line for a report: {@code clip 'A' on track 'V1': file:///m/a.mov (not found: /m/a.mov)}. */
    public String describe() {
        return "clip '" + clipName + "' on track '" + track + "': " + reference
                + (path == null ? " (no file named)" : path.equals(reference) ? " (not found)" : " (not found: "
                        + path + ")");
    }
}
