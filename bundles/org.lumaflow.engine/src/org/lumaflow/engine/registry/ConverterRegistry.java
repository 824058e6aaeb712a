package org.lumaflow.engine.registry;

import java.util.List;

import org.lumaflow.core.pool.PixelFormat;
import org.osgi.annotation.versioning.ProviderType;

/** Every registered {@link PixelConverter}, as an OSGi service. */
@ProviderType
public interface ConverterRegistry {

    /** The best converter from {@code from} to {@code to}, or null when none is registered. */
    PixelConverter find(PixelFormat from, PixelFormat to);

    /** All converters. */
    List<PixelConverter> all();
}
