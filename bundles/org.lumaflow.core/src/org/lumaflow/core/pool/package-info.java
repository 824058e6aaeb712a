/**
 * Off-heap, reference-counted frames and the pool they are leased from ({@link FramePool}, {@link Frame},
 * {@link FrameKey}, {@link PixelFormat}). Extension API: consumers import {@code [1.0,2.0)}.
 */
@Version("1.1.0")
package org.lumaflow.core.pool;

import org.osgi.annotation.versioning.Version;
