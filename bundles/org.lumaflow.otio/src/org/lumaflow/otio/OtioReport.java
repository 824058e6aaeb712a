package org.lumaflow.otio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What reading or writing an OTIO file could not do exactly: media that is offline, and notes (items kept in
 * metadata but not shown, approximations). Reading never fails for these.
 */
public final class OtioReport {

    private final List<OfflineMedia> offline = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Clips whose media was not found, in timeline order. */
    public List<OfflineMedia> offline() {
        return Collections.unmodifiableList(offline);
    }

    /** Other notes, one sentence each, naming the item. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Everything as report lines: "offline media: ..." lines first, then the notes. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (OfflineMedia m : offline) {
            out.add("offline media: " + m.describe());
        }
        out.addAll(notes);
        return out;
    }

    /** Whether there is nothing to report. */
    public boolean isEmpty() {
        return offline.isEmpty() && notes.isEmpty();
    }

    /** Adds an offline clip (used by the reader). */
    public void addOffline(OfflineMedia m) {
        offline.add(m);
    }

    /** Adds a note (used by the reader and writer). */
    public void note(String note) {
        notes.add(note);
    }
}
