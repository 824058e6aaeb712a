package org.lumaflow.decoder;

/**
 * Damage met while decoding that the reader stepped over (the stream goes on): a packet the decoder refused, a
 * picture it concealed or flagged as corrupt, or an error it reported in the middle of the stream.
 *
 * @param ticks   source time of the damaged packet or picture (ticks from the stream's first frame)
 * @param message what happened, for people (FFmpeg's error text where there is one)
 */
public record DecodeError(long ticks, String message) {
}
