/**
 * Media time for Lumaflow Studio.
 *
 * <p>Time is a plain {@code long} count of {@linkplain Ticks ticks} (flicks, 1/705,600,000 s), in which
 * every common video frame rate and audio sample rate is exact, so timeline arithmetic is plain integer
 * addition with no drift and no allocation. {@link Rational} is the slow exact type used at the edges
 * (parsing, serialization, external timecode equality); {@link FrameRate} and {@link Timecode} convert
 * between ticks, frame indices and SMPTE timecode. Any positive rational frame rate works: frame boundaries are
 * rounded to ticks once, from the frame index. 1.1.0: any frame rate, {@code FrameRate.frameDuration},
 * {@code isTickExact}, {@code Ticks.fromUnits}. Extension API: consumers import {@code [1.0,2.0)}.
 */
@Version("1.1.0")
package org.lumaflow.core.time;

import org.osgi.annotation.versioning.Version;
