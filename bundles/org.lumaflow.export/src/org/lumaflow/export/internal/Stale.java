package org.lumaflow.export.internal;

import java.nio.file.Path;
import java.util.List;

import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.export.ExportListener;

/** Removes what killed exports left beside a destination, and says so. */
final class Stale {

    private Stale() {
    }

    /**
     * Removes the temporaries in {@code output}'s folder whose writer is gone (see {@link PartialFile#removeStale});
     * those of running exports, here or in another process, stay.
     */
    static void remove(Path output, ExportListener listener) {
        List<Path> gone = PartialFile.removeStale(output.toAbsolutePath().getParent());
        if (!gone.isEmpty()) {
            listener.note("removed " + gone.size() + " temporary file(s) left by an interrupted export: "
                    + String.join(", ", gone.stream().map(p -> p.getFileName().toString()).toList()));
        }
    }
}
