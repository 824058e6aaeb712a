package org.lumaflow.live;

/**
 * A capture source found on this machine (a display, a camera, an audio device) or always available (a test
 * pattern).
 *
 * @param kind        the provider's kind ({@code screen}, {@code camera}, {@code audio}, {@code url}, {@code test})
 * @param spec        what follows {@code KIND:} on the command line to open it (e.g. {@code :0.0+0,0 1280x720},
 *                    {@code /dev/video0})
 * @param description one line for people (device name, size, formats)
 * @param video       whether it delivers pictures
 * @param audio       whether it delivers sound
 */
public record SourceInfo(String kind, String spec, String description, boolean video, boolean audio) {
}
