package org.lumaflow.decoder.proxy;

import java.nio.file.Path;

/**
 * Where a media file's proxy stands.
 *
 * @param original the media file
 * @param state what is happening
 * @param progress 0..1 while {@link State#RUNNING} (1 when ready)
 * @param message why it failed, why none is needed, or null
 * @param proxy the proxy file when {@link State#READY}, else null
 */
public record ProxyStatus(Path original, State state, double progress, String message, Path proxy) {

    /** The states of a proxy. */
    public enum State {
        /** No current proxy and none being made (never asked, or the file changed since). */
        NONE,
        /** Waiting for the worker. */
        QUEUED,
        /** Being written. */
        RUNNING,
        /** Made and current: preview renders read it when proxies are on. */
        READY,
        /** Making it failed ({@link #message()} says why) or was cancelled. */
        FAILED
    }

    /** Short text for the studio: {@code ready}, {@code 42%}, {@code queued}, {@code failed: why}, {@code -}. */
    public String label() {
        return switch (state) {
            case NONE -> message != null ? message : "-";
            case QUEUED -> "queued";
            case RUNNING -> Math.round(progress * 100) + "%";
            case READY -> "ready";
            case FAILED -> "failed" + (message != null ? ": " + message : "");
        };
    }
}
