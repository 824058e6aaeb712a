package org.lumaflow.engine.vulkan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The backend's own GLSL sources, shipped in the bundle's {@code shaders/} folder. */
public final class Shaders {

    private Shaders() {
    }

    /** The source of {@code shaders/NAME.comp}. */
    public static String source(String name) {
        try (InputStream in = Shaders.class.getResourceAsStream("/shaders/" + name + ".comp")) {
            if (in == null) {
                throw new IllegalArgumentException("no shader " + name + " in " + Shaders.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
