/**
 * Whiteboard registries: {@link NodeRegistry} (node types, their providers and failures) and
 * {@link ConverterRegistry} ({@link PixelConverter} services). Extension API: plugins import {@code [1.0,2.0)}.
 * 1.1 added {@link NodeRegistry#failures()} and {@link NodeRegistry#clearFailures(String)}.
 */
@Version("1.1.0")
package org.lumaflow.engine.registry;

import org.osgi.annotation.versioning.Version;
