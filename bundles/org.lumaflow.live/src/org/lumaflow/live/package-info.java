/**
 * The live side: capture sources, a live composition of engine nodes, one encode, and outputs that record to a file
 * and stream out (SRT, RTMP/RTMPS, WebRTC through WHIP) at once.
 * <p>
 * Sources and output protocols are OSGi whiteboard services: a third-party bundle adds a capture source (an NDI
 * receiver, a capture card) by registering a {@link org.lumaflow.live.LiveSourceProvider}, and a protocol by
 * registering a {@link org.lumaflow.live.LiveOutputProvider}. {@link org.lumaflow.live.LiveService} starts a
 * {@link org.lumaflow.live.LiveSession} from a {@link org.lumaflow.live.LiveConfig}.
 * <p>
 * Stages (capture, process, encode, send) run on their own threads, joined by small channels that drop the oldest
 * frame rather than block capture; every drop is counted in {@link org.lumaflow.live.LiveStats}. Secrets (stream keys,
 * SRT passphrases) never leave {@link org.lumaflow.live.Secrets#mask} unmasked in logs, statistics or errors.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.lumaflow.live;
