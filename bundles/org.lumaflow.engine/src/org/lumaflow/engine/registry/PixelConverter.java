package org.lumaflow.engine.registry;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Converts frames between two pixel formats; registered as an OSGi service (whiteboard). The service property
 * {@code service.ranking} chooses among converters for the same pair (highest wins).
 */
@ConsumerType
public interface PixelConverter {

    /** Converter id, {@code namespace.name}. */
    String id();

    /** Source format. */
    PixelFormat from();

    /** Destination format. */
    PixelFormat to();

    /** Converts {@code src} into {@code dst} (same width and height); writes every byte of {@code dst}. */
    void convert(Frame src, Frame dst);
}
