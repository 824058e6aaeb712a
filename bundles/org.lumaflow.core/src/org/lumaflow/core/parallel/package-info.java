/**
 * {@link Parallel#rows}: a frame's rows processed on all cores, on the product's pixel workers. Extension API:
 * consumers import {@code [1.0,2.0)}.
 */
@Version("1.0.0")
package org.lumaflow.core.parallel;

import org.osgi.annotation.versioning.Version;
