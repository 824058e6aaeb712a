package org.lumaflow.export;

/**
 * One encoder candidate and the outcome of probing it (a tiny frame actually encoded, with a timeout).
 *
 * @param name FFmpeg encoder name
 * @param hardware whether it runs on a GPU / media engine
 * @param usable whether the probe succeeded
 * @param reason why it is not usable (or {@code "ok"})
 */
public record EncoderChoice(String name, boolean hardware, boolean usable, String reason) {

    @Override
    public String toString() {
        return name + (usable ? ": ok" : ": skipped, " + reason);
    }
}
