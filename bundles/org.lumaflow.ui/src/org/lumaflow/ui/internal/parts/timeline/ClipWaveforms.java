package org.lumaflow.ui.internal.parts.timeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.lumaflow.decoder.waveform.Waveform;
import org.lumaflow.decoder.waveform.Waveforms;
import org.lumaflow.engine.timeline.Clip;

/**
 * Waveforms of the timeline's clips for drawing: asked for once per file (measured in the background by
 * {@link Waveforms}, cached on disk), drawn once ready (the timeline repaints when one arrives). Files without audio
 * or that cannot be read have none. UI thread only.
 */
final class ClipWaveforms {

    private final TimelineView view;
    private final Map<Path, CompletableFuture<Waveform>> byFile = new HashMap<>();
    private Waveforms waveforms;

    ClipWaveforms(TimelineView view) {
        this.view = view;
        view.canvas.addListener(org.eclipse.swt.SWT.Dispose, e -> {
            if (waveforms != null) {
                waveforms.close();
            }
        });
    }

    /** {@code c}'s media file when its source is a media file ({@code media.video}, {@code media.audio}), else null. */
    Path fileOf(Clip c) {
        String type = c.source().type();
        Object file = c.source().params().get("file");
        if (!(file instanceof String s) || s.isBlank() || !(type.equals("media.video") || type.equals("media.audio"))) {
            return null;
        }
        Path p = Path.of(s);
        Path base = view.studio.project().baseDir();
        return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }

    /** The waveform of {@code c}'s file when measured; null while it is measured or when there is none. */
    Waveform of(Clip c) {
        Path file = fileOf(c);
        if (file == null) {
            return null;
        }
        CompletableFuture<Waveform> f = byFile.get(file);
        if (f == null) {
            f = start(file);
            if (f == null) {
                return null;
            }
            byFile.put(file, f);
        }
        return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private CompletableFuture<Waveform> start(Path file) {
        try {
            if (waveforms == null) {
                waveforms = new Waveforms(view.studio.services().media(), cacheDir());
            }
        } catch (RuntimeException e) {
            return null; // no media service: no waveforms
        }
        CompletableFuture<Waveform> f = waveforms.of(file);
        f.whenComplete((w, e) -> {
            var canvas = view.canvas;
            if (w != null && !canvas.isDisposed()) {
                canvas.getDisplay().asyncExec(() -> {
                    if (!canvas.isDisposed()) {
                        canvas.redraw();
                    }
                });
            }
        });
        return f;
    }

    /** The studio's own cache beside its settings when it has a home of its own (tests), else the user cache. */
    private static Path cacheDir() {
        String home = System.getProperty("lumaflow.studio.home");
        return home != null ? Path.of(home, "cache", "waveforms") : Waveforms.defaultCacheDir();
    }
}
