/**
 * A timeline's mixed sound ({@link org.lumaflow.export.audio.TimelineAudio}): what exports encode and players play.
 * Not extension API yet (0.x): importers use {@code [0.1,0.2)}.
 */
@Version("0.1.0")
package org.lumaflow.export.audio;

import org.osgi.annotation.versioning.Version;
