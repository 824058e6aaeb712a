package org.lumaflow.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.lumaflow.engine.render.RenderResult;
import org.lumaflow.ui.internal.model.Studio;

/** Renders one frame of the open timeline the way the viewer does and checks it carries no errors. */
final class RenderResultCheck {

    private RenderResultCheck() {
    }

    static void assertRendersClean(Studio studio, long frame) throws Exception {
        studio.readLock().lock();
        try (RenderResult r = studio.newRenderer().renderFrame(frame, 320, 180)) {
            assertTrue(!r.hasErrors(), "frame " + frame + " rendered with errors: " + r.messages());
        } finally {
            studio.readLock().unlock();
        }
    }
}
